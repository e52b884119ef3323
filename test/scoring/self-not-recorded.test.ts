import { describe, expect, it } from "vitest";
import type { Assessment } from "../../src/assessment/types.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

/** A unit as historic tables publish it: appraised points only, the self-assessment never recorded. */
function appraisedOnly(code: string): Assessment {
  const unit = miniAssessment(code, "xa", { p22: 1, p23: 0.5, overall: 90, feedback: 90 });
  unit.rounds = [{ ...unit.rounds[0]!, round: "appraisal1" }];
  return unit;
}

function score(assessment: Assessment): ScoreReport {
  const result = scoreAssessment(miniSet(), assessment);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe("a self-assessment never recorded", () => {
  it("is its own state: self points null, not 0 and not a copy of the appraisal; no gap", () => {
    const report = score(appraisedOnly("H01"));
    expect(report.stage).toBe("appraised");
    expect(report.totals.self).toBeNull();
    expect(report.totals.appraised).toBe(report.totals.points);
    expect(report.selfGap).toEqual([]);
    const area = report.areas[1]!;
    expect(area).toMatchObject({ self: null, appraised: 3.5, final: 3.5 });
    expect(area.children![1]).toMatchObject({ self: null, appraised: 1, final: 1, leaf: { self: null, appraised: { points: 1 }, decidedBy: "appraisal1" } });
  });

  it("ranks with no self-vs-appraised gap, and goes after known gaps under the smaller-self-gap breaker", () => {
    const set = miniSet();
    set.ranking.ties.breakers = ["smaller-self-gap"];
    const recorded = miniAssessment("H02", "xa", { p22: 1, p23: 0.5, overall: 90, feedback: 90 });
    recorded.rounds.push({ round: "appraisal1", items: {} });
    const reports = [appraisedOnly("H01"), recorded].map((a) => {
      const result = scoreAssessment(set, a);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.value;
    });
    const ranking = rankUnits(set, reports);
    if (!ranking.ok) throw new Error(JSON.stringify(ranking.problems));
    const units = ranking.value.blocks.find((b) => b.code === "xa")!.units;
    expect(units.map((u) => [u.unit.code, u.rank, u.self, u.selfGap, u.areas["2"]!.gap])).toEqual([
      ["H02", 1, 17.9, 0, 0],
      ["H01", 2, null, null, null],
    ]);
  });

  it("an assessment with neither a self round nor an appraisal round is a problem", () => {
    const unit = appraisedOnly("H03");
    unit.rounds = [{ round: "explanation", items: { "2.2": { comment: "Đã bổ sung" } } }];
    const result = scoreAssessment(miniSet(), unit);
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`)).toEqual(["round-order rounds"]);
  });
});
