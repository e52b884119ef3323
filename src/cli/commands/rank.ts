import { formatRankingTable, rankingToCsvRows } from "../../io/format-ranking.js";
import { rankUnits } from "../../index.js";
import { EXIT, problemsError } from "../cli-error.js";
import { parseOptions, requireCriteria } from "../options.js";
import { type Io, emit, render } from "../output.js";
import { readCriteriaSet, readRanking, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

export const rankHelp = `par rank --criteria <set.json> <assessments or reports (.json|.csv)…> [--previous last-year-ranking.json] [--survey results.csv|report.json] [--year 2026] [--format table|json|csv] [--out file] [--lang vi|en]
  Scores the units (or takes the reports of "par score") and ranks them per block, with classes and the change since last year.`;

export function rank(args: string[], io: Io): number {
  const options = parseOptions(args, ["criteria", "year", "previous", "format", "out", "lang", "survey"], "table", ["table", "json", "csv"]);
  const set = readCriteriaSet(requireCriteria(options));
  const previous = options.previous ? readRanking(options.previous) : undefined;
  const reports = scoreInputs(set, readUnitInputs(options.positionals, set, options.year, options.survey), (done, total) => io.stderr(`scored ${done}/${total}\n`));
  const ranked = rankUnits(set, reports, previous);
  if (!ranked.ok) throw problemsError("the units cannot be ranked together", options.positionals.join(", "), ranked.problems);
  const text = render(options.format, {
    json: () => ranked.value,
    csv: () => rankingToCsvRows(ranked.value),
    table: () => formatRankingTable(ranked.value, options.lang),
  });
  emit(io, text, options.out, options.format);
  return EXIT.ok;
}
