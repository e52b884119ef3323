import { describe, expect, it } from "vitest";
import { requiredSampleSize } from "../../src/survey/required-sample-size.js";
import { wilsonInterval } from "../../src/survey/wilson-interval.js";

describe("wilsonInterval (95%, z = 1.96)", () => {
  it.each([
    // published values of the Wilson score interval
    { x: 0, n: 10, low: 0, high: 0.2775 },
    { x: 10, n: 10, low: 0.7225, high: 1 },
    { x: 5, n: 10, low: 0.2366, high: 0.7634 },
    { x: 8, n: 10, low: 0.4902, high: 0.9433 },
    { x: 81, n: 263, low: 0.2553, high: 0.3662 },
  ])("$x of $n → [$low, $high]", ({ x, n, low, high }) => {
    const [l, h] = wilsonInterval(x, n)!;
    expect(l).toBeCloseTo(low, 4);
    expect(h).toBeCloseTo(high, 4);
  });

  it("has no interval without answers", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("requiredSampleSize", () => {
  it.each([
    { population: 50, n: 45 },
    { population: 226, n: 145 },
    { population: 2171, n: 338 },
    { population: 10, n: 10 },
    { population: 0, n: 0 },
  ])("Yamane, e = 5%: N = $population → n = $n", ({ population, n }) => {
    expect(requiredSampleSize({ rule: "yamane", marginOfError: 0.05 }, { code: "X", population })).toBe(n);
  });

  it.each([
    { type: "xa" as const, n: 150 },
    { type: "phuong" as const, n: 200 },
    { type: "dac-khu" as const, n: null },
  ])("quota per unit type: $type → $n", ({ type, n }) => {
    expect(requiredSampleSize({ rule: "quota", perUnitType: { xa: 150, phuong: 200 } }, { code: "X", type })).toBe(n);
  });

  it("is unknown without N", () => {
    expect(requiredSampleSize({ rule: "yamane", marginOfError: 0.05 }, { code: "X" })).toBeNull();
  });
});
