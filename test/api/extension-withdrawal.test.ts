import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLINES, type Fixture, openFixture } from "./api-fixture.js";
import { BACKENDS } from "./backends.js";

const EXTENSION = "/campaigns/c2026/units/P01/deadlines/self";
const LATE = new Date(Date.parse(DEADLINES.self) + 3_600_000);
const EXTENDED = "2026-04-07T10:00:00.000Z";

/**
 * An extension given by mistake can be taken back, with a reason: only the administrator, only an
 * extension that exists; afterwards the unit's deadline is the campaign's again everywhere (the
 * deadline check, the assessment, the worklist), and the audit trail keeps the extension withdrawn.
 */
describe.each(BACKENDS)("withdrawing a deadline extension: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "service", () => {
    let f: Fixture;
    const withdraw = (body: unknown, token: () => string | undefined = () => f.tokens.admin, path = EXTENSION) =>
      f.request("DELETE", path, { token: token(), body });
    const save = (points: number, version: string) =>
      f.request("PUT", "/campaigns/c2026/units/P01/rounds/self/items/1.1.2", { token: f.tokens.p01, body: { points }, headers: { "if-match": version } });

    beforeAll(async () => {
      f = await openFixture(backend);
      const extended = await f.request("PUT", EXTENSION, { token: f.tokens.admin, body: { until: EXTENDED, reason: "Trụ sở bị ngập lụt" } });
      expect(extended.status).toBe(200);
      f.clock.now = LATE;
      expect((await save(1, '"0"')).status, "the extension lets P01 save late").toBe(200);
    }, 60_000);
    afterAll(async () => f?.close());

    it.each([
      { who: "a scorer", token: () => f.tokens.scorer, status: 403 },
      { who: "the unit itself", token: () => f.tokens.p01, status: 403 },
      { who: "the public", token: () => undefined, status: 401 },
    ])("refuses $who: $status", async ({ token, status }) => {
      expect((await withdraw({ reason: "nhầm ngày" }, token)).status).toBe(status);
    });

    it.each([
      { case: "no reason", body: { reason: "   " }, status: 422, code: "reason-required" },
      {
        case: "a round without an extension",
        body: { reason: "nhầm" },
        path: "/campaigns/c2026/units/P01/deadlines/appraisal1",
        status: 404,
        code: "not-found",
      },
      { case: "a unit without an extension", body: { reason: "nhầm" }, path: "/campaigns/c2026/units/P02/deadlines/self", status: 404, code: "not-found" },
    ])("refuses $case ($status) and keeps the extension", async ({ body, path, status, code }) => {
      const refused = await withdraw(body, undefined, path);
      expect(refused.status).toBe(status);
      expect(JSON.stringify(refused.body)).toContain(code);
      expect((await f.request("GET", "/campaigns/c2026/extensions", { token: f.tokens.admin })).body).toMatchObject([{ unitCode: "P01", until: EXTENDED }]);
    });

    it("withdraws with a reason: the campaign's deadline binds the unit again everywhere, audited with before and after", async () => {
      const done = await withdraw({ reason: "Nhập nhầm ngày gia hạn" });
      expect(done).toMatchObject({
        status: 200,
        body: { unitCode: "P01", round: "self", until: DEADLINES.self, withdrawn: { until: EXTENDED, reason: "Trụ sở bị ngập lụt" } },
      });
      expect((await f.request("GET", "/campaigns/c2026/extensions", { token: f.tokens.admin })).body).toEqual([]);
      const assessment = await f.request("GET", "/campaigns/c2026/units/P01", { token: f.tokens.p01 });
      expect(assessment.body).toMatchObject({ deadlines: { self: DEADLINES.self }, extensions: [] });
      const worklist = (await f.request("GET", "/campaigns/c2026/worklist", { token: f.tokens.scorer })).body as {
        units: { code: string; deadline: { at: string } }[];
      };
      expect(worklist.units.find((u) => u.code === "P01")?.deadline.at).toBe(DEADLINES.self);
      expect(await save(0.5, '"1"')).toMatchObject({ status: 409, body: { error: { code: "deadline-passed" } } });
      const audit = await f.store.listAudit({ campaignId: "c2026", unitCode: "P01", code: "self", limit: 10 });
      expect(audit.at(-1)).toMatchObject({
        action: "deadline.withdraw",
        reason: "Nhập nhầm ngày gia hạn",
        before: JSON.stringify({ round: "self", until: EXTENDED, reason: "Trụ sở bị ngập lụt" }),
        after: JSON.stringify({ round: "self", until: DEADLINES.self }),
      });
      expect((await withdraw({ reason: "lần nữa" })).status, "nothing left to withdraw").toBe(404);
    });
  });
});
