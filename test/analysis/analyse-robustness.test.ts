import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseRobustness } from "../../src/analysis/analyse-robustness.js";
import type { RobustnessReport } from "../../src/analysis/robustness-types.js";
import type { Assessment } from "../../src/assessment/types.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { loadShippedSet } from "../fixtures/shipped-sets.js";

const set = loadShippedSet("reference-commune/2026.1.json");

function score(inputs: Assessment[]): ScoreReport[] {
  return inputs.map((input) => {
    const scored = scoreAssessment(set, input);
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    return scored.value;
  });
}

function analyse(reports: ScoreReport[], options: Parameters<typeof analyseRobustness>[2]): RobustnessReport {
  const analysed = analyseRobustness(set, reports, options);
  if (!analysed.ok) throw new Error(JSON.stringify(analysed.problems));
  return analysed.value;
}

const units = (report: RobustnessReport) => report.blocks.flatMap((b) => b.units);
const province = score(generateAssessments(set, { count: 40, seed: 7 }));

describe("analyseRobustness", { timeout: 60_000 }, () => {
  it("gives the same analysis for the same seed, and another for another seed", () => {
    const a = analyse(province, { replicates: 60, seed: 11, disputes: true });
    expect(analyse(province, { replicates: 60, seed: 11, disputes: true })).toEqual(a);
    expect(analyse(province, { replicates: 60, seed: 12, disputes: true })).not.toEqual(a);
  });

  it.each([
    { case: "no respondents known, disputes off", strip: true, disputes: false },
    { case: "no respondents known, no appraisal differs", strip: true, disputes: true, settle: true },
  ])("collapses every band to the published rank with nothing uncertain: $case", ({ strip, disputes, settle }) => {
    const inputs = generateAssessments(set, { count: 25, seed: 3 }).map((a) => {
      const survey = a.survey && strip ? { indicators: a.survey.indicators } : a.survey;
      const rounds = settle ? a.rounds.filter((r) => r.round === "self") : a.rounds;
      return { ...a, rounds, ...(survey ? { survey } : {}) };
    });
    const analysed = analyse(score(inputs), { replicates: 30, seed: 1, disputes });
    for (const unit of units(analysed)) {
      expect([unit.median, unit.low, unit.high]).toEqual([unit.rank, unit.rank, unit.rank]);
      expect(unit.classes).toEqual([{ code: unit.class, title: set.classes.find((c) => c.code === unit.class)?.title ?? null, share: 1 }]);
    }
    expect(analysed.blocks.flatMap((b) => b.unsettled)).toEqual([]);
  });

  it("keeps a unit far ahead at rank 1 in every replicate", () => {
    const leader = province.reduce((best, r) => (r.totals.index > best.totals.index ? r : best));
    const block = province.filter((r) => r.unit.block === leader.unit.block && (r === leader || r.totals.index <= leader.totals.index - 10));
    expect(block.length).toBeGreaterThanOrEqual(4);
    const unit = units(analyse(block, { replicates: 100, seed: 5, disputes: true })).find((u) => u.code === leader.unit.code)!;
    expect([unit.rank, unit.median, unit.low, unit.high]).toEqual([1, 1, 1, 1]);
  });

  it("puts the published rank inside the 5–95 % band for most units", () => {
    const analysed = analyse(province, { replicates: 200, seed: 2 });
    const all = units(analysed);
    const inside = all.filter((u) => u.low <= u.rank && u.rank <= u.high).length;
    expect(inside / all.length).toBeGreaterThanOrEqual(0.9);
    for (const u of all) {
      expect(u.low).toBeLessThanOrEqual(u.median);
      expect(u.median).toBeLessThanOrEqual(u.high);
      expect(u.classes.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 10);
    }
  });

  it("reports a pair as unsettled only when reversed in more than the threshold", () => {
    const analysed = analyse(province, { replicates: 100, seed: 4, threshold: 0.2 });
    for (const block of analysed.blocks) {
      const order = block.units.map((u) => u.code);
      for (const pair of block.unsettled) {
        expect(pair.reversed).toBeGreaterThan(0.2);
        expect(order.indexOf(pair.above)).toBeLessThan(order.indexOf(pair.below));
      }
    }
  });

  it("orders units and blocks as the published ranking does", () => {
    const published = rankUnits(set, province);
    if (!published.ok) throw new Error("not ranked");
    const analysed = analyse(province, { replicates: 5, seed: 1 });
    expect(analysed.blocks.map((b) => b.units.map((u) => [u.code, u.rank]))).toEqual(
      published.value.blocks.map((b) => b.units.map((u) => [u.unit.code, u.rank])),
    );
  });

  it("is deterministic for any seed (property)", () => {
    const small = province.slice(0, 12);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.boolean(), (seed, disputes) => {
        expect(analyse(small, { replicates: 8, seed, disputes })).toEqual(analyse(small, { replicates: 8, seed, disputes }));
      }),
      { numRuns: 10 },
    );
  });

  it.each([0, -1, 1.5, 100_001])("refuses %s replicates", (replicates) => {
    expect(() => analyseRobustness(set, province, { replicates, seed: 1 })).toThrow(RangeError);
  });

  it("returns the ranking's problems for reports that cannot be ranked together", () => {
    const result = analyseRobustness(set, [province[0]!, province[0]!], { replicates: 3, seed: 1 });
    expect(result.ok).toBe(false);
  });
});
