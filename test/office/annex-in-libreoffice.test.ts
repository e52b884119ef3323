import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { CSV_EVERY_SHEET, OFFICE_SKIP, convert, pdfPages } from "./soffice.js";

/**
 * The demo's annex and a unit's one-page report as a user's LibreOffice reads and prints them:
 * the annex prints each block on landscape pages and its cells read back as the CLI's annex CSV
 * (numbers as numbers, names whole); the unit report prints on one portrait page.
 */
const DEMO = [
  "--criteria",
  "criteria/reference-commune/2026.1.json",
  "criteria/examples/demo-province/assessments-2026.csv",
  "--survey",
  "criteria/examples/demo-province/survey-2026.csv",
];
const dir = mkdtempSync(join(tmpdir(), "par-office-annex-"));

async function cli(...argv: string[]) {
  let stderr = "";
  const code = await runCli(argv, { stdout: () => {}, stderr: (t) => (stderr += t) });
  if (code !== 0) throw new Error(`par ${argv.join(" ")}: exit ${code}\n${stderr}`);
}

/** A CSV as LibreOffice wrote it with text cells quoted: each cell's text and whether it was quoted (text) or bare (a number or blank). */
function readQuotedCsv(text: string): { text: string; quoted: boolean }[][] {
  const rows: { text: string; quoted: boolean }[][] = [];
  let row: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = "";
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        cell += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") cell += text[i++];
    }
    row.push({ text: cell, quoted });
    if (text[i] === ",") i++;
    else {
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe.skipIf(OFFICE_SKIP)(`the annex in LibreOffice${OFFICE_SKIP ? ` (skipped: ${OFFICE_SKIP})` : ""}`, () => {
  let annexCsv: string[][];
  let pdfDir: string;
  let csvDir: string;
  beforeAll(async () => {
    await cli("rank", ...DEMO, "--out", join(dir, "annex.xlsx"));
    await cli("rank", ...DEMO, "--format", "annex-csv", "--out", join(dir, "annex.csv"));
    await cli("report", ...DEMO, "--unit", "DV0001", "--out", join(dir, "report.xlsx"));
    annexCsv = parse(readFileSync(join(dir, "annex.csv"), "utf8"), { bom: true, relax_column_count: true });
    [pdfDir, csvDir] = [await convert([join(dir, "annex.xlsx"), join(dir, "report.xlsx")], "pdf"), await convert([join(dir, "annex.xlsx")], CSV_EVERY_SHEET)];
  }, 300_000);
  afterAll(() => {
    for (const folder of [dir, pdfDir, csvDir]) if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const blocks = () => [...new Set(annexCsv.slice(1).map((row) => row[0]!))];

  it("prints the annex on landscape pages, one per block of the demo", () => {
    const pages = pdfPages(readFileSync(join(pdfDir, "annex.pdf")));
    expect(blocks()).toHaveLength(2);
    expect(pages).toHaveLength(blocks().length);
    for (const page of pages) expect(page.width, "landscape: wider than high").toBeGreaterThan(page.height);
  });

  it("prints the unit's one-page report on one portrait page", () => {
    const pages = pdfPages(readFileSync(join(pdfDir, "report.pdf")));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.height).toBeGreaterThan(pages[0]!.width);
  });

  it("reads one sheet per block whose header and rows are the CLI's annex CSV: numbers as numbers, text (names, classes, notes) whole", () => {
    const files = readdirSync(csvDir).sort();
    expect(files).toEqual(
      blocks()
        .map((block) => `annex-${block}.csv`)
        .sort(),
    );
    const header = annexCsv[0]!.slice(1);
    for (const block of blocks()) {
      const sheet = readQuotedCsv(readFileSync(join(csvDir, `annex-${block}.csv`), "utf8"));
      const start = sheet.findIndex((row) => row[0]!.text === "STT");
      expect(
        sheet[start]!.map((cell) => cell.text),
        `${block}: header`,
      ).toEqual(header);
      const expected = annexCsv.filter((row) => row[0] === block).map((row) => row.slice(1));
      const rows = sheet.slice(start + 1);
      const read = rows.slice(
        0,
        rows.findIndex((row) => row.every((cell) => cell.text === "")),
      );
      expect(read.length, `${block}: rows`).toBe(expected.length);
      read.forEach((row, r) => {
        expected[r]!.forEach((want, c) => {
          const cell = row[c] ?? { text: "", quoted: false };
          const where = `${block}, row ${r + 1}, ${header[c]}`;
          if (want === "") expect(cell, `${where}: a real blank`).toEqual({ text: "", quoted: false });
          else if (/^-?\d+(\.\d+)?$/.test(want)) {
            expect(cell.quoted, `${where}: a number, not text`).toBe(false);
            expect(Number(cell.text), where).toBe(Number(want));
          } else expect(cell, where).toEqual({ text: want, quoted: true });
        });
      });
    }
  });
});
