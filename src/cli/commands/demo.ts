import { join, relative } from "node:path";
import { formatRankingTable, rankingToCsvRows } from "../../io/format-ranking.js";
import { rankUnits } from "../../ranking/rank-units.js";
import type { Ranking } from "../../ranking/types.js";
import { EXIT, problemsError } from "../cli-error.js";
import { parseOptions } from "../options.js";
import { type Io, emit, render } from "../output.js";
import { packageRoot } from "../package-root.js";
import { readCriteriaSet, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

export const demoHelp = `par demo [--format table|json|csv] [--lang vi|en] [--out file]
  Scores and ranks the shipped demo province (criteria/examples/demo-province): 2025 under the
  reference set 2025.1, then 2026 under 2026.1 with the change since 2025.`;

/** The demo's years, each with its criteria version and its sheet of assessments. */
const YEARS = [
  { year: 2025, criteria: "criteria/reference-commune/2025.1.json", sheet: "criteria/examples/demo-province/assessments-2025.csv", survey: "criteria/examples/demo-province/survey-2025.csv" },
  { year: 2026, criteria: "criteria/reference-commune/2026.1.json", sheet: "criteria/examples/demo-province/assessments-2026.csv", survey: "criteria/examples/demo-province/survey-2026.csv" },
];

export async function demo(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, ["format", "lang", "out"], "table", ["table", "json", "csv"]);
  const root = packageRoot();
  let previous: Ranking | undefined;
  for (const { year, criteria, sheet, survey } of YEARS) {
    const set = readCriteriaSet(join(root, criteria));
    const reports = scoreInputs(set, await readUnitInputs([join(root, sheet)], set, year, join(root, survey)));
    const ranked = rankUnits(set, reports, previous);
    if (!ranked.ok) throw problemsError(`the demo units of ${year} cannot be ranked`, relative(root, sheet), ranked.problems);
    io.stderr(`${year}: ${reports.length} units scored with ${set.family} ${set.version} (${relative(process.cwd(), join(root, sheet))})\n`);
    previous = ranked.value;
  }
  const ranking = previous!;
  const text = render(options.format, {
    json: () => ranking,
    csv: () => rankingToCsvRows(ranking),
    table: () => formatRankingTable(ranking, options.lang),
  });
  emit(io, text, options.out, options.format);
  return EXIT.ok;
}
