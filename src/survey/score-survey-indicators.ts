import { listLeaves } from "../criteria/walk-criteria.js";
import type { CriteriaSet } from "../criteria/types.js";
import { fromUnits, toUnits } from "../points.js";
import { evaluateLeaf } from "../scoring/evaluate-leaf.js";
import type { SurveyPoints } from "./result-types.js";

/** The points a unit's survey indicators earn under the set's survey leaves, by the engine's own rules. */
export function scoreSurveyIndicators(set: CriteriaSet, indicators: Readonly<Record<string, number>>): { total: number; max: number; leaves: SurveyPoints[] } {
  let total = 0;
  let max = 0;
  const leaves: SurveyPoints[] = [];
  for (const { node: leaf } of listLeaves(set)) {
    if (leaf.scoring.kind !== "survey") continue;
    const indicator = leaf.scoring.indicator;
    const outcome = evaluateLeaf(set, leaf, { facts: new Map(), points: undefined, survey: indicators });
    const units = "units" in outcome ? outcome.units : 0;
    const why = "why" in outcome ? outcome.why : { vi: outcome.vi, en: outcome.message };
    total += units;
    max += toUnits(leaf.max);
    leaves.push({ code: leaf.code, indicator, value: indicators[indicator] ?? null, points: fromUnits(units), max: leaf.max, why });
  }
  return { total: fromUnits(total), max: fromUnits(max), leaves };
}
