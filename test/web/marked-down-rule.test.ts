import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HistoryRow, RoundHistory } from "../../api/services/round-history.js";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const API = "/campaigns/c2026/units/P01";
const ROUNDS = `${API}/rounds`;
const PAGE = "/work/c2026/P01";

/** The item cards an area page flags as marked down. */
const flagged = (html: string) => [...html.matchAll(/<article class="card item appraisal marked-down" id="item-([^"]+)"/g)].map((m) => m[1]);

/**
 * One rule for "marked down", wherever it shows: the items appraisal round 1 scored below the
 * self-assessment, as the service enforces for the explanation round, never the live report's
 * appraised < self. In round 2, P01's 1.1.2 (1 → 0.5 → 1) is restored, and 1.2.3 (1.5 → 1.5 → 1) and
 * 1.2.1 (a corrected fact, 0.5 → 0.5 → 0) are lowered for the first time: the live report would flag
 * 1.2.1 and 1.2.3 and not 1.1.2.
 */
describe.each(BACKENDS)("one marked-down rule on every page: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "web", () => {
    let f: Fixture;
    let scorer: ReturnType<typeof webClient>;
    let ward: ReturnType<typeof webClient>;
    const put = async (path: string, token: string, body: unknown) => {
      const r = await f.request("PUT", path, { token, body, headers: { "if-match": '"0"' } });
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    };
    const move = async (action: string, token: string) => {
      const etag = (await f.request("GET", API, { token: f.tokens.admin })).etag!;
      expect((await f.request("POST", `${API}/transitions/${action}`, { token, headers: { "if-match": etag } })).status).toBe(200);
    };

    beforeAll(async () => {
      f = await openFixture(backend);
      const passwords = await givePasswords(f);
      await put(`${ROUNDS}/self/items/1.1.2`, f.tokens.p01, { points: 1 });
      await put(`${ROUNDS}/self/items/1.2.3`, f.tokens.p01, { points: 1.5 });
      await put(`${ROUNDS}/self/facts/law_enforcement_plan_issued`, f.tokens.p01, { value: true });
      await move("submit", f.tokens.p01);
      await put(`${ROUNDS}/appraisal1/items/1.1.2`, f.tokens.scorer, { points: 0.5, comment: "Thiếu báo cáo quý II" });
      await put(`${ROUNDS}/appraisal1/items/1.2.3`, f.tokens.scorer, { points: 1.5 });
      await move("request-explanation", f.tokens.scorer);
      await put(`${ROUNDS}/explanation/items/1.1.2`, f.tokens.p01, { comment: "Đã bổ sung báo cáo quý II" });
      await move("submit-explanation", f.tokens.p01);
      await put(`${ROUNDS}/appraisal2/items/1.1.2`, f.tokens.scorer, { points: 1, comment: "Đủ" });
      await put(`${ROUNDS}/appraisal2/items/1.2.3`, f.tokens.scorer, { points: 1, comment: "Xem lại" });
      await put(`${ROUNDS}/appraisal2/facts/law_enforcement_plan_issued`, f.tokens.scorer, { value: false, comment: "Chưa ban hành" });
      scorer = webClient(f);
      await scorer.signIn("scorer", passwords.scorer!.password);
      ward = webClient(f);
      await ward.signIn("p01", passwords.p01!.password);
    }, 60_000);
    afterAll(async () => f?.close());

    it("the API's round history flags round 1's items", async () => {
      const body = (await f.request("GET", ROUNDS, { token: f.tokens.scorer })).body as RoundHistory;
      const row = (code: string): HistoryRow => body.sections.flatMap((s) => s.rows).find((r) => r.code === code)!;
      expect(["1.1.2", "1.2.1", "1.2.3"].map((code) => row(code).markedDown)).toEqual([true, false, false]);
      expect(["1.1.2", "1.2.1", "1.2.3"].map((code) => row(code).final)).toEqual([1, 0, 1]);
    });

    it("the area page flags and counts round 1's items", async () => {
      const area = await scorer.get(`${PAGE}/area/1`);
      expect(area.status).toBe(200);
      expect(flagged(area.html)).toEqual(["1.1.2"]);
      expect(area.html).toMatch(/Tiêu chí bị trừ điểm<\/dt><dd>1<\/dd>/);
    });

    it("the overview counts round 1's items per area", async () => {
      const overview = await scorer.get(PAGE);
      expect(overview.status).toBe(200);
      const row = /<tr>\s*<th scope="row">(?:(?!<\/tr>)[\s\S])*?<a href="\/work\/c2026\/P01\/area\/1"[\s\S]*?<\/tr>/.exec(overview.html)?.[0] ?? "";
      expect(row).toContain("▼ 1");
    });

    it("the confirmation page lists round 1's items with their points now", async () => {
      const confirm = await scorer.get(`${PAGE}/finalise`);
      expect(confirm.status).toBe(200);
      const list = /<ul class="down-list">[\s\S]*?<\/ul>/.exec(confirm.html)?.[0] ?? "";
      expect([...list.matchAll(/#item-([^"]+)"/g)].map((m) => m[1])).toEqual(["1.1.2"]);
      expect(list).toMatch(/1 → <strong>1<\/strong> · Nhận xét: “Đủ”/);
    });

    it("the ward's explanation page listed the same items", async () => {
      const explanation = await ward.get("/assess/c2026/P01/explanation");
      expect([...explanation.html.matchAll(/<article class="card item" id="item-([^"]+)"/g)].map((m) => m[1])).toEqual(["1.1.2"]);
    });
  });
});
