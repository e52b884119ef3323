import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "par-report-"));
const DEMO = ["--criteria", "criteria/reference-commune/2026.1.json", "criteria/examples/demo-province/assessments-2026.csv"];
const SURVEY = ["--survey", "criteria/examples/demo-province/survey-2026.csv"];

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** The demo's ranking as `par rank --format json` gives it: the figures the report must repeat. */
let ranking: { blocks: { units: { unit: { code: string; name: string }; rank: number; index: number; class: { code: string } | null }[] }[] };
beforeAll(async () => {
  const ranked = await run("rank", ...DEMO, ...SURVEY, "--format", "json");
  expect(ranked.code).toBe(0);
  ranking = JSON.parse(ranked.stdout);
});
const unitOf = (code: string) => ranking.blocks.flatMap((b) => b.units.map((u) => ({ ...u, of: b.units.length }))).find((u) => u.unit.code === code)!;

describe("par report", () => {
  it("writes the unit's one-page XLSX: its name, areas, index and rank as the ranking has them, one A4 page", async () => {
    const out = join(dir, "DV0001.xlsx");
    const result = await run("report", ...DEMO, ...SURVEY, "--unit", "DV0001", "--out", out);
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: `Đã ghi: ${out}\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 1, orientation: "portrait" });
    const unit = unitOf("DV0001");
    expect(String(sheet.getCell(3, 1).value)).toContain(`${unit.unit.name} (DV0001)`);
    const lines = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => lines.set(String(row.getCell(1).value), row));
    expect(lines.get("Chỉ số CCHC (%)")!.getCell(5).value).toBe(unit.index);
    expect(lines.get("Xếp hạng")!.getCell(5).value).toBe(unit.rank);
    expect(lines.get("Xếp hạng")!.getCell(6).value).toBe(`trên ${unit.of}`);
  });

  it("writes a self-contained printable HTML page in English with --lang en: the same figures, no link, no script", async () => {
    const out = join(dir, "DV0001.html");
    const result = await run("report", ...DEMO, ...SURVEY, "--unit", "DV0001", "--out", out, "--lang", "en");
    expect(result).toMatchObject({ code: 0, stderr: `Written: ${out}\n` });
    const html = readFileSync(out, "utf8");
    const unit = unitOf("DV0001");
    expect(html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(html).toContain(`<strong>${unit.unit.name}</strong> (DV0001)`);
    expect(html).toContain(`<dt>PAR index (%)</dt><dd>${unit.index.toFixed(2)}</dd>`);
    expect(html).toContain(`<dt>Rank</dt><dd>${unit.rank} of ${unit.of}</dd>`);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script|<link|href=|src=/);
  });

  it("shows Vietnamese figures with the decimal comma by default", async () => {
    const out = join(dir, "DV0001-vi.html");
    expect((await run("report", ...DEMO, ...SURVEY, "--unit", "DV0001", "--out", out)).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain(`<dt>Chỉ số CCHC (%)</dt><dd>${unitOf("DV0001").index.toFixed(2).replace(".", ",")}</dd>`);
  });

  it.each([
    {
      why: "an unknown unit, listing the codes",
      argv: ["--unit", "XX9", "--out", join(dir, "x.xlsx")],
      says: /Không có đơn vị XX9 trong đầu vào.*Các đơn vị: DV00/,
    },
    { why: "a file type it cannot write", argv: ["--unit", "DV0001", "--out", join(dir, "x.pdf")], says: /báo cáo ghi được tệp \.xlsx hoặc \.html/ },
    { why: "no --unit", argv: ["--out", join(dir, "x.xlsx")], says: /--unit/ },
    { why: "no --out", argv: ["--unit", "DV0001"], says: /--out/ },
  ])("refuses $why (exit 2)", async ({ argv, says }) => {
    const result = await run("report", ...DEMO, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(says);
  });

  it("has help in Vietnamese and English", async () => {
    expect((await run("report", "--help")).stdout).toContain("báo cáo một trang của một đơn vị");
    expect((await run("report", "--help", "--lang", "en")).stdout).toContain("one unit's one-page report");
  });
});
