import { describe, expect, it } from "vitest";
import { applyRule, inspectRule, ruleBounds } from "../../src/rules/json-logic.js";

const bounds = (name: string) => ({ a: { min: 0, max: 10 }, rate: { min: 0, max: 100 } })[name] ?? null;

describe("inspectRule", () => {
  it.each([
    { rule: { min: [{ "*": [{ var: "a" }, 0.5] }, 1] }, reads: ["a"], issues: [] },
    { rule: { if: [{ ">=": [{ var: "rate" }, 90] }, 2, { var: "a" }] }, reads: ["rate", "a"], issues: [] },
    { rule: { map: [[1], { var: "" }] }, reads: [], issues: ["operator-not-allowed"] },
    { rule: { var: ["a", 3] }, reads: ["a"], issues: ["rule-invalid"] },
    { rule: { "+": [1, 2], "-": [3] }, reads: [], issues: ["rule-invalid"] },
    { rule: { var: "constructor" }, reads: ["constructor"], issues: [] },
  ])("$rule", ({ rule, reads, issues }) => {
    const inspection = inspectRule(rule, "rule");
    expect(inspection.reads).toEqual(reads);
    expect(inspection.issues.map((i) => i.kind)).toEqual(issues);
  });
});

describe("ruleBounds", () => {
  it.each([
    { rule: 2, expected: { min: 2, max: 2 } },
    { rule: { "*": [{ var: "a" }, 0.5] }, expected: { min: 0, max: 5 } },
    { rule: { min: [{ "*": [{ var: "a" }, 0.5] }, 1] }, expected: { min: 0, max: 1 } },
    { rule: { if: [{ ">": [{ var: "rate" }, 90] }, 2, { ">": [{ var: "rate" }, 70] }, 1, 0] }, expected: { min: 0, max: 2 } },
    { rule: { "-": [1, { var: "a" }] }, expected: { min: -9, max: 1 } },
    { rule: { "/": [{ var: "rate" }, 50] }, expected: { min: 0, max: 2 } },
    { rule: { "/": [1, { var: "a" }] }, expected: "unknown" },
    { rule: { "+": [{ var: "unbounded" }, 1] }, expected: "unknown" },
    { rule: { ">": [{ var: "a" }, 1] }, expected: "boolean" },
    { rule: { if: [true, 1] }, expected: "no-value" },
  ])("$rule → $expected", ({ rule, expected }) => {
    expect(ruleBounds(rule, bounds)).toEqual(expected);
  });
});

describe("applyRule", () => {
  it("reads declared facts only, never the prototype chain", () => {
    expect(applyRule({ var: "constructor" }, {})).toBeNull();
    expect(applyRule({ "+": [{ var: "a" }, 1] }, { a: 2 })).toBe(3);
  });
});
