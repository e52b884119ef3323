import { describe, expect, it } from "vitest";
import type { Assessment, FactInput, ItemInput } from "../../src/assessment/types.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import { miniSet } from "../fixtures/mini-set.js";
import { scoreOrThrow } from "./arbitraries.js";

/**
 * Regression: gaps of 0.1 point computed in floating point differ (|2 − 2.1| =
 * 0.10000000000000009, |5 − 5.1| = 0.09999999999999964), which once split units that should
 * share a rank. Equal index and equal breaker values (in exact points) → equal rank.
 */
function unit(code: string, facts: Record<string, FactInput>, items: Record<string, ItemInput>, survey?: Assessment["survey"]): Assessment {
  return {
    unit: { code, name: code, type: "phuong" },
    year: 2026,
    criteria: { family: "mini", version: "2026.1" },
    rounds: [
      { round: "self", facts, items: { "2.2": { points: 1 }, "2.3": { points: 1 }, ...items } },
      { round: "appraisal1", items: { "2.3": { points: 0.9 } } },
    ],
    ...(survey ? { survey } : {}),
  };
}

describe("rankUnits with the smaller-self-gap breaker", () => {
  it("gives units with equal index and equal self-gap (0.1 point) the same rank", () => {
    const set = miniSet();
    set.ranking.ties.breakers = ["smaller-self-gap"];
    const lateReport = ["2026-03-20", null, null, null];
    // 2 of 8 applicable points (no survey, 2.1 not applicable): self 2.1, appraised 2.0, index 25.00
    const a = unit("A", { reports_sent_on: lateReport }, { "2.1": { notApplicable: true } });
    // 5 of 20 applicable points (survey worth 0): self 5.1, appraised 5.0, index 25.00
    const b = unit("B", { reports_sent_on: lateReport, plan_issued_on: "2026-01-10", inspected: true }, {}, { indicators: { overall: 50, feedback: 40 } });
    const reports = [a, b].map((x) => scoreOrThrow(set, x));
    expect(reports.map((r) => [r.totals.index, r.totals.self, r.totals.appraised])).toEqual([
      [25, 2.1, 2],
      [25, 5.1, 5],
    ]);
    const ranked = rankUnits(set, reports);
    expect(ranked.ok && ranked.value.blocks[0]!.units.map((u) => [u.unit.code, u.rank])).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
  });
});
