import type { SurveyMapping } from "./types.js";
import { isSelectMany } from "./types.js";

/**
 * Running sums for one unit: O(questions + groups) numbers, whatever the number of responses.
 * Group and overall scores are per respondent (share of their valid answers that are satisfied,
 * then the mean of their group scores), summed here and divided at the end.
 */
export interface UnitTally {
  respondents: number;
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
  return {
    respondents: 0,
    answered: new Float64Array(q),
    satisfied: new Float64Array(q),
    valueSum: new Float64Array(q),
    excluded: new Float64Array(q),
    chosen: mapping.questions.map((question) => (isSelectMany(question) ? new Float64Array(question.select.options.length) : null)),
    groupSum: new Float64Array(groupCount),
    groupN: new Float64Array(groupCount),
    overallSum: 0,
    overallN: 0,
  };
}
