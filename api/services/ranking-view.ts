import type { ApiProblem } from "../errors.js";
import type { BlockRanking, RankedUnit, Ranking } from "../../src/ranking/types.js";
import type { ScoreReport } from "../../src/scoring/report.js";

export type RankedUnitView = RankedUnit & {
  /** Per area: final ÷ applicable maximum × 100 (null when nothing in it applies). */
  subIndices: Record<string, number | null>;
  /** Appraised minus self-assessed total (null before any appraisal). */
  selfGap: number | null;
};

/** The engine's Ranking with, per unit, sub-indices per area and the self vs appraised gap. */
export type RankingView = Omit<Ranking, "blocks"> & {
  campaign: string;
  source: "published" | "live";
  blocks: (BlockRanking & { units: RankedUnitView[] })[];
  /** Live rankings only: units whose inputs cannot be scored yet. */
  unscored: { unit: string; problems: ApiProblem[] }[];
};

export function viewRanking(ranking: Ranking, reports: ScoreReport[], campaign: string, source: RankingView["source"], unscored: RankingView["unscored"]): RankingView {
  const byUnit = new Map(reports.map((r) => [r.unit.code, r]));
  const blocks: RankingView["blocks"] = ranking.blocks.map((block) => ({
    ...block,
    units: block.units.map((unit): RankedUnitView => {
      const report = byUnit.get(unit.unit.code)!;
      return {
        ...unit,
        subIndices: Object.fromEntries(report.areas.map((a) => [a.code, a.subIndex])),
        selfGap: report.totals.appraised === null ? null : Math.round((report.totals.appraised - report.totals.self) * 10_000) / 10_000,
      };
    }),
  }));
  return { ...ranking, campaign, source, blocks, unscored };
}

/** Only the blocks asked for (all when `block` is undefined). */
export function selectBlock(view: RankingView, block: string | undefined): RankingView {
  return block === undefined ? view : { ...view, blocks: view.blocks.filter((b) => b.code === block) };
}
