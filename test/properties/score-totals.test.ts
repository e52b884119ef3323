import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Range } from "../../src/criteria/types.js";
import type { AdjustmentReport } from "../../src/scoring/report.js";
import { setsUnderTest } from "../fixtures/shipped-sets.js";
import { assessmentArb, scoreOrThrow, units } from "./arbitraries.js";

/** round half-up(total / applicable × 100, decimals), in exact integer arithmetic, as a number. */
function expectedIndex(totalUnits: number, applicableUnits: number, decimals: number): number {
  if (applicableUnits <= 0) return 0;
  const scale = 100n * 10n ** BigInt(decimals);
  const magnitude = BigInt(Math.abs(totalUnits)) * scale;
  const denominator = BigInt(applicableUnits);
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return (totalUnits < 0 ? -1 : 1) * (Number(rounded) / 10 ** decimals);
}

function contains(range: Range, value: number): boolean {
  return (
    (range.gt === undefined || value > range.gt) &&
    (range.gte === undefined || value >= range.gte) &&
    (range.lt === undefined || value < range.lt) &&
    (range.lte === undefined || value <= range.lte)
  );
}

function adjustment(report: AdjustmentReport | null): { claimed: number; counted: number } {
  if (!report) return { claimed: 0, counted: 0 };
  const claimed = report.items.reduce((sum, item) => sum + units(item.final), 0);
  return { claimed, counted: Math.min(claimed, units(report.cap)) };
}

describe.each(setsUnderTest())("score report totals on $name", ({ set: published }) => {
  it("adds up the totals: points, capped bonus and penalty, total, index, class (at any index precision)", () => {
    const setArb = fc.constantFrom(0, 1, 2, 3).map((indexDecimals) => ({ ...published, display: { ...published.display, indexDecimals } }));
    fc.assert(
      fc.property(
        setArb.chain((set) => fc.tuple(fc.constant(set), assessmentArb(set))),
        ([set, assessment]) => {
          const { totals, areas, bonus, penalty } = scoreOrThrow(set, assessment);
          const points = areas.reduce((sum, area) => sum + units(area.final), 0);
          expect(units(totals.points)).toBe(points);

          const [b, p] = [adjustment(bonus), adjustment(penalty)];
          expect({
            bonusClaimed: units(bonus?.claimed ?? 0),
            bonus: units(totals.bonus),
            penaltyClaimed: units(penalty?.claimed ?? 0),
            penalty: units(totals.penalty),
          }).toEqual({
            bonusClaimed: b.claimed,
            bonus: b.counted,
            penaltyClaimed: p.claimed,
            penalty: p.counted,
          });
          if (set.bonus) expect(units(totals.bonus)).toBeLessThanOrEqual(units(set.bonus.cap));
          if (set.penalty) expect(units(totals.penalty)).toBeLessThanOrEqual(units(set.penalty.cap));

          const total = points + b.counted - p.counted;
          expect(units(totals.total)).toBe(total);
          const decimals = set.display.indexDecimals;
          expect(totals.index).toBe(expectedIndex(total, units(totals.applicableMax), decimals));
          expect(totals.indexText).toBe(totals.index.toFixed(decimals));
          expect(totals.indexExact).toEqual({ numerator: total, denominator: units(totals.applicableMax) });

          const bands = set.classes.filter((band) => contains(band.index, totals.index));
          expect(totals.class?.code ?? null).toBe(bands[0]?.code ?? null);
          expect(bands.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts the survey points as the sum of the survey leaves", () => {
    const set = published;
    fc.assert(
      fc.property(assessmentArb(set), (assessment) => {
        const report = scoreOrThrow(set, assessment);
        const walk = (nodes: typeof report.areas): number =>
          nodes.reduce((sum, n) => sum + (n.children ? walk(n.children) : n.leaf?.kind === "survey" ? units(n.final) : 0), 0);
        expect(units(report.totals.surveyPoints)).toBe(walk(report.areas));
        if (!assessment.survey) expect(report.totals.surveyPoints).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
