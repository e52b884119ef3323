import type { SampleSizeRule, SurveyUnit } from "./types.js";

/**
 * Responses a unit needs: Yamane's n = N / (1 + N·e²), rounded up, with N the unit's dossiers
 * in the period; or the fixed quota of its unit type. Null when the unit's N or type is unknown.
 */
export function requiredSampleSize(rule: SampleSizeRule, unit: SurveyUnit | undefined): number | null {
  if (rule.rule === "yamane") {
    const population = unit?.population;
    if (population === undefined) return null;
    const e = rule.marginOfError;
    return Math.max(0, Math.ceil(population / (1 + population * e * e) - 1e-9));
  }
  return unit?.type ? (rule.perUnitType[unit.type] ?? null) : null;
}
