import { describe, expect, it } from "vitest";
import { summariseBlock } from "../../src/ranking/summarise-block.js";

const units = (...pairs: [total: number, applicableMax: number][]) => pairs.map(([total, applicableMax]) => ({ total, applicableMax }));
const band = (code: string, count: number) => ({ code, title: { vi: code, en: code }, count });

describe("summariseBlock", () => {
  it.each([
    { why: "three units out of 100", units: units([100, 100], [80, 100], [55.55, 100]), decimals: 2, mean: "78.52" },
    // 78.385 exactly: half-up gives 78.39 (a float average rounds to 78.38).
    { why: "an exact half rounds up", units: units([78.38, 100], [78.39, 100]), decimals: 2, mean: "78.39" },
    // Printed indices 10.01 and 10.00 average 10.005 (→ 10.01); the exact indices average 10.0045.
    { why: "the mean of exact indices, not of the printed ones", units: units([10.005, 100], [10.004, 100]), decimals: 2, mean: "10.00" },
    // 68.32 of an applicable 84 is 81.333…%.
    { why: "units with different applicable maxima", units: units([68.32, 84], [50, 100]), decimals: 2, mean: "65.67" },
    { why: "the set's index precision", units: units([68.32, 84], [50, 100]), decimals: 1, mean: "65.7" },
    { why: "a unit with nothing applicable counts as 0", units: units([0, 0], [90, 100]), decimals: 2, mean: "45.00" },
    { why: "a negative index (penalties above points)", units: units([-1, 100], [-2, 100]), decimals: 2, mean: "-1.50" },
  ])("mean: $why", ({ units, decimals, mean }) => {
    const summary = summariseBlock({ units, classCounts: [] }, decimals);
    expect(summary.meanText).toBe(mean);
    expect(summary.mean).toBe(Number(mean));
    expect(summary.units).toBe(units.length);
  });

  it.each([
    // A published table: 10 of 151 communes Xuất sắc is 6.62 %.
    { n: 151, counts: [10, 120, 21], decimals: 2, shares: ["6.62", "79.47", "13.91"] },
    { n: 3, counts: [1, 2, 0], decimals: 2, shares: ["33.33", "66.67", "0.00"] },
    { n: 8, counts: [1, 7, 0], decimals: 0, shares: ["13", "88", "0"] },
    { n: 8, counts: [1, 7, 0], decimals: 2, shares: ["12.50", "87.50", "0.00"] },
  ])("shares of $counts in $n units at $decimals decimals", ({ n, counts, decimals, shares }) => {
    const block = {
      units: units(...Array.from({ length: n }, (): [number, number] => [50, 100])),
      classCounts: counts.map((count, i) => band(`c${i}`, count)),
    };
    const summary = summariseBlock(block, decimals);
    expect(summary.classes.map((c) => c.shareText)).toEqual(shares);
    expect(summary.classes.map((c) => c.share)).toEqual(shares.map(Number));
    expect(summary.classes.map((c) => c.count)).toEqual(counts);
  });

  it("an empty block has no mean and zero shares", () => {
    const summary = summariseBlock({ units: [], classCounts: [band("a", 0)] }, 2);
    expect(summary).toEqual({
      units: 0,
      mean: null,
      meanText: null,
      classes: [{ code: "a", title: { vi: "a", en: "a" }, count: 0, share: 0, shareText: "0.00" }],
    });
  });
});
