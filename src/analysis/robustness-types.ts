import type { LocalizedText } from "../criteria/types.js";

export interface RobustnessOptions {
  /** How many replicates (1…100,000). */
  replicates: number;
  /** The seed: the same seed and inputs give the same analysis on every machine. */
  seed: number;
  /** Also let each still-disputed item land anywhere between its self-assessed and appraised points. */
  disputes?: boolean;
  /** A pair's order is unsettled when it is reversed in more than this share of replicates (default 0.05). */
  threshold?: number;
}

export interface RobustnessReport {
  criteria: { family: string; version: string };
  year: number;
  replicates: number;
  seed: number;
  disputes: boolean;
  threshold: number;
  /** Per block, in published order. */
  blocks: BlockRobustness[];
}

export interface BlockRobustness {
  code: string;
  title: LocalizedText;
  units: UnitRobustness[];
  /** Pairs reversed in more than `threshold` of the replicates, most often reversed first. */
  unsettled: UnsettledPair[];
}

export interface UnitRobustness {
  code: string;
  name: string;
  /** The published rank. */
  rank: number;
  /** Median, 5th and 95th percentile rank over the replicates (nearest-rank percentiles). */
  median: number;
  low: number;
  high: number;
  /** The published class, and each class reached, with the share of replicates (most likely first). */
  class: string | null;
  classes: { code: string | null; title: LocalizedText | null; share: number }[];
  /** What was drawn for this unit: survey indicators (with respondents) and disputed items. */
  drawn: { indicators: number; respondents: number | null; disputed: number };
}

export interface UnsettledPair {
  /** The unit ranked above in the published ranking (listed first when tied). */
  above: string;
  below: string;
  /** Share of replicates in which `below` ranks strictly above `above`. */
  reversed: number;
}
