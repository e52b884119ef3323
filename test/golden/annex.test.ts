import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { parseCsvRecords } from "../../src/io/parse-csv-records.js";
import { readXlsxRecords } from "../../src/files/stream-xlsx-records.js";

/**
 * The annex of the demo province's 2026 ranking (change of rank against 2025), as `par rank`
 * writes it: the Vietnamese CSV and the CSV for scripts are golden files reviewed in diffs
 * (`UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites them); the workbook is read back with
 * the project's XLSX reader and must hold the same table, sheet by sheet.
 */
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";
const dir = mkdtempSync(join(tmpdir(), "par-annex-"));
const DEMO = "criteria/examples/demo-province";
const YEAR_2026 = ["--criteria", "criteria/reference-commune/2026.1.json", `${DEMO}/assessments-2026.csv`, "--survey", `${DEMO}/survey-2026.csv`];

async function run(...argv: string[]): Promise<string> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  if (code !== 0) throw new Error(`par ${argv.join(" ")} exited ${code}: ${stderr}`);
  return stdout;
}

function golden(name: string, actual: string): void {
  const file = new URL(`./${name}`, import.meta.url);
  if (UPDATE) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`golden file ${file.pathname} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden and review it`);
  expect(actual, `${name} changed (UPDATE_GOLDEN=1 rewrites it; review the diff)`).toBe(readFileSync(file, "utf8"));
}

const previous = join(dir, "ranking-2025.json");
const workbook = join(dir, "annex.xlsx");
let annexCsv: string;

beforeAll(async () => {
  await run(
    "rank",
    "--criteria",
    "criteria/reference-commune/2025.1.json",
    `${DEMO}/assessments-2025.csv`,
    "--survey",
    `${DEMO}/survey-2025.csv`,
    "--format",
    "json",
    "--out",
    previous,
  );
  annexCsv = await run("rank", ...YEAR_2026, "--previous", previous, "--format", "annex-csv");
  await run("rank", ...YEAR_2026, "--previous", previous, "--out", workbook);
}, 60_000);

describe("the annex of the demo province, 2026", () => {
  it("as CSV with Vietnamese headers is the recorded table", () => golden("annex-demo-2026.csv", annexCsv));

  it("as CSV for scripts is the recorded table", async () => golden("annex-demo-2026-data.csv", await run("rank", ...YEAR_2026, "--previous", previous, "--format", "csv")));

  it("as XLSX holds the same table, one sheet per block, read back by the project's reader", async () => {
    const table = parseCsvRecords(annexCsv.replace(/\n$/, ""), ",", "annex.csv");
    if (!table.ok) throw new Error(JSON.stringify(table.problems));
    const [header = [], ...rows] = table.value;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Khối phường", "Khối xã, đặc khu"]);
    const read = await readXlsxRecords(workbook);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const sheet = read.value;
    expect(sheet[0]![0]).toBe("Kết quả xác định Chỉ số CCHC năm 2026 của UBND các xã, phường, đặc khu");
    expect(sheet[1]![0]).toBe(
      "Bộ tiêu chí reference-commune 2026.1 ban hành kèm theo Quyết định số MẪU/QĐ-UBND ngày 05/01/2026 của UBND tỉnh (mẫu) / Provincial People's Committee (template)",
    );
    expect(sheet[2]![0]).toBe("Khối phường (11 đơn vị)");
    expect(sheet[3]).toEqual(header.slice(1));
    const wards = rows.filter((row) => row[0] === "Khối phường").map((row) => row.slice(1));
    // The reader gives numbers as plain digits (7, 13.25) and a blank cell as empty text, as the CSV does.
    expect(sheet.slice(4, 4 + wards.length)).toEqual(wards.map((row) => trimEnd(row)));
  });

  it("as XLSX is printable: landscape A4 fitted to the width, header repeated and frozen, numbers formatted, blanks left blank", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const sheet = book.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "4:4" });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4, xSplit: 3 });
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const first = sheet.getRow(5);
    expect(first.getCell(at("STT")).value).toBe(1);
    expect(first.getCell(at("Chỉ số CCHC (%)")).numFmt).toBe("0.00");
    expect(first.getCell(at("Thay đổi thứ hạng so với năm trước")).numFmt).toBe("+0;-0;0");
    const changes = sheet.getColumn(at("Thay đổi thứ hạng so với năm trước")).values.slice(5, 16);
    expect(changes.every((v) => typeof v === "number")).toBe(true);
    // A ward without a survey: its survey area is a real blank cell, not empty text.
    const noSurvey = [...Array(11).keys()].map((i) => sheet.getRow(5 + i)).find((row) => String(row.getCell(at("Ghi chú")).value ?? "").includes("khảo sát"))!;
    expect(noSurvey.getCell(at("8. Sự hài lòng của người dân, tổ chức (35 điểm)")).type).toBe(ExcelJS.ValueType.Null);
    const nameWidth = sheet.getColumn(at("Tên đơn vị")).width!;
    const longestName = Math.max(...[...Array(11).keys()].map((i) => String(sheet.getRow(5 + i).getCell(at("Tên đơn vị")).value).length));
    expect(nameWidth).toBeGreaterThanOrEqual(longestName);
  });
});

/** The project's reader stops a row at its last filled cell. */
function trimEnd(row: string[]): string[] {
  const out = [...row];
  while (out.length > 0 && out.at(-1) === "") out.pop();
  return out;
}
