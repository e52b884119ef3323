import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainScoreChange } from "../../src/analysis/explain-score-change.js";
import type { Assessment } from "../../src/assessment/types.js";
import { diffCriteriaSets } from "../../src/criteria/diff-criteria-sets.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import { toUnits } from "../../src/points.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { loadShippedSet } from "../fixtures/shipped-sets.js";

const older = loadShippedSet("reference-commune/2025.1.json");
const newer = loadShippedSet("reference-commune/2026.1.json");
const diff = diffCriteriaSets(older, newer);

function score(set: CriteriaSet, input: Assessment): ScoreReport {
  const scored = scoreAssessment(set, input);
  if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
  return scored.value;
}

const lastYear = generateAssessments(older, { count: 20, seed: 5 });
const thisYear = generateAssessments(newer, { count: 20, seed: 6 });

describe("explainScoreChange", { timeout: 60_000 }, () => {
  it("adds up: item changes + bonus change − penalty change = total change, across criteria versions (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 19 }), (i) => {
        const before = score(older, lastYear[i]!);
        const after = score(newer, thisYear[i]!);
        expect(after.unit.code).toBe(before.unit.code);
        const change = explainScoreChange(before, after, diff);
        if (!change.ok) throw new Error(JSON.stringify(change.problems));
        const sum = change.value.items.reduce((s, item) => s + toUnits(item.change), 0) + toUnits(change.value.bonus) - toUnits(change.value.penalty);
        expect(sum).toBe(toUnits(change.value.totalChange));
        expect(toUnits(change.value.totalChange)).toBe(toUnits(after.totals.total) - toUnits(before.totals.total));
        for (const item of change.value.items) expect(item.change).not.toBe(0);
      }),
      { numRuns: 20 },
    );
  });

  it("lists nothing when the score did not move", () => {
    const report = score(newer, thisYear[0]!);
    const change = explainScoreChange(report, report, null);
    expect(change.ok && change.value).toMatchObject({ items: [], totalChange: 0, indexChange: 0, bonus: 0, penalty: 0 });
  });

  it("names the item, the points on each side and the rule's words", () => {
    const before = score(newer, thisYear[1]!);
    const after = score(newer, thisYear[2]!);
    const change = explainScoreChange(before, { ...after, unit: before.unit }, null);
    if (!change.ok) throw new Error("not compared");
    const item = change.value.items[0]!;
    expect(item.change).toBeLessThan(0);
    expect(item.older!.points - item.newer!.points).toBeCloseTo(-item.change, 10);
    expect(item.older!.why.vi.length).toBeGreaterThan(0);
  });

  it("refuses two different units", () => {
    const change = explainScoreChange(score(newer, thisYear[0]!), score(newer, thisYear[1]!), null);
    expect(change.ok).toBe(false);
  });
});
