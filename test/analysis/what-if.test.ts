import { describe, expect, it } from "vitest";
import { compareRankings } from "../../src/analysis/compare-rankings.js";
import { type Policy, currentPolicy, derivePolicySet } from "../../src/analysis/derive-policy-set.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import { listLeaves } from "../../src/criteria/walk-criteria.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import type { Ranking } from "../../src/ranking/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { loadShippedSet, setsUnderTest } from "../fixtures/shipped-sets.js";

const set = loadShippedSet("reference-commune/2026.1.json");
const assessments = generateAssessments(set, { count: 30, seed: 21 });
const surveyMax = (s: CriteriaSet) =>
  listLeaves(s)
    .filter(({ node }) => node.scoring.kind === "survey")
    .reduce((sum, { node }) => sum + node.max, 0);

function derive(policy: Policy): CriteriaSet {
  const derived = derivePolicySet(set, policy);
  if (!derived.ok) throw new Error(JSON.stringify(derived.problems));
  return derived.value;
}

function rank(s: CriteriaSet): Ranking {
  const reports = assessments.map((a) => {
    const scored = scoreAssessment(s, a);
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    return scored.value;
  });
  const ranked = rankUnits(s, reports);
  if (!ranked.ok) throw new Error(JSON.stringify(ranked.problems));
  return ranked.value;
}

const published = rank(set);

describe("what-if: derivePolicySet and compareRankings", { timeout: 60_000 }, () => {
  it.each<{ case: string; policy: Policy }>([
    { case: "no change", policy: {} },
    { case: "the same survey weight", policy: { surveyWeight: surveyMax(set) } },
    { case: "the same missing-survey rule", policy: { missingSurvey: set.survey!.whenAbsent } },
    { case: "the same class edges", policy: { classEdges: [90, 80, 70, 50] } },
  ])("changes nothing under an unchanged policy: $case", ({ policy }) => {
    const changes = compareRankings(published, rank(derive(policy)));
    expect(changes).toHaveLength(30);
    expect(changes.every((c) => c.rankChange === 0 && !c.classChanged && c.after!.index === c.before.index)).toBe(true);
  });

  it("re-weighs the survey: the survey items sum to the weight, the maxima follow", () => {
    const derived = derive({ surveyWeight: 20 });
    expect(surveyMax(derived)).toBeCloseTo(20, 10);
    expect(derived.totalMax).toBeCloseTo(set.totalMax - surveyMax(set) + 20, 10);
    expect(compareRankings(published, rank(derived)).some((c) => c.after!.index !== c.before.index)).toBe(true);
  });

  it("moves the class edges: with every edge 10 points lower, no unit falls a class", () => {
    const changes = compareRankings(published, rank(derive({ classEdges: [80, 70, 60, 40] })));
    const order = set.classes.map((c) => c.code);
    for (const c of changes) expect(order.indexOf(c.after!.class!.code)).toBeLessThanOrEqual(order.indexOf(c.before.class!.code));
    expect(changes.some((c) => c.classChanged)).toBe(true);
  });

  it("gives every not-applicable item full points under the full policy", () => {
    const derived = derive({ notApplicable: "full" });
    const policies = listLeaves(derived).flatMap(({ node }) => (node.notApplicable ? [node.notApplicable.policy] : []));
    expect(policies.length).toBeGreaterThan(0);
    expect(new Set(policies)).toEqual(new Set(["full"]));
  });

  it.each<{ case: string; policy: Policy; path: string }>([
    { case: "too few class edges", policy: { classEdges: [90, 80] }, path: "classEdges" },
    { case: "edges not decreasing", policy: { classEdges: [90, 95, 70, 50] }, path: "classEdges" },
    { case: "a negative survey weight", policy: { surveyWeight: -1 }, path: "surveyWeight" },
  ])("refuses $case with a problem", ({ policy, path }) => {
    const derived = derivePolicySet(set, policy);
    expect(derived.ok).toBe(false);
    if (!derived.ok) expect(derived.problems[0]!.path).toBe(path);
  });

  it("states the reference set's own policy as a what-if would write it (its not-applicable items differ: 18 exclude, 5 full, so none)", () => {
    expect(currentPolicy(set)).toEqual({ surveyWeight: surveyMax(set), missingSurvey: set.survey!.whenAbsent, classEdges: [90, 80, 70, 50] });
    expect(currentPolicy(derive({ notApplicable: "full" })).notApplicable).toBe("full");
  });

  it.each(setsUnderTest())("changes nothing when asked for its own policy: $name", ({ set: any }) => {
    const own = generateAssessments(any, { count: 12, seed: 5 });
    const ranked = (s: CriteriaSet) => {
      const ranking = rankUnits(
        s,
        own.map((a) => {
          const scored = scoreAssessment(s, a);
          if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
          return scored.value;
        }),
      );
      if (!ranking.ok) throw new Error(JSON.stringify(ranking.problems));
      return ranking.value;
    };
    const derived = derivePolicySet(any, currentPolicy(any));
    if (!derived.ok) throw new Error(JSON.stringify(derived.problems));
    const changes = compareRankings(ranked(any), ranked(derived.value));
    expect(changes).toHaveLength(12);
    for (const c of changes) expect([c.after!.rank, c.after!.index, c.after!.class?.code]).toEqual([c.before.rank, c.before.index, c.before.class?.code]);
  });

  it("leaves the original set untouched", () => {
    const before = JSON.stringify(set);
    derive({ surveyWeight: 30, notApplicable: "full", classEdges: [85, 75, 65, 45], missingSurvey: "zero" });
    expect(JSON.stringify(set)).toBe(before);
  });
});
