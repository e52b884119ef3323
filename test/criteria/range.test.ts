import { describe, expect, it } from "vitest";
import { checkCoverage, rangeContains } from "../../src/criteria/range.js";
import type { Range } from "../../src/criteria/types.js";

describe("rangeContains", () => {
  it.each([
    { range: { gt: 90 }, value: 90, inside: false },
    { range: { gte: 70, lte: 90 }, value: 90, inside: true },
    { range: { gte: 70, lte: 90 }, value: 69.99, inside: false },
    { range: { lt: 70 }, value: 70, inside: false },
    { range: {}, value: -1e9, inside: true },
  ])("$value in $range: $inside", ({ range, value, inside }) => {
    expect(rangeContains(range, value)).toBe(inside);
  });
});

describe("checkCoverage", () => {
  const domain = { min: 0, max: 100 };
  it.each<{ name: string; ranges: Range[]; integers?: boolean; issues: string[] }>([
    { name: "a clean partition", ranges: [{ gt: 90 }, { gte: 70, lte: 90 }, { lt: 70 }], issues: [] },
    { name: "a shared closed edge", ranges: [{ gte: 90 }, { gte: 70, lte: 90 }, { lt: 70 }], issues: ["overlap 90"] },
    { name: "an open edge on both sides", ranges: [{ gt: 90 }, { gte: 70, lt: 90 }, { lt: 70 }], issues: ["gap exactly 90"] },
    { name: "a hole in the middle", ranges: [{ gte: 80 }, { lt: 70 }], issues: ["gap from 70 to 80 (excluded)"] },
    { name: "the domain's ends", ranges: [{ gt: 0, lt: 100 }], issues: ["gap exactly 0", "gap exactly 100"] },
    { name: "whole numbers that touch", ranges: [{ lte: 2 }, { gte: 3 }], integers: true, issues: [] },
    { name: "whole numbers with a hole", ranges: [{ lte: 2 }, { gte: 5 }], integers: true, issues: ["gap 3…4"] },
    { name: "ranges outside the domain do not matter", ranges: [{ lt: -5 }, { gte: 0 }], issues: [] },
  ])("$name", ({ ranges, integers, issues }) => {
    const found = checkCoverage(ranges, domain, integers).map((i) => (i.kind === "overlap" ? `overlap ${i.at}` : `gap ${i.between.en}`));
    expect(found).toEqual(issues);
  });
});
