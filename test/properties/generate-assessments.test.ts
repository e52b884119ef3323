import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { setsUnderTest } from "../fixtures/shipped-sets.js";
import { scoreOrThrow, seedArb } from "./arbitraries.js";

describe.each(setsUnderTest())("generateAssessments on $name", ({ set }) => {
  it("generates assessments that score without problems", () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 3 }), (seed, count) => {
        for (const assessment of generateAssessments(set, { count, seed })) {
          const scored = scoreAssessment(set, assessment);
          expect(scored.ok ? [] : scored.problems).toEqual([]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("is deterministic, and unit n does not depend on how many units are asked for", () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 3 }), (seed, count) => {
        const few = generateAssessments(set, { count, seed });
        expect(generateAssessments(set, { count, seed })).toEqual(few);
        expect(generateAssessments(set, { count: count + 2, seed }).slice(0, count)).toEqual(few);
      }),
      { numRuns: 10 },
    );
  });

  it("gives units unique codes and names, of the set's unit types, for the set and year", () => {
    const assessments = generateAssessments(set, { count: 60, seed: 7, unitPrefix: "HN" });
    expect(assessments.map((a) => a.unit.code)).toEqual(Array.from({ length: 60 }, (_, i) => `HN${String(i + 1).padStart(4, "0")}`));
    expect(new Set(assessments.map((a) => a.unit.name)).size).toBe(60);
    for (const a of assessments) {
      expect(set.appliesTo.unitTypes).toContain(a.unit.type);
      expect(a.criteria).toEqual({ family: set.family, version: set.version });
      expect(a.year).toBe(set.appliesTo.years.at(-1));
    }
  });

  it("spreads the units out: many distinct indices, several classes, appraisal rounds for most", () => {
    const assessments = generateAssessments(set, { count: 80, seed: 11 });
    const reports = assessments.map((a) => scoreOrThrow(set, a));
    expect(new Set(reports.map((r) => r.totals.index)).size).toBeGreaterThan(60);
    expect(new Set(reports.map((r) => r.totals.class?.code)).size).toBeGreaterThanOrEqual(3);
    expect(assessments.filter((a) => a.rounds.length > 1).length).toBeGreaterThan(55);
    expect(assessments.some((a) => a.rounds.some((r) => r.round === "appraisal2"))).toBe(true);
  });
});

describe("generateAssessments options", () => {
  const { set } = setsUnderTest()[0]!;
  it.each([
    { options: { year: 2026, names: ["Phường Bến Nghé", "Xã Bình Chánh"] }, names: ["Phường Bến Nghé", "Xã Bình Chánh"] },
    { options: { names: ["Phường Sài Gòn"] }, names: ["Phường Sài Gòn"] },
  ])("uses the names given, in order ($names)", ({ options, names }) => {
    const assessments = generateAssessments(set, { count: 3, seed: 1, ...options });
    expect(assessments.slice(0, names.length).map((a) => a.unit.name)).toEqual(names);
    expect(assessments[2]!.unit.name).not.toBe("");
  });

  it("differs from seed to seed", () => {
    expect(generateAssessments(set, { count: 3, seed: 1 })).not.toEqual(generateAssessments(set, { count: 3, seed: 2 }));
  });
});
