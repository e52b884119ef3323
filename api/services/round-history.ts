import {
  type Assessment,
  type Checked,
  type CriteriaNode,
  type CriteriaSet,
  type ItemInput,
  type LocalizedText,
  type NodeReport,
  ROUNDS,
  type Round,
  type ScoreReport,
  type Unit,
  isLeaf,
} from "../../src/index.js";
import type { AssessmentState } from "../domain.js";
import { SCORED_ROUNDS, type ScoredRound, markedDownCodes, scoreRounds } from "./score-rounds.js";

/** Points after each scored round the assessment has reached (the explanation gives none). */
export type RoundPoints = Partial<Record<ScoredRound, number>>;

/** One criterion or item of a section: its points after each round and, for an item, what each round entered. */
export interface HistoryRow {
  code: string;
  title: LocalizedText;
  /** 0 for the section's direct children, one more per level below. */
  depth: number;
  max: number;
  points: RoundPoints;
  final: number;
  /** Items only: what each round entered (points, not applicable with a reason, comment, evidence ids). */
  entries?: Partial<Record<Round, ItemInput>>;
  /** Items only: appraisal round 1 marked it down, so the unit may explain it. */
  markedDown?: boolean;
}

/** An area, or the bonus or penalty items (their points capped as the engine counts them). */
export interface SectionHistory {
  code: string;
  title: LocalizedText;
  kind: "area" | "bonus" | "penalty";
  max: number;
  points: RoundPoints;
  final: number;
  rows: HistoryRow[];
}

export interface StageTotals {
  total: number;
  applicableMax: number;
  index: number;
  indexText: string;
  class: { code: string; title: LocalizedText } | null;
}

export interface RoundHistory {
  unit: Unit & { block: string };
  state: AssessmentState;
  /** The rounds the assessment has reached or entered something in, in order. */
  rounds: Round[];
  sections: SectionHistory[];
  /** Totals, index and class after each scored round in `rounds`. */
  totals: Partial<Record<ScoredRound, StageTotals>>;
  /** The final result: the finalised snapshot once there is one, else the score after the last round. */
  final: StageTotals & { source: "snapshot" | "live" };
  display: ScoreReport["display"];
}

/** The rounds an assessment in each state has reached, entries or not. */
const REACHED: Record<AssessmentState, readonly Round[]> = {
  draft: ["self"],
  submitted: ["self"],
  appraisal1: ["self", "appraisal1"],
  explanation: ["self", "appraisal1", "explanation"],
  appraisal2: ROUNDS,
  finalised: ["self", "appraisal1"],
  published: ["self", "appraisal1"],
};

/**
 * Every round's points and comments for one unit, from its stored entries: the engine scores the
 * assessment as each round left it (`scoreRounds`); each item shows what each round entered. The
 * final figures are the finalised snapshot's when there is one.
 */
export function buildRoundHistory(set: CriteriaSet, assessment: Assessment, state: AssessmentState, snapshot?: ScoreReport): Checked<RoundHistory> {
  const entered = new Set(assessment.rounds.map((r) => r.round));
  const rounds = ROUNDS.filter((round) => REACHED[state].includes(round) || entered.has(round));
  const scoredRounds = SCORED_ROUNDS.filter((round) => rounds.includes(round));
  const scored = scoreRounds(set, assessment, scoredRounds);
  if (!scored.ok) return scored;
  const reports = scored.value;
  const last = reports[scoredRounds.at(-1)!]!;
  const final = snapshot ?? last;
  const markedDown = reports.appraisal1 ? markedDownCodes(reports.appraisal1) : new Set<string>();
  const byRound = Object.fromEntries(scoredRounds.map((round) => [round, nodesByCode(reports[round]!)])) as Partial<
    Record<ScoredRound, Map<string, NodeReport>>
  >;
  const finalNodes = nodesByCode(final);
  const pointsOf = (code: string): RoundPoints => Object.fromEntries(scoredRounds.map((round) => [round, byRound[round]!.get(code)?.final ?? 0]));
  const itemEntries = (code: string) =>
    Object.fromEntries(assessment.rounds.flatMap((r) => (r.items?.[code] ? [[r.round, r.items[code]]] : []))) as Partial<Record<Round, ItemInput>>;
  const rowsOf = (nodes: CriteriaNode[], depth: number): HistoryRow[] =>
    nodes.flatMap((node) => {
      const row: HistoryRow = {
        code: node.code,
        title: node.title,
        depth,
        max: node.max,
        points: pointsOf(node.code),
        final: finalNodes.get(node.code)?.final ?? 0,
      };
      if (isLeaf(node)) return [{ ...row, entries: itemEntries(node.code), markedDown: markedDown.has(node.code) }];
      return [row, ...rowsOf(node.children, depth + 1)];
    });
  const sections: SectionHistory[] = set.areas.map((area) => ({
    code: area.code,
    title: area.title,
    kind: "area",
    max: area.max,
    points: pointsOf(area.code),
    final: finalNodes.get(area.code)?.final ?? 0,
    rows: isLeaf(area) ? rowsOf([area], 0) : rowsOf(area.children, 0),
  }));
  for (const kind of ["bonus", "penalty"] as const) {
    const adjustment = set[kind];
    if (!adjustment) continue;
    sections.push({
      code: kind,
      title: kind === "bonus" ? { vi: "Điểm thưởng", en: "Bonus points" } : { vi: "Điểm trừ", en: "Penalty points" },
      kind,
      max: adjustment.cap,
      points: Object.fromEntries(scoredRounds.map((round) => [round, reports[round]![kind]?.counted ?? 0])),
      final: final[kind]?.counted ?? 0,
      rows: rowsOf(adjustment.items, 0),
    });
  }
  return {
    ok: true,
    value: {
      unit: final.unit,
      state,
      rounds,
      sections,
      totals: Object.fromEntries(scoredRounds.map((round) => [round, stageTotals(reports[round]!)])),
      final: { ...stageTotals(final), source: snapshot ? "snapshot" : "live" },
      display: final.display,
    },
  };
}

function stageTotals(report: ScoreReport): StageTotals {
  const { total, applicableMax, index, indexText } = report.totals;
  return { total, applicableMax, index, indexText, class: report.totals.class };
}

function nodesByCode(report: ScoreReport): Map<string, NodeReport> {
  const nodes = new Map<string, NodeReport>();
  const add = (node: NodeReport) => {
    nodes.set(node.code, node);
    node.children?.forEach(add);
  };
  report.areas.forEach(add);
  report.bonus?.items.forEach(add);
  report.penalty?.items.forEach(add);
  return nodes;
}
