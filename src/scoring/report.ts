import type { Round, Unit } from "../assessment/types.js";
import type { Display, LocalizedText, ScoringKind } from "../criteria/types.js";

/**
 * A score report explains every point: for each node its maxima and the points of each stage,
 * and for each leaf the rule that fired, the facts it read, the evidence and the deciding round.
 * Points are decimal numbers (exact to 1/10,000 point); percentages are rounded to the set's
 * display precision.
 */
export interface ScoreReport {
  engine: { name: string; version: string };
  criteria: { family: string; version: string };
  /** The set's display precision, for whoever formats this report. */
  display: Display;
  unit: Unit & { block: string };
  year: number;
  /** Whether a survey result entered the score (see the set's `survey.whenAbsent`). */
  survey: { included: boolean; respondents?: number; source?: string };
  /** "appraised" once any appraisal round exists; until then the final points are the self-assessment. */
  stage: "self-assessed" | "appraised";
  areas: NodeReport[];
  bonus: AdjustmentReport | null;
  penalty: AdjustmentReport | null;
  totals: Totals;
  /** Per area: appraised minus self (negative when the scorer took points away); empty when no self-assessment was recorded. */
  selfGap: { code: string; title: LocalizedText; self: number; appraised: number; gap: number }[];
  missingEvidence: { code: string; title: LocalizedText }[];
  missingFacts: { code: string; title: LocalizedText; facts: string[] }[];
  gaps: GapItem[];
}

export interface Totals {
  max: number;
  applicableMax: number;
  /** null: never recorded (historic tables publish appraised points only), which is not 0. */
  self: number | null;
  appraised: number | null;
  /** Points of the areas (appraised where appraised, else self), survey included. */
  points: number;
  bonus: number;
  penalty: number;
  /** points + min(bonus, cap) − min(penalty, cap). */
  total: number;
  /** total / applicableMax × 100, rounded to the set's index precision. */
  index: number;
  indexText: string;
  /** Exact rational index for ranking: total / applicableMax (in units). */
  indexExact: { numerator: number; denominator: number };
  class: { code: string; title: LocalizedText } | null;
  surveyPoints: number;
}

export interface NodeReport {
  code: string;
  title: LocalizedText;
  max: number;
  applicableMax: number;
  /** null: the self-assessment was never recorded. */
  self: number | null;
  appraised: number | null;
  final: number;
  /** final / applicableMax × 100 (null when nothing is applicable). */
  subIndex: number | null;
  children?: NodeReport[];
  leaf?: LeafExplanation;
}

export type LeafStatus = "scored" | "not-applicable" | "missing-facts" | "not-entered" | "survey-absent";

export interface StageExplanation {
  points: number;
  status: LeafStatus;
  /** The rule, tier or entry that produced the points, with the values it read, in words. */
  why: LocalizedText;
}

export interface LeafExplanation {
  kind: ScoringKind;
  status: LeafStatus;
  why: LocalizedText;
  facts: Record<string, unknown>;
  evidence: string[];
  /** The round whose entry set the final value. */
  decidedBy: Round;
  /** null: the self-assessment was never recorded. */
  self: StageExplanation | null;
  appraised: StageExplanation | null;
  notApplicableReason?: string;
  comments: { round: Round; text: string }[];
}

export interface AdjustmentReport {
  cap: number;
  claimed: number;
  counted: number;
  items: NodeReport[];
}

export interface GapItem {
  code: string;
  title: LocalizedText;
  /** Points still available on this leaf. */
  available: number;
  /** What would earn them, in words (e.g. "raise online_payment_rate from 28 to 35: +0.5"). */
  hint: LocalizedText;
}

/** A top-level area's figures without its subtree and explanations. */
export type AreaSummary = Omit<NodeReport, "children" | "leaf">;

/**
 * What a ranking reads of a report: the unit, the stage, the survey, each area's figures and the
 * totals. Every `ScoreReport` is one; the compiled scorer writes these alone, and the full report
 * with every explanation is asked for when needed.
 */
export type ScoreSummary = Pick<ScoreReport, "engine" | "criteria" | "display" | "unit" | "year" | "survey" | "stage" | "totals"> & {
  areas: AreaSummary[];
};

/** A report cut down to its summary (the areas without subtrees), as the compiled scorer writes it. */
export function summariseReport(report: ScoreReport): ScoreSummary {
  const { engine, criteria, display, unit, year, survey, stage, totals } = report;
  const areas = report.areas.map(({ children: _, leaf: __, ...area }) => area);
  return { engine, criteria, display, unit, year, survey, stage, areas, totals };
}

/** The leaves under these nodes, in order: a report's scored items, its groups left out. */
export function reportLeaves(nodes: readonly NodeReport[]): NodeReport[] {
  return nodes.flatMap((node) => (node.children ? reportLeaves(node.children) : [node]));
}
