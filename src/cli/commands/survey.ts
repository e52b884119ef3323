import { existsSync, writeFileSync } from "node:fs";
import { importSurveyFile } from "../../io/survey/import-survey-file.js";
import { formatSurveyQuality, formatSurveyTable, surveyResultsTable } from "../../io/survey/format-survey-import.js";
import { readSurveyUnits } from "../../io/survey/read-survey-units.js";
import { loadSurveyMapping } from "../../survey/load-survey-mapping.js";
import type { SurveyMapping } from "../../survey/types.js";
import { EXIT, problemsError, usageError } from "../cli-error.js";
import { parseOptions } from "../options.js";
import { type Io, emitResult, formatWarnings } from "../output.js";
import { shippedCriteriaPath } from "../package-root.js";
import { readCriteriaSet, readJson, readText } from "../read-inputs.js";

export const surveyHelp = `par survey import <export.csv|.xlsx> --mapping <mapping.json> [--criteria <set.json>] [--units units.csv]
                  [--format csv|json|table] [--out file] [--report results.json] [--lang vi|en]
  Imports a survey export (KoboToolbox/ODK, LimeSurvey, Google Forms CSV, or XLSX) with an
  instrument mapping: per unit the respondents used, satisfaction per question, group and overall
  with 95% Wilson intervals, and the points under the criteria set. CSV (default) is the results
  file that "par score --survey" reads; --report writes the full JSON too. The data-quality
  summary (duplicates, incomplete, rejected, out-of-scale answers, small samples) goes to stderr.`;

export async function survey(args: string[], io: Io): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== "import") throw usageError(`Unknown subcommand "${subcommand ?? ""}" of par survey. Expected: import.`);
  const options = parseOptions(rest, ["mapping", "criteria", "units", "format", "out", "report", "lang"], "csv", ["csv", "json", "table"]);
  const [file, ...extra] = options.positionals;
  if (!file || extra.length > 0) throw usageError("Give one export file: par survey import export.csv --mapping mapping.json");
  if (!existsSync(file)) throw usageError(`File not found: ${file}`);
  if (!options.mapping) throw usageError("Give the instrument mapping with --mapping <mapping.json> (e.g. criteria/survey/reference-sipas/2026.1.json).");

  const mappingJson = readJson(options.mapping) as Partial<SurveyMapping>;
  const criteriaPath = options.criteria ?? defaultCriteria(mappingJson);
  const criteria = readCriteriaSet(criteriaPath);
  const mapping = loadSurveyMapping(mappingJson, criteria);
  if (!mapping.ok) throw problemsError(`${options.mapping} is not a valid survey mapping`, options.mapping, mapping.problems);
  let units;
  if (options.units) {
    const read = readSurveyUnits(readText(options.units, (f, warnings) => io.stderr(formatWarnings(f, warnings, options.lang))), options.units);
    if (!read.ok) throw problemsError(`${options.units} has problems`, options.units, read.problems);
    units = read.value;
  }

  const imported = await importSurveyFile(file, { mapping: mapping.value, criteria, ...(units ? { units } : {}) }, { onProgress: (rows) => io.stderr(`… ${rows.toLocaleString("en-US")} rows\n`) });
  if (!imported.ok) throw problemsError(`${file} cannot be imported`, file, imported.problems);
  const result = imported.value;
  io.stderr(formatSurveyQuality(result, options.lang));
  if (options.report) {
    writeFileSync(options.report, `${JSON.stringify(result, null, 2)}\n`);
    io.stderr(`Đã ghi / written: ${options.report}\n`);
  }
  await emitResult(io, options.out, options.format, {
    json: () => result,
    csv: () => surveyResultsTable(result, criteria),
    table: () => formatSurveyTable(result, options.lang),
    sheetName: "Survey",
  });
  return EXIT.ok;
}

/** Without --criteria: the shipped set the mapping names, criteria/<family>/<version>.json. */
function defaultCriteria(mapping: Partial<SurveyMapping>): string {
  const path = shippedCriteriaPath(mapping.criteria);
  if (path === null) throw usageError(`Give the criteria set with --criteria <set.json>: the mapping names ${mapping.criteria?.family ?? "?"} ${mapping.criteria?.version ?? "?"}, which is not shipped.`);
  return path;
}
