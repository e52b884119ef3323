import { describe, expect, it } from "vitest";
import { importSurveyFile } from "../../src/files/import-survey-file.js";
import type { Checked } from "../../src/problem.js";
import { noFinalLineBreak, truncatedRow } from "../../src/io/row-shape.js";
import { splitCsvRecords } from "../../src/io/survey/split-csv-records.js";
import type { SurveyImportResult } from "../../src/survey/result-types.js";
import { createReferenceSurveyImport } from "./reference-survey-import.js";
import { KOBO_HEADER, UNITS, criteria, referenceMapping, writeText } from "./survey-fixtures.js";

const mapping = referenceMapping();

/** The reference: the engine as it was before tuning, fed every record by the same splitter but without the line-break hint, whole text at once. */
function referenceImport(text: string, fileName: string, listPerKind: number): Checked<SurveyImportResult> | "unclosed" {
  const engine = createReferenceSurveyImport({ mapping, criteria, units: UNITS, fileName, listPerKind, fullRows: true });
  let headerProblems: ReturnType<typeof engine.header> | null = null;
  let lastRecord: string[] = [];
  let width = 0;
  let records = 0;
  const splitter = splitCsvRecords(",", (cells, index) => {
    records = index + 1;
    lastRecord = cells;
    if (index === 0) {
      headerProblems = engine.header(cells.map((cell) => cell.normalize("NFC")));
      width = cells.length;
      return;
    }
    if (headerProblems?.length === 0) engine.row(cells, index + 1);
  });
  splitter.push(text);
  if (splitter.end()) return "unclosed";
  const endsWithLineBreak = /[\r\n]$/.test(text);
  if (records > 1) {
    const cut = truncatedRow(lastRecord, width, records, endsWithLineBreak, fileName);
    if (cut) return { ok: false, problems: [cut] };
  }
  const result = engine.finish();
  if (result.ok && !endsWithLineBreak && records > 1) {
    const note = noFinalLineBreak(fileName, records);
    result.value.quality.notes.push({ en: note.message, vi: note.vi });
  }
  return result;
}

/** A seeded generator of KoboToolbox-style exports with what real files hold: quotes, CRLF, a BOM, cells over several lines, blank lines, stray quotes, answers on no scale, unknown units, duplicates, cut and shifted rows. */
function generateExport(seed: number, rows: number, unknownUnits: boolean): string {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ANSWERS = ["4", "4", "5", "5", "3", "2", "1", "99", "0", "7", "x", " 4", "5 ", "Hài lòng", "rất hài lòng", "A5", "N/A", "", "Không biết", "45"];
  const UNIT_CODES = unknownUnits ? ["DV0001", "DV0002", "DV0009"] : ["DV0001", "DV0002", "dv0001", " DV0002 ", "", "DV0001"];
  const CHANNELS = ["counter", "online counter", "Cổng dịch vụ công", "media,other", "tv", "", "counter\nmedia"];
  const STATUS = ["", "validation_status_approved", "validation_status_approved", "validation_status_not_approved", "Chưa hoàn thành", "rejected "];
  const eol = seed % 3 === 0 ? "\r\n" : seed % 3 === 1 ? "\n" : null;
  const quote = (cell: string) => (/[",\r\n]/.test(cell) || random() < 0.05 ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines: string[] = [KOBO_HEADER.join(",")];
  for (let i = 0; i < rows; i++) {
    const roll = random();
    if (roll < 0.03) {
      lines.push("");
      continue;
    }
    const cells = KOBO_HEADER.map((name) => {
      if (name === "unit_code") return pick(UNIT_CODES);
      if (name === "channels") return pick(CHANNELS);
      if (name === "_uuid") return random() < 0.1 && i > 0 ? `r${Math.floor(random() * i)}` : random() < 0.02 ? "" : `r${i}`;
      if (name === "_submission_time") return random() < 0.05 ? "" : "2026-05-10T09:00:00";
      if (name === "_validation_status") return pick(STATUS);
      return pick(ANSWERS);
    }).map(quote);
    if (roll < 0.05) cells.push("extra");
    else if (roll < 0.07) cells.splice(8);
    else if (roll < 0.08) cells[0] = `"DV0001\nDV0002"`;
    else if (roll < 0.085) cells[3] = `"4`; // a stray quote: it takes in the rows that follow, up to the next quote
    lines.push(cells.join(","));
  }
  let text = "";
  for (const line of lines) text += line + (eol ?? (random() < 0.5 ? "\r\n" : "\n"));
  if (seed % 5 === 0) text = text.replace(/\r?\n$/, "");
  return seed % 4 === 0 ? `\uFEFF${text}` : text;
}

describe("survey import: the tuned engine against the reference", () => {
  const cases = Array.from({ length: 40 }, (_, seed) => ({
    seed: seed + 1,
    rows: 50 + ((seed * 37) % 400),
    unknownUnits: seed % 10 === 9,
    listPerKind: seed % 2 === 0 ? 1000 : 2,
  }));

  it.each(cases)("export $seed: $rows rows give the same results and problems, byte for byte", async ({ seed, rows, unknownUnits, listPerKind }) => {
    const text = generateExport(seed, rows, unknownUnits);
    const path = writeText(`differential-${seed}.csv`, text);
    const tuned = await importSurveyFile(path, { mapping, criteria, units: UNITS, fileName: "export.csv", listPerKind });
    const reference = referenceImport(text.replace(/^\uFEFF/, ""), "export.csv", listPerKind);
    if (reference === "unclosed") {
      expect(tuned.ok ? [] : tuned.problems.map((p) => p.code)).toEqual(["parse"]);

      return;
    }
    expect(JSON.stringify(tuned, null, 1)).toBe(JSON.stringify(reference, null, 1));
  });

  it("the exports exercise what they are meant to", async () => {
    const seen = { used: 0, duplicates: 0, incomplete: 0, rejected: 0, missingUnit: 0, malformed: 0, outOfScale: 0, excludedAnswers: 0, failed: 0 };
    for (const { seed, rows, unknownUnits } of cases) {
      const reference = referenceImport(generateExport(seed, rows, unknownUnits).replace(/^\uFEFF/, ""), "export.csv", 20);
      if (reference === "unclosed" || !reference.ok) {
        seen.failed += 1;
        continue;
      }
      for (const key of Object.keys(seen) as (keyof typeof seen)[]) if (key !== "failed") seen[key] += reference.value.quality[key];
    }
    for (const [key, count] of Object.entries(seen)) expect(count, key).toBeGreaterThan(0);
  });
});
