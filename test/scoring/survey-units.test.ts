import { describe, expect, it } from "vitest";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { BranchNode, CriteriaSet, LeafNode } from "../../src/criteria/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

/** The mini set whose overall indicator is published in points, "32.83 of 35", as historic tables do. */
function pointsIndicatorSet(): CriteriaSet {
  const set = miniSet();
  set.survey!.indicators["overall"] = { title: { vi: "Điểm hài lòng chung" }, unit: "điểm", min: 0, max: 35 };
  ((set.areas[2] as BranchNode).children[0] as LeafNode).scoring = { kind: "survey", indicator: "overall", linear: { zeroAt: 0, fullAt: 35 } };
  const loaded = loadCriteriaSet(set);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

describe("a survey indicator explains itself in its declared unit", () => {
  it.each([
    {
      name: "points",
      set: pointsIndicatorSet,
      overall: 32.83,
      why: "overall = 32.83 điểm: linear from 0 điểm (0 points) to 35 điểm (8 points) → 7.504",
      hint: "raise overall from 32.83 điểm to 35 điểm: +0.496",
    },
    {
      name: "percent by default",
      set: () => miniSet(),
      overall: 87.3,
      why: "overall = 87.3%: linear from 50% (0 points) to 100% (8 points) → 5.968",
      hint: "raise overall from 87.3% to 100%: +2.032",
    },
  ])("$name", ({ set, overall, why, hint }) => {
    const result = scoreAssessment(set(), miniAssessment("X01", "xa", { p22: 1, p23: 1, overall, feedback: 90 }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const item = result.value.areas[2]!.children![0]!;
    expect(item.leaf!.why.en).toBe(why);
    expect(result.value.gaps.find((g) => g.code === "3.1")?.hint.en).toBe(hint);
  });
});
