import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { CriteriaSet, LeafNode } from "../../src/criteria/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { miniSet } from "../fixtures/mini-set.js";
import { seedArb } from "./arbitraries.js";

function leaf(set: CriteriaSet, code: string): LeafNode {
  const found = [...set.areas.flatMap((a) => ("children" in a ? a.children : [a])), ...(set.bonus?.items ?? []), ...(set.penalty?.items ?? [])].find(
    (n) => n.code === code,
  );
  return found as LeafNode;
}

/** Shapes of criteria sets the generator must cope with, each made from miniSet(). */
const VARIANTS: { name: string; change: (set: CriteriaSet) => void }[] = [
  {
    name: "manual items whose allowed points leave out 0",
    change: (set) => {
      leaf(set, "2.2").scoring = { kind: "manual", allowed: [0.5, 1] };
      leaf(set, "T1").scoring = { kind: "manual", allowed: [0.5, 1.5] };
    },
  },
  {
    name: "departments only, without survey, bonus or penalty",
    change: (set) => {
      set.areas = set.areas.filter((area) => area.code !== "3");
      set.totalMax = 10;
      delete set.survey;
      delete set.bonus;
      delete set.penalty;
      set.appliesTo.unitTypes = ["department"];
      set.ranking = { blocks: [{ code: "so", title: { vi: "Khối sở" }, unitTypes: ["department"] }], ties: { breakers: ["exact-index"] } };
    },
  },
  {
    name: "special zones and wards, a ratio that falls back to a number, unbounded counts",
    change: (set) => {
      set.appliesTo.unitTypes = ["dac-khu", "phuong"];
      set.ranking.blocks = [
        { code: "phuong", title: { vi: "Khối phường" }, unitTypes: ["phuong"] },
        { code: "dac-khu", title: { vi: "Khối đặc khu" }, unitTypes: ["dac-khu"] },
      ];
      set.facts["on_time_rate"]!.derived!.whenZero = 100;
      delete set.facts["initiatives"]!.max;
    },
  },
  {
    name: "a survey scored as zero when absent, with narrowed indicator bounds",
    change: (set) => {
      set.survey!.whenAbsent = "zero";
      set.survey!.indicators["overall"] = { title: { vi: "Hài lòng chung" }, min: 50, max: 100 };
    },
  },
];

describe.each(VARIANTS)("generateAssessments for $name", ({ change }) => {
  const set = miniSet();
  change(set);
  const loaded = loadCriteriaSet(set);

  it("uses a set that loads", () => {
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it("generates assessments that score without problems", () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        for (const assessment of generateAssessments(set, { count: 3, seed })) {
          const scored = scoreAssessment(set, assessment);
          expect(scored.ok ? [] : scored.problems).toEqual([]);
        }
      }),
      { numRuns: 25 },
    );
  });
});
