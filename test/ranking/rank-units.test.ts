import { describe, expect, it } from "vitest";
import type { Assessment } from "../../src/assessment/types.js";
import type { CriteriaSet, TieBreaker } from "../../src/criteria/types.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import type { Ranking } from "../../src/ranking/types.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

function unit(code: string, type: "xa" | "phuong", points: { p22: number; p23: number; overall: number; feedback?: number }): Assessment {
  return miniAssessment(code, type, { ...points, feedback: points.feedback ?? 90 });
}

function reports(set: CriteriaSet, inputs: Assessment[]): ScoreReport[] {
  return inputs.map((input) => {
    const result = scoreAssessment(set, input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value;
  });
}

function rank(set: CriteriaSet, inputs: Assessment[], previous?: Ranking): Ranking {
  const result = rankUnits(set, reports(set, inputs), previous);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const summary = (ranking: Ranking, block: string) =>
  ranking.blocks.find((b) => b.code === block)!.units.map((u) => `${u.rank} ${u.unit.code} ${u.indexText}${u.tieBrokenBy ? ` (${u.tieBrokenBy})` : ""}`);

describe("rankUnits", () => {
  it("ranks per block by the published index, highest first", () => {
    const ranking = rank(miniSet(), [
      unit("P1", "phuong", { p22: 0.5, p23: 1, overall: 80 }),
      unit("X1", "xa", { p22: 1, p23: 1, overall: 70 }),
      unit("P2", "phuong", { p22: 1, p23: 1, overall: 90 }),
      unit("X2", "xa", { p22: 0, p23: 0, overall: 60 }),
    ]);
    // P2: area 1 = 6, area 2 = 2 + 1 + 1, survey 8 × (90 − 50) / 50 + 2 = 8.4 → 18.4 / 20.
    expect(summary(ranking, "phuong")).toEqual(["1 P2 92.00", "2 P1 81.50"]);
    expect(summary(ranking, "xa")).toEqual(["1 X1 76.00", "2 X2 58.00"]);
    expect(ranking.blocks[0]!.classCounts.map((c) => `${c.code}:${c.count}`)).toEqual(["xuat-sac:1", "tot:1", "kha:0", "trung-binh:0", "yeu:0"]);
  });

  it.each<{ breakers: TieBreaker[]; expected: string[] }>([
    { breakers: [], expected: ["1 A 80.00", "1 B 80.00", "3 C 55.50"] },
    { breakers: ["survey"], expected: ["1 B 80.00", "2 A 80.00 (survey)", "3 C 55.50"] },
    { breakers: ["area:2", "survey"], expected: ["1 A 80.00", "2 B 80.00 (area:2)", "3 C 55.50"] },
  ])("breaks ties with $breakers, else shares the rank (1, 1, 3)", ({ breakers, expected }) => {
    const set = miniSet();
    set.ranking.ties.breakers = breakers;
    // A: 4 points in area 2 and 4 from the linear survey; B: 2.5 and 5.5; both 16 / 20.
    const units = [
      unit("C", "xa", { p22: 0.5, p23: 0, overall: 60 }),
      unit("B", "xa", { p22: 0.5, p23: 0, overall: 84.375 }),
      unit("A", "xa", { p22: 1, p23: 1, overall: 75 }),
    ];
    units[0]!.rounds[0]!.facts!.inspected = false;
    expect(summary(rank(set, units), "xa")).toEqual(expected);
  });

  it("gives the same ranking for any input order", () => {
    const inputs = ["A", "B", "C", "D", "E"].map((code, i) => unit(code, "xa", { p22: i % 2 ? 1 : 0.5, p23: 1, overall: 80 + (i % 3) }));
    const forward = rank(miniSet(), inputs);
    const backward = rank(miniSet(), [...inputs].reverse());
    expect(backward).toEqual(forward);
  });

  it("shows the change since the previous year's ranking", () => {
    const last = rank(miniSet(), [unit("X1", "xa", { p22: 0, p23: 0, overall: 60 }), unit("X2", "xa", { p22: 1, p23: 1, overall: 90 })]);
    const now = rank(
      miniSet(),
      [unit("X1", "xa", { p22: 1, p23: 1, overall: 95 }), unit("X2", "xa", { p22: 1, p23: 1, overall: 90 }), unit("X3", "xa", { p22: 0, p23: 0, overall: 50 })],
      last,
    );
    const xa = now.blocks.find((b) => b.code === "xa")!.units;
    expect(xa.map((u) => [u.unit.code, u.previous?.rankChange ?? null])).toEqual([
      ["X1", 1],
      ["X2", -1],
      ["X3", null],
    ]);
    expect(xa[0]!.previous).toMatchObject({ rank: 2, index: 58, indexChange: 38 });
  });

  it.each([
    { case: "a one-unit pilot against a two-unit year", now: ["X1"], family: "mini", compared: false },
    { case: "a block sharing most of its units", now: ["X1", "X2", "X3"], family: "mini", compared: true },
    { case: "a block where most units are new", now: ["X1", "X3", "X4"], family: "mini", compared: false },
    { case: "another criteria family", now: ["X1", "X2"], family: "other", compared: false },
  ])("compares with last year only where the block is comparable: $case", ({ now, family, compared }) => {
    const last = rank(miniSet(), [unit("X1", "xa", { p22: 0, p23: 0, overall: 60 }), unit("X2", "xa", { p22: 1, p23: 1, overall: 90 })]);
    const ranking = rank(
      miniSet(),
      now.map((code) => unit(code, "xa", { p22: 1, p23: 1, overall: 95 })),
      { ...last, criteria: { ...last.criteria, family } },
    );
    const x1 = ranking.blocks.find((b) => b.code === "xa")!.units.find((u) => u.unit.code === "X1")!;
    expect(x1.previous !== null).toBe(compared);
  });

  it("gives per area the points, sub-index and self vs appraised gap, and the gap of the total", () => {
    const set = miniSet();
    const appraised = unit("X1", "xa", { p22: 1, p23: 1, overall: 90 });
    appraised.rounds.push({ round: "appraisal1", items: { "2.2": { points: 0.5 } } });
    const ranking = rank(set, [appraised, unit("X2", "xa", { p22: 0.5, p23: 1, overall: 80 })]);
    const [x1, x2] = ranking.blocks.find((b) => b.code === "xa")!.units;
    // X1: area 2 self 4 (2 + 1 + 1), appraised 3.5 of an applicable 4.
    expect(x1!.areas["2"]).toEqual({ points: 3.5, subIndex: 87.5, self: 4, appraised: 3.5, gap: -0.5 });
    expect(x1!.areas["1"]).toMatchObject({ gap: 0 });
    expect(x1!.selfGap).toBe(-0.5);
    expect(x2!.areas["2"]).toMatchObject({ appraised: null, gap: null });
    expect(x2!.selfGap).toBeNull();
  });

  it("refuses reports of another criteria version, duplicates and unknown blocks", () => {
    const set = miniSet();
    const [a, b] = reports(set, [unit("X1", "xa", { p22: 1, p23: 1, overall: 90 }), unit("X2", "xa", { p22: 1, p23: 1, overall: 90 })]);
    const other = { ...b!, criteria: { family: "mini", version: "2025.1" } };
    const stray = { ...a!, unit: { ...a!.unit, block: "huyen" } };
    const result = rankUnits(set, [a!, a!, other, stray]);
    expect(result.ok).toBe(false);
    const codes = result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual([
      "duplicate-code reports[1] (X1)",
      "criteria-mismatch reports[2] (X2)",
      "duplicate-code reports[3] (X1)",
      "unknown-block reports[3] (X1)",
    ]);
  });
});
