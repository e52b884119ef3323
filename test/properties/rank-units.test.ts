import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TIE_BREAKERS, type CriteriaSet, type TieBreaker } from "../../src/criteria/types.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import type { Ranking } from "../../src/ranking/types.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { setsUnderTest } from "../fixtures/shipped-sets.js";
import { scoreOrThrow, units } from "./arbitraries.js";

/** Negative when `a` is strictly ahead of `b`: by published index, then each breaker in turn. */
function compareUnits(a: ScoreReport, b: ScoreReport, breakers: readonly TieBreaker[]): number {
  const byIndex = Math.sign(b.totals.index - a.totals.index);
  if (byIndex !== 0) return byIndex;
  for (const breaker of breakers) {
    const order = compareBy(breaker, a, b);
    if (order !== 0) return order;
  }
  return 0;
}

function compareBy(breaker: TieBreaker, a: ScoreReport, b: ScoreReport): number {
  const higherFirst = (x: number, y: number) => Math.sign(y - x);
  switch (breaker) {
    case "exact-index": {
      const [x, y] = [a.totals.indexExact, b.totals.indexExact];
      const diff = BigInt(y.numerator) * BigInt(x.denominator) - BigInt(x.numerator) * BigInt(y.denominator);
      return diff === 0n ? 0 : diff > 0n ? 1 : -1;
    }
    case "survey":
      return higherFirst(units(a.totals.surveyPoints), units(b.totals.surveyPoints));
    case "appraised":
      return higherFirst(units(a.totals.appraised ?? a.totals.self!), units(b.totals.appraised ?? b.totals.self!));
    case "fewer-penalties":
      return -higherFirst(units(a.totals.penalty), units(b.totals.penalty));
    case "smaller-self-gap": {
      const gap = (r: ScoreReport) => Math.abs(units(r.totals.appraised ?? r.totals.self!) - units(r.totals.self!));
      return -higherFirst(gap(a), gap(b));
    }
    default: {
      const area = (r: ScoreReport) => units(r.areas.find((n) => n.code === breaker.slice("area:".length))?.final ?? 0);
      return higherFirst(area(a), area(b));
    }
  }
}

/** Some reports from a pool of generated units, plus copies of some under new codes (exact ties). */
function reportsArb(pool: readonly ScoreReport[]): fc.Arbitrary<ScoreReport[]> {
  return fc
    .record({ picked: fc.subarray([...pool], { minLength: 1, maxLength: 40 }), copies: fc.array(fc.nat(), { maxLength: 8 }) })
    .map(({ picked, copies }) => [
      ...picked,
      ...copies.map((pick, i) => {
        const copy = structuredClone(picked[pick % picked.length]!);
        copy.unit.code = `COPY${i}`;
        return copy;
      }),
    ]);
}

function scorePool(set: CriteriaSet, seed: number): ScoreReport[] {
  return generateAssessments(set, { count: 60, seed }).map((a) => scoreOrThrow(set, a));
}

/** A tie policy drawn from every breaker the set could name. */
function breakersArb(set: CriteriaSet): fc.Arbitrary<TieBreaker[]> {
  const all: TieBreaker[] = [...TIE_BREAKERS, ...set.areas.map((area): TieBreaker => `area:${area.code}`)];
  return fc.oneof(fc.constant(set.ranking.ties.breakers), fc.shuffledSubarray(all));
}

function withBreakers(set: CriteriaSet, breakers: TieBreaker[]): CriteriaSet {
  return { ...set, ranking: { ...set.ranking, ties: { breakers } } };
}

function rankOrThrow(set: CriteriaSet, reports: ScoreReport[]): Ranking {
  const ranked = rankUnits(set, reports);
  if (!ranked.ok) throw new Error(JSON.stringify(ranked.problems));
  return ranked.value;
}

describe.each(setsUnderTest())("rankUnits on $name", ({ set: published }) => {
  // Whole-percent indices (0 decimals) make many more ties than the published 2 decimals.
  const sets = [published, { ...published, display: { ...published.display, indexDecimals: 0 } }];
  const pools = sets.map((set) => ({ set, pool: scorePool(set, 2026) }));
  const poolArb = fc.constantFrom(...pools);
  it("gives the same ranking whatever the order of the reports", () => {
    const arb = poolArb.chain(({ set, pool }) =>
      fc.record({
        set: fc.constant(set),
        reports: reportsArb(pool).chain((reports) => fc.tuple(fc.constant(reports), fc.shuffledSubarray(reports, { minLength: reports.length }))),
        breakers: breakersArb(set),
      }),
    );
    fc.assert(
      fc.property(arb, ({ set, reports: [reports, shuffled], breakers }) => {
        const tied = withBreakers(set, breakers);
        expect(rankOrThrow(tied, shuffled)).toEqual(rankOrThrow(tied, reports));
      }),
      { numRuns: 40 },
    );
  });

  it("lists every unit once, in its own block, with competition ranks (1, 2, 2, 4) that never go down the list", () => {
    const arb = poolArb.chain(({ set, pool }) => fc.record({ set: fc.constant(set), reports: reportsArb(pool), breakers: breakersArb(set) }));
    fc.assert(
      fc.property(arb, ({ set, reports, breakers }) => {
        const tied = withBreakers(set, breakers);
        const ranking = rankOrThrow(tied, reports);
        const byCode = new Map(reports.map((r) => [r.unit.code, r]));
        const listed = ranking.blocks.flatMap((block) => block.units.map((u) => ({ block: block.code, code: u.unit.code })));
        expect(listed.map((u) => u.code).sort()).toEqual([...byCode.keys()].sort());
        for (const { block, code } of listed) expect(byCode.get(code)!.unit.block).toBe(block);

        for (const block of ranking.blocks) {
          const members = block.units.map((u) => byCode.get(u.unit.code)!);
          block.units.forEach((ranked, i) => {
            const own = members[i]!;
            const ahead = members.filter((other) => compareUnits(other, own, breakers) < 0).length;
            expect({ code: ranked.unit.code, rank: ranked.rank }).toEqual({ code: ranked.unit.code, rank: 1 + ahead });
            if (i > 0) expect(ranked.rank).toBeGreaterThanOrEqual(block.units[i - 1]!.rank);
            for (const [j, other] of members.entries()) {
              if (compareUnits(other, own, breakers) === 0) expect(block.units[j]!.rank).toBe(ranked.rank);
            }
          });
        }
      }),
      { numRuns: 40 },
    );
  });

  it("carries each unit's areas from its report: points, sub-index, self, appraised, and gaps that add up exactly", () => {
    const arb = poolArb.chain(({ set, pool }) => fc.record({ set: fc.constant(set), reports: reportsArb(pool) }));
    fc.assert(
      fc.property(arb, ({ set, reports }) => {
        const byCode = new Map(reports.map((r) => [r.unit.code, r]));
        for (const ranked of rankOrThrow(set, reports).blocks.flatMap((b) => b.units)) {
          const report = byCode.get(ranked.unit.code)!;
          expect(Object.keys(ranked.areas)).toEqual(report.areas.map((a) => a.code));
          for (const area of report.areas) {
            const applies = area.applicableMax > 0;
            const gap = report.selfGap.find((g) => g.code === area.code)!.gap;
            expect(ranked.areas[area.code]).toEqual({
              points: applies ? area.final : null,
              subIndex: applies ? area.subIndex : null,
              self: area.self,
              appraised: area.appraised,
              gap: area.appraised === null ? null : gap,
            });
          }
          const gaps = Object.values(ranked.areas).map((a) => a.gap);
          if (report.totals.appraised === null) expect([ranked.selfGap, ...new Set(gaps)]).toEqual([null, null]);
          else expect(units(ranked.selfGap!)).toBe(gaps.reduce((sum: number, gap) => sum + units(gap!), 0));
        }
      }),
      { numRuns: 20 },
    );
  });

  it("counts each block's units per class, summing to the units that have a class", () => {
    const arb = poolArb.chain(({ set, pool }) => fc.record({ set: fc.constant(set), reports: reportsArb(pool) }));
    fc.assert(
      fc.property(arb, ({ set, reports }) => {
        for (const block of rankOrThrow(set, reports).blocks) {
          const counted = block.classCounts.reduce((sum, c) => sum + c.count, 0);
          expect(counted).toBe(block.units.filter((u) => u.class !== null).length);
          expect(counted).toBe(block.units.length);
          for (const c of block.classCounts) expect(c.count).toBe(block.units.filter((u) => u.class?.code === c.code).length);
        }
      }),
      { numRuns: 20 },
    );
  });
});
