import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { type Assessment, type CriteriaSet, loadCriteriaSet, problem, type Ranking, type ScoreReport } from "../index.js";
import { readAssessmentSheet } from "../io/read-assessment-sheet.js";
import { readSurveyReport } from "../io/read-survey-report.js";
import { readSurveyResults } from "../io/read-survey-results.js";
import { problemsError, usageError } from "./cli-error.js";

/** File adapters for the CLI: read, parse and check, or stop with every problem found. */
export function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(code === "ENOENT" ? `File not found: ${path}` : `Cannot read ${path} (${code ?? "error"})`);
  }
}

export function readJson(path: string): unknown {
  const text = readText(path).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw problemsError(`${path} is not valid JSON`, path, [problem("parse", path, `not valid JSON: ${detail}`, `không phải JSON hợp lệ: ${detail}`)]);
  }
}

export function readCriteriaSet(path: string): CriteriaSet {
  const loaded = loadCriteriaSet(readJson(path));
  if (!loaded.ok) throw problemsError(`${path} is not a valid criteria set`, path, loaded.problems);
  return loaded.value;
}

/** Assessments or score reports from JSON files (one object or an array) and CSV sheets. */
export type UnitInput = { kind: "assessment"; value: unknown; source: string } | { kind: "report"; value: ScoreReport; source: string };

export function readUnitInputs(paths: string[], set: CriteriaSet, year: number | undefined, surveyPath?: string): UnitInput[] {
  if (paths.length === 0) throw usageError("Give at least one assessment file (.json or .csv).");
  const inputs = paths.flatMap((path): UnitInput[] => {
    if (extname(path).toLowerCase() === ".csv") {
      const sheetYear = year ?? onlyYear(set, path);
      const read = readAssessmentSheet(readText(path), { fileName: path, criteria: set, year: sheetYear });
      if (!read.ok) throw problemsError(`${path} has problems`, path, read.problems);
      return read.value.map((value: Assessment) => ({ kind: "assessment", value, source: `${path} (${value.unit.code})` }));
    }
    const json = readJson(path);
    const items = Array.isArray(json) ? json : [json];
    return items.map((value, i) => {
      const source = Array.isArray(json) ? `${path}[${i}]` : path;
      return isReport(value) ? { kind: "report", value, source } : { kind: "assessment", value, source };
    });
  });
  return surveyPath ? withSurvey(inputs, set, surveyPath) : inputs;
}

/** Puts each unit's survey results (`--survey results.csv`, or the `.json` report of `par survey import --report`) into its assessment. */
function withSurvey(inputs: UnitInput[], set: CriteriaSet, path: string): UnitInput[] {
  const options = { fileName: path, criteria: set };
  const read = extname(path).toLowerCase() === ".json" ? readSurveyReport(readJson(path), options) : readSurveyResults(readText(path), options);
  if (!read.ok) throw problemsError(`${path} has problems`, path, read.problems);
  const codes = new Set<string>();
  const merged = inputs.map((input): UnitInput => {
    if (input.kind === "report") throw usageError(`--survey applies to assessments, but ${input.source} is a score report: score the assessments with --survey instead`);
    const assessment = input.value as { unit?: { code?: unknown } };
    const code = typeof assessment.unit?.code === "string" ? assessment.unit.code : "";
    codes.add(code);
    const survey = read.value.get(code);
    return survey ? { ...input, value: { ...assessment, survey } } : input;
  });
  const unknown = [...read.value.keys()].filter((code) => !codes.has(code));
  if (unknown.length > 0) {
    const problems = unknown.map((code) =>
      problem("unknown-code", `${path} (${code})`, `survey results for unit ${code}, which has no assessment: check the unit code`, `có kết quả khảo sát của đơn vị ${code} nhưng không có bản đánh giá: kiểm tra mã đơn vị`),
    );
    throw problemsError(`${path} names units without assessments`, path, problems);
  }
  return merged;
}

export function readRanking(path: string): Ranking {
  const json = readJson(path);
  if (json === null || typeof json !== "object" || !Array.isArray((json as Ranking).blocks)) {
    throw usageError(`${path} is not a ranking: give the JSON written by "par rank --format json"`);
  }
  return json as Ranking;
}

function isReport(value: unknown): value is ScoreReport {
  return value !== null && typeof value === "object" && "totals" in value && "engine" in value;
}

function onlyYear(set: CriteriaSet, path: string): number {
  const [year, ...more] = set.appliesTo.years;
  if (year === undefined || more.length > 0) throw usageError(`${path}: the criteria set covers ${set.appliesTo.years.join(", ")}; give --year`);
  return year;
}
