import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const PAGE = "/work/c2026/P01";
const API = "/campaigns/c2026/units/P01";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const DOCX = Buffer.from("PK\u0003\u0004 not really a document");

/** The hidden fields and buttons of one item's form, as the page rendered them. */
function itemForm(html: string, code: string): string {
  const start = html.indexOf(`id="item-${code}"`);
  expect(start, `item ${code} on the page`).toBeGreaterThan(0);
  return html.slice(start, html.indexOf("</article>", start));
}

describe.each(BACKENDS)("the scorer's appraisal pages: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "web", () => {
    let f: Fixture;
    let scorer: ReturnType<typeof webClient>;
    let scorer2: ReturnType<typeof webClient>;
    let admin: ReturnType<typeof webClient>;
    let ward: ReturnType<typeof webClient>;
    const api = async (method: string, path: string, token: string, body: unknown, headers: Record<string, string>) => {
      const r = await f.request(method, path, { token, ...(Buffer.isBuffer(body) ? { raw: body } : { body }), headers });
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r;
    };
    beforeAll(async () => {
      f = await openFixture(backend);
      const passwords = await givePasswords(f);
      const users = (await f.request("GET", "/users", { token: f.tokens.admin })).body as { id: string; name: string }[];
      const second = users.find((u) => u.name === "Thẩm định viên 2")!;
      await api("PUT", `/users/${second.id}/password`, f.tokens.admin, { login: "scorer2", password: "mat-khau-thu-hai-2026" }, {});
      const p01 = f.tokens.p01;
      await api("PUT", `${API}/evidence/KH-01`, p01, { title: "Kế hoạch kiểm tra", number: "12/KH-UBND" }, { "if-none-match": "*" });
      await api("PUT", `${API}/evidence/KH-01/file?name=ke-hoach.pdf`, p01, PDF, { "content-type": "application/pdf", "if-match": '"1"' });
      await api("PUT", `${API}/evidence/BB-02`, p01, { title: "Biên bản" }, { "if-none-match": "*" });
      const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      await api("PUT", `${API}/evidence/BB-02/file?name=bien-ban.docx`, p01, DOCX, { "content-type": docx, "if-match": '"1"' });
      await api("PUT", `${API}/rounds/self/items/1.1.2`, p01, { points: 1, evidence: ["KH-01", "BB-02"] }, { "if-match": '"0"' });
      await api("PUT", `${API}/rounds/self/items/1.2.3`, p01, { points: 1.5 }, { "if-match": '"0"' });
      await api("PUT", `${API}/rounds/self/facts/law_enforcement_plan_issued`, p01, { value: true }, { "if-match": '"0"' });
      const etag = (await f.request("GET", API, { token: p01 })).etag!;
      await api("POST", `${API}/transitions/submit`, p01, undefined, { "if-match": etag });
      f.clock.now = new Date("2026-04-05T03:00:00Z");
      scorer = webClient(f);
      await scorer.signIn("scorer", passwords.scorer!.password);
      admin = webClient(f);
      await admin.signIn("admin", passwords.admin!.password);
      ward = webClient(f);
      await ward.signIn("p01", passwords.p01!.password);
      scorer2 = webClient(f);
      await scorer2.signIn("scorer2", "mat-khau-thu-hai-2026");
    }, 60_000);
    afterAll(async () => f?.close());

    it.each(["", "/area/1", "/request-explanation", "/evidence/KH-01"])(
      "shows %s only to staff: the ward gets 403, the public is sent to sign in",
      async (path) => {
        const refused = await ward.get(`${PAGE}${path}`);
        expect(refused.status).toBe(403);
        const anonymous = await webClient(f).get(`${PAGE}${path}`);
        expect(anonymous.status).toBe(303);
        expect(anonymous.location).toBe(`/sign-in?next=${encodeURIComponent(`${PAGE}${path}`)}`);
      },
    );

    it("shows the overview: state, the round-1 deadline in Vietnam time with the time left, and per area the progress", async () => {
      const page = await scorer.get(PAGE);
      expect(page.status).toBe(200);
      expect(page.html).toContain("Phường Tân Lập");
      expect(page.html).toContain("Đã nộp, chờ thẩm định");
      expect(page.html).toContain("01/05/2026 00:00");
      expect(page.html).toContain("còn 25 ngày 14 giờ");
      expect(page.html).toMatch(
        /href="\/work\/c2026\/P01\/area\/1">1\. [^<]+<\/a><\/th><td class="num">[\d,]+<\/td><td class="num">–<\/td><td class="num">7<\/td><td class="num">0 trên 8<\/td>/,
      );
      expect(page.html).toContain('href="/work/c2026/P01/report"');
      expect(page.html, "nothing to request before an appraisal").not.toContain("/request-explanation");
      expect(page.html, "a strict CSP blocks inline styles and scripts").not.toMatch(/ style=|<script(?![^>]*\ssrc=)|\son[a-z]+=/);
    });

    it("offers only the item's allowed values, refuses any other, and shows the facts, the localised explanation and the evidence", async () => {
      const page = await scorer.get(`${PAGE}/area/1`);
      expect(page.status).toBe(200);
      const card = itemForm(page.html, "1.1.2");
      expect([...card.matchAll(/name="points-1\.1\.2" value="([^"]+)"/g)].map((m) => m[1])).toEqual(["0", "0.5", "1"]);
      expect(card).toMatch(/name="points-1\.1\.2" value="1" checked/);
      expect(card).toContain('href="/work/c2026/P01/evidence/KH-01" target="_blank" rel="noopener">Mở ke-hoach.pdf');
      expect(page.html, "the first item not appraised has the focus").toMatch(/id="item-1\.1\.1"[^>]*tabindex="-1" autofocus/);
      expect(itemForm(page.html, "1.2.1")).toContain("Có");
      const refused = await scorer.post(`${PAGE}/items/1.1.2`, { "v-item": "0", "points-1.1.2": "0.3" });
      expect(refused.status).toBe(422);
      expect(refused.html).toContain("0.3 không hợp lệ cho &quot;1.1.2&quot;. Chỉ được chấm: 0, 0.5, 1");
      expect((await f.request("GET", `${API}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer })).body.version).toBe(0);
    });

    it("serves a PDF inline with its stored type and nosniff, a DOCX as a download", async () => {
      const pdf = await scorer.get(`${PAGE}/evidence/KH-01`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''ke-hoach.pdf");
      expect(pdf.headers.get("x-content-type-options")).toBe("nosniff");
      const docx = await scorer.get(`${PAGE}/evidence/BB-02`);
      expect(docx.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''bien-ban.docx");
      expect((await scorer.get(`${PAGE}/evidence/NOPE`)).status).toBe(404);
    });

    it("saves a mark-down with a comment, moves to the next item, flags it; a stale save shows the stored value and who saved it", async () => {
      await scorer.get(`${PAGE}/area/1`);
      const saved = await scorer.post(`${PAGE}/items/1.1.2`, { "v-item": "0", "points-1.1.2": "0.5", "comment-1.1.2": "Thiếu báo cáo quý II" });
      expect(saved.status).toBe(303);
      expect(saved.location).toBe(`${PAGE}/area/1?saved=1.1.2#item-1.1.1`);
      const stored = await f.request("GET", `${API}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer });
      expect(stored.body.value).toEqual({ points: 0.5, comment: "Thiếu báo cáo quý II" });
      expect((await f.request("GET", API, { token: f.tokens.scorer })).body.state).toBe("appraisal1");
      const page = await scorer.get(`${PAGE}/area/1?saved=1.1.2`);
      expect(itemForm(page.html, "1.1.2")).toContain("▼ Bị trừ điểm");
      expect(itemForm(page.html, "1.1.1")).toContain("Đã lưu thẩm định tiêu chí 1.1.2.");
      expect(itemForm(page.html, "1.2.3")).not.toContain("Bị trừ điểm");
      const stale = await scorer2.post(`${PAGE}/items/1.1.2`, {
        csrf: (await scorer2.get(`${PAGE}/area/1`)) && scorer2.csrf,
        "v-item": "0",
        "points-1.1.2": "1",
      });
      expect(stale.status).toBe(409);
      expect(stale.html).toContain("Người lưu gần nhất: Thẩm định viên, lúc 05/04/2026 10:00.");
      expect(stale.html).toContain("0,5 điểm; “Thiếu báo cáo quý II”");
      expect((await f.request("GET", `${API}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer })).body.version).toBe(1);
    });

    it("lets only scorers appraise: the administrator reads the page without forms and the service refuses a post", async () => {
      const page = await admin.get(`${PAGE}/area/1`);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('action="/work/c2026/P01/items/');
      expect(page.html).toContain("chỉ xem được");
      expect((await admin.post(`${PAGE}/items/1.2.3`, { "v-item": "0", "points-1.2.3": "0" })).status).toBe(403);
      expect((await admin.post(`${PAGE}/area/1/accept`, { item: "1.2.3:0" })).status).toBe(403);
      expect((await f.request("GET", `${API}/rounds/appraisal1/items/1.2.3`, { token: f.tokens.scorer })).body.version).toBe(0);
    });

    it("accepts one item's self-assessment, then every other item of the area in one audited step, leaving the mark-down alone", async () => {
      await scorer.get(`${PAGE}/area/1`);
      const one = await scorer.post(`${PAGE}/items/1.2.3/accept`, { "v-item": "0", "comment-1.2.3": "" });
      expect(one.status).toBe(303);
      expect((await f.request("GET", `${API}/rounds/appraisal1/items/1.2.3`, { token: f.tokens.scorer })).body.value).toEqual({ points: 1.5 });
      const page = await scorer.get(`${PAGE}/area/1`);
      const pairs = [...page.html.matchAll(/name="item" value="([^"]+)"/g)].map((m) => m[1]!);
      expect(pairs).toEqual(["1.1.1:0", "1.1.3:0", "1.2.1:0", "1.2.2:0", "1.3.1:0", "1.3.2:0"]);
      expect(page.html).toContain("Chấp nhận điểm tự chấm cho 6 tiêu chí chưa thẩm định");
      const all = await scorer.post(`${PAGE}/area/1/accept`, { item: pairs });
      expect(all.status).toBe(303);
      expect(all.location).toBe(`${PAGE}/area/1?accepted=6`);
      const again = await scorer.post(`${PAGE}/area/1/accept`, { item: pairs });
      expect(again.status, "the same form again is stale: nothing is saved twice").toBe(409);
      expect(again.html).toContain("tiêu chí 1.1.1 đã được");
      const audit = (await f.request("GET", `${API}/audit`, { token: f.tokens.admin })).body as { action: string; code: string; reason: string | null }[];
      const accepted = audit.filter((e) => e.reason?.startsWith("chấp nhận điểm tự chấm"));
      expect(accepted.map((e) => e.code).sort()).toEqual(["1.1.1", "1.1.3", "1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2"]);
      expect((await f.request("GET", `${API}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer })).body.value.points).toBe(0.5);
      const overview = await scorer.get(PAGE);
      expect(overview.html).toMatch(
        /area\/1">1\. [^<]+<\/a><\/th><td class="num">[\d,]+<\/td><td class="num">[\d,]+<\/td><td class="num">7<\/td><td class="num">8 trên 8<\/td><td class="num"><strong class="flag-text">▼ 1<\/strong>/,
      );
    });

    it("refuses to accept what a scorer does not appraise (a survey item, an unknown code) and speaks English on request", async () => {
      await scorer.get(`${PAGE}/area/1`);
      expect((await scorer.post(`${PAGE}/area/1/accept`, { item: ["1.1.1:1", "8.1.1:0"] })).status).toBe(400);
      expect((await scorer.post(`${PAGE}/area/1/accept`, { item: "9.9.9:0" })).status).toBe(400);
      expect((await scorer.post(`${PAGE}/items/8.1.1/accept`, { "v-item": "0" })).status).toBe(404);
      const english = await scorer.get(`${PAGE}/area/2?lang=en`);
      expect(english.html).toContain("Accept the self-assessment");
      expect(english.html).toContain("Appraised points");
      await scorer.get(`${PAGE}?lang=vi`);
    });

    it("confirms a request for explanation with the report it will produce, then the ward sees only the marked-down item", async () => {
      const confirm = await scorer.get(`${PAGE}/request-explanation`);
      expect(confirm.status).toBe(200);
      expect(confirm.html).toContain("Báo cáo sẽ được tạo");
      expect(confirm.html).toMatch(/1\.1\.2\. [^<]+<\/a>: 1 → <strong>0,5<\/strong> · Nhận xét: “Thiếu báo cáo quý II”/);
      expect(confirm.html).toMatch(/Chỉ số<\/dt><dd><strong>[\d,]+ %<\/strong>/);
      expect((await scorer.get(`${PAGE}/finalise`)).status, "finalising is offered too, from round 1").toBe(200);
      const version = /name="version" value="(\d+)"/.exec(confirm.html)![1]!;
      expect((await scorer.post(`${PAGE}/request-explanation`, { version: String(Number(version) - 1) })).status).toBe(409);
      const done = await scorer.post(`${PAGE}/request-explanation`, { version });
      expect(done.location).toBe(`${PAGE}?done=request-explanation`);
      expect((await scorer.get(done.location!)).html).toContain("Đã yêu cầu đơn vị giải trình.");
      const explanation = await ward.get("/assess/c2026/P01/explanation");
      expect([...explanation.html.matchAll(/<article class="card item" id="item-([^"]+)"/g)].map((m) => m[1])).toEqual(["1.1.2"]);
      expect((await scorer.get(`${PAGE}/request-explanation`)).status, "not offered once asked").toBe(409);
    });
  });
});
