import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Assessment } from "../../src/assessment/types.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import { listLeaves } from "../../src/criteria/walk-criteria.js";
import { compileScorer } from "../../src/scoring/compile-scorer.js";
import { type ScoreReport, summariseReport } from "../../src/scoring/report.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { createRandom } from "../../src/synthetic/random.js";
import { generateDemoProvince } from "../../src/synthetic/generate-demo-province.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { assessmentArb } from "../properties/arbitraries.js";
import { loadShippedSet, setsUnderTest } from "../fixtures/shipped-sets.js";

/**
 * The compiled scorer gives the figures of the full evaluation (`scoreAssessment`): on every
 * golden report, the demo province, and random assessments shaken until rounds, facts, claims,
 * surveys and points go missing, are cleared or go out of bounds (then the same problems).
 */
const sets = setsUnderTest();
const seen = { refused: 0, scored: 0 };

function expectSame(set: CriteriaSet, input: unknown): void {
  const full = scoreAssessment(set, input);
  const compiled = compileScorer(set).score(input);
  seen[full.ok ? "scored" : "refused"]++;
  if (!full.ok) {
    expect(compiled).toEqual(full);
    return;
  }
  expect(compiled).toEqual({ ok: true, value: summariseReport(full.value) });
  expect(JSON.stringify(compiled.ok && compiled.value)).toBe(JSON.stringify(summariseReport(full.value)));
}

describe("compileScorer", { timeout: 60_000 }, () => {
  const goldens = readdirSync(new URL("../golden/", import.meta.url)).filter((name) => name.endsWith(".json"));
  it.each(goldens)("scores the golden %s as recorded, and explains it byte for byte", (name) => {
    const golden = JSON.parse(readFileSync(new URL(`../golden/${name}`, import.meta.url), "utf8")) as { assessment: Assessment; report: ScoreReport };
    const { family, version } = golden.report.criteria;
    const set = sets.find(({ set }) => set.family === family && set.version === version)!.set;
    const scorer = compileScorer(set);
    expect(scorer.score(golden.assessment)).toEqual({ ok: true, value: summariseReport(golden.report) });
    const explained = scorer.explain(golden.assessment);
    expect(JSON.stringify(explained.ok && explained.value, null, 2)).toBe(JSON.stringify(golden.report, null, 2));
  });

  it("scores the demo province as the full evaluation does, both years", () => {
    const years = generateDemoProvince([loadShippedSet("reference-commune/2025.1.json"), loadShippedSet("reference-commune/2026.1.json")], {
      units: 40,
      seed: 2025,
    });
    for (const { set, assessments, survey } of years) {
      for (const assessment of assessments) {
        const surveyed = survey.get(assessment.unit.code);
        expectSame(set, assessment);
        if (surveyed) expectSame(set, { ...assessment, survey: surveyed });
      }
    }
  });

  it.each(sets)("scores 100 generated units of $name as the full evaluation does", ({ set }) => {
    for (const assessment of generateAssessments(set, { count: 100, seed: 77 })) expectSame(set, assessment);
  });

  it.each(sets)("scores shaken assessments of $name as the full evaluation does (seeded)", ({ set }) => {
    fc.assert(
      fc.property(assessmentArb(set), fc.integer({ min: 0, max: 0x7fffffff }), (assessment, seed) => expectSame(set, shake(set, assessment, seed))),
      { numRuns: 100, seed: 20_261_128 },
    );
  });

  it("met both scored and refused shaken assessments", () => {
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.scored).toBeGreaterThan(500);
  });

  it("gives the same problems for input the full evaluation refuses", () => {
    const set = sets[0]!.set;
    const [assessment] = generateAssessments(set, { count: 1, seed: 5 });
    for (const broken of [
      null,
      42,
      { ...assessment, year: 1999 },
      { ...assessment, rounds: [] },
      { ...assessment, unit: { ...assessment!.unit, type: "huyen" } },
    ]) {
      expect(scoreAssessment(set, broken).ok).toBe(false);
      expectSame(set, broken);
    }
  });

  it("compiles a set once", () => {
    const set = sets[0]!.set;
    expect(compileScorer(set)).toBe(compileScorer(set));
  });
});

/**
 * Random damage a real file can carry: facts cleared (null) or set out of bounds, derived facts'
 * denominators zeroed, rounds dropped (no self round, no appraisal), survey values moved, items
 * claimed not applicable, manual points entered on computed items.
 */
function shake(set: CriteriaSet, input: Assessment, seed: number): Assessment {
  const random = createRandom(seed);
  const assessment = structuredClone(input);
  const facts = Object.keys(set.facts);
  const derivedSources = Object.values(set.facts).flatMap((f) => (f.derived ? [f.derived.ratio.denominator] : []));
  const leaves = listLeaves(set).map((l) => l.node);
  for (const round of assessment.rounds) {
    const roundFacts = (round.facts ??= {});
    for (let k = random.int(0, 4); k > 0; k--) {
      const name = facts[random.int(0, facts.length - 1)]!;
      const kind = random.int(0, 3);
      if (kind === 0) roundFacts[name] = null;
      else if (kind === 1) delete roundFacts[name];
      else if (kind === 2 && typeof roundFacts[name] === "number") roundFacts[name] = (roundFacts[name] as number) * 3 + 1;
      else if (derivedSources.length > 0) roundFacts[derivedSources[random.int(0, derivedSources.length - 1)]!] = 0;
    }
    const items = (round.items ??= {});
    for (let k = random.int(0, 2); k > 0; k--) {
      const leaf = leaves[random.int(0, leaves.length - 1)]!;
      items[leaf.code] = random.int(0, 1) === 0 ? { ...items[leaf.code], notApplicable: true } : { ...items[leaf.code], points: leaf.max };
    }
  }
  const drop = random.int(0, 5);
  if (drop === 0 && assessment.rounds.length > 1) assessment.rounds = assessment.rounds.slice(1);
  if (drop === 1) assessment.rounds = assessment.rounds.slice(0, 1);
  if (assessment.survey && random.int(0, 2) === 0) {
    for (const name of Object.keys(assessment.survey.indicators)) assessment.survey.indicators[name] = random.int(0, 10_000) / 100;
  }
  return assessment;
}
