import { type CriteriaSet, type Lang, type Ranking, type ScoreReport, rankUnits } from "../index.js";
import { problemsError } from "./cli-error.js";
import { type Io, formatWarnings } from "./output.js";
import { scoringProgress } from "./progress.js";
import { readCriteriaSet, readRanking, readUnitInputs } from "./read-inputs.js";
import { scoreInputs } from "./score-inputs.js";

export interface RankArgs {
  criteria: string;
  inputs: string[];
  year?: number | undefined;
  survey?: string | undefined;
  previous?: string | undefined;
}

/** What `par rank` and `par report` both start from: the set read, every input scored (with progress), the units ranked. */
export async function rankInputs(args: RankArgs, io: Io, lang: Lang): Promise<{ set: CriteriaSet; reports: ScoreReport[]; ranking: Ranking }> {
  const set = readCriteriaSet(args.criteria);
  const previous = args.previous ? readRanking(args.previous) : undefined;
  const reports = scoreInputs(
    set,
    await readUnitInputs(args.inputs, set, args.year, args.survey, (file, warnings) => io.stderr(formatWarnings(file, warnings, lang))),
    scoringProgress(io, lang),
  );
  const ranked = rankUnits(set, reports, previous);
  if (!ranked.ok) {
    throw problemsError({ vi: "không xếp hạng chung được các đơn vị này", en: "the units cannot be ranked together" }, args.inputs.join(", "), ranked.problems);
  }
  return { set, reports, ranking: ranked.value };
}
