import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const P01 = "/campaigns/c2026/units/P01";
const ROUNDS = `${P01}/rounds`;
const PAGE = "/work/c2026/P01/report";

/** The text of one item's row of the report page, tags stripped. */
function rowText(html: string, code: string): string {
  const start = html.indexOf(`<th scope="row">${code}</th>`);
  expect(start, `row ${code} on the page`).toBeGreaterThan(0);
  return html
    .slice(start, html.indexOf("</tr>", start))
    .replace(/<[^>]+>/g, "|")
    .replace(/\|+/g, "|");
}

/** The report page keeps every round's points and comments: P01's 1.1.2 goes 1 → 0,5 → 1 over the four rounds. */
describe.each(BACKENDS)("the report page of every round: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "web", () => {
    let f: Fixture;
    let passwords: Record<string, { login: string; password: string }>;
    const put = async (path: string, token: string, body: unknown) =>
      expect((await f.request("PUT", path, { token, body, headers: { "if-match": '"0"' } })).status).toBe(200);
    const move = async (action: string, token: string) => {
      const etag = (await f.request("GET", P01, { token: f.tokens.admin })).etag!;
      expect((await f.request("POST", `${P01}/transitions/${action}`, { token, headers: { "if-match": etag } })).status).toBe(200);
    };
    const signedIn = async (login: string) => {
      const client = webClient(f);
      await client.signIn(login, passwords[login]!.password);
      return client;
    };

    beforeAll(async () => {
      f = await openFixture(backend);
      passwords = await givePasswords(f);
      await put(`${ROUNDS}/self/items/1.1.2`, f.tokens.p01, { points: 1 });
      await put(`${ROUNDS}/self/items/1.2.3`, f.tokens.p01, { points: 1.5 });
      await move("submit", f.tokens.p01);
      await put(`${ROUNDS}/appraisal1/items/1.1.2`, f.tokens.scorer, { points: 0.5, comment: "Thiếu báo cáo quý II" });
      await put(`${ROUNDS}/appraisal1/items/1.2.3`, f.tokens.scorer, { points: 1.5, comment: "Đạt" });
      await move("request-explanation", f.tokens.scorer);
      await put(`${ROUNDS}/explanation/items/1.1.2`, f.tokens.p01, { comment: "Đã nộp báo cáo quý II" });
      await move("submit-explanation", f.tokens.p01);
      await put(`${ROUNDS}/appraisal2/items/1.1.2`, f.tokens.scorer, { points: 1, comment: "Đã bổ sung đủ" });
    }, 60_000);
    afterAll(async () => f?.close());

    it("shows a column per round with each round's points and comments, the change and the mark-down visible", async () => {
      const page = await (await signedIn("scorer")).get(PAGE);
      expect(page.status).toBe(200);
      for (const round of ["Tự chấm", "Thẩm định lần 1", "Giải trình", "Thẩm định lần 2"]) expect(page.html).toContain(`<th scope="col">${round}</th>`);
      expect(rowText(page.html, "1.1.2")).toMatch(
        /\|1\|Thiếu báo cáo quý II\|0,5\|Thiếu báo cáo quý II|\|1\|0,5\|Thiếu báo cáo quý II\|Đã nộp báo cáo quý II\|1\|Đã bổ sung đủ\|1\|/,
      );
      expect(rowText(page.html, "1.1.2")).toContain("bị trừ điểm");
      expect(rowText(page.html, "1.2.3")).not.toContain("bị trừ điểm");
      expect(page.html).toMatch(/<tr class="marked-down-row depth-\d"><th scope="row">1\.1\.2<\/th>/);
      expect(page.html).toContain('<td class="changed">');
      expect(page.html).toContain('href="/work/c2026/P01"');
    });

    it("in English too", async () => {
      const page = await (await signedIn("scorer")).get(`${PAGE}?lang=en`);
      expect(page.status).toBe(200);
      expect(page.html).toContain("Appraisal round 2");
      expect(rowText(page.html, "1.1.2")).toContain("marked down");
    });

    it("the unit reads its own report; another unit is refused and the public is sent to sign in", async () => {
      const own = await (await signedIn("p01")).get(PAGE);
      expect(own.status).toBe(200);
      expect(own.html).not.toContain('href="/work/c2026/P01"');
      expect((await (await signedIn("p02")).get(PAGE)).status).toBe(403);
      const anonymous = await webClient(f).get(PAGE);
      expect(anonymous.status).toBe(303);
    });
  });
});
