import ExcelJS from "exceljs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { windows1258 } from "../io/fixtures/saved-by-excel.js";
import { type Fixture, openFixture } from "./api-fixture.js";
import { BACKENDS } from "./backends.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A unit list as a workbook's first sheet, as Excel saves it. */
async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Don vi");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe.each(BACKENDS)("POST /units/import ($name)", (backend) => {
  let f: Fixture;
  const opened: Fixture[] = [];
  beforeEach(async (context) => {
    if (backend.skip) context.skip();
    f = await openFixture(backend);
    opened.push(f);
  }, 60_000);
  afterAll(async () => {
    for (const fixture of opened) await fixture.close();
  });

  const send = (bytes: Uint8Array, name: string, apply: boolean, token = f.tokens.admin) =>
    f.request("POST", `/units/import?name=${encodeURIComponent(name)}&apply=${apply}`, {
      token,
      raw: bytes,
      headers: { "content-type": name.endsWith(".xlsx") ? XLSX : "text/csv" },
    });
  const LIST = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Khối\nP01,Phường Tân Lập,phường,\nP02,Phường Hòa Bình Mới,phuong,\nX02,Xã Tân Hòa,Xã,\n";

  it("previews units to create, to change and unchanged, and saves nothing", async () => {
    const r = await send(utf8(LIST), "don-vi.csv", false);
    expect(r.status).toBe(200);
    expect(r.body.applied).toBe(false);
    expect(r.body.create.map((u: { code: string }) => u.code)).toEqual(["X02"]);
    expect(r.body.change).toEqual([
      expect.objectContaining({ code: "P02", name: "Phường Hòa Bình Mới", before: expect.objectContaining({ name: "Phường Hòa Bình" }) }),
    ]);
    expect(r.body.unchanged).toEqual(["P01"]);
    expect((await f.request("GET", "/units/X02")).status).toBe(404);
  });

  it("applies all of it, each unit audited with the file name", async () => {
    const r = await send(utf8(LIST), "don-vi.csv", true);
    expect(r.status).toBe(200);
    expect(r.body.applied).toBe(true);
    expect((await f.request("GET", "/units/X02")).body).toMatchObject({ name: "Xã Tân Hòa", type: "xa", version: 1 });
    expect((await f.request("GET", "/units/P02")).body).toMatchObject({ name: "Phường Hòa Bình Mới", version: 2, province: "Tỉnh Demo" });
    const audit = await f.store.listAudit({ unitCode: "P02", limit: 10 });
    expect(audit.at(-1)).toMatchObject({ action: "unit.update", reason: "nhập danh sách đơn vị từ tệp don-vi.csv" });
  });

  it("refuses the whole file when one row is wrong, listing every problem at its row and column", async () => {
    const bad = "code,name,type,block\nX03,Xã Mới,xa,\nX04,,xa,\nbad code,Xã Lạ,tinh,\nX03,Xã Trùng,xa,\n";
    const r = await send(utf8(bad), "sai.csv", true);
    expect(r.status).toBe(422);
    expect(r.body.error.problems.map((p: { path: string }) => p.path)).toEqual([
      "sai.csv:3:B (name)",
      "sai.csv:4:A (code)",
      "sai.csv:4:C (type)",
      "sai.csv:5:A (code)",
    ]);
    expect(r.body.error.problems[3].vi).toContain("bị liệt kê hai lần (dòng 2 và 5)");
    expect((await f.request("GET", "/units/X03")).status).toBe(404);
  });

  it("reads a Windows-1258 CSV as Vietnamese Excel saves it, with a warning naming the encoding", async () => {
    const r = await send(windows1258("Mã đơn vị;Tên đơn vị;Loại đơn vị;Khối\r\nX05;Xã Hưng Đạo;xã;xa\r\n"), "excel.csv", true);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.warnings.map((w: { code: string }) => w.code)).toEqual(["encoding-assumed"]);
    expect((await f.request("GET", "/units/X05")).body).toMatchObject({ name: "Xã Hưng Đạo", type: "xa", block: "xa" });
  });

  it("reads an XLSX workbook", async () => {
    const bytes = await workbook([
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Khối"],
      ["D01", "Sở Nội vụ", "Sở", "so"],
    ]);
    const r = await send(bytes, "don-vi.xlsx", true);
    expect(r.status).toBe(200);
    expect((await f.request("GET", "/units/D01")).body).toMatchObject({ name: "Sở Nội vụ", type: "department", block: "so" });
  });

  it.each([
    ["an .xls workbook", utf8("x"), "old.xls", "unsupported-format"],
    ["a damaged .xlsx", utf8("not a zip"), "bad.xlsx", "xlsx-damaged"],
    ["a header without a type column", utf8("code,name\nX01,Xã\n"), "cut.csv", "missing-column"],
  ])("refuses %s with a problem (422)", async (_what, bytes, name, code) => {
    const r = await send(bytes, name, true);
    expect(r.status).toBe(422);
    expect(r.body.error.problems[0].code).toBe(code);
  });

  it.each([
    ["a scorer", "scorer", 403],
    ["a ward", "p01", 403],
    ["the public", undefined, 401],
  ] as const)("refuses %s", async (_who, role, status) => {
    const r = await send(utf8(LIST), "don-vi.csv", true, role ? f.tokens[role] : "");
    expect(r.status).toBe(status);
    expect((await f.request("GET", "/units/X02")).status).toBe(404);
  });
});
