import { splitFact } from "../assessment/check-assessment.js";
import { APPRAISAL_ROUNDS, type Assessment, type FactValue, type Round } from "../assessment/types.js";
import type { CriteriaSet } from "../criteria/types.js";
import { NOTHING_AROSE, type ResolvedFact } from "./evaluate-leaf.js";

export interface ItemState {
  points?: number;
  pointsRound?: Round;
  notApplicable?: boolean;
  notApplicableRound?: Round;
  reason?: string;
}

/** What one stage (self-assessment, or appraisal) knows: facts and items after its rounds. */
export interface StageState {
  facts: Map<string, ResolvedFact>;
  factRounds: Map<string, Round>;
  items: Map<string, ItemState>;
}

/**
 * The self stage is the self round alone; the appraised stage is self → appraisal 1 →
 * appraisal 2, each round overriding what it enters. The explanation round is the unit's
 * reply: its evidence is cited, but only an appraisal round can change points or facts.
 * Null when the stage has no round: no appraisal yet, or a self-assessment never recorded
 * (historic tables publish appraised points only).
 */
export function accumulateStage(set: CriteriaSet, assessment: Assessment, stage: "self" | "appraised"): StageState | null {
  const rounds = assessment.rounds.filter((r) => r.round === "self" || (stage === "appraised" && APPRAISAL_ROUNDS.includes(r.round)));
  if (stage === "appraised" && !rounds.some((r) => r.round !== "self")) return null;
  if (stage === "self" && rounds.length === 0) return null;
  const entered = new Map<string, FactValue>();
  const factRounds = new Map<string, Round>();
  const items = new Map<string, ItemState>();
  for (const round of rounds) {
    for (const [name, input] of Object.entries(round.facts ?? {})) {
      entered.set(name, splitFact(input).value);
      factRounds.set(name, round.round);
    }
    for (const [code, input] of Object.entries(round.items ?? {})) {
      const state = { ...items.get(code) };
      if (input.points !== undefined) {
        state.points = input.points;
        state.pointsRound = round.round;
      }
      if (input.notApplicable !== undefined) {
        state.notApplicable = input.notApplicable;
        state.notApplicableRound = round.round;
        if (input.reason !== undefined) state.reason = input.reason;
      }
      items.set(code, state);
    }
  }
  return { facts: resolveFacts(set, entered, factRounds), factRounds, items };
}

/** Entered facts plus derived ratios (numerator × 100 / denominator, exact for whole percents). */
function resolveFacts(set: CriteriaSet, entered: Map<string, FactValue>, rounds: Map<string, Round>): Map<string, ResolvedFact> {
  const facts = new Map<string, ResolvedFact>(entered);
  for (const [name, declaration] of Object.entries(set.facts)) {
    const derived = declaration.derived;
    if (!derived) continue;
    const numerator = entered.get(derived.ratio.numerator);
    const denominator = entered.get(derived.ratio.denominator);
    if (typeof numerator !== "number" || typeof denominator !== "number") continue;
    if (denominator === 0) {
      facts.set(name, derived.whenZero === "not-applicable" ? NOTHING_AROSE : derived.whenZero);
    } else {
      const factor = declaration.type === "rate" ? 100 : 1;
      facts.set(name, (numerator * factor) / denominator);
    }
    const latest = [rounds.get(derived.ratio.numerator), rounds.get(derived.ratio.denominator)]
      .filter((r): r is Round => r !== undefined)
      .sort(byRound)
      .at(-1);
    if (latest) rounds.set(name, latest);
  }
  return facts;
}

const ORDER: Record<Round, number> = { self: 0, appraisal1: 1, explanation: 2, appraisal2: 3 };

export function byRound(a: Round, b: Round): number {
  return ORDER[a] - ORDER[b];
}
