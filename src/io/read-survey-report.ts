import type { SurveyResults } from "../assessment/types.js";
import type { CriteriaSet } from "../criteria/types.js";
import { nearestName } from "../text/nearest-name.js";
import { type Checked, type Problem, problem } from "../problem.js";
import { SURVEY_RESULTS_FORMAT, type SurveyImportResult } from "../survey/result-types.js";

/**
 * Survey results per unit from the JSON report of `par survey import --report` (format
 * `par-survey-results/1`): the same indicator values and respondents as the results CSV, plus
 * where they come from (mapping and export file) as each unit's `source`. The report must be
 * for the criteria set being scored.
 */
export function readSurveyReport(json: unknown, options: { fileName: string; criteria: CriteriaSet }): Checked<Map<string, SurveyResults>> {
  const { fileName, criteria } = options;
  const report = json as Partial<SurveyImportResult> | null;
  if (report === null || typeof report !== "object" || report.format !== SURVEY_RESULTS_FORMAT || !Array.isArray(report.units)) {
    return {
      ok: false,
      problems: [
        problem(
          "parse",
          `${fileName}:format`,
          `not a survey report: expected "format": "${SURVEY_RESULTS_FORMAT}" and "units", as written by "par survey import --report" (or give the results CSV)`,
          `không phải báo cáo điều tra xã hội học: cần "format": "${SURVEY_RESULTS_FORMAT}" và "units" như tệp do "par survey import --report" ghi ra (hoặc dùng tệp CSV kết quả)`,
        ),
      ],
    };
  }
  const problems: Problem[] = [];
  const target = report.criteria;
  if (target?.family !== criteria.family || target.version !== criteria.version) {
    problems.push(
      problem(
        "criteria-mismatch",
        `${fileName}:criteria`,
        `the survey report is for ${target?.family ?? "?"} ${target?.version ?? "?"}, not ${criteria.family} ${criteria.version}: import the survey with this set's mapping`,
        `báo cáo điều tra xã hội học dành cho bộ tiêu chí ${target?.family ?? "?"} ${target?.version ?? "?"}, không phải ${criteria.family} ${criteria.version}: hãy nhập khảo sát bằng bảng ánh xạ của bộ tiêu chí này`,
      ),
    );
  }
  const declared = Object.keys(criteria.survey?.indicators ?? {});
  const source = `${report.mapping?.id ?? "?"} ${report.mapping?.version ?? "?"}: ${report.source?.file ?? fileName}`;
  const results = new Map<string, SurveyResults>();
  report.units.forEach((unit, i) => {
    const path = `${fileName}:units[${i}]`;
    const code = typeof unit?.unit === "string" ? unit.unit : "";
    if (code === "") {
      problems.push(
        problem(
          "parse",
          `${path}.unit`,
          "a unit without its code: give the report as par survey import wrote it",
          "đơn vị thiếu mã: hãy dùng báo cáo đúng như par survey import đã ghi",
        ),
      );
      return;
    }
    if (results.has(code)) {
      problems.push(problem("duplicate-code", `${path}.unit`, `unit ${code} is listed twice: keep one`, `đơn vị ${code} xuất hiện hai lần: chỉ giữ một`));
      return;
    }
    const survey: SurveyResults = { indicators: {}, source };
    if (typeof unit.respondents === "number") survey.respondents = unit.respondents;
    for (const [name, value] of Object.entries(unit.indicators ?? {})) {
      if (!declared.includes(name)) {
        const near = nearestName(name, declared);
        problems.push(
          problem(
            "unknown-indicator",
            `${path}.indicators.${name}`,
            `"${name}" is not a survey indicator of ${criteria.family} ${criteria.version}${near ? ` (did you mean "${near}"?)` : ""}; expected: ${declared.join(", ")}`,
            `"${name}" không phải chỉ số điều tra xã hội học của bộ tiêu chí${near ? ` (có phải "${near}"?)` : ""}; các chỉ số: ${declared.join(", ")}`,
          ),
        );
      } else if (typeof value !== "number" || !Number.isFinite(value)) {
        problems.push(problem("parse", `${path}.indicators.${name}`, `${JSON.stringify(value)} is not a number`, `${JSON.stringify(value)} không phải là số`));
      } else {
        survey.indicators[name] = value;
      }
    }
    results.set(code, survey);
  });
  return problems.length === 0 ? { ok: true, value: results } : { ok: false, problems };
}
