import { describe, expect, it } from "vitest";
import { formatUnits, isWholeUnits, percent, percentScaled, toUnits } from "../src/points.js";

describe("points", () => {
  it.each([
    { numerator: 683200, denominator: 840000, decimals: 2, expected: 81.33 },
    { numerator: 1, denominator: 8, decimals: 1, expected: 12.5 },
    { numerator: 1, denominator: 16, decimals: 2, expected: 6.25 },
    { numerator: 1, denominator: 3, decimals: 2, expected: 33.33 },
    { numerator: 2, denominator: 3, decimals: 2, expected: 66.67 },
    { numerator: 5, denominator: 0, decimals: 2, expected: 0 },
  ])("percent($numerator / $denominator) = $expected", ({ numerator, denominator, decimals, expected }) => {
    expect(percent(numerator, denominator, decimals)).toBe(expected);
  });

  it("rounds half up exactly, where floats would not", () => {
    // 1.005 × 100 is 100.49999… in floating point; in units the half is exact.
    expect(percentScaled(10_050, 1_000_000, 2)).toBe(101);
    expect(formatUnits(toUnits(1.005), 2)).toBe("1.01");
    expect(formatUnits(toUnits(-0.125), 2)).toBe("-0.13");
  });

  it.each([
    { points: 0.25, whole: true },
    { points: 0.0001, whole: true },
    { points: 0.00005, whole: false },
    { points: 1 / 3, whole: false },
  ])("isWholeUnits($points) = $whole", ({ points, whole }) => {
    expect(isWholeUnits(points)).toBe(whole);
  });
});
