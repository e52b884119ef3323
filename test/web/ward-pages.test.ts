import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const PAGE = "/assess/c2026/P01";
const API = "/campaigns/c2026/units/P01";
/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe.each(BACKENDS)("the ward's self-assessment pages: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "web", () => {
    let f: Fixture;
    let ward: ReturnType<typeof webClient>;
    let other: ReturnType<typeof webClient>;
    beforeAll(async () => {
      f = await openFixture(backend);
      const passwords = await givePasswords(f);
      ward = webClient(f);
      await ward.signIn("p01", passwords.p01!.password);
      other = webClient(f);
      await other.signIn("p02", passwords.p02!.password);
    }, 60_000);
    afterAll(async () => f?.close());

    it.each(["", "/areas/1", "/submit", "/explanation"])("never shows ward P01's page %s to ward P02 (403), and sends the public to sign in", async (path) => {
      const refused = await other.get(`${PAGE}${path}`);
      expect(refused.status).toBe(403);
      expect(refused.html).not.toContain("Phường Tân Lập");
      const anonymous = await webClient(f).get(`${PAGE}${path}`);
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toBe(`/sign-in?next=${encodeURIComponent(`${PAGE}${path}`)}`);
    });

    it("refuses ward P02's saves on P01's items even with its own valid CSRF token", async () => {
      await other.get("/");
      const response = await other.post(`${PAGE}/items/1.1.2`, { "v-item": "0", "points-1.1.2": "1" });
      expect(response.status).toBe(403);
      expect((await f.request("GET", `${API}/rounds/self/items/1.1.2`, { token: f.tokens.p01 })).body.version).toBe(0);
    });

    it("shows the overview: deadline in Vietnam time with the time left, progress, live index and points still available", async () => {
      const page = await ward.get(PAGE);
      expect(page.status).toBe(200);
      expect(page.html).toContain("Phường Tân Lập");
      expect(page.html).toContain("01/04/2026 00:00");
      expect(page.html).toContain("còn 30 ngày 9 giờ");
      expect(page.html).toContain("Đã nhập 0 trên 65 tiêu chí");
      expect(page.html).toContain("Điểm còn có thể đạt");
      expect(page.html).not.toMatch(/nhập &quot;[^&]*&quot; \([a-z_]+\)/);
      expect(page.html).toContain("tối đa +1,5");
      for (const html of [page.html, (await ward.get(`${PAGE}/areas/2`)).html, (await ward.get(`${PAGE}/submit`)).html]) {
        expect(html, "a strict CSP blocks inline styles and scripts").not.toMatch(/ style=|<script(?![^>]*\ssrc=)|\son[a-z]+=/);
      }
      const english = await ward.get(`${PAGE}/areas/1?lang=en`);
      expect(english.html).toContain("Self-assessed points");
      expect(english.html).toContain("at most 2 KB per file");
      await ward.get(`${PAGE}?lang=vi`);
      const staff = await f.request("GET", PAGE, { token: f.tokens.scorer });
      expect(staff.status).toBe(200);
      expect(staff.body).toContain("Phường Tân Lập");
      expect(staff.body).not.toContain("Nộp bản tự chấm");
    });

    it("saves hand-entered points through the engine and shows the index before and after", async () => {
      await ward.get(`${PAGE}/areas/1`);
      const saved = await ward.post(`${PAGE}/items/1.1.2`, { "v-item": "0", "o-item": "[null,false,null,[]]", "points-1.1.2": "1" });
      expect(saved.status).toBe(303);
      expect(saved.location).toMatch(/^\/assess\/c2026\/P01\/areas\/1\?saved=1\.1\.2&before=[\d.]+&after=[\d.]+&n=1#item-1\.1\.2$/);
      const after = new URL(saved.location!, "http://x").searchParams;
      expect(Number(after.get("after"))).toBeGreaterThan(Number(after.get("before")));
      const page = await ward.get(saved.location!.replace(/#.*/, ""));
      expect(page.html).toContain("Đã lưu tiêu chí 1.1.2.");
      expect(page.html).toMatch(/→ <strong>[\d,]+ %<\/strong> \(\+[\d,]+\)/);
      expect((await f.request("GET", `${API}/rounds/self/items/1.1.2`, { token: f.tokens.p01 })).body.value).toEqual({ points: 1 });
    });

    it("reads facts with the decimal comma and shows a bad one next to its field, GOV.UK style", async () => {
      await ward.get(`${PAGE}/areas/2`);
      const bad = await ward.post(`${PAGE}/items/2.2.2`, { "f-2.2.2-dossiers_late": "mười", "f-2.2.2-apology_letters": "3" });
      expect(bad.status).toBe(422);
      expect(bad.html).toContain('<a href="#f-2.2.2-dossiers_late">Nhập một số nguyên');
      expect(bad.html).toContain('id="f-2.2.2-dossiers_late-error"');
      expect((await f.request("GET", `${API}/rounds/self/facts/apology_letters`, { token: f.tokens.p01 })).body.version).toBe(0);
    });

    it("never overwrites a newer save: shows the stored value and who stored it", async () => {
      const before = await f.request("GET", `${API}/rounds/self/items/1.2.3`, { token: f.tokens.p01 });
      await ward.get(`${PAGE}/areas/1`);
      expect(
        (
          await f.request("PUT", `${API}/rounds/self/items/1.2.3`, {
            token: f.tokens.p01,
            body: { points: 0.5 },
            headers: { "if-match": `"${before.body.version}"` },
          })
        ).status,
      ).toBe(200);
      const stale = await ward.post(`${PAGE}/items/1.2.3`, { "v-item": String(before.body.version), "o-item": "[null,false,null,[]]", "points-1.2.3": "1.5" });
      expect(stale.status).toBe(409);
      expect(stale.html).toContain("Mục này vừa được người khác lưu");
      expect(stale.html).toContain("Người lưu gần nhất: UBND P01");
      expect(stale.html).toMatch(/Giá trị đang lưu<\/dt><dd>0,5 điểm/);
      expect((await f.request("GET", `${API}/rounds/self/items/1.2.3`, { token: f.tokens.p01 })).body.value).toEqual({ points: 0.5 });
    });

    it("uploads a phone photo as evidence and cites it on the item; refuses a file that is not what it claims", async () => {
      await ward.get(`${PAGE}/areas/1`);
      const form = new FormData();
      form.set("csrf", ward.csrf);
      form.set("item", "1.1.2");
      form.set("back", `${PAGE}/areas/1#item-1.1.2`);
      form.set("file", new File([PNG], "anh-chup.png", { type: "image/png" }));
      const uploaded = await ward.postMultipart(`${PAGE}/evidence/file`, form);
      expect(uploaded.status).toBe(303);
      const evidence = (await f.request("GET", `${API}/evidence`, { token: f.tokens.p01 })).body;
      expect(evidence).toEqual([
        expect.objectContaining({ id: "TL-001", title: "anh-chup.png", file: { name: "anh-chup.png", type: "image/png", size: PNG.length } }),
      ]);
      expect((await f.request("GET", `${API}/rounds/self/items/1.1.2`, { token: f.tokens.p01 })).body.value).toEqual({ points: 1, evidence: ["TL-001"] });
      form.set("file", new File(["not a picture"], "giả.png", { type: "image/png" }));
      const refused = await ward.postMultipart(`${PAGE}/evidence/file`, form);
      expect(refused.status).toBe(422);
      expect(refused.html).toContain("Chỉ nhận ảnh JPEG, PNG, HEIC");
      expect(refused.html).toContain('<a href="#up-file-1.1.2">');
      form.set("file", new File([new Uint8Array(3000).fill(0x89)], "lon.png", { type: "image/png" }));
      expect((await ward.postMultipart(`${PAGE}/evidence/file`, form)).status).toBe(413);
      expect((await f.request("GET", `${API}/evidence`, { token: f.tokens.p01 })).body).toHaveLength(1);
    });

    it("asks for confirmation listing what is missing, submits, and withdraws while the self round is open", async () => {
      const confirm = await ward.get(`${PAGE}/submit`);
      expect(confirm.html).toContain("Bản tự chấm còn thiếu");
      expect(confirm.html).toMatch(/\d+ tiêu chí chưa nhập/);
      const version = /name="version" value="(\d+)"/.exec(confirm.html)![1]!;
      expect((await ward.post(`${PAGE}/submit`, { version })).location).toBe(`${PAGE}?done=submitted`);
      const submitted = await ward.get(`${PAGE}?done=submitted`);
      expect(submitted.html).toContain("Đã nộp bản tự chấm.");
      expect(submitted.html).toContain("Rút lại để sửa");
      const again = /name="version" value="(\d+)"/.exec(submitted.html)![1]!;
      expect((await ward.post(`${PAGE}/withdraw`, { version: again })).location).toBe(`${PAGE}?done=withdrawn`);
      expect((await f.request("GET", API, { token: f.tokens.p01 })).body.state).toBe("draft");
    });
    it("shows only the items the scorer marked down in the explanation round, with the comment, and saves the ward's reply", async () => {
      const confirm = await ward.get(`${PAGE}/submit`);
      await ward.post(`${PAGE}/submit`, { version: /name="version" value="(\d+)"/.exec(confirm.html)![1]! });
      const scorer = { token: f.tokens.scorer };
      expect(
        (
          await f.request("PUT", `${API}/rounds/appraisal1/items/1.1.2`, {
            ...scorer,
            body: { points: 0, comment: "Thiếu báo cáo kết quả rà soát" },
            headers: { "if-match": '"0"' },
          })
        ).status,
      ).toBe(200);
      const { etag } = await f.request("GET", API, scorer);
      expect((await f.request("POST", `${API}/transitions/request-explanation`, { ...scorer, headers: { "if-match": etag! } })).status).toBe(200);
      const page = await ward.get(`${PAGE}/explanation`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('id="item-1.1.2"');
      expect(page.html).toContain("Thiếu báo cáo kết quả rà soát");
      expect(page.html).toMatch(/Tự chấm: 1 → Thẩm định: <strong>0<\/strong>/);
      expect(page.html.match(/<article /g)).toHaveLength(1);
      const reply = await ward.post(`${PAGE}/explanation/1.1.2`, { "v-item": "0", "comment-1.1.2": "Đã bổ sung báo cáo", "add-1.1.2": "TL-001" });
      expect(reply.status).toBe(303);
      expect((await f.request("GET", `${API}/rounds/explanation/items/1.1.2`, { token: f.tokens.p01 })).body.value).toEqual({
        comment: "Đã bổ sung báo cáo",
        evidence: ["TL-001"],
      });
      expect((await ward.get(`${PAGE}?lang=en`)).html).toContain("Explain the items marked down");
    });
  });
});
