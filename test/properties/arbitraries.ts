import fc from "fast-check";
import type { Assessment } from "../../src/assessment/types.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import { listLeaves } from "../../src/criteria/walk-criteria.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { listPointOptions } from "../../src/synthetic/list-point-options.js";

export const seedArb = fc.integer({ min: 0, max: 0x7fffffff });

/**
 * A generated assessment, then shaken by fast-check beyond what the generator tends to do:
 * self points of manual items set to any allowed value, extra not-applicable claims, the
 * survey dropped. Every variant is still a valid assessment.
 */
export function assessmentArb(set: CriteriaSet): fc.Arbitrary<Assessment> {
  const leaves = listLeaves(set).map((v) => v.node);
  const manual = leaves.filter((leaf) => leaf.scoring.kind === "manual");
  const naCapable = leaves.filter((leaf) => leaf.notApplicable);
  return fc
    .record({
      seed: seedArb,
      points: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: manual.length, maxLength: manual.length }),
      claims: fc.subarray(naCapable.map((leaf) => leaf.code)),
      dropSurvey: fc.boolean(),
    })
    .map(({ seed, points, claims, dropSurvey }) => {
      const [assessment] = generateAssessments(set, { count: 1, seed });
      const self = assessment!.rounds[0]!;
      const items = (self.items ??= {});
      manual.forEach((leaf, i) => {
        const pick = points[i];
        if (pick === undefined) return;
        const options = listPointOptions(leaf);
        items[leaf.code] = { ...items[leaf.code], points: options[pick % options.length]! };
      });
      for (const code of claims) items[code] = { ...items[code], notApplicable: true, reason: "không phát sinh" };
      if (dropSurvey) delete assessment!.survey;
      return assessment!;
    });
}

/** Scores or throws with the problems, so a property fails loudly on an invalid assessment. */
export function scoreOrThrow(set: CriteriaSet, assessment: unknown): ScoreReport {
  const scored = scoreAssessment(set, assessment);
  if (!scored.ok) throw new Error(`scoreAssessment rejected the assessment: ${JSON.stringify(scored.problems, null, 1)}`);
  return scored.value;
}

export function units(points: number): number {
  return Math.round(points * 10_000);
}
