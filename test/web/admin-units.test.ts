import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { windows1258 } from "../io/fixtures/saved-by-excel.js";
import { givePasswords, webClient } from "./web-client.js";

const backend = BACKENDS[0]!;
const text = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("the administrator's unit pages", () => {
  let f: Fixture;
  let admin: ReturnType<typeof webClient>;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  beforeAll(async () => {
    f = await openFixture(backend);
    const passwords = await givePasswords(f);
    admin = webClient(f);
    await admin.signIn("admin", passwords.admin!.password);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  const unit = async (code: string) => (await f.request("GET", `/units/${code}`)).body;
  const previewFile = async (bytes: Uint8Array | string, name: string) => {
    await admin.get("/admin/units/import");
    const body = new FormData();
    body.append("csrf", admin.csrf);
    body.append("file", new File([bytes], name));
    return admin.postMultipart("/admin/units/import", body);
  };
  /** Sends the preview's apply form as the browser would. */
  const apply = async (preview: string) => {
    const hidden = (name: string) => text(new RegExp(`name="${name}" value="([^"]*)"`).exec(preview)?.[1] ?? "");
    return admin.post("/admin/units/import/apply", { name: hidden("name"), data: hidden("data"), expected: hidden("expected") });
  };

  it.each([
    ["phuong tan", ["Phường Tân Lập"], ["Phường Hòa Bình", "Xã Đông Hưng"]],
    ["x01", ["Xã Đông Hưng"], ["Phường Tân Lập"]],
    ["", ["Phường Tân Lập", "Phường Hòa Bình", "Xã Đông Hưng"], []],
  ])("search %j shows %j and not %j", async (q, shown, hidden) => {
    const r = await admin.get(`/admin/units?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    for (const name of shown) expect(r.html).toContain(`>${name}</a>`);
    for (const name of hidden) expect(r.html).not.toContain(`>${name}</a>`);
  });

  it.each([
    ["a scorer", () => scorer],
    ["a ward official", () => ward],
  ])("refuses %s (403)", async (_who, client) => {
    for (const path of ["/admin/units", "/admin/units/P01", "/admin/units/import"]) expect((await client().get(path)).status).toBe(403);
    await client().get("/");
    expect((await client().post("/admin/units", { code: "X09", name: "Xã Chín", type: "xa" })).status).toBe(403);
    expect((await unit("X09")).error.code).toBe("not-found");
  });

  it("sends the public to sign in", async () => {
    const r = await webClient(f).get("/admin/units/import");
    expect(r.status).toBe(303);
    expect(r.location).toBe("/sign-in?next=%2Fadmin%2Funits%2Fimport");
  });

  it("registers a unit, with the import's own checks on the form", async () => {
    await admin.get("/admin/units");
    const bad = await admin.post("/admin/units", { code: "", name: "Xã Mới", type: "tinh", block: "" });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('href="#unit-code"');
    expect(bad.html).toContain('href="#unit-type"');
    expect(text(bad.html)).toContain('loại đơn vị "tinh" không hợp lệ');
    const ok = await admin.post("/admin/units", { code: "X07", name: "Xã Tân Bảy", type: "xa", block: "" });
    expect(ok.location).toBe("/admin/units?created=X07");
    expect(await unit("X07")).toMatchObject({ name: "Xã Tân Bảy", type: "xa", block: null });
    await admin.get("/admin/units");
    const twice = await admin.post("/admin/units", { code: "X07", name: "Xã Khác", type: "xa", block: "" });
    expect(twice.status).toBe(409);
    expect(twice.html).toContain("đã tồn tại");
  });

  it("edits a unit, and refuses a save over a newer version, showing what is stored", async () => {
    const form = await admin.get("/admin/units/P02");
    expect(form.html).toContain('name="version" value="1"');
    const first = await admin.post("/admin/units/P02", { version: "1", name: "Phường Hòa Bình A", type: "phuong", block: "", reason: "sáp nhập" });
    expect(first.location).toBe("/admin/units?saved=P02");
    const audit = await f.store.listAudit({ unitCode: "P02", limit: 10 });
    expect(audit.at(-1)).toMatchObject({ action: "unit.update", reason: "sáp nhập" });
    const stale = await admin.post("/admin/units/P02", { version: "1", name: "Phường Hòa Bình B", type: "phuong", block: "" });
    expect(stale.status).toBe(412);
    expect(stale.html).toContain("Đơn vị này vừa được người khác sửa");
    expect(stale.html).toContain("<dd>Phường Hòa Bình A</dd>");
    expect(stale.html).toContain('value="Phường Hòa Bình B"');
    expect(stale.html).toContain('name="version" value="2"');
    expect((await unit("P02")).name).toBe("Phường Hòa Bình A");
  });

  it("imports a CSV list: a preview of what is created and changed, then all of it applied", async () => {
    const csv = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Khối\nX01,Xã Đông Hưng Mới,xã,\nX10,Xã Mười,xa,xa\nP01,Phường Tân Lập,phường,\n";
    const preview = await previewFile(csv, "don-vi.csv");
    expect(preview.status).toBe(200);
    expect(preview.html).toContain("Đơn vị mới (1)");
    expect(preview.html).toContain("Đơn vị được sửa (1)");
    expect(preview.html).toContain("Xã Đông Hưng → Xã Đông Hưng Mới");
    expect(preview.html).toContain("1 đơn vị không thay đổi.");
    expect((await unit("X10")).error.code).toBe("not-found");
    const applied = await apply(preview.html);
    expect(applied.location).toBe("/admin/units?imported=1&changed=1");
    expect((await admin.get(applied.location!)).html).toContain("Đã nhập danh sách: 1 đơn vị mới, 1 đơn vị được sửa.");
    expect(await unit("X10")).toMatchObject({ name: "Xã Mười", block: "xa" });
    expect((await unit("X01")).name).toBe("Xã Đông Hưng Mới");
  });

  it("refuses the whole file when a row is wrong, listing every problem at its row and column", async () => {
    const r = await previewFile("code,name,type\nX11,Xã Mười Một,xa\nX12,,xa\nX13,Xã Mười Ba,huyen lỵ\n", "sai.csv");
    expect(r.status).toBe(422);
    expect(r.html).toContain("sai.csv: có 2 lỗi cần sửa, chưa lưu gì");
    expect(r.html).toContain("<strong>sai.csv:3:B (name)</strong>: đơn vị X12 chưa có tên");
    expect(r.html).toContain("<strong>sai.csv:4:C (type)</strong>");
    expect(r.html).not.toContain("/admin/units/import/apply");
    expect((await unit("X11")).error.code).toBe("not-found");
  });

  it("reads a Windows-1258 CSV from a Vietnamese Excel, saying which encoding it assumed", async () => {
    const preview = await previewFile(windows1258("Mã đơn vị;Tên đơn vị;Loại đơn vị;Khối\r\nX14;Xã Hưng Đạo;Xã;\r\n"), "excel.csv");
    expect(preview.status).toBe(200);
    expect(preview.html).toContain("<td>Xã Hưng Đạo</td>");
    expect(preview.html).toContain("Windows-1258");
    expect((await apply(preview.html)).status).toBe(303);
    expect((await unit("X14")).name).toBe("Xã Hưng Đạo");
  });

  it("reads an XLSX list", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Don vi");
    sheet.addRow(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Khối"]);
    sheet.addRow(["D02", "Sở Tư pháp", "Sở", ""]);
    const preview = await previewFile(new Uint8Array(await book.xlsx.writeBuffer()), "don-vi.xlsx");
    expect(preview.status).toBe(200);
    expect((await apply(preview.html)).status).toBe(303);
    expect(await unit("D02")).toMatchObject({ name: "Sở Tư pháp", type: "department" });
  });

  it("applies nothing when a unit changed between the preview and the apply", async () => {
    const preview = await previewFile("code,name,type\nX15,Xã Mười Lăm,xa\nP01,Phường Tân Lập Mới,phuong\n", "lists.csv");
    const current = await f.request("GET", "/units/P01");
    const changed = await f.request("PUT", "/units/P01", {
      token: f.tokens.admin,
      body: { name: "Phường Tân Lập (sửa)", type: "phuong" },
      headers: { "if-match": current.etag! },
    });
    expect(changed.status).toBe(200);
    const r = await apply(preview.html);
    expect(r.status).toBe(412);
    expect(r.html).toContain("Danh sách đơn vị đã thay đổi sau khi xem trước; chưa lưu gì.");
    expect(r.html).toContain("Phường Tân Lập (sửa) → Phường Tân Lập Mới");
    expect((await unit("X15")).error.code).toBe("not-found");
  });

  it.each(["null", "", "{}"])("applies nothing when the preview's versions field is damaged (%j): a new preview instead", async (expected) => {
    const preview = await previewFile("code,name,type\nX16,Xã Mười Sáu,xa\n", "damaged.csv");
    const data = text(/name="data" value="([^"]*)"/.exec(preview.html)?.[1] ?? "");
    const r = await admin.post("/admin/units/import/apply", { name: "damaged.csv", data, expected });
    expect(r.status).toBe(412);
    expect((await unit("X16")).error.code).toBe("not-found");
  });
});
