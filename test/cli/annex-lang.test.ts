import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "par-annex-lang-"));
const DEMO = [
  "--criteria",
  "criteria/reference-commune/2026.1.json",
  "criteria/examples/demo-province/assessments-2026.csv",
  "--survey",
  "criteria/examples/demo-province/survey-2026.csv",
];

async function annexCsv(...lang: string[]): Promise<string[][]> {
  let stdout = "";
  const code = await runCli(["rank", ...DEMO, "--format", "annex-csv", ...lang], { stdout: (t) => (stdout += t), stderr: () => {} });
  expect(code).toBe(0);
  return parse(stdout, { bom: true, relax_column_count: true });
}

describe("the annex in English (--lang en)", () => {
  it.each([
    { lang: [], header: ["Khối", "STT", "Mã đơn vị", "Tên đơn vị", "1. Cải cách thể chế (7 điểm)"], block: "Khối phường", class: "Xuất sắc" },
    { lang: ["--lang", "vi"], header: ["Khối", "STT", "Mã đơn vị", "Tên đơn vị", "1. Cải cách thể chế (7 điểm)"], block: "Khối phường", class: "Xuất sắc" },
    {
      lang: ["--lang", "en"],
      header: ["Block", "STT", "Unit code", "Unit name", "1. Institutional reform (7 points)"],
      block: "Wards",
      class: "Excellent",
    },
  ])("CSV headers, blocks and classes in $lang (Vietnamese by default)", async ({ lang, header, block, class: excellent }) => {
    const rows = await annexCsv(...lang);
    expect(rows[0]!.slice(0, 5)).toEqual(header);
    expect(rows[1]![0]).toBe(block);
    expect(rows[1]![rows[0]!.length - 4]).toBe(excellent);
  });

  it("has the same figures in both languages: only the words differ", async () => {
    const [vi, en] = [await annexCsv(), await annexCsv("--lang", "en")];
    expect(en).toHaveLength(vi.length);
    const number = /^-?\d+(\.\d+)?$/;
    vi.slice(1).forEach((row, r) => {
      row.forEach((cell, c) => {
        if (number.test(cell) || cell === "") expect(en[r + 1]![c], `row ${r + 1}, column ${vi[0]![c]}`).toBe(cell);
      });
    });
    expect(en[0]).not.toEqual(vi[0]);
  });

  it("titles the workbook, its blocks and its notes in English", async () => {
    const out = join(dir, "annex-en.xlsx");
    expect(await runCli(["rank", ...DEMO, "--lang", "en", "--out", out], { stdout: () => {}, stderr: () => {} })).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe("PAR index 2026 of the People's Committees of communes, wards, special zones: results");
    expect(String(sheet.getCell(2, 1).value)).toMatch(/^Criteria set reference-commune 2026\.1, issued with Decision No\. /);
    expect(sheet.getCell(3, 1).value).toBe("Wards (11 units)");
    expect(sheet.headerFooter.oddFooter).toBe("Page &P of &N");
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(1).value ?? "")));
    expect(texts).toContain("Mean index of the block: 77.58 %");
    expect(texts.slice(3).join("\n"), "below the decision line: no Vietnamese word").not.toMatch(/[ạảấầẩậắằẳặẹẻếềểệịọỏốồổộớờởợụủứừửựỳỷđ]/);
  });
});
