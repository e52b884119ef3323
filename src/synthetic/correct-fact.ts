import type { FactValue } from "../assessment/types.js";
import { factDomain } from "../criteria/fact-domain.js";
import type { CriteriaSet } from "../criteria/types.js";
import { addDays } from "../rules/dates.js";
import { earnedPoints } from "./choose-by-points.js";
import type { FactUse } from "./collect-fact-uses.js";
import type { GeneratedFacts } from "./generate-facts.js";
import { type Ratio, resolveFacts } from "./list-ratios.js";
import type { Random } from "./random.js";

/**
 * An appraiser's correction of one fact: a nearby value (a later date, a lower or higher count,
 * the other boolean) that costs the unit points, kept within the bounds that keep ratios valid.
 * Undefined when no such value is found.
 */
export function correctFact(
  set: CriteriaSet,
  uses: ReadonlyMap<string, FactUse>,
  ratios: readonly Ratio[],
  facts: GeneratedFacts,
  name: string,
  random: Random,
): FactValue | undefined {
  const readers = uses.get(name)?.readers ?? [];
  const value = facts.values[name];
  if (readers.length === 0 || value === undefined || value === null) return undefined;
  const before = earnedPoints(set, readers, resolveFacts(facts.values, ratios));
  if (before === null) return undefined;
  for (const candidate of random.sample(nearbyValues(set, name, value, facts, random), 4)) {
    const after = earnedPoints(set, readers, resolveFacts({ ...facts.values, [name]: candidate }, ratios));
    if (after !== null && after < before) return candidate;
  }
  return undefined;
}

function nearbyValues(set: CriteriaSet, name: string, value: FactValue, facts: GeneratedFacts, random: Random): FactValue[] {
  if (typeof value === "boolean") return [!value];
  if (typeof value === "string") return [addDays(value, random.int(3, 20)), addDays(value, random.int(21, 60))];
  if (Array.isArray(value)) {
    const filled = value.flatMap((d, i) => (d === null ? [] : [i]));
    return filled.map((i) => value.map((d, j) => (j === i && d !== null ? addDays(d, random.int(3, 30)) : d)));
  }
  if (typeof value !== "number") return [];
  const fact = set.facts[name]!;
  const { min, max } = facts.bounds[name] ?? factDomain(fact);
  const step = Math.max(1, Math.round(Math.abs(value) * random.between(0.02, 0.1)));
  return [value - 1, value + 1, value - step, value + step].filter((v) => v >= min && v <= max && (fact.type !== "integer" || Number.isInteger(v)));
}
