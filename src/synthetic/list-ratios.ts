import type { FactValue } from "../assessment/types.js";
import { factDomain } from "../criteria/fact-domain.js";
import type { CriteriaSet } from "../criteria/types.js";
import { NOTHING_AROSE, type ResolvedFact } from "../scoring/evaluate-leaf.js";

/** A derived ratio fact: `numerator × factor / denominator`, factor 100 for a rate. */
export interface Ratio {
  name: string;
  numerator: string;
  denominator: string;
  factor: number;
  domain: { min: number; max: number };
  whenZero: number | "not-applicable";
}

export function listRatios(set: CriteriaSet): Ratio[] {
  return Object.entries(set.facts).flatMap(([name, fact]) =>
    fact.derived ? [{ name, ...fact.derived.ratio, factor: fact.type === "rate" ? 100 : 1, domain: factDomain(fact), whenZero: fact.derived.whenZero }] : [],
  );
}

/** The ratio's value as the engine resolves it: null until both counts are known. */
export function resolveRatio(ratio: Ratio, facts: ReadonlyMap<string, ResolvedFact>): ResolvedFact {
  const numerator = facts.get(ratio.numerator);
  const denominator = facts.get(ratio.denominator);
  if (typeof numerator !== "number" || typeof denominator !== "number") return null;
  if (denominator === 0) return ratio.whenZero === "not-applicable" ? NOTHING_AROSE : ratio.whenZero;
  return (numerator * ratio.factor) / denominator;
}

/** Entered facts with every derived ratio resolved, as the rules read them. */
export function resolveFacts(values: Readonly<Record<string, FactValue>>, ratios: readonly Ratio[]): Map<string, ResolvedFact> {
  const facts = new Map<string, ResolvedFact>(Object.entries(values));
  for (const ratio of ratios) facts.set(ratio.name, resolveRatio(ratio, facts));
  return facts;
}
