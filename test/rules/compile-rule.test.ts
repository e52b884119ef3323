import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { listLeaves } from "../../src/criteria/walk-criteria.js";
import { compileRule } from "../../src/rules/compile-rule.js";
import { ALLOWED_OPERATORS, inspectRule } from "../../src/rules/json-logic.js";
import { setsUnderTest } from "../fixtures/shipped-sets.js";

/**
 * Compiled rules answer as json-logic-js does (the reference interpreter, kept as a test
 * dependency): every shipped rule on random facts, and random rules of every allowed operator
 * on random data, values and thrown errors alike; `missing` as the interpreter-based path walk did.
 */
const OPERATORS = [...ALLOWED_OPERATORS].filter((op) => op !== "var");
const NAMES = ["a", "b", "c", "constructor"];

type Outcome = { value: unknown } | { threw: true };

function reference(rule: unknown, data: Record<string, unknown>): Outcome {
  try {
    return { value: jsonLogic.apply(rule as jsonLogic.RulesLogic, Object.assign(Object.create(null) as Record<string, unknown>, data)) };
  } catch {
    return { threw: true };
  }
}

function compiled(rule: unknown, data: Record<string, unknown>): Outcome {
  try {
    return { value: compileRule(rule).apply(new Map(Object.entries(data))) };
  } catch {
    return { threw: true };
  }
}

/** The walk `missingOnPath` did over json-logic-js before rules were compiled. */
function referenceMissing(rule: unknown, facts: Record<string, unknown>): string[] {
  const data = Object.assign(Object.create(null) as Record<string, unknown>, facts);
  const holds = (node: unknown) => jsonLogic.truthy(jsonLogic.apply(node as jsonLogic.RulesLogic, data));
  const need = (node: unknown): string[] => {
    if (Array.isArray(node)) return [...new Set(node.flatMap(need))];
    if (node === null || typeof node !== "object") return [];
    const [operator] = Object.keys(node);
    if (operator === undefined) return [];
    const raw = (node as Record<string, unknown>)[operator];
    const args = Array.isArray(raw) ? raw : [raw];
    if (operator === "var") return typeof args[0] === "string" && !Object.hasOwn(data, args[0]) ? [args[0]] : [];
    if (operator === "if" || operator === "?:") {
      for (let i = 0; i + 1 < args.length; i += 2) {
        const lacking = need(args[i]);
        if (lacking.length > 0) return lacking;
        if (holds(args[i])) return need(args[i + 1]);
      }
      return args.length % 2 === 1 ? need(args[args.length - 1]) : [];
    }
    if (operator === "and" || operator === "or") {
      for (const arg of args) {
        const lacking = need(arg);
        if (lacking.length > 0) return lacking;
        if (holds(arg) === (operator === "or")) return [];
      }
      return [];
    }
    return need(args);
  };
  return need(rule);
}

const valueArb = fc.oneof(
  fc.integer({ min: -5, max: 600 }),
  fc.double({ noDefaultInfinity: true, noNaN: true, min: -10, max: 10 }),
  fc.constantFrom(0, -0, 0.5, 1, 2, null, true, false, "", "3", "x", "2026-01-31", [] as unknown[], [1]),
);
const dataArb = fc.dictionary(fc.constantFrom(...NAMES), valueArb, { maxKeys: 4 });

const ruleArb = fc.letrec<{ rule: unknown }>((tie) => ({
  rule: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    valueArb,
    fc.constantFrom(...NAMES).map((name) => ({ var: name })),
    fc.tuple(fc.constantFrom(...OPERATORS), fc.array(tie("rule"), { maxLength: 4 })).map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom(...OPERATORS), tie("rule")).map(([op, arg]) => ({ [op]: arg })),
  ),
})).rule;

describe("compileRule", { timeout: 60_000 }, () => {
  const rules = setsUnderTest().flatMap(({ name, set }) =>
    listLeaves(set).flatMap(({ node }) => (node.scoring.kind === "logic" ? [{ name: `${name} ${node.code}`, rule: node.scoring.rule }] : [])),
  );

  it("finds logic rules in the shipped sets", () => {
    expect(rules.length).toBeGreaterThan(10);
  });

  it.each(rules)("$name answers as json-logic-js on random facts", ({ rule }) => {
    const reads = inspectRule(rule, "").reads;
    const factsArb = fc.dictionary(fc.constantFrom(...reads), valueArb, { maxKeys: reads.length });
    fc.assert(
      fc.property(factsArb, (facts) => {
        expect(compiled(rule, facts)).toEqual(reference(rule, facts));
        const entered = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== null));
        let expected: string[] | "threw";
        try {
          expected = referenceMissing(rule, entered);
        } catch {
          expected = "threw";
        }
        if (expected !== "threw") expect(compileRule(rule).missing(new Map(Object.entries(entered)))).toEqual(expected);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("answers as json-logic-js on random rules of every allowed operator", () => {
    fc.assert(
      fc.property(ruleArb, dataArb, (rule, data) => {
        expect(compiled(rule, data)).toEqual(reference(rule, data));
      }),
      { numRuns: 5000, seed: 20_261_128 },
    );
  });

  it.each([
    { rule: { var: "constructor" }, data: {}, value: null },
    { rule: { "+": [{ var: "a" }, "1.5"] }, data: { a: 2 }, value: 3.5 },
    { rule: { "*": [7] }, data: {}, value: 7 },
    { rule: { "/": [1, 0] }, data: {}, value: Number.POSITIVE_INFINITY },
    { rule: { "==": [{ var: "a" }, "0"] }, data: { a: 0 }, value: true },
    { rule: { "<": [1, { var: "a" }, 3] }, data: { a: 2 }, value: true },
    { rule: { and: [] }, data: {}, value: undefined },
    { rule: { if: [] }, data: {}, value: null },
  ])("$rule with $data is $value", ({ rule, data, value }) => {
    expect(compiled(rule, data)).toEqual({ value });
    expect(reference(rule, data)).toEqual({ value });
  });

  it("throws where json-logic-js throws: an unknown operator, a product of nothing", () => {
    expect(compiled({ log: [1] }, {})).toEqual({ threw: true });
    expect(compiled({ "*": [] }, {})).toEqual({ threw: true });
    expect(reference({ "*": [] }, {})).toEqual({ threw: true });
  });
});
