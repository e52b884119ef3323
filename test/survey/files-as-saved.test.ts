import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { importSurveyFile } from "../../src/files/import-survey-file.js";
import { MAX_RECORD_CHARS } from "../../src/files/stream-csv-records.js";
import { readSurveyUnits } from "../../src/io/survey/read-survey-units.js";
import type { SurveyImportResult } from "../../src/survey/result-types.js";
import { unicodeText, windows1258 } from "../io/fixtures/saved-by-excel.js";
import { KOBO_HEADER, UNITS, criteria, koboRow, referenceMapping, writeText } from "./survey-fixtures.js";

/** Survey exports as people really save them, and damaged the ways the issue found. */
const DIR = "criteria/examples/survey";
const examples = readSurveyUnits(readFileSync(join(DIR, "units.csv"), "utf8"), "units.csv");
const exampleUnits = examples.ok ? examples.value : [];

const importFile = (path: string, units = UNITS) => importSurveyFile(path, { mapping: referenceMapping(), criteria, units, fileName: "export.csv" });

async function imported(path: string, units = UNITS): Promise<SurveyImportResult> {
  const result = await importFile(path, units);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

const lines = (...rows: string[][]) => `${[KOBO_HEADER, ...rows].map((row) => row.join(",")).join("\n")}\n`;

describe("an export re-saved by Excel imports as the clean file does", () => {
  const clean = readFileSync(join(DIR, "kobo-labels.csv"), "utf8");
  const tabbed = (parse(clean.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: true }) as string[][]).map((row) => row.join("\t")).join("\r\n");
  it.each([
    { name: "CSV (Comma delimited): Windows-1258", bytes: () => windows1258(clean.replace(/^\uFEFF/, "")), note: /Windows-1258/ },
    { name: "Unicode Text: UTF-16LE, tabs", bytes: () => unicodeText(`${tabbed}\r\n`), note: null },
  ])("$name", async ({ name, bytes, note }) => {
    const path = writeText(`${name.replaceAll(/\W+/g, "-")}.csv`, "");
    writeFileSync(path, bytes());
    const expected = await imported(join(DIR, "kobo-labels.csv"), exampleUnits);
    const result = await imported(path, exampleUnits);
    expect(result.units).toEqual(expected.units);
    expect(JSON.stringify(result)).not.toContain("\uFFFD");
    const notes = result.quality.notes.map((n) => n.en).join("\n");
    if (note) expect(notes).toMatch(note);
    else expect(notes).toBe(expected.quality.notes.map((n) => n.en).join("\n"));
  });
});

/** Rows that do not line up with the header: excluded, counted and listed with their place. */
describe("a row that does not line up with the header is no response", () => {
  it.each([
    {
      name: "a decimal comma shifts the answers (one cell more than the header)",
      // "4,5" typed as an answer: one cell becomes two
      rows: () => [koboRow("r1"), [...koboRow("r2").slice(0, 3), "4", "5", ...koboRow("r2").slice(4)]],
      path: `export.csv:3:${letter(KOBO_HEADER.length)}`,
      message: new RegExp(`row 3 has ${KOBO_HEADER.length + 1} cells but the header has ${KOBO_HEADER.length}`),
    },
    {
      name: "a row cut to 8 of its cells",
      rows: () => [koboRow("r1"), koboRow("r2").slice(0, 8)],
      path: "export.csv:3:I",
      message: new RegExp(`row 3 has 8 of ${KOBO_HEADER.length} cells, so it is not a full response`),
    },
  ])("$name", async ({ rows, path, message }) => {
    const result = await imported(writeText("shifted.csv", lines(...rows())));
    expect(result.quality.malformed).toBe(1);
    expect(result.quality.used).toBe(1);
    const issue = result.quality.issues.find((p) => p.code === "malformed-row");
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });

  it("a stray quote that swallows the rows after it: the row is excluded, the lines it took in are said", async () => {
    const opened = koboRow("r2", { p1: '"4' });
    const closing = koboRow("r4", { p2: '4"' });
    const text = lines(koboRow("r1"), opened, koboRow("r3"), closing, koboRow("r5"));
    const result = await imported(writeText("quote.csv", text));
    expect(result.quality.malformed).toBe(1);
    expect(result.quality.used).toBe(2);
    const issue = result.quality.issues.find((p) => p.code === "malformed-row");
    expect(issue?.path).toBe("export.csv:3:p1");
    expect(issue?.message).toMatch(/this cell spans 3 lines, so a stray quote/);
  });
});

describe("a damaged export stops the import with a problem", () => {
  it.each([
    {
      name: "a file cut in the middle of its last row",
      path: () => writeText("cut.csv", lines(koboRow("r1"), koboRow("r2")) + koboRow("r3").slice(0, 5).join(",")),
      code: "truncated-file",
      message: /ends in the middle of row 4 \(5 of \d+ cells/,
    },
    {
      name: "a line with no break (longer than the bound)",
      path: () => writeText("long.csv", `${KOBO_HEADER.join(",")}\n${"4,".repeat(MAX_RECORD_CHARS)}`),
      code: "line-too-long",
      message: /row 2 runs past 1 MB without ending/,
    },
    {
      name: "an XLSX export whose sheet was cut (16 of 34 rows read before)",
      path: () => "test/io/fixtures/survey-sheet-cut.xlsx",
      code: "xlsx-damaged",
      message: /the worksheet xl\/worksheets\/sheet1\.xml is cut or damaged/,
    },
    {
      name: "a text already damaged by a conversion (U+FFFD)",
      path: () => writeText("fffd.csv", lines(koboRow("r1", { unit_code: "Ph\uFFFDng 15" }))),
      code: "encoding",
      message: /holds "�"/,
    },
  ])("$name", async ({ path, code, message }) => {
    const result = await importFile(path());
    expect(result.ok).toBe(false);
    const found = result.ok ? undefined : result.problems.find((p) => p.code === code);
    expect(found, JSON.stringify(result)).toBeDefined();
    expect(found!.message).toMatch(message);
  });
});

function letter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
