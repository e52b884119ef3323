import type { SurveyResults } from "../assessment/types.js";
import type { CriteriaSet } from "../criteria/types.js";
import { nearestName } from "../text/nearest-name.js";
import { type Checked, type Problem, problem } from "../problem.js";
import { type CsvCell, firstLine, sniffDelimiter, toCsv } from "./csv.js";
import { parseNumber } from "./parse-cell.js";
import { parseCsvRecords } from "./parse-csv-records.js";
import { extraCells, truncatedLastRow } from "./row-shape.js";

/**
 * Survey results per unit as a flat table: `unit`, optional `respondents` and `source`, then
 * one column per survey indicator of the set (percent). This is what a survey import yields
 * and what `par score --survey` merges into the assessments.
 */
export function readSurveyResults(text: string, options: { fileName: string; criteria: CriteriaSet }): Checked<Map<string, SurveyResults>> {
  const { fileName, criteria } = options;
  const content = text.replace(/^\uFEFF/, "").normalize("NFC");
  const delimiter = sniffDelimiter(firstLine(content));
  const records = parseCsvRecords(content, delimiter, fileName);
  if (!records.ok) return records;
  const [header = [], ...rows] = records.value;
  const names = header.map((cell) => cell.trim());
  const indicators = Object.keys(criteria.survey?.indicators ?? {});
  const problems: Problem[] = [];
  names.forEach((name, i) => {
    if (name === "unit" || name === "respondents" || name === "source" || indicators.includes(name)) return;
    const near = nearestName(name, ["unit", "respondents", "source", ...indicators]);
    problems.push(
      problem(
        "unknown-indicator",
        `${fileName}:1:${name || i + 1}`,
        `column "${name}" is not a survey indicator of ${criteria.family} ${criteria.version}${near ? ` (did you mean "${near}"?)` : ""}; expected: unit, respondents, ${indicators.join(", ")}`,
        `cột "${name}" không phải chỉ số điều tra xã hội học của bộ tiêu chí${near ? ` (có phải "${near}"?)` : ""}; các cột hợp lệ: unit, respondents, ${indicators.join(", ")}`,
      ),
    );
  });
  if (!names.includes("unit")) {
    problems.push(problem("parse", `${fileName}:1`, 'the header has no "unit" column', 'dòng tiêu đề thiếu cột "unit"'));
    return { ok: false, problems };
  }
  const cut = truncatedLastRow(records.value, content, fileName);
  if (cut) problems.push(cut);
  const results = new Map<string, SurveyResults>();
  rows.forEach((cells, r) => {
    const row = r + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    const shifted = extraCells(cells, header.length, row, fileName);
    if (shifted) {
      problems.push(shifted);
      return;
    }
    const cell = (name: string) => cells[names.indexOf(name)]?.trim() ?? "";
    const unit = cell("unit");
    if (results.has(unit)) {
      problems.push(problem("duplicate-code", `${fileName}:${row}:unit`, `unit ${unit} has two rows: keep one`, `đơn vị ${unit} có hai dòng: chỉ giữ một`));
      return;
    }
    const survey: SurveyResults = { indicators: {} };
    for (const name of [...indicators, "respondents"]) {
      const text = cell(name);
      if (text === "") continue;
      const parsed = parseNumber(text, delimiter !== ",");
      if (!parsed.ok) {
        problems.push(problem("parse", `${fileName}:${row}:${name}`, parsed.message, parsed.vi));
      } else if (name === "respondents") {
        survey.respondents = parsed.value;
      } else {
        survey.indicators[name] = parsed.value;
      }
    }
    if (cell("source") !== "") survey.source = cell("source");
    results.set(unit, survey);
  });
  return problems.length === 0 ? { ok: true, value: results } : { ok: false, problems };
}

export function writeSurveyResults(results: Map<string, SurveyResults>, criteria: CriteriaSet): string {
  return toCsv(surveyResultsRows(results, criteria));
}

/** The results table: a header, then one row per unit. */
export function surveyResultsRows(results: Map<string, SurveyResults>, criteria: CriteriaSet): CsvCell[][] {
  const indicators = Object.keys(criteria.survey?.indicators ?? {});
  const rows = [...results].map(([unit, survey]) => [unit, survey.respondents ?? null, ...indicators.map((name) => survey.indicators[name] ?? null)]);
  return [["unit", "respondents", ...indicators], ...rows];
}
