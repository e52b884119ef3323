import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webClient } from "../web/web-client.js";
import { DEADLINES, type Fixture, openFixture } from "./api-fixture.js";
import { BACKENDS } from "./backends.js";

const LATE = new Date(Date.parse(DEADLINES.self) + 3_600_000);
const EXTENDED = "2026-04-07T17:00:00+07:00";

/**
 * The administrator's year on both databases: a deactivated user loses the token, the sessions
 * and the sign-in (and gets them back when reactivated); a deadline extended for one unit lets
 * that unit save after the campaign's deadline while the others stay refused, and is audited.
 */
describe.each(BACKENDS)("users and deadlines: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "service", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await openFixture(backend);
    }, 60_000);
    afterAll(async () => f?.close());

    const userNamed = async (name: string) =>
      ((await f.request("GET", "/users", { token: f.tokens.admin })).body as { id: string; name: string; active: boolean }[]).find((u) => u.name === name)!;

    it("creates a user with a login and password, then deactivation ends the token, the sessions and the sign-in; reactivation restores them", async () => {
      const created = await f.request("POST", "/users", {
        token: f.tokens.admin,
        body: { name: "UBND X01", role: "unit", unit: "X01", login: "x01", password: "mat-khau-xa-dong-hung" },
      });
      expect(created).toMatchObject({ status: 201, body: { login: "x01" } });
      const { id, token } = created.body as { id: string; token: string };
      const web = webClient(f);
      expect((await web.signIn("x01", "mat-khau-xa-dong-hung")).status).toBe(303);
      expect((await web.get("/")).html).toContain("UBND X01");
      expect((await f.request("GET", "/campaigns/c2026/units/X01", { token })).status).toBe(200);

      const off = await f.request("PUT", `/users/${id}/active`, { token: f.tokens.admin, body: { active: false, changeReason: "chuyển công tác" } });
      expect(off).toMatchObject({ status: 200, body: { id, active: false } });
      expect(await f.request("GET", "/campaigns/c2026/units/X01", { token })).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
      expect((await web.get("/")).html).not.toContain("UBND X01");
      expect(await f.store.db.selectFrom("sessions").selectAll().where("user_id", "=", id).execute()).toEqual([]);
      expect((await webClient(f).signIn("x01", "mat-khau-xa-dong-hung")).status).toBe(400);
      expect(await userNamed("UBND X01")).toMatchObject({ active: false });
      const audit = await f.store.listAudit({ code: id, limit: 10 });
      expect(audit.find((a) => a.action === "user.deactivate")).toMatchObject({ reason: "chuyển công tác" });

      expect((await f.request("PUT", `/users/${id}/active`, { token: f.tokens.admin, body: { active: true } })).status).toBe(200);
      expect((await f.request("GET", "/campaigns/c2026/units/X01", { token })).status).toBe(200);
      expect((await webClient(f).signIn("x01", "mat-khau-xa-dong-hung")).status).toBe(303);
    });

    it.each([
      { who: "a scorer", token: () => f.tokens.scorer, body: { active: false }, status: 403 },
      { who: "the public", token: () => undefined, body: { active: false }, status: 401 },
    ])("refuses deactivation by $who", async ({ token, body, status }) => {
      const { id } = await userNamed("UBND P02");
      expect((await f.request("PUT", `/users/${id}/active`, { token: token(), body })).status).toBe(status);
    });

    it("refuses an administrator deactivating themselves, and a unit for a scorer; assigns a unit user to another unit", async () => {
      const admin = await userNamed("Quản trị");
      expect(await f.request("PUT", `/users/${admin.id}/active`, { token: f.tokens.admin, body: { active: false } })).toMatchObject({ status: 422 });
      const scorer = await userNamed("Thẩm định viên");
      expect(await f.request("PUT", `/users/${scorer.id}/unit`, { token: f.tokens.admin, body: { unit: "P01" } })).toMatchObject({
        status: 422,
        body: { error: { problems: [{ code: "unit-not-allowed", path: "unit" }] } },
      });
      const p02 = await userNamed("UBND P02");
      expect(await f.request("PUT", `/users/${p02.id}/unit`, { token: f.tokens.admin, body: { unit: "P404" } })).toMatchObject({
        status: 422,
        body: { error: { problems: [{ code: "unknown-unit" }] } },
      });
      expect(await f.request("PUT", `/users/${p02.id}/unit`, { token: f.tokens.admin, body: { unit: "X01" } })).toMatchObject({ status: 200 });
      expect((await f.request("GET", "/campaigns/c2026/units/X01", { token: f.tokens.p02 })).status).toBe(200);
      expect((await f.request("GET", "/campaigns/c2026/units/P02", { token: f.tokens.p02 })).status).toBe(403);
      expect(await f.request("PUT", `/users/${p02.id}/unit`, { token: f.tokens.admin, body: { unit: "P02" } })).toMatchObject({ status: 200 });
      expect(await f.store.listAudit({ code: p02.id, limit: 10 })).toMatchObject([
        { action: "user.unit", unit_code: "X01" },
        { action: "user.unit", unit_code: "P02" },
      ]);
    });

    it("lists every problem of a new user at once", async () => {
      const r = await f.request("POST", "/users", { token: f.tokens.admin, body: { name: " ", role: "unit", login: "X", password: "short" } });
      expect(r.status).toBe(422);
      expect((r.body.error.problems as { path: string }[]).map((p) => p.path).sort()).toEqual(["login", "name", "password", "unit"]);
    });

    it("refuses a late save without an extension and accepts it with one; the extension is audited and binds only its unit", async () => {
      const save = (unit: string, token: string) =>
        f.request("PUT", `/campaigns/c2026/units/${unit}/rounds/self/items/1.1.2`, { token, body: { points: 1 }, headers: { "if-match": '"0"' } });
      f.clock.now = LATE;
      expect(await save("P01", f.tokens.p01)).toMatchObject({ status: 409, body: { error: { code: "deadline-passed" } } });

      const extend = (body: unknown, token = f.tokens.admin) => f.request("PUT", "/campaigns/c2026/units/P01/deadlines/self", { token, body });
      expect((await extend({ until: EXTENDED, reason: "ngập lụt" }, f.tokens.scorer)).status).toBe(403);
      const tooEarly = await extend({ until: "2026-03-30T17:00:00Z", reason: "  " });
      expect(tooEarly.status).toBe(422);
      expect((tooEarly.body.error.problems as { path: string }[]).map((p) => p.path).sort()).toEqual(["reason", "until"]);
      expect(await extend({ until: EXTENDED, reason: "Trụ sở bị ngập lụt" })).toMatchObject({
        status: 200,
        body: { unitCode: "P01", round: "self", until: "2026-04-07T10:00:00.000Z", reason: "Trụ sở bị ngập lụt" },
      });

      expect((await save("P01", f.tokens.p01)).status).toBe(200);
      expect(await save("P02", f.tokens.p02)).toMatchObject({ status: 409, body: { error: { code: "deadline-passed" } } });
      const assessment = await f.request("GET", "/campaigns/c2026/units/P01", { token: f.tokens.p01 });
      expect(assessment.body).toMatchObject({
        deadlines: { self: "2026-04-07T10:00:00.000Z", appraisal1: DEADLINES.appraisal1 },
        extensions: [{ round: "self", reason: "Trụ sở bị ngập lụt" }],
      });
      const audit = await f.store.listAudit({ campaignId: "c2026", unitCode: "P01", code: "self", limit: 10 });
      expect(audit).toMatchObject([
        { action: "deadline.extend", reason: "Trụ sở bị ngập lụt", before: JSON.stringify({ round: "self", until: DEADLINES.self }) },
      ]);
      expect((await f.request("GET", "/campaigns/c2026/extensions", { token: f.tokens.scorer })).body).toMatchObject([{ unitCode: "P01", round: "self" }]);
      const worklist = (await f.request("GET", "/campaigns/c2026/worklist", { token: f.tokens.scorer })).body as {
        units: { code: string; deadline: { at: string } | null }[];
      };
      expect(worklist.units.find((u) => u.code === "P01")?.deadline?.at).toBe("2026-04-07T10:00:00.000Z");
      expect(worklist.units.find((u) => u.code === "P02")?.deadline?.at).toBe(DEADLINES.self);

      f.clock.now = new Date("2026-04-07T10:01:00Z");
      const late = await f.request("PUT", "/campaigns/c2026/units/P01/rounds/self/items/1.1.2", {
        token: f.tokens.p01,
        body: { points: 0.5 },
        headers: { "if-match": '"1"' },
      });
      expect(late).toMatchObject({ status: 409, body: { error: { code: "deadline-passed" } } });
    });

    it("changes the campaign's deadlines with If-Match, in order, audited", async () => {
      f.clock.now = new Date("2026-03-01T08:00:00Z");
      const campaign = await f.request("GET", "/campaigns/c2026", { token: f.tokens.admin });
      const deadlines = { ...DEADLINES, self: "2026-04-10T10:00:00.000Z" };
      const change = (body: unknown, version: string) =>
        f.request("PUT", "/campaigns/c2026/deadlines", { token: f.tokens.admin, body, headers: { "if-match": version } });
      expect(await change({ ...deadlines, appraisal1: "2026-04-01T00:00:00Z" }, campaign.etag!)).toMatchObject({
        status: 422,
        body: { error: { problems: [{ code: "deadline-order", path: "deadlines.appraisal1" }] } },
      });
      expect(await change(deadlines, '"99"')).toMatchObject({ status: 412 });
      const changed = await change({ ...deadlines, changeReason: "theo công văn 12" }, campaign.etag!);
      expect(changed).toMatchObject({ status: 200, body: { deadlines: { self: "2026-04-10T10:00:00.000Z" } } });
      expect(changed.etag).not.toBe(campaign.etag);
      const audit = await f.store.listAudit({ campaignId: "c2026", limit: 100 });
      expect(audit.at(-1)).toMatchObject({ action: "campaign.deadlines", reason: "theo công văn 12" });
    });
  });
});
