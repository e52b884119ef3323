import type { Checked, Problem } from "../problem.js";
import { checkSchema } from "../check-schema.js";
import { CRITERIA_LIMITS, checkJsonLimits } from "./check-limits.js";
import { checkScoring } from "./check-scoring.js";
import { checkSet } from "./check-set.js";
import { checkTree } from "./check-tree.js";
import type { CriteriaSet } from "./types.js";

/**
 * Checks a parsed criteria file and reports every problem at once: the schema first, then the
 * meaning (codes, sums, facts, rules, tiers, classes, blocks). Semantic checks also run on a
 * file with schema errors; a check that cannot make sense of a malformed part is skipped,
 * since the schema problem already names that part. A file too deep or too large for those
 * checks is refused first, with that one problem.
 */
export function loadCriteriaSet(json: unknown): Checked<CriteriaSet> {
  const tooLarge = checkJsonLimits(json, CRITERIA_LIMITS);
  if (tooLarge.length > 0) return { ok: false, problems: tooLarge };
  const problems: Problem[] = checkSchema(json);
  const set = json as CriteriaSet;
  for (const check of [checkTree, checkScoring, checkSet]) {
    try {
      problems.push(...check(set));
    } catch (error) {
      if (problems.length === 0) throw error;
    }
  }
  return problems.length === 0 ? { ok: true, value: deepFreeze(set) } : { ok: false, problems };
}

/** A loaded set is read-only: a published version is never edited, a change is a new version. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
