import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { writeXlsx } from "../../src/io/xlsx/write-xlsx.js";
import { unicodeText, windows1258 } from "../io/fixtures/saved-by-excel.js";

/**
 * The demo province's 2026 sheet as people really save it: re-saved by Vietnamese Excel as
 * "CSV (Comma delimited)" (Windows-1258), as "Unicode Text" (UTF-16LE, tabs, .txt), as a
 * workbook (.xlsx); and the damaged workbooks a user meets. Every one either ranks exactly
 * as the clean file does (with a warning where an encoding was assumed) or is refused with
 * exit 1 and a problem, never exit 3.
 */
const DEMO = "criteria/examples/demo-province";
const CRITERIA = "criteria/reference-commune/2026.1.json";
const dir = mkdtempSync(join(tmpdir(), "par-saved-"));
const file = (name: string) => join(dir, name);
const clean = readFileSync(join(DEMO, "assessments-2026.csv"), "utf8");
const records = parse(clean, { relax_column_count: true }) as string[][];

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const rank = (sheet: string, ...more: string[]) =>
  run("rank", "--criteria", CRITERIA, sheet, "--survey", join(DEMO, "survey-2026.csv"), ...(more.includes("--format") ? [] : ["--format", "json"]), ...more);

let expected = "";
beforeAll(async () => {
  writeFileSync(file("windows-1258.csv"), windows1258(clean));
  writeFileSync(file("unicode-text.txt"), unicodeText(records.map((row) => row.join("\t")).join("\r\n") + "\r\n"));
  writeFileSync(file("sheet.xlsx"), await writeXlsx(records, "Sheet1"));
  const result = await rank(join(DEMO, "assessments-2026.csv"));
  expect(result.code).toBe(0);
  expected = result.stdout;
});

describe("a sheet re-saved by Excel ranks as the clean file does", () => {
  it.each([
    { name: "CSV (Comma delimited): Windows-1258", sheet: "windows-1258.csv", warning: /Windows-1258/ },
    { name: "Unicode Text: UTF-16LE, tab-separated, .txt", sheet: "unicode-text.txt", warning: null },
    { name: "Excel Workbook (.xlsx)", sheet: "sheet.xlsx", warning: null },
  ])("$name", async ({ sheet, warning }) => {
    const result = await rank(file(sheet));
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Phường Trung Phú");
    expect(result.stdout).not.toContain("\uFFFD");
    expect(result.stdout).toBe(expected);
    if (warning) expect(result.stderr).toMatch(warning);
    else expect(result.stderr).not.toMatch(/⚠/);
  });
});

describe("--out by extension", () => {
  it("par rank --out ranking.xlsx writes the annex workbook: the table of --format annex-csv under a title, a sheet per block", async () => {
    const result = await rank(join(DEMO, "assessments-2026.csv"), "--format", "table", "--out", file("ranking.xlsx"));
    expect(result.code).toBe(0);
    const csv = await rank(join(DEMO, "assessments-2026.csv"), "--format", "annex-csv");
    const [header = [], first = []] = parse(csv.stdout) as string[][];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file("ranking.xlsx"));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(first[0]);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(header.slice(1));
    // Blank cells are real blanks (holes in ExcelJS's row values), read as empty text here.
    expect(Array.from(sheet.getRow(5).values as unknown[], (v) => String(v ?? "")).slice(1)).toEqual(
      first.slice(1).map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? String(Number(v)) : v)),
    );
  });

  it.each([
    { argv: ["--out", "ranking.xls"], message: /Cannot write \.xls files/ },
    { argv: ["--out", "ranking.ods"], message: /Cannot write \.ods files/ },
    { argv: ["--format", "json", "--out", "ranking.xlsx"], message: /is an Excel workbook but --format is json/ },
  ])("refuses $argv", async ({ argv }) => {
    const result = await run("rank", "--criteria", CRITERIA, join(DEMO, "assessments-2026.csv"), ...argv.map((a) => (a.includes(".") ? file(a) : a)));
    expect(result.code).toBe(2);
  });
});

describe("a damaged or unreadable sheet is an input problem (exit 1), never an internal error", () => {
  const demoXlsx = () => readFileSync(file("sheet.xlsx"));
  const cases: { name: string; bytes: () => Uint8Array; ext?: string; message: RegExp }[] = [
    { name: "an empty .xlsx", bytes: () => new Uint8Array(0), message: /the file is empty/ },
    { name: "a CSV named .xlsx", bytes: () => Buffer.from(clean.slice(0, 2000)), message: /text file \(CSV\?\) named \.xlsx/ },
    { name: "random bytes", bytes: () => Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251), message: /not an XLSX workbook/ },
    { name: "a workbook without a worksheet", bytes: () => readFileSync("test/io/fixtures/workbook-without-sheet.xlsx"), message: /holds no worksheet/ },
    {
      name: "a workbook whose sheet was cut and zipped again",
      bytes: () => readFileSync("test/io/fixtures/survey-sheet-cut.xlsx"),
      message: /is cut or damaged/,
    },
    ...[0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((share) => ({
      name: `a workbook cut at ${share * 100} % of its bytes`,
      bytes: () => demoXlsx().subarray(0, Math.floor(demoXlsx().length * share)),
      message: /incomplete|cut or damaged/,
    })),
    { name: "an old .xls", bytes: () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), ext: ".xls", message: /\.xls files are not read/ },
    { name: "a workbook named .csv", bytes: demoXlsx, ext: ".csv", message: /Excel workbook \(XLSX, a zip\), not a text table/ },
  ];
  it.each(cases)("$name", async ({ name, bytes, ext, message }) => {
    const path = file(`${name.replaceAll(/\W+/g, "-")}${ext ?? ".xlsx"}`);
    writeFileSync(path, bytes());
    const result = await run("rank", "--criteria", CRITERIA, path, "--lang", "en");
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(1);
  });
});
