import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "./api-fixture.js";
import { BACKENDS } from "./backends.js";
import type { HistoryRow, RoundHistory } from "../../api/services/round-history.js";

const P01 = "/campaigns/c2026/units/P01";
const ROUNDS = `${P01}/rounds`;

/**
 * Every round's points and comments stay available per item (GET …/rounds), from the entries
 * stored per round; and the explanation round takes replies only on the items round 1 marked down.
 * P01: 1.1.2 (manual) 1 → 0.5 → 1; 1.2.1 (a rule on a fact) 0.5 → 0 by a corrected fact; 1.2.3 accepted at 1.5.
 */
describe.each(BACKENDS)("round history and the explanation round: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "service", () => {
    let f: Fixture;
    const put = (path: string, token: string, body: unknown, version = 0) => f.request("PUT", path, { token, body, headers: { "if-match": `"${version}"` } });
    const move = async (action: string, token: string) =>
      f.request("POST", `${P01}/transitions/${action}`, { token, headers: { "if-match": (await f.request("GET", P01, { token: f.tokens.admin })).etag! } });
    const history = async (token = f.tokens.scorer): Promise<RoundHistory> => (await f.request("GET", ROUNDS, { token })).body;
    const row = (body: RoundHistory, code: string): HistoryRow => body.sections.flatMap((s) => s.rows).find((r) => r.code === code)!;

    beforeAll(async () => {
      f = await openFixture(backend);
      for (const [path, body] of [
        [`${ROUNDS}/self/items/1.1.2`, { points: 1 }],
        [`${ROUNDS}/self/items/1.2.3`, { points: 1.5 }],
        [`${ROUNDS}/self/facts/law_enforcement_plan_issued`, { value: true }],
      ] as const)
        expect((await put(path, f.tokens.p01, body)).status).toBe(200);
      expect((await move("submit", f.tokens.p01)).status).toBe(200);
      for (const [path, body] of [
        [`${ROUNDS}/appraisal1/items/1.1.2`, { points: 0.5, comment: "Thiếu báo cáo quý II" }],
        [`${ROUNDS}/appraisal1/items/1.2.3`, { points: 1.5, comment: "Đạt" }],
        [`${ROUNDS}/appraisal1/facts/law_enforcement_plan_issued`, { value: false, comment: "Kế hoạch chưa ban hành" }],
      ] as const)
        expect((await put(path, f.tokens.scorer, body)).status).toBe(200);
      expect((await move("request-explanation", f.tokens.scorer)).status).toBe(200);
    }, 60_000);
    afterAll(async () => f?.close());

    it("flags the items round 1 marked down, a rule item whose fact was corrected included", async () => {
      const body = await history(f.tokens.p01);
      expect(body.rounds).toEqual(["self", "appraisal1", "explanation"]);
      expect([row(body, "1.1.2").markedDown, row(body, "1.2.1").markedDown, row(body, "1.2.3").markedDown]).toEqual([true, true, false]);
      expect(row(body, "1.2.1").points).toEqual({ self: 0.5, appraisal1: 0 });
    });

    it.each([
      { code: "1.1.2", status: 200 },
      { code: "1.2.1", status: 200 },
      { code: "1.2.3", status: 422 },
      { code: "2.1.1", status: 422 },
    ])("the unit's reply on $code: $status", async ({ code, status }) => {
      const reply = await put(`${ROUNDS}/explanation/items/${code}`, f.tokens.p01, { comment: `Giải trình ${code}` });
      expect(reply.status).toBe(status);
      if (status === 422)
        expect(reply.body.error.problems).toEqual([
          {
            code: "not-marked-down",
            path: "",
            message: expect.stringContaining(`item ${code} was not marked down`),
            vi: expect.stringContaining(`tiêu chí ${code} không bị trừ điểm ở vòng thẩm định lần 1`),
          },
        ]);
    });

    it("keeps round 1's points and comments after round 2 changes them, with totals per round", async () => {
      expect((await move("submit-explanation", f.tokens.p01)).status).toBe(200);
      expect((await put(`${ROUNDS}/appraisal2/items/1.1.2`, f.tokens.scorer, { points: 1, comment: "Đã bổ sung đủ" })).status).toBe(200);
      const body = await history();
      expect(body.rounds).toEqual(["self", "appraisal1", "explanation", "appraisal2"]);
      const item = row(body, "1.1.2");
      expect(item.points).toEqual({ self: 1, appraisal1: 0.5, appraisal2: 1 });
      expect(item.final).toBe(1);
      expect(item.entries).toEqual({
        self: { points: 1 },
        appraisal1: { points: 0.5, comment: "Thiếu báo cáo quý II" },
        explanation: { comment: "Giải trình 1.1.2" },
        appraisal2: { points: 1, comment: "Đã bổ sung đủ" },
      });
      expect(row(body, "1.2.3").entries).toEqual({ self: { points: 1.5 }, appraisal1: { points: 1.5, comment: "Đạt" } });
      expect(body.sections.find((s) => s.code === "1")!.points).toEqual({ self: 3, appraisal1: 2, appraisal2: 2.5 });
      const { self, appraisal1, appraisal2 } = body.totals;
      expect([appraisal1!.total - self!.total, appraisal2!.total - appraisal1!.total]).toEqual([-1, 0.5]);
      expect(body.final).toMatchObject({ source: "live", total: appraisal2!.total, index: appraisal2!.index });
    });

    it("after finalisation the final figures are the snapshot's and every round is still there", async () => {
      expect((await move("finalise", f.tokens.scorer)).status).toBe(200);
      const body = await history(f.tokens.p01);
      const report = (await f.request("GET", `${P01}/report`, { token: f.tokens.p01 })).body.report;
      expect(body.final).toMatchObject({ source: "snapshot", total: report.totals.total, indexText: report.totals.indexText });
      expect(row(body, "1.1.2").points).toEqual({ self: 1, appraisal1: 0.5, appraisal2: 1 });
    });

    it.each([
      { who: "another ward", token: () => f.tokens.p02, status: 403 },
      { who: "the public", token: () => undefined, status: 401 },
      { who: "an administrator", token: () => f.tokens.admin, status: 200 },
    ])("$who: $status", async ({ token, status }) => {
      expect((await f.request("GET", ROUNDS, { token: token() })).status).toBe(status);
    });

    it("answers 404 for a unit outside the campaign", async () => {
      expect((await f.request("GET", "/campaigns/c2026/units/NOPE/rounds", { token: f.tokens.scorer })).status).toBe(404);
    });
  });
});
