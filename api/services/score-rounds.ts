import { type Assessment, type Checked, type CriteriaSet, type NodeReport, type Round, ROUNDS, type ScoreReport, scoreAssessment } from "../../src/index.js";

/** The rounds that give points: the explanation is the unit's reply and never changes a score. */
export const SCORED_ROUNDS = ["self", "appraisal1", "appraisal2"] as const;
export type ScoredRound = (typeof SCORED_ROUNDS)[number];

/** The assessment as it stood when `last` closed: its rounds up to and including `last`. */
export function roundsUpTo(assessment: Assessment, last: Round): Assessment {
  const through = ROUNDS.indexOf(last);
  return { ...assessment, rounds: assessment.rounds.filter((r) => ROUNDS.indexOf(r.round) <= through) };
}

/**
 * The engine's report after each scored round that `rounds` names: self alone, then self → appraisal 1,
 * then the whole assessment. Each is an ordinary score of the stored entries cut at that round, so a
 * rule item's points after round 1 are the rule applied to the facts as round 1 left them.
 */
export function scoreRounds(set: CriteriaSet, assessment: Assessment, rounds: readonly ScoredRound[]): Checked<Partial<Record<ScoredRound, ScoreReport>>> {
  const reports: Partial<Record<ScoredRound, ScoreReport>> = {};
  for (const round of rounds) {
    const scored = scoreAssessment(set, roundsUpTo(assessment, round));
    if (!scored.ok) return scored;
    reports[round] = scored.value;
  }
  return { ok: true, value: reports };
}

/**
 * The items appraisal round 1 marked down, from the report after round 1: fewer points than the
 * self-assessment (for a penalty item, a larger penalty). Only these may be explained.
 */
export function markedDownCodes(afterRound1: ScoreReport): Set<string> {
  const codes = new Set<string>();
  const down = (node: NodeReport, worse: (self: number, appraised: number) => boolean) => {
    const { self, appraised } = node.leaf ?? {};
    if (self && appraised && worse(self.points, appraised.points)) codes.add(node.code);
  };
  const leaves = (node: NodeReport): NodeReport[] => (node.children ? node.children.flatMap(leaves) : [node]);
  for (const leaf of [...afterRound1.areas.flatMap(leaves), ...(afterRound1.bonus?.items ?? [])]) down(leaf, (self, appraised) => appraised < self);
  for (const leaf of afterRound1.penalty?.items ?? []) down(leaf, (self, appraised) => appraised > self);
  return codes;
}

/**
 * The one "marked down" rule every page and the service share: the items the report after appraisal
 * round 1 marks down (`markedDownCodes`), whatever round 2 did since. Empty before round 1.
 */
export function markedDownItems(set: CriteriaSet, assessment: Assessment): Checked<Set<string>> {
  const scored = scoreRounds(set, assessment, ["appraisal1"]);
  return scored.ok ? { ok: true, value: markedDownCodes(scored.value.appraisal1!) } : scored;
}
