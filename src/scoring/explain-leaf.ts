import type { Assessment, Round } from "../assessment/types.js";
import type { IndexedLeaf } from "../criteria/criteria-index.js";
import { fromUnits } from "../points.js";
import type { LeafOutcome } from "./evaluate-leaf.js";
import { type StageState, byRound } from "./accumulate-rounds.js";
import type { LeafExplanation, StageExplanation } from "./report.js";

/** One leaf scored in one stage, in units; applicable is the leaf's share of the denominator. */
export interface LeafStage extends LeafOutcome {
  applicable: number;
}

/** A leaf in both stages; at least one is there (see `accumulateStage`). */
export interface Scored {
  /** null: the self-assessment was never recorded. */
  self: LeafStage | null;
  appraised: LeafStage | null;
}

/** Evidence and comments per item and evidence per fact, across all rounds, in one pass. */
export interface Citations {
  itemEvidence: Map<string, string[]>;
  factEvidence: Map<string, string[]>;
  comments: Map<string, { round: Round; text: string }[]>;
}

export function collectCitations(assessment: Assessment): Citations {
  const citations: Citations = { itemEvidence: new Map(), factEvidence: new Map(), comments: new Map() };
  const add = <T>(map: Map<string, T[]>, key: string, values: T[]) => {
    if (values.length > 0) map.set(key, [...(map.get(key) ?? []), ...values]);
  };
  for (const round of assessment.rounds) {
    for (const [code, item] of Object.entries(round.items ?? {})) {
      add(citations.itemEvidence, code, item.evidence ?? []);
      if (item.comment) add(citations.comments, code, [{ round: round.round, text: item.comment }]);
    }
    for (const [name, fact] of Object.entries(round.facts ?? {})) {
      if (fact !== null && typeof fact === "object" && !Array.isArray(fact)) add(citations.factEvidence, name, fact.evidence ?? []);
    }
  }
  return citations;
}

export function explainLeaf(indexed: IndexedLeaf, scored: Scored, citations: Citations, finalState: StageState): LeafExplanation {
  const { leaf, reads } = indexed;
  const final = finalOf(scored);
  const evidence = new Set([...(citations.itemEvidence.get(leaf.code) ?? []), ...reads.flatMap((name) => citations.factEvidence.get(name) ?? [])]);
  const comments = citations.comments.get(leaf.code) ?? [];
  const item = finalState.items.get(leaf.code);
  const rounds = [item?.pointsRound, item?.notApplicableRound, ...reads.map((name) => finalState.factRounds.get(name))];
  const decidedBy =
    rounds
      .filter((r): r is Round => r !== undefined)
      .sort(byRound)
      .at(-1) ?? "self";
  const stage = (s: LeafStage): StageExplanation => ({ points: fromUnits(s.units), status: s.status, why: s.why });
  return {
    kind: leaf.scoring.kind,
    status: final.status,
    why: final.why,
    facts: final.facts,
    evidence: [...evidence],
    decidedBy,
    self: scored.self ? stage(scored.self) : null,
    appraised: scored.appraised ? stage(scored.appraised) : null,
    ...(final.status === "not-applicable" && item?.reason ? { notApplicableReason: item.reason } : {}),
    comments,
  };
}

export function finalOf(scored: Scored): LeafStage {
  return (scored.appraised ?? scored.self)!;
}
