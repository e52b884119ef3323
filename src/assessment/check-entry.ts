import { checkSchema } from "../check-schema.js";
import { ASSESSMENT_LIMITS, checkJsonLimits } from "../criteria/check-limits.js";
import type { CriteriaSet } from "../criteria/types.js";
import type { Problem } from "../problem.js";
import { compileCheck } from "./check-assessment.js";
import type { FactInput, ItemInput } from "./types.js";

/** One fact or one item of a round, as a form or the API sends it: the value of `rounds[].facts[code]` or `rounds[].items[code]`. */
export interface Entry {
  kind: "fact" | "item";
  code: string;
  value: unknown;
}

/**
 * Checks one entry as `checkAssessment` checks it inside a whole assessment: its size, its shape
 * (the assessment schema's entry), then the set's rules for that fact or item. Paths are relative
 * to the entry ("points", "evidence[0]"); the entry itself is "". `evidenceIds` are the ids
 * of the unit's evidence, which the entry may cite.
 */
export function checkEntry(set: CriteriaSet, entry: Entry, evidenceIds: ReadonlySet<string>): Problem[] {
  const tooLarge = checkJsonLimits(entry.value, ASSESSMENT_LIMITS);
  if (tooLarge.length > 0) return tooLarge;
  const shape = checkSchema(entry.value, entry.kind === "fact" ? "fact-entry" : "item-entry").map((p) => (p.path === "(file)" ? { ...p, path: "" } : p));
  if (shape.length > 0) return shape;
  return entry.kind === "fact"
    ? compileCheck(set).fact(entry.code, entry.value as FactInput, evidenceIds)
    : compileCheck(set).item(entry.code, entry.value as ItemInput, evidenceIds);
}
