import { describe, expect, it } from "vitest";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { BranchNode, CriteriaSet, LeafNode } from "../../src/criteria/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

/** The mini set with a survey area of two items of 20 points, so 93.325% earns 18.665 on each. */
function twoSurveyItems(rounding?: "total" | "criterion"): CriteriaSet {
  const set = miniSet();
  const survey = set.areas[2] as BranchNode;
  survey.max = 40;
  survey.children = [
    { code: "3.1", title: { vi: "Hài lòng chung" }, max: 20, scoring: { kind: "survey", indicator: "overall", linear: { zeroAt: 0, fullAt: 100 } } },
    { code: "3.2", title: { vi: "Hài lòng về phản ánh" }, max: 20, scoring: { kind: "survey", indicator: "feedback", linear: { zeroAt: 0, fullAt: 100 } } },
  ];
  set.totalMax = 50;
  if (rounding) set.display.rounding = rounding;
  const loaded = loadCriteriaSet(set);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

describe("display.rounding", () => {
  it.each([
    { rounding: undefined, parts: [18.665, 18.665], area: 37.33, why: /→ 18.665$/ },
    { rounding: "total" as const, parts: [18.665, 18.665], area: 37.33, why: /→ 18.665$/ },
    { rounding: "criterion" as const, parts: [18.67, 18.67], area: 37.34, why: /→ 18.665, rounded to 18.67$/ },
  ])("$rounding: parts $parts, area $area", ({ rounding, parts, area, why }) => {
    const result = scoreAssessment(twoSurveyItems(rounding), miniAssessment("X01", "xa", { p22: 1, p23: 1, overall: 93.325, feedback: 93.325 }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const survey = result.value.areas[2]!;
    expect(survey.children!.map((c) => c.final)).toEqual(parts);
    expect(survey.final).toBe(area);
    expect(result.value.totals.surveyPoints).toBe(area);
    expect(survey.children![0]!.leaf!.why.en).toMatch(why);
  });

  it("rounding per criterion needs maxima shown exactly at the points decimals", () => {
    const withDecimals = (pointsDecimals: number, itemMax: number) => {
      const set = miniSet();
      set.display = { indexDecimals: 2, pointsDecimals, rounding: "criterion" };
      set.areas[1]!.max = 3 + itemMax;
      ((set.areas[1] as BranchNode).children[2] as LeafNode).max = itemMax;
      set.totalMax = 19 + itemMax;
      const result = loadCriteriaSet(set);
      return result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`);
    };
    expect(withDecimals(2, 1.25)).toEqual([]);
    expect(withDecimals(1, 1.25)).toEqual(["points-not-in-units areas[1].children[2].max"]);
  });
});
