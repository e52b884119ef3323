import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { SCORING_SHEET_COLUMNS } from "../../src/io/build-scoring-sheet.js";
import { BACKENDS } from "../api/backends.js";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { CSV_EVERY_SHEET, OFFICE_SKIP, convert } from "./soffice.js";

/**
 * The scoring sheets as a scorer who works in LibreOffice sends them back: the campaign's
 * appraisal sheet and a unit's scoring sheet open in LibreOffice; a filled copy saved by
 * LibreOffice (`--convert-to xlsx`) is accepted by the upload with the same values and scores as
 * the API does with `par score`, and a row changed since its download is still refused.
 */
const unitPath = "/campaigns/c2026/units/P01";
const column = (name: string) => SCORING_SHEET_COLUMNS.findIndex((c) => c.column === name) + 1;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const dir = mkdtempSync(join(tmpdir(), "par-office-sheets-"));

describe.skipIf(OFFICE_SKIP)(`scoring sheets saved by LibreOffice${OFFICE_SKIP ? ` (skipped: ${OFFICE_SKIP})` : ""}`, () => {
  let f: Fixture;
  let saved: string;
  let opened: string;
  const folders: string[] = [];
  const download = async (path: string) => {
    const response = await f.app.request(path, { headers: { authorization: `Bearer ${f.tokens.scorer}` } });
    expect(response.status, path).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  /** The campaign sheet downloaded now, with P01's appraisal 1 cells set (as the user types them), written to `name`. */
  const fill = async (name: string, points: Record<string, number>) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download("/campaigns/c2026/sheet")) as never);
    workbook.worksheets[0]!.eachRow((row) => {
      const code = String(row.getCell(column("item")).value);
      if (row.getCell(column("unit")).value === "P01" && code in points) row.getCell(column("appraisal1")).value = points[code]!;
    });
    writeFileSync(join(dir, name), Buffer.from(await workbook.xlsx.writeBuffer()));
  };
  const upload = (bytes: Buffer, name: string) =>
    f.app.request(`/campaigns/c2026/sheet?name=${name}`, {
      method: "PUT",
      body: new Uint8Array(bytes),
      headers: { authorization: `Bearer ${f.tokens.scorer}`, "content-type": XLSX },
    });
  const entry = async (code: string) => (await f.request("GET", `${unitPath}/rounds/appraisal1/items/${code}`, { token: f.tokens.scorer })).body;
  const fresh = { "1.1.2": 0.5, "1.2.3": 0, "2.1.1": 0.5 };

  beforeAll(async () => {
    f = await openFixture(BACKENDS[0]!);
    const put = async (path: string, token: string, body: unknown, version = "0") => {
      const r = await f.request("PUT", path, { token, body, headers: { "if-match": `"${version}"` } });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    await put(`${unitPath}/rounds/self/items/1.1.2`, f.tokens.p01, { points: 1 });
    await put(`${unitPath}/rounds/self/items/1.2.3`, f.tokens.p01, { points: 1 });
    await put(`${unitPath}/rounds/self/items/2.1.1`, f.tokens.p01, { points: 1, comment: "Đã ban hành đúng hạn" });
    const etag = (await f.request("GET", unitPath, { token: f.tokens.admin })).etag!;
    expect((await f.request("POST", `${unitPath}/transitions/submit`, { token: f.tokens.p01, headers: { "if-match": etag } })).status).toBe(200);
    await put(`${unitPath}/rounds/appraisal1/items/1.1.2`, f.tokens.scorer, { points: 0 });

    await fill("stale.xlsx", { "1.1.2": 0.5, "1.2.3": 0.5 });
    await put(`${unitPath}/rounds/appraisal1/items/1.1.2`, f.tokens.scorer2, { points: 1 }, "1");
    await fill("fresh.xlsx", fresh);
    writeFileSync(join(dir, "unit.xlsx"), await download(`${unitPath}/sheet?format=xlsx`));
    saved = await convert(
      ["stale.xlsx", "fresh.xlsx", "unit.xlsx"].map((name) => join(dir, name)),
      "xlsx",
    );
    opened = await convert([join(dir, "unit.xlsx"), join(dir, "fresh.xlsx")], CSV_EVERY_SHEET);
    folders.push(saved, opened);
  }, 300_000);
  afterAll(async () => {
    await f?.close();
    for (const folder of [dir, ...folders]) rmSync(folder, { recursive: true, force: true });
  });

  it("opens the unit's scoring sheet and the campaign sheet: the header and P01's item rows read back", () => {
    const files = readdirSync(opened);
    for (const name of ["unit", "fresh"]) {
      const sheets = files.filter((file) => file.startsWith(`${name}-`)).map((file) => readFileSync(join(opened, file), "utf8"));
      const data = sheets.filter((text) => text.startsWith('"Mã đơn vị","Tên đơn vị","Loại đơn vị","Khối","Mã tiêu chí",'));
      expect(data, `${name}: one sheet of data among ${files.join(", ")}`).toHaveLength(1);
      expect(data[0]).toMatch(/\n"P01","Phường Tân Lập","phuong",[^\n]*,"1\.1\.2",/);
    }
  });

  it("still refuses, in a LibreOffice-saved sheet, a row changed since its download, and saves none of its rows", async () => {
    const before = await entry("1.2.3");
    const response = await upload(readFileSync(join(saved, "stale.xlsx")), "stale-lo.xlsx");
    expect(response.status).toBe(412);
    const body = (await response.json()) as { error: { problems: { code: string; path: string }[] } };
    expect(body.error.problems).toMatchObject([
      { code: "stale-row", path: expect.stringMatching(/^stale-lo\.xlsx:\d+:appraisal1$/), message: expect.stringContaining("P01 1.1.2") },
    ]);
    expect(await entry("1.1.2")).toMatchObject({ value: { points: 1 }, version: 2 });
    expect(await entry("1.2.3")).toEqual(before);
  });
  it("accepts the sheet LibreOffice saved back: the values typed, in the audit trail with the file name", async () => {
    const response = await upload(readFileSync(join(saved, "fresh.xlsx")), "fresh-lo.xlsx");
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ saved: 3 });
    for (const [code, points] of Object.entries(fresh)) expect((await entry(code)).value, code).toEqual({ points });
    const audit = await f.request("GET", `${unitPath}/audit?code=1.2.3`, { token: f.tokens.scorer });
    expect(audit.body.at(-1)).toMatchObject({ action: "item.save", reason: "tải lên tệp fresh-lo.xlsx" });
  });

  it("scores the LibreOffice-saved sheet with `par score` as the API scores the uploaded values", async () => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(
      ["score", "--criteria", "criteria/reference-commune/2026.1.json", "--year", "2026", join(saved, "fresh.xlsx"), "--format", "json"],
      { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const api = await f.request("GET", `${unitPath}/report`, { token: f.tokens.scorer });
    const p01 = (JSON.parse(stdout) as { unit: { code: string }; totals: unknown }[]).find((report) => report.unit.code === "P01");
    expect(p01?.totals).toEqual(api.body.report.totals);
  });
});
