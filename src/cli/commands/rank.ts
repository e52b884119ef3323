import { formatRankingTable, rankingToCsvRows } from "../../io/format-ranking.js";
import { rankUnits } from "../../ranking/rank-units.js";
import { EXIT, problemsError } from "../cli-error.js";
import { parseOptions, requireCriteria } from "../options.js";
import { type Io, emitResult, formatWarnings } from "../output.js";
import { readCriteriaSet, readRanking, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

export const rankHelp = `par rank --criteria <set.json> <assessments or reports (.json|.csv)…> [--previous last-year-ranking.json] [--survey results.csv|report.json] [--year 2026] [--format table|json|csv] [--out file] [--lang vi|en]
  Scores the units (or takes the reports of "par score") and ranks them per block, with classes and the change since last year.`;

export async function rank(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, ["criteria", "year", "previous", "format", "out", "lang", "survey"], "table", ["table", "json", "csv"]);
  const set = readCriteriaSet(requireCriteria(options));
  const previous = options.previous ? readRanking(options.previous) : undefined;
  const reports = scoreInputs(set, await readUnitInputs(options.positionals, set, options.year, options.survey, (file, warnings) => io.stderr(formatWarnings(file, warnings, options.lang))), (done, total) => io.stderr(`scored ${done}/${total}\n`));
  const ranked = rankUnits(set, reports, previous);
  if (!ranked.ok) throw problemsError("the units cannot be ranked together", options.positionals.join(", "), ranked.problems);
  await emitResult(io, options.out, options.format, {
    json: () => ranked.value,
    csv: () => rankingToCsvRows(ranked.value),
    table: () => formatRankingTable(ranked.value, options.lang),
    sheetName: `PAR ${ranked.value.year}`,
  });
  return EXIT.ok;
}
