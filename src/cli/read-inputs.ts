import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { type Assessment, type CriteriaSet, loadCriteriaSet, type Problem, problem, type Ranking, type ScoreReport } from "../index.js";
import { decodeText } from "../io/decode-text.js";
import { readAssessmentSheet, readSheetRecords } from "../io/read-assessment-sheet.js";
import { readSurveyReport } from "../io/read-survey-report.js";
import { readSurveyResults } from "../io/read-survey-results.js";
import { readXlsxRecords } from "../files/stream-xlsx-records.js";
import { problemsError, usageError } from "./cli-error.js";

/** Where what was assumed to read a file goes (shown on stderr, the result stands). */
export type Warn = (file: string, warnings: Problem[]) => void;

/** File adapters for the CLI: read, parse and check, or stop with every problem found. */
export function readText(path: string, warn?: Warn): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(
      code === "ENOENT"
        ? { vi: `Không tìm thấy tệp: ${path}`, en: `File not found: ${path}` }
        : { vi: `Không đọc được ${path} (${code ?? "lỗi"})`, en: `Cannot read ${path} (${code ?? "error"})` },
    );
  }
  const decoded = decodeText(bytes, path);
  if (!decoded.ok) throw problemsError({ vi: `không đọc được ${path} dưới dạng văn bản`, en: `${path} cannot be read as text` }, path, decoded.problems);
  if (decoded.value.warnings.length > 0) warn?.(path, decoded.value.warnings);
  return decoded.value.text;
}

/** Deeper than any criteria set, assessment or report nests: refused before checks that recurse into it. */
const MAX_JSON_DEPTH = 64;

export function readJson(path: string, warn?: Warn): unknown {
  const text = readText(path, warn);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw problemsError({ vi: `${path} không phải JSON hợp lệ`, en: `${path} is not valid JSON` }, path, [
      problem("parse", path, `not valid JSON: ${detail}`, `không phải JSON hợp lệ: ${detail}`),
    ]);
  }
  if (depthOf(json, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw problemsError({ vi: `${path} lồng nhau quá sâu`, en: `${path} is nested too deeply` }, path, [
      problem(
        "parse",
        path,
        `the JSON nests deeper than ${MAX_JSON_DEPTH} levels, which no par file does: it is not a criteria set, assessment or report`,
        `JSON lồng sâu hơn ${MAX_JSON_DEPTH} cấp, không tệp nào của par như vậy: đây không phải bộ tiêu chí, bản đánh giá hay báo cáo`,
      ),
    ]);
  }
  return json;
}

/** The nesting depth of a JSON value, counted without recursion and only up to `limit` + 1. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > limit) return depth + 1;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function readCriteriaSet(path: string): CriteriaSet {
  const loaded = loadCriteriaSet(readJson(path));
  if (!loaded.ok) throw problemsError({ vi: `${path} không phải bộ tiêu chí hợp lệ`, en: `${path} is not a valid criteria set` }, path, loaded.problems);
  return loaded.value;
}

/** Assessments or score reports from JSON files (one object or an array) and sheets (CSV, tab-separated text, XLSX). */
export type UnitInput = { kind: "assessment"; value: unknown; source: string } | { kind: "report"; value: ScoreReport; source: string };

const SHEET_TEXT = [".csv", ".tsv", ".txt"];
/** Spreadsheet files this tool does not read, and what to save them as. */
const UNREADABLE = [".xls", ".xlsm", ".xlsb", ".ods", ".numbers"];

export async function readUnitInputs(paths: string[], set: CriteriaSet, year: number | undefined, surveyPath?: string, warn?: Warn): Promise<UnitInput[]> {
  if (paths.length === 0)
    throw usageError({ vi: "Cần ít nhất một tệp bản đánh giá (.json, .csv hoặc .xlsx).", en: "Give at least one assessment file (.json, .csv or .xlsx)." });
  const inputs: UnitInput[] = [];
  for (const path of paths) inputs.push(...(await readUnitInput(path, set, year, warn)));
  return surveyPath ? withSurvey(inputs, set, surveyPath, warn) : inputs;
}

async function readUnitInput(path: string, set: CriteriaSet, year: number | undefined, warn?: Warn): Promise<UnitInput[]> {
  const extension = extname(path).toLowerCase();
  if (UNREADABLE.includes(extension)) {
    throw problemsError({ vi: `par không đọc được định dạng của ${path}`, en: `${path} is not a format par reads` }, path, [
      problem(
        "unsupported-format",
        path,
        `${extension} files are not read: save the sheet in Excel as "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)"`,
        `không đọc được tệp ${extension}: hãy lưu bảng trong Excel dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8 (Comma delimited) (*.csv)"`,
      ),
    ]);
  }
  if (SHEET_TEXT.includes(extension) || extension === ".xlsx") {
    const options = { fileName: path, criteria: set, year: year ?? onlyYear(set, path) };
    const readXlsx = async () => {
      const records = await readXlsxRecords(path);
      if (!records.ok) throw problemsError({ vi: `không đọc được ${path}`, en: `${path} cannot be read` }, path, records.problems);
      return readSheetRecords(records.value, { ...options, decimalComma: true });
    };
    const read = extension === ".xlsx" ? await readXlsx() : readAssessmentSheet(readText(path, warn), options);
    if (!read.ok) throw problemsError({ vi: `${path} có lỗi`, en: `${path} has problems` }, path, read.problems);
    if (read.warnings) warn?.(path, read.warnings);
    return read.value.map((value: Assessment) => ({ kind: "assessment", value, source: `${path} (${value.unit.code})` }));
  }
  const json = readJson(path, warn);
  const items = Array.isArray(json) ? json : [json];
  return items.map((value, i) => {
    const source = Array.isArray(json) ? `${path}[${i}]` : path;
    return isReport(value) ? { kind: "report", value, source } : { kind: "assessment", value, source };
  });
}

/** Puts each unit's survey results (`--survey results.csv`, or the `.json` report of `par survey import --report`) into its assessment. */
function withSurvey(inputs: UnitInput[], set: CriteriaSet, path: string, warn?: Warn): UnitInput[] {
  const options = { fileName: path, criteria: set };
  const read = extname(path).toLowerCase() === ".json" ? readSurveyReport(readJson(path, warn), options) : readSurveyResults(readText(path, warn), options);
  if (!read.ok) throw problemsError({ vi: `${path} có lỗi`, en: `${path} has problems` }, path, read.problems);
  const codes = new Set<string>();
  const merged = inputs.map((input): UnitInput => {
    if (input.kind === "report")
      throw usageError({
        vi: `--survey dùng cho bản đánh giá, nhưng ${input.source} là báo cáo điểm: hãy chấm các bản đánh giá kèm --survey`,
        en: `--survey applies to assessments, but ${input.source} is a score report: score the assessments with --survey instead`,
      });
    const assessment = input.value as { unit?: { code?: unknown } };
    const code = typeof assessment.unit?.code === "string" ? assessment.unit.code : "";
    codes.add(code);
    const survey = read.value.get(code);
    return survey ? { ...input, value: { ...assessment, survey } } : input;
  });
  const unknown = [...read.value.keys()].filter((code) => !codes.has(code));
  if (unknown.length > 0) {
    const problems = unknown.map((code) =>
      problem(
        "unknown-code",
        `${path} (${code})`,
        `survey results for unit ${code}, which has no assessment: check the unit code`,
        `có kết quả điều tra xã hội học của đơn vị ${code} nhưng không có bản đánh giá: kiểm tra mã đơn vị`,
      ),
    );
    throw problemsError({ vi: `${path} có đơn vị không có bản đánh giá`, en: `${path} names units without assessments` }, path, problems);
  }
  return merged;
}

export function readRanking(path: string): Ranking {
  const json = readJson(path);
  if (json === null || typeof json !== "object" || !Array.isArray((json as Ranking).blocks)) {
    throw usageError({
      vi: `${path} không phải bảng xếp hạng: hãy dùng JSON do "par rank --format json" ghi`,
      en: `${path} is not a ranking: give the JSON written by "par rank --format json"`,
    });
  }
  return json as Ranking;
}

function isReport(value: unknown): value is ScoreReport {
  return value !== null && typeof value === "object" && "totals" in value && "engine" in value;
}

function onlyYear(set: CriteriaSet, path: string): number {
  const [year, ...more] = set.appliesTo.years;
  if (year === undefined || more.length > 0)
    throw usageError({
      vi: `${path}: bộ tiêu chí áp dụng cho các năm ${set.appliesTo.years.join(", ")}; hãy cho --year`,
      en: `${path}: the criteria set covers ${set.appliesTo.years.join(", ")}; give --year`,
    });
  return year;
}
