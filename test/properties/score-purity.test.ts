import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { setsUnderTest } from "../fixtures/shipped-sets.js";
import { assessmentArb } from "./arbitraries.js";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe.each(setsUnderTest())("scoreAssessment purity on $name", ({ set }) => {
  it("gives the same report for the same input, and the same as for a copy", () => {
    fc.assert(
      fc.property(assessmentArb(set), (assessment) => {
        const first = scoreAssessment(set, assessment);
        expect(scoreAssessment(set, assessment)).toEqual(first);
        expect(scoreAssessment(structuredClone(set), structuredClone(assessment))).toEqual(first);
      }),
      { numRuns: 20 },
    );
  });

  it("changes neither the assessment nor the criteria set (both deep-frozen)", () => {
    const frozenSet = deepFreeze(structuredClone(set));
    fc.assert(
      fc.property(assessmentArb(set), (assessment) => {
        const before = structuredClone(assessment);
        const expected = scoreAssessment(set, before);
        expect(scoreAssessment(frozenSet, deepFreeze(assessment))).toEqual(expected);
        expect(assessment).toEqual(before);
      }),
      { numRuns: 20 },
    );
  });
});
