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
  /** Points per area code (final points), survey area included; null where nothing in it applies. */
  areas: Record<string, number | null>;
  /** Survey points; null when the unit had no survey result. */
  surveyPoints: number | null;
  self: number;
  appraised: number | null;
  bonus: number;
  penalty: number;
  total: number;
  applicableMax: number;
  index: number;
  indexText: string;
  class: { code: string; title: LocalizedText } | null;
  /** The breaker that separated this unit from an equal published index, if any. */
  tieBrokenBy: string | null;
  previous: { rank: number; index: number; indexChange: number; rankChange: number } | null;
}
