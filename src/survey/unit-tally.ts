import type { SurveyMapping } from "./types.js";
import { isSelectMany } from "./types.js";

/**
 * Running sums for one unit: O(questions + groups) numbers, whatever the number of responses.
 * Group and overall scores are per respondent (share of their valid answers that are satisfied,
 * then the mean of their group scores), summed here and divided at the end.
 */
export interface UnitTally {
  respondents: number;
  /** The per-question sums below in one array, for the hot path: answered at q, satisfied at Q + q, valueSum at 2Q + q, excluded at 3Q + q, then groupSum at 4Q + g and groupN at 4Q + G + g (Q questions, G groups). */
  sums: Float64Array;
  answered: Float64Array;
  satisfied: Float64Array;
  valueSum: Float64Array;
  excluded: Float64Array;
  /** Per select-many question (by question index): chosen count per option. */
  chosen: (Float64Array | null)[];
  groupSum: Float64Array;
  groupN: Float64Array;
  overallSum: number;
  overallN: number;
}

export function createUnitTally(mapping: SurveyMapping, groupCount: number): UnitTally {
  const q = mapping.questions.length;
  // one allocation per unit: a row updates a few hundred contiguous bytes rather than six scattered arrays
  const sums = new Float64Array(4 * q + 2 * groupCount);
  return {
    respondents: 0,
    sums,
    answered: sums.subarray(0, q),
    satisfied: sums.subarray(q, 2 * q),
    valueSum: sums.subarray(2 * q, 3 * q),
    excluded: sums.subarray(3 * q, 4 * q),
    chosen: mapping.questions.map((question) => (isSelectMany(question) ? new Float64Array(question.select.options.length) : null)),
    groupSum: sums.subarray(4 * q, 4 * q + groupCount),
    groupN: sums.subarray(4 * q + groupCount),
    overallSum: 0,
    overallN: 0,
  };
}
