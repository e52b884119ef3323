import type { ApiProblem } from "../errors.js";
import { type BlockRanking, type BlockSummary, type Ranking, summariseBlock } from "../../src/index.js";

/**
 * The engine's Ranking (per unit: points, sub-index and self vs appraised gap per area, the
 * total gap, class, change since last year) with where it came from, and per block the mean
 * index and the share of units per class.
 */
export type RankingView = Omit<Ranking, "blocks"> & {
  blocks: (BlockRanking & { summary: BlockSummary })[];
  campaign: string;
  source: "published" | "live";
  /** Live rankings only: units whose inputs cannot be scored yet. */
  unscored: { unit: string; problems: ApiProblem[] }[];
};

export function viewRanking(ranking: Ranking, campaign: string, source: RankingView["source"], unscored: RankingView["unscored"]): RankingView {
  return { ...withSummaries(ranking), campaign, source, unscored };
}

/** Adds (or recomputes) each block's summary: rankings published before summaries existed get one too. */
export function withSummaries<T extends Ranking>(ranking: T): T & { blocks: (BlockRanking & { summary: BlockSummary })[] } {
  return { ...ranking, blocks: ranking.blocks.map((block) => ({ ...block, summary: summariseBlock(block, ranking.display.indexDecimals) })) };
}

/** Only the blocks asked for (all when `block` is undefined). */
export function selectBlock(view: RankingView, block: string | undefined): RankingView {
  return block === undefined ? view : { ...view, blocks: view.blocks.filter((b) => b.code === block) };
}
