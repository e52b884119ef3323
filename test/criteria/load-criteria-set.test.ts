import { describe, expect, it } from "vitest";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { BranchNode, CriteriaSet, LeafNode, TieBreaker } from "../../src/criteria/types.js";
import type { ProblemCode } from "../../src/problem.js";
import { miniSet } from "../fixtures/mini-set.js";

const area = (set: CriteriaSet, i: number) => set.areas[i] as BranchNode;
const leaf = (set: CriteriaSet, a: number, l: number) => area(set, a).children[l] as LeafNode;

/** Each case breaks the mini set in one way and names the problem it must cause. */
const cases: { name: string; edit: (set: CriteriaSet) => void; code: ProblemCode; path: string; message: RegExp }[] = [
  {
    name: "schema: missing field",
    edit: (s) => delete (s as Partial<CriteriaSet>).display,
    code: "schema",
    path: "(file)",
    message: /missing required field "display"/,
  },
  {
    name: "schema: unknown field",
    edit: (s) => Object.assign(leaf(s, 0, 0), { maximum: 2 }),
    code: "schema",
    path: "areas[0].children[0].maximum",
    message: /unknown field "maximum"/,
  },
  {
    name: "schema: wrong kind",
    edit: (s) => Object.assign(leaf(s, 0, 0).scoring, { kind: "formula" }),
    code: "schema",
    path: "areas[0].children[0].scoring.kind",
    message: /must be one of: manual, boolean/,
  },
  { name: "schema: negative max", edit: (s) => (leaf(s, 0, 3).max = -1), code: "schema", path: "areas[0].children[3].max", message: /must be ≥ 0/ },
  {
    name: "duplicate code",
    edit: (s) => (leaf(s, 0, 1).code = "1.1"),
    code: "duplicate-code",
    path: "areas[0].children[1].code",
    message: /"1.1" is used twice \(first at areas\[0\]\.children\[0\]\)/,
  },
  {
    name: "malformed code",
    edit: (s) => (leaf(s, 0, 1).code = "1-2"),
    code: "malformed-code",
    path: "areas[0].children[1].code",
    message: /must be dotted numbers/,
  },
  {
    name: "code outside parent",
    edit: (s) => (leaf(s, 0, 1).code = "2.9"),
    code: "code-outside-parent",
    path: "areas[0].children[1].code",
    message: /expected "1.N"/,
  },
  {
    name: "parent sum",
    edit: (s) => (leaf(s, 0, 3).max = 1.5),
    code: "sum-mismatch",
    path: "areas[0].max",
    message: /maximum of "1" is 6 but its parts add up to 6.5/,
  },
  {
    name: "total sum",
    edit: (s) => (s.totalMax = 100),
    code: "sum-mismatch",
    path: "totalMax",
    message: /maximum of the set is 100 but its parts add up to 20/,
  },
  { name: "points precision", edit: (s) => (s.bonus!.cap = 0.33333), code: "points-not-in-units", path: "bonus.cap", message: /more than 4 decimals/ },
  {
    name: "undeclared fact in a rule",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { min: [{ var: "initiative" }, 1] } }),
    code: "unknown-fact",
    path: "areas[0].children[4].scoring.rule",
    message: /fact "initiative" is not declared in "facts" \(did you mean "initiatives"\?\)/,
  },
  {
    name: "operator outside the allowlist",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { log: [1] } }),
    code: "operator-not-allowed",
    path: 'areas[0].children[4].scoring.rule["log"]',
    message: /operator "log" is not allowed/,
  },
  {
    name: "computed var",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { var: { cat: ["a"] } } }),
    code: "rule-invalid",
    path: 'areas[0].children[4].scoring.rule["var"]',
    message: /literal string/,
  },
  {
    name: "rule can exceed max",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { "*": [{ var: "initiatives" }, 0.5] } }),
    code: "rule-out-of-range",
    path: "areas[0].children[4].scoring.rule",
    message: /can give 0 to 10 points .* outside 0…1/,
  },
  {
    name: "rule returns a boolean",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { ">": [{ var: "initiatives" }, 0] } }),
    code: "rule-invalid",
    path: "areas[0].children[4].scoring.rule",
    message: /returns true\/false/,
  },
  {
    name: "and at the top of a rule",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { and: [{ ">": [{ var: "initiatives" }, 0] }, 1] } }),
    code: "rule-invalid",
    path: "areas[0].children[4].scoring.rule",
    message: /returns true\/false, not points/,
  },
  {
    name: "or of points at the top of a rule",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { or: [{ min: [{ var: "initiatives" }, 1] }, 0] } }),
    code: "rule-invalid",
    path: "areas[0].children[4].scoring.rule",
    message: /returns true\/false, not points/,
  },
  {
    name: "a branch returning a comparison",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { if: [{ var: "inspected" }, { ">": [{ var: "initiatives" }, 0] }, 0] } }),
    code: "rule-invalid",
    path: "areas[0].children[4].scoring.rule",
    message: /returns true\/false/,
  },
  {
    name: "a list of dates compared with a date",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { if: [{ "<=": [{ var: "reports_sent_on" }, "2026-12-31"] }, 1, 0] } }),
    code: "fact-type-mismatch",
    path: 'areas[0].children[4].scoring.rule["if"][0]["<="][0]',
    message: /fact "reports_sent_on" is a list of dates: "<=" cannot use a list .*deadline rule/,
  },
  {
    name: "a list of dates as a condition",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { if: [{ var: "reports_sent_on" }, 1, 0] } }),
    code: "fact-type-mismatch",
    path: 'areas[0].children[4].scoring.rule["if"][0]',
    message: /fact "reports_sent_on" is a list of dates/,
  },
  {
    name: "a date compared with a number",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { if: [{ "<=": [{ var: "plan_issued_on" }, 20260131] }, 1, 0] } }),
    code: "fact-type-mismatch",
    path: 'areas[0].children[4].scoring.rule["if"][0]["<="][0]',
    message:
      /fact "plan_issued_on" is a date: "<=" compares it with a number; a date can only be compared with another date fact or a date written "YYYY-MM-DD"/,
  },
  {
    name: "a date in arithmetic",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { min: [{ "-": [{ var: "plan_issued_on" }, { var: "superior_plan_on" }] }, 1] } }),
    code: "fact-type-mismatch",
    path: 'areas[0].children[4].scoring.rule["min"][0]["-"][0]',
    message: /fact "plan_issued_on" is a date: "-" needs numbers/,
  },
  {
    name: "a yes/no in a sum",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { min: [{ "+": [{ var: "inspected" }, 0.5] }, 1] } }),
    code: "fact-type-mismatch",
    path: 'areas[0].children[4].scoring.rule["min"][0]["+"][0]',
    message: /fact "inspected" is a yes\/no value: "\+" needs numbers .*\{"if": \[fact, points, 0\]\}/,
  },
  {
    name: "a date compared with text that is no date",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { if: [{ "<=": [{ var: "plan_issued_on" }, "31/01/2026"] }, 1, 0] } }),
    code: "rule-invalid",
    path: 'areas[0].children[4].scoring.rule["if"][0]["<="][1]',
    message: /this is text: "<=" compares numbers, or dates written "YYYY-MM-DD", only/,
  },
  {
    name: "if without else",
    edit: (s) => (leaf(s, 0, 4).scoring = { kind: "logic", rule: { if: [{ ">": [{ var: "initiatives" }, 0] }, 1] } }),
    code: "rule-invalid",
    path: "areas[0].children[4].scoring.rule",
    message: /without a final else/,
  },
  {
    name: "fact of the wrong type",
    edit: (s) => (leaf(s, 0, 3).scoring = { kind: "boolean", fact: "initiatives", yes: 1, no: 0 }),
    code: "fact-type-mismatch",
    path: "areas[0].children[3].scoring.fact",
    message: /"initiatives" is a integer, but this rule needs a boolean/,
  },
  {
    name: "tiers overlap",
    edit: (s) => ((leaf(s, 1, 0).scoring as { tiers: { when: object }[] }).tiers[0]!.when = { gte: 90 }),
    code: "tiers-overlap",
    path: "areas[1].children[0].scoring.tiers[0].when",
    message: /tiers 2 and 1 overlap at 90/,
  },
  {
    name: "tiers gap",
    edit: (s) => ((leaf(s, 1, 0).scoring as { tiers: { when: object }[] }).tiers[2]!.when = { lt: 60 }),
    code: "tiers-gap",
    path: "areas[1].children[0].scoring.tiers",
    message: /no tier covers fact "on_time_rate" from 60 to 70 \(excluded\)/,
  },
  {
    name: "empty tier range",
    edit: (s) => ((leaf(s, 1, 0).scoring as { tiers: { when: object }[] }).tiers[1]!.when = { gt: 90, lt: 70 }),
    code: "range-invalid",
    path: "areas[1].children[0].scoring.tiers[1].when",
    message: /contains no value/,
  },
  {
    name: "tier above max",
    edit: (s) => ((leaf(s, 1, 0).scoring as { tiers: { points: number }[] }).tiers[0]!.points = 3),
    code: "rule-out-of-range",
    path: "areas[1].children[0].scoring.tiers[0].points",
    message: /3 points exceed the item's maximum of 2/,
  },
  {
    name: "maximum unreachable",
    edit: (s) => (leaf(s, 0, 3).scoring = { kind: "boolean", fact: "inspected", yes: 0.5, no: 0 }),
    code: "rule-out-of-range",
    path: "areas[0].children[3].scoring",
    message: /best outcome earns 0.5 but the maximum of "1.4" is 1/,
  },
  {
    name: "bands overlap",
    edit: (s) => (s.classes[1]!.index = { gte: 80, lte: 90 }),
    code: "bands-overlap",
    path: "classes[0].index",
    message: /classes "tot" and "xuat-sac" overlap at 90/,
  },
  {
    name: "bands gap",
    edit: (s) => (s.classes[3]!.index = { gte: 55, lt: 70 }),
    code: "bands-gap",
    path: "classes",
    message: /no class covers an index from 50 to 55 \(excluded\)/,
  },
  {
    name: "unknown indicator",
    edit: (s) => Object.assign(leaf(s, 2, 0).scoring, { indicator: "overal" }),
    code: "unknown-indicator",
    path: "areas[2].children[0].scoring.indicator",
    message: /"overal" is not declared in survey.indicators \(declared: overall, feedback\)/,
  },
  {
    name: "derived fact without NA policy",
    edit: (s) => delete leaf(s, 1, 0).notApplicable,
    code: "not-applicable-without-policy",
    path: "areas[1].children[0]",
    message: /reads on_time_rate.*declares no notApplicable policy/,
  },
  {
    name: "unit type in no block",
    edit: (s) => s.ranking.blocks.pop(),
    code: "unit-type-without-block",
    path: "appliesTo.unitTypes[0]",
    message: /"xa" belongs to no ranking block/,
  },
  {
    name: "unit type in two blocks",
    edit: (s) => s.ranking.blocks[0]!.unitTypes.push("xa"),
    code: "block-overlap",
    path: "ranking.blocks[1].unitTypes[0]",
    message: /"xa" is in both blocks "phuong" and "xa"/,
  },
  {
    name: "unknown tie-breaker",
    edit: (s) => (s.ranking.ties.breakers = ["oldest" as TieBreaker]),
    code: "unknown-tie-breaker",
    path: "ranking.ties.breakers[0]",
    message: /unknown tie-breaker "oldest". Expected one of: exact-index/,
  },
  {
    name: "tie-breaker on a missing area",
    edit: (s) => (s.ranking.ties.breakers = ["area:9"]),
    code: "unknown-tie-breaker",
    path: "ranking.ties.breakers[0]",
    message: /"area:9" names no area/,
  },
  {
    name: "dates length",
    edit: (s) => (s.facts.reports_sent_on!.length = 3),
    code: "rule-invalid",
    path: "areas[0].children[2].scoring.due",
    message: /holds 3 dates but 4 due dates/,
  },
  {
    name: "bad calendar date",
    edit: (s) => Object.assign(leaf(s, 0, 0).scoring, { due: "2026-02-30" }),
    code: "rule-invalid",
    path: "areas[0].children[0].scoring.due",
    message: /2026-02-30 is not a calendar date/,
  },
  {
    name: "derived from an undeclared count",
    edit: (s) => (s.facts.on_time_rate!.derived!.ratio.numerator = "dossiers_ontime"),
    code: "unknown-fact",
    path: "facts.on_time_rate.derived.ratio.numerator",
    message: /numerator "dossiers_ontime" must be a declared/,
  },
  { name: "supersedes a later version", edit: (s) => (s.supersedes = "2026.2"), code: "schema", path: "supersedes", message: /2026.1 cannot supersede 2026.2/ },
];

describe("loadCriteriaSet", () => {
  it("accepts the mini set", () => {
    expect(loadCriteriaSet(miniSet())).toMatchObject({ ok: true });
  });

  it.each([
    { name: "a date compared with a date", rule: { if: [{ "<=": [{ var: "plan_issued_on" }, "2026-01-31"] }, 1, 0] } },
    { name: "two date facts compared", rule: { if: [{ "<=": [{ var: "plan_issued_on" }, { var: "superior_plan_on" }] }, 1, 0] } },
    {
      name: "and, or in conditions",
      rule: { if: [{ and: [{ var: "inspected" }, { or: [{ ">": [{ var: "initiatives" }, 1] }, { "==": [{ var: "inspected" }, true] }] }] }, 1, 0] },
    },
  ])("accepts a rule using its facts by type: $name", ({ rule }) => {
    const set = miniSet();
    leaf(set, 0, 4).scoring = { kind: "logic", rule };
    expect(loadCriteriaSet(set)).toMatchObject({ ok: true });
  });

  it.each(cases)("reports $name", ({ edit, code, path, message }) => {
    const set = miniSet();
    edit(set);
    const result = loadCriteriaSet(set);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const found = problems.find((p) => p.code === code && p.path === path);
    expect(found, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(found!.message).toMatch(message);
    expect(found!.vi.length).toBeGreaterThan(10);
  });

  it("reports all problems at once, schema and meaning together", () => {
    const set = miniSet();
    for (const c of cases.filter((c) => ["sum-mismatch", "tiers-gap", "bands-gap", "unknown-fact"].includes(c.code))) c.edit(set);
    delete (set as Partial<CriteriaSet>).display;
    const result = loadCriteriaSet(set);
    const codes = result.ok ? [] : result.problems.map((p) => p.code);
    expect(new Set(codes), JSON.stringify(result)).toEqual(new Set(["schema", "sum-mismatch", "rule-out-of-range", "tiers-gap", "bands-gap", "unknown-fact"]));
  });

  it("reports a missing maximum once, not again as a sum of NaN or as decimals of undefined", () => {
    const set = miniSet();
    delete (leaf(set, 0, 0) as Partial<LeafNode>).max;
    const result = loadCriteriaSet(set);
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`)).toEqual(["schema areas[0].children[0]"]);
  });

  it("returns a read-only set", () => {
    const result = loadCriteriaSet(miniSet());
    expect(result.ok && Object.isFrozen(result.value.areas[0])).toBe(true);
  });

  it("does not crash on a file that is not a criteria set", () => {
    for (const junk of [null, 42, "text", [], { areas: "none" }, { areas: [{ code: 1 }] }]) {
      const result = loadCriteriaSet(junk);
      expect(result.ok).toBe(false);
    }
  });
});
