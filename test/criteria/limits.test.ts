import { describe, expect, it } from "vitest";
import { checkAssessment } from "../../src/assessment/check-assessment.js";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { BranchNode, CriteriaNode, CriteriaSet, LeafNode } from "../../src/criteria/types.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

const leaf = (set: CriteriaSet, a: number, l: number) => (set.areas[a] as BranchNode).children[l] as LeafNode;

function nestedRule(depth: number): unknown {
  let rule: unknown = { var: "initiatives" };
  for (let i = 0; i < depth; i++) rule = { min: [rule, 1] };
  return rule;
}

function nestedTree(depth: number): CriteriaNode {
  let node: CriteriaNode = { code: "", title: { vi: "Mục" }, max: 1, scoring: { kind: "boolean", fact: "inspected", yes: 1, no: 0 } };
  for (let i = 0; i < depth; i++) node = { code: "", title: { vi: "Mục" }, max: 1, children: [node] };
  let code = "1.4";
  for (let n: CriteriaNode | undefined = node; n; n = "children" in n ? n.children[0] : undefined) {
    n.code = code;
    code += ".1";
  }
  return node;
}

/** Each case is a set or an assessment too deep or too large to check safely, and the problem it must get. */
const setCases: { name: string; edit: (set: CriteriaSet) => void; path: string | RegExp; message: RegExp }[] = [
  {
    name: "JSON Logic nested 2,000 deep",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: nestedRule(2000) }),
    path: /^areas\[0\]\.children\[4\]\.scoring\.rule/,
    message: /nested more than 128 levels/,
  },
  {
    name: "JSON Logic nested 40 operators deep",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: nestedRule(40) }),
    path: /^areas\[0\]\.children\[4\]\.scoring\.rule/,
    message: /nested more than 32 deep/,
  },
  {
    name: "a tree nested 1,500 deep",
    edit: (s) => ((s.areas[0] as BranchNode).children[3] = nestedTree(1500)),
    path: /^areas\[0\]\.children\[3\]/,
    message: /nested more than 128 levels/,
  },
  {
    name: "a tree 9 levels deep",
    edit: (s) => ((s.areas[0] as BranchNode).children[3] = nestedTree(8)),
    path: /^areas\[0\]\.children\[3\](\.children\[0\]){7}$/,
    message: /more than 8 levels deep/,
  },
  {
    name: "60,000 allowed values",
    edit: (s) => (leaf(s, 1, 1).scoring = { kind: "manual", allowed: Array.from({ length: 60_000 }, (_, i) => i / 60_000) }),
    path: "areas[1].children[1].scoring.allowed",
    message: /60,000 elements, more than the 1,000 allowed/,
  },
  {
    name: "200 allowed values",
    edit: (s) => (leaf(s, 1, 1).scoring = { kind: "manual", allowed: Array.from({ length: 200 }, (_, i) => i / 200) }),
    path: "areas[1].children[1].scoring.allowed",
    message: /200 allowed values, more than 100/,
  },
  {
    name: "a fact named constructor",
    edit: (s) => (s.facts["constructor"] = { type: "integer", min: 0, max: 9, title: { vi: "x" } }),
    path: "facts.constructor",
    message: /"constructor" is a reserved word/,
  },
  {
    name: "a fact named prototype",
    edit: (s) => (s.facts.prototype = { type: "boolean", title: { vi: "x" } }),
    path: "facts.prototype",
    message: /"prototype" is a reserved word/,
  },
  {
    name: "an indicator named constructor",
    edit: (s) => (s.survey!.indicators["constructor"] = { title: { vi: "x" } }),
    path: "survey.indicators.constructor",
    message: /reserved word/,
  },
  {
    name: "a rule reading constructor, undeclared",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { min: [{ var: "constructor" }, 1] } }),
    path: "areas[0].children[4].scoring.rule",
    message: /fact "constructor" is not declared/,
  },
];

describe("loadCriteriaSet bounds depth and size", () => {
  it.each(setCases)("$name: a problem, not a crash", ({ edit, path, message }) => {
    const set = miniSet();
    edit(set);
    const result = loadCriteriaSet(set);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const found = problems.find((p) => (typeof path === "string" ? p.path === path : path.test(p.path)) && message.test(p.message));
    expect(found, JSON.stringify(problems.slice(0, 5), null, 2)).toBeDefined();
    expect(found!.vi.length).toBeGreaterThan(20);
  });

  it("reads a fact named __proto__ from JSON as a name, not as the prototype", () => {
    const set = JSON.parse(JSON.stringify(miniSet()).replace('"facts":{', '"facts":{"__proto__":{"type":"boolean","title":{"vi":"x"}},')) as CriteriaSet;
    const result = loadCriteriaSet(set);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toContain("facts.__proto__");
  });
});

describe("checkAssessment bounds depth and size and reads own facts only", () => {
  const set = loadCriteriaSet(miniSet());
  if (!set.ok) throw new Error("mini set");
  it.each([
    { name: "a fact named constructor", fact: "constructor", value: 3 as unknown, code: "unknown-fact" },
    { name: "a fact named toString", fact: "toString", value: 3 as unknown, code: "unknown-fact" },
    { name: "a fact nested 100 deep", fact: "initiatives", value: JSON.parse(`${"[".repeat(100)}${"]".repeat(100)}`) as unknown, code: "limit-exceeded" },
  ])("$name → $code", ({ fact, value, code }) => {
    const assessment = miniAssessment("X1", "xa", { p22: 1, p23: 1, overall: 90, feedback: 90 });
    (assessment.rounds[0]!.facts as Record<string, unknown>)[fact] = value;
    const result = checkAssessment(assessment, set.value);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toContain(code);
  });
});
