import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ReportShift, shiftReport } from "../../src/analysis/shift-report.js";
import { toUnits } from "../../src/points.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { loadShippedSet } from "../fixtures/shipped-sets.js";

const set = loadShippedSet("reference-commune/2026.1.json");
const indicators = Object.keys(set.survey!.indicators);

function scored(input: unknown): ScoreReport {
  const result = scoreAssessment(set, input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** The shift between two full reports of one unit, area by area. */
function shiftBetween(before: ScoreReport, after: ScoreReport): ReportShift {
  const shift: ReportShift = { areas: new Map(), survey: new Map() };
  before.areas.forEach((area, i) => {
    shift.areas.set(i, toUnits(after.areas[i]!.final) - toUnits(area.final));
    shift.survey.set(i, toUnits(after.areas[i]!.self ?? 0) - toUnits(area.self ?? 0));
  });
  return shift;
}

describe("shiftReport", { timeout: 60_000 }, () => {
  it("gives the totals and area points of a full re-score with other survey values (property)", () => {
    const inputs = generateAssessments(set, { count: 30, seed: 9 }).filter((a) => a.survey);
    fc.assert(
      fc.property(
        fc.constantFrom(...inputs),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: indicators.length, maxLength: indicators.length }),
        (input, hundredths) => {
          const before = scored(input);
          const drawn = Object.fromEntries(indicators.map((name, i) => [name, hundredths[i]! / 100]));
          const after = scored({ ...input, survey: { ...input.survey, indicators: drawn } });
          const shifted = shiftReport(set, before, shiftBetween(before, after));
          expect(shifted.totals).toEqual(after.totals);
          expect(shifted.areas.map((a) => [a.final, a.self, a.appraised, a.subIndex])).toEqual(
            after.areas.map((a) => [a.final, a.self, a.appraised, a.subIndex]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it("returns the report itself when nothing moves", () => {
    const report = scored(generateAssessments(set, { count: 1, seed: 1 })[0]);
    expect(shiftReport(set, report, { areas: new Map([[0, 0]]), survey: new Map() })).toBe(report);
  });
});
