import { REPORT_CSV_HEADER, formatReportTable, reportToCsvRows } from "../../io/format-report.js";
import { EXIT } from "../cli-error.js";
import { parseOptions, requireCriteria } from "../options.js";
import { type Io, emitResult, formatWarnings } from "../output.js";
import { readCriteriaSet, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

export const scoreHelp = `par score --criteria <set.json> <assessment.json|sheet.csv…> [--survey results.csv|report.json] [--year 2026] [--format json|csv|table] [--out file] [--lang vi|en]
  Scores each unit's assessment and writes its score report (JSON by default).`;

export async function score(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, ["criteria", "year", "format", "out", "lang", "survey"], "json", ["json", "csv", "table"]);
  const set = readCriteriaSet(requireCriteria(options));
  const inputs = await readUnitInputs(options.positionals, set, options.year, options.survey, (file, warnings) => io.stderr(formatWarnings(file, warnings, options.lang)));
  const reports = scoreInputs(set, inputs, (done, total) => io.stderr(`scored ${done}/${total}\n`));
  await emitResult(io, options.out, options.format, {
    json: () => reports,
    csv: () => [[...REPORT_CSV_HEADER], ...reports.flatMap((report) => reportToCsvRows(report).slice(1))],
    table: () => reports.map((report) => formatReportTable(report, options.lang)).join("\n"),
    sheetName: "PAR",
  });
  return EXIT.ok;
}
