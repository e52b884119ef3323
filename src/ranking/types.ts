import type { UnitType } from "../criteria/types.js";
import type { LocalizedText } from "../criteria/types.js";

export interface Ranking {
  criteria: { family: string; version: string };
  /** The set's display precision, for whoever formats this ranking. */
  display: { indexDecimals: number; pointsDecimals: number };
  year: number;
  blocks: BlockRanking[];
}

export interface BlockRanking {
  code: string;
  title: LocalizedText;
  units: RankedUnit[];
  classCounts: { code: string; title: LocalizedText; count: number }[];
}

export interface RankedUnit {
  /** 1-based; units still tied after the breakers share a rank (1, 2, 2, 4). */
  rank: number;
  unit: { code: string; name: string; type: UnitType };
  /** Per area code, survey area included: the area's points, sub-index and self vs appraised gap. */
  areas: Record<string, RankedArea>;
  /** Survey points; null when the unit had no survey result. */
  surveyPoints: number | null;
  /** null: the self-assessment was never recorded. */
  self: number | null;
  appraised: number | null;
  /** Appraised minus self-assessed total of the areas (negative when the scorer took points away); null before any appraisal or without a self-assessment. */
  selfGap: number | null;
  bonus: number;
  penalty: number;
  total: number;
  applicableMax: number;
  index: number;
  indexText: string;
  class: { code: string; title: LocalizedText } | null;
  /** The breaker that separated this unit from an equal published index, if any. */
  tieBrokenBy: string | null;
  /** Last year's rank and index; null when not ranked then or its block is not comparable (another family, block or mostly other units). */
  previous: { rank: number; index: number; indexChange: number; rankChange: number } | null;
}

/** One area of a ranked unit, from its report (`NodeReport` and `selfGap`). */
export interface RankedArea {
  /** Final points (appraised where appraised, else self); null where nothing in the area applies. */
  points: number | null;
  /** points ÷ applicable maximum × 100, rounded to the set's index precision; null where nothing applies. */
  subIndex: number | null;
  /** null: the self-assessment was never recorded. */
  self: number | null;
  /** null before any appraisal. */
  appraised: number | null;
  /** appraised − self, exact to 1/10,000 point; null before any appraisal or without a self-assessment. */
  gap: number | null;
}
