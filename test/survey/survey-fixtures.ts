import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mappingJson from "../../criteria/survey/reference-sipas/2026.1.json" with { type: "json" };
import criteriaJson from "../../criteria/reference-commune/2026.1.json" with { type: "json" };
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import { toCsv } from "../../src/io/csv.js";
import type { SurveyMapping, SurveyUnit } from "../../src/survey/types.js";

export const criteria = (loadCriteriaSet(criteriaJson) as { ok: true; value: CriteriaSet }).value;
export const referenceMapping = (): SurveyMapping => structuredClone(mappingJson) as SurveyMapping;
export const UNITS: SurveyUnit[] = [
  { code: "DV0001", name: "Xã Minh Hòa", type: "xa", population: 10 },
  { code: "DV0002", name: "Phường 15", type: "phuong", population: 226 },
];

const QUESTIONS = mappingJson.questions.filter((q) => "scale" in q).map((q) => q.code);
export const KOBO_HEADER = ["unit_code", ...QUESTIONS, "channels", "_uuid", "_submission_time", "_validation_status"];

/** A KoboToolbox-style row: every question answered 4, unless the cells say otherwise. */
export function koboRow(id: string, cells: Record<string, string> = {}): string[] {
  const base: Record<string, string> = { unit_code: "DV0001", channels: "counter", _uuid: id, _submission_time: "2026-05-10T09:00:00", _validation_status: "" };
  return KOBO_HEADER.map((name) => cells[name] ?? base[name] ?? "4");
}

const dir = mkdtempSync(join(tmpdir(), "par-survey-"));
let count = 0;
/** Writes a CSV export to a temporary file and returns its path. */
export function writeExport(rows: string[][], options: { header?: string[]; delimiter?: "," | ";"; bom?: boolean } = {}): string {
  const path = join(dir, `export-${++count}.csv`);
  const text = toCsv([options.header ?? KOBO_HEADER, ...rows], options.delimiter ?? ",");
  writeFileSync(path, options.bom ? `\uFEFF${text}` : text);
  return path;
}

export function writeText(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
