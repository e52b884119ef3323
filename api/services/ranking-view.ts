import type { ApiProblem } from "../errors.js";
import type { Ranking } from "../../src/index.js";

/**
 * The engine's Ranking (per unit: points, sub-index and self vs appraised gap per area, the
 * total gap, class, change since last year) with where it came from.
 */
export type RankingView = Ranking & {
  campaign: string;
  source: "published" | "live";
  /** Live rankings only: units whose inputs cannot be scored yet. */
  unscored: { unit: string; problems: ApiProblem[] }[];
};

export function viewRanking(ranking: Ranking, campaign: string, source: RankingView["source"], unscored: RankingView["unscored"]): RankingView {
  return { ...ranking, campaign, source, unscored };
}

/** Only the blocks asked for (all when `block` is undefined). */
export function selectBlock(view: RankingView, block: string | undefined): RankingView {
  return block === undefined ? view : { ...view, blocks: view.blocks.filter((b) => b.code === block) };
}
