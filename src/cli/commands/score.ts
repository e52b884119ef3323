import { factLabels } from "../../index.js";
import { REPORT_CSV_HEADER, formatReportTable, reportToCsvRows } from "../../io/format-report.js";
import { EXIT } from "../cli-error.js";
import { CRITERIA_ARG, INPUTS_ARG, OUT_ARG, SURVEY_ARG, YEAR_ARG, formatArg } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { type Format, emit, render } from "../output.js";
import { scoringProgress } from "../progress.js";
import { readCriteriaSet, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

export const scoreCommand = defineCommand({
  meta: {
    name: "score",
    description: {
      vi: "chấm điểm từng đơn vị và ghi báo cáo điểm (mặc định JSON): điểm từng tiêu chí và căn cứ",
      en: "scores each unit and writes its score report (JSON by default): every item's points and why",
    },
    example: "par score --criteria criteria/reference-commune/2026.1.json criteria/examples/demo-province/assessments-2026.csv --format csv",
  },
  args: {
    inputs: INPUTS_ARG,
    criteria: CRITERIA_ARG,
    survey: SURVEY_ARG,
    year: YEAR_ARG,
    format: formatArg(["json", "csv", "table"], "json"),
    out: OUT_ARG,
  },
  run({ args, lang, io }) {
    const set = readCriteriaSet(args.criteria);
    const inputs = readUnitInputs(args.inputs, set, args.year, args.survey);
    const reports = scoreInputs(set, inputs, scoringProgress(io, lang));
    const format = args.format as Format;
    const text = render(format, {
      json: () => reports,
      csv: () => [[...REPORT_CSV_HEADER], ...reports.flatMap((report) => reportToCsvRows(report).slice(1))],
      table: () => reports.map((report) => formatReportTable(report, lang, factLabels(set, lang))).join("\n"),
    });
    emit(io, text, args.out, format, lang);
    return EXIT.ok;
  },
});
