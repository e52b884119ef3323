import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLINES, type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const backend = BACKENDS[0]!;
const KOBO = readFileSync(new URL("../../criteria/examples/survey/kobo-xml.csv", import.meta.url), "utf8")
  .replaceAll("DV0001", "P01")
  .replaceAll("DV0002", "P02")
  .replaceAll("DV0003", "X01");

describe("the administrator's survey import and publication pages", () => {
  let f: Fixture;
  let admin: ReturnType<typeof webClient>;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  const upload = (client: ReturnType<typeof webClient>, campaign: string, parts: Record<string, string | [string, string]>) => {
    const body = new FormData();
    body.set("csrf", client.csrf);
    for (const [name, value] of Object.entries(parts)) body.set(name, typeof value === "string" ? value : new File([value[1]], value[0]));
    return client.postMultipart(`/admin/campaigns/${campaign}/survey`, body);
  };
  beforeAll(async () => {
    f = await openFixture(backend, { maxFileBytes: 1_000_000 });
    const passwords = await givePasswords(f);
    admin = webClient(f);
    await admin.signIn("admin", passwords.admin!.password);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  it.each([
    { who: "a ward official", path: "/admin/campaigns/c2026/survey", status: 403 },
    { who: "a ward official", path: "/admin/campaigns/c2026/publish", status: 403 },
    { who: "a scorer", path: "/admin/campaigns/c2026/publish", status: 403 },
    { who: "an administrator, an unknown campaign", path: "/admin/campaigns/nope/survey", status: 404 },
  ])("refuses $who at $path: $status", async ({ who, path, status }) => {
    const client = who === "a scorer" ? scorer : who === "a ward official" ? ward : admin;
    expect((await client.get(path)).status).toBe(status);
  });

  it.each([
    ["/admin/campaigns/c2026/survey?lang=en", ["Import survey results", "Survey instrument mapping", "Check the file"]],
    ["/admin/campaigns/c2026/publish?lang=en", ["Publish the results", "Cannot publish yet: 3 unit(s) not finalised", "Self-assessing"]],
  ])("speaks English on %s when asked", async (path, texts) => {
    const english = await admin.get(path);
    for (const text of texts) expect(english.html).toContain(text);
    await admin.get(path.replace("lang=en", "lang=vi")); // the language is remembered: back to Vietnamese for the other tests
  });

  it("offers the shipped mapping of the campaign's criteria set, chosen", async () => {
    const page = await admin.get("/admin/campaigns/c2026/survey");
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<input type="radio" id="mapping" name="mapping" value="reference-sipas\/2026.1" checked/);
    expect(page.html).not.toContain("reference-sipas/2025.1");
  });

  it.each([
    { case: "no export chosen", parts: { mapping: "reference-sipas/2026.1" }, shows: 'href="#export">hãy chọn tệp xuất khảo sát (CSV hoặc XLSX)' },
    {
      case: "a unit code mistyped",
      parts: { mapping: "reference-sipas/2026.1", export: ["kobo.csv", KOBO.replaceAll(",X01,", ",X0l,")] as [string, string] },
      shows: "có phải X01 (Xã Đông Hưng)?",
    },
    {
      case: "a broken mapping file",
      parts: { mappingFile: ["sipas.json", "{}"] as [string, string], export: ["kobo.csv", KOBO] as [string, string] },
      shows: 'href="#mappingFile">sipas.json: ',
    },
  ])("lists every problem of $case at the top, linked to its field (422)", async ({ parts, shows }) => {
    await admin.get("/admin/campaigns/c2026/survey");
    const page = await upload(admin, "c2026", parts);
    expect(page.status).toBe(422);
    expect(page.html).toContain('class="error-summary"');
    expect(page.html).toContain(shows);
  });

  it("shows the quality report before anything is saved, then applies it", async () => {
    await admin.get("/admin/campaigns/c2026/survey");
    const sent = await upload(admin, "c2026", { mapping: "reference-sipas/2026.1", export: ["kobo.csv", KOBO] });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/admin\/campaigns\/c2026\/survey\/[A-Za-z0-9_-]+$/);
    expect(await f.store.listSurveys("c2026")).toEqual([]);
    const report = await admin.get(sent.location!);
    expect(report.status).toBe(200);
    for (const text of [
      "<dt>Phiếu trùng đã bỏ (theo mã người trả lời)</dt><dd>1</dd>",
      "<dt>Câu trả lời ngoài thang đo (không tính)</dt><dd>1</dd>",
      "<dt>Phiếu bị từ chối đã loại</dt><dd>1</dd>",
      "kobo.csv:12:grp_civil_servant/c1",
      "câu trả lời &quot;6&quot; không thuộc thang đo của câu c1",
      "25,03 trên 35,00",
    ])
      expect(report.html).toContain(text);
    const applied = await admin.post(`${sent.location}/apply`, {});
    expect(applied.status).toBe(303);
    expect(applied.location).toBe("/admin/campaigns/c2026/survey?applied=3&file=kobo.csv");
    expect((await admin.get(applied.location!)).html).toContain("Đã áp dụng kết quả khảo sát của 3 đơn vị từ tệp kobo.csv");
    expect((await f.store.listSurveys("c2026")).map((s) => s.unit_code)).toEqual(["P01", "P02", "X01"]);
    expect((await admin.post(`${sent.location}/apply`, {})).status).toBe(404);
  });

  it("lists the units not finalised and offers no publish button while any is left", async () => {
    const page = await admin.get("/admin/campaigns/c2026/publish");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Chưa thể công bố: 3 đơn vị chưa chốt điểm");
    expect(page.html).toContain("Phường Tân Lập");
    expect(page.html).not.toContain('name="confirm"');
  });

  it("previews the ranking, asks for confirmation, refuses a stale version, publishes and links to the public ranking", async () => {
    const created = await f.request("POST", "/campaigns", {
      token: f.tokens.admin,
      body: { id: "pub", year: 2026, criteria: { family: "reference-commune", version: "2026.1" }, deadlines: DEADLINES, units: ["P01", "P02"] },
    });
    expect(created.status).toBe(201);
    for (const [unit, token] of [
      ["P01", f.tokens.p01],
      ["P02", f.tokens.p02],
    ] as const) {
      const path = `/campaigns/pub/units/${unit}`;
      const step = async (method: string, url: string, who: string, body?: unknown) => {
        const etag = url.includes("/rounds/") ? '"0"' : (await f.request("GET", path, { token: f.tokens.admin })).etag!;
        const r = await f.request(method, url, { token: who, ...(body ? { body } : {}), headers: { "if-match": etag } });
        if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
      };
      await step("POST", `${path}/transitions/submit`, token);
      await step("PUT", `${path}/rounds/appraisal1/items/1.1.2`, f.tokens.scorer, { points: 1 });
      await step("POST", `${path}/transitions/finalise`, f.tokens.scorer);
    }
    const page = await admin.get("/admin/campaigns/pub/publish");
    expect(page.status).toBe(200);
    expect(page.html).toContain("Bảng xếp hạng sẽ được công bố");
    expect(page.html).toContain("Chỉ số bình quân của khối");
    expect(page.html).toContain('name="confirm"');
    const unconfirmed = await admin.post("/admin/campaigns/pub/publish", { version: "1" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toContain("Đánh dấu ô xác nhận để công bố");
    const stale = await admin.post("/admin/campaigns/pub/publish", { version: "0", confirm: "yes" });
    expect(stale.status).toBe(412);
    const published = await admin.post("/admin/campaigns/pub/publish", { version: "1", confirm: "yes" });
    expect(published.status).toBe(303);
    const after = await admin.get(published.location!);
    expect(after.html).toContain('href="/results/pub"');
    expect(after.html).not.toContain('name="confirm"');
    const results = await webClient(f).get("/results/pub");
    expect(results.status).toBe(200);
    expect(results.html).toContain("Phường Tân Lập");
  });
});
