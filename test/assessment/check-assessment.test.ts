import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import assessmentSchema from "../../criteria/schema/assessment.schema.json" with { type: "json" };
import { compileCheck } from "../../src/assessment/check-assessment.js";
import { fitsAssessmentSchema } from "../../src/assessment/fits-assessment-schema.js";
import type { Assessment, RoundInput } from "../../src/assessment/types.js";
import { checkSchema } from "../../src/check-schema.js";
import { ASSESSMENT_LIMITS, checkJsonLimits } from "../../src/criteria/check-limits.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import { listLeaves } from "../../src/criteria/walk-criteria.js";
import { checkAssessment } from "../../src/index.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { createRandom, type Random } from "../../src/synthetic/random.js";
import { setsUnderTest } from "../fixtures/shipped-sets.js";
import { checkAssessmentReference } from "./check-assessment-reference.js";

/**
 * The compiled check finds exactly the problems of the check it replaced (kept as the reference
 * in check-assessment-reference.ts): same codes, paths, English and Vietnamese words, same order,
 * on generated assessments of every shipped set, valid and damaged in the ways a real file is.
 */
const sets = setsUnderTest();
const UNITS = 40;
const DAMAGED = 250;

type Damage = (assessment: Assessment, random: Random, set: CriteriaSet) => unknown;

const anyRound = (a: Assessment, random: Random): RoundInput => random.pick(a.rounds.length > 0 ? a.rounds : [(a.rounds[0] = { round: "self" })]);
const factsOf = (round: RoundInput) => (round.facts ??= {});
const itemsOf = (round: RoundInput) => (round.items ??= {});
const typo = (name: string) => `${name.slice(0, -1)}${name.endsWith("x") ? "y" : "x"}`;
const leafCodes = (set: CriteriaSet) => listLeaves(set).map(({ node }) => node.code);
/** Manual items with a list of allowed points. */
const listedPoints = (set: CriteriaSet) => listLeaves(set).flatMap(({ node }) => (node.scoring.kind === "manual" && node.scoring.allowed ? [node.code] : []));
const factNames = (set: CriteriaSet) => Object.keys(set.facts);
const derivedNames = (set: CriteriaSet) => factNames(set).filter((name) => set.facts[name]!.derived);
const WRONG_VALUES: unknown[] = [
  "yes",
  3,
  1.5,
  -4,
  1e9,
  true,
  "2026-02-30",
  "2026-03-01",
  ["2026-01-01"],
  ["2026-01-01", "2026-13-01", null, "2026-02-01"],
  [null, null, null, null],
  [],
];
const WRONG_POINTS = [-1, 0.33333, 0.7, 0.25, 1, 3, 100];

/** Ways a file goes wrong; each damaged assessment carries one to three of them. */
const DAMAGES: [string, Damage][] = [
  ["a misspelt fact", (a, r, set) => (factsOf(anyRound(a, r))[typo(r.pick(factNames(set)))] = 1)],
  ["an unknown fact", (a, r) => (factsOf(anyRound(a, r))["zz_unknown"] = true)],
  ["a fact named like an Object property", (a, r) => (factsOf(anyRound(a, r))["constructor"] = 1)],
  ["a derived fact entered", (a, r, set) => derivedNames(set).length > 0 && (factsOf(anyRound(a, r))[r.pick(derivedNames(set))] = 50)],
  [
    "a fact of the wrong type or out of bounds",
    (a, r, set) => (factsOf(anyRound(a, r))[r.pick(factNames(set))] = structuredClone(r.pick(WRONG_VALUES)) as never),
  ],
  ["a fact citing unlisted evidence", (a, r, set) => (factsOf(anyRound(a, r))[r.pick(factNames(set))] = { value: null, evidence: ["NOPE", "KH-X"] })],
  ["an unknown or misspelt item", (a, r, set) => (itemsOf(anyRound(a, r))[r.int(0, 1) ? "9.99" : typo(r.pick(leafCodes(set)))] = { points: 1 })],
  ["an item citing unlisted evidence", (a, r, set) => (itemsOf(anyRound(a, r))[r.pick(leafCodes(set))] = { evidence: ["NOPE"] })],
  ["an item claimed not applicable", (a, r, set) => (itemsOf(anyRound(a, r))[r.pick(leafCodes(set))] = { notApplicable: true })],
  [
    "points that are not allowed",
    (a, r, set) => (itemsOf(anyRound(a, r))[r.pick(r.int(0, 1) ? leafCodes(set) : listedPoints(set))] = { points: r.pick(WRONG_POINTS) }),
  ],
  ["rounds out of order", (a) => a.rounds.reverse().push({ round: "self" })],
  ["only an explanation round", (a) => (a.rounds = [{ round: "explanation" }])],
  ["another set's version", (a) => (a.criteria = { family: "other", version: "1.0" })],
  ["a year the set does not cover", (a) => (a.year = 2001)],
  ["a unit type the set does not cover", (a, r) => (a.unit.type = r.pick(["huyen", "department", "xa"] as const))],
  ["an unknown block", (a) => (a.unit.block = "zz")],
  ["survey values unknown, missing or out of range", (a, r) => damageSurvey(a, r)],
  [
    "a field the format lacks",
    (a, r) => (r.int(0, 1) ? ((a as unknown as Record<string, unknown>).extra = 1) : (itemsOf(anyRound(a, r))["1"] = { pts: 1 } as never)),
  ],
  [
    "a value of the wrong JSON type",
    (a, r) => (r.int(0, 1) ? ((a.unit as unknown as Record<string, unknown>).name = "") : (a.rounds[0] = { round: "final" } as never)),
  ],
  ["a fact wrapped without its value", (a, r, set) => (factsOf(anyRound(a, r))[r.pick(factNames(set))] = { evidence: ["KH-01"] } as never)],
  ["nesting too deep", (a, r) => (factsOf(anyRound(a, r))["deep"] = { value: JSON.parse(`${"[".repeat(40)}${"]".repeat(40)}`) })],
  ["a list too long", (a) => (a.evidence = Array.from({ length: ASSESSMENT_LIMITS.arrayLength + 1 }, (_, i) => ({ id: `E${i}` })))],
];

function damageSurvey(assessment: Assessment, random: Random): void {
  const indicators = (assessment.survey ??= { indicators: {} }).indicators;
  const names = Object.keys(indicators);
  const kind = random.int(0, 3);
  if (kind === 0) indicators["unknown_indicator"] = 50;
  else if (kind === 1 && names.length > 0) delete indicators[random.pick(names)];
  else if (kind === 2 && names.length > 0) indicators[random.pick(names)] = random.pick([-1, 150, 100.5]);
  else assessment.survey = { indicators: {} };
}

function damaged(set: CriteriaSet, assessment: Assessment, seed: number): { input: unknown; damages: string[] } {
  const random = createRandom(seed);
  if (seed % 50 === 0) return { input: random.pick([null, 42, "assessment", [assessment]]), damages: ["not an assessment"] };
  const input = structuredClone(assessment);
  const damages: string[] = [];
  for (let k = random.int(1, 3); k > 0; k--) {
    const [name, damage] = random.pick(DAMAGES);
    damage(input, random, set);
    damages.push(name);
  }
  return { input, damages };
}

describe("checkAssessment (compiled once per set)", { timeout: 120_000 }, () => {
  it.each(sets)("passes generated units of $name as the reference check does", ({ set }) => {
    for (const assessment of generateAssessments(set, { count: UNITS, seed: 31 })) {
      expect(checkAssessment(assessment, set)).toEqual({ ok: true, value: assessment });
      expect(checkAssessmentReference(assessment, set).ok).toBe(true);
      expect(fitsAssessmentSchema(assessment, ASSESSMENT_LIMITS)).toBe(true);
    }
  });

  it.each(sets)("finds the reference check's problems, byte for byte and in order, in damaged units of $name", ({ set }) => {
    const units = generateAssessments(set, { count: UNITS, seed: 32 });
    const codes = new Set<string>();
    for (let seed = 0; seed < DAMAGED; seed++) {
      const { input, damages } = damaged(set, units[seed % UNITS]!, seed);
      const compiled = checkAssessment(input, set);
      const reference = checkAssessmentReference(input, set);
      expect(JSON.stringify(compiled), damages.join(", ")).toBe(JSON.stringify(reference));
      if (!reference.ok) for (const p of reference.problems) codes.add(p.code);
    }
    for (const code of [
      "schema",
      "limit-exceeded",
      "criteria-mismatch",
      "round-order",
      "unknown-fact",
      "fact-invalid",
      "unknown-evidence",
      "unknown-code",
      "points-not-allowed",
    ]) {
      expect(codes).toContain(code);
    }
  });

  it.each(sets)("takes the fast path only for input the size limits and the JSON Schema both pass ($name)", ({ set }) => {
    const units = generateAssessments(set, { count: UNITS, seed: 33 });
    let fast = 0;
    for (let seed = 0; seed < DAMAGED; seed++) {
      const { input } = damaged(set, units[seed % UNITS]!, seed);
      if (!fitsAssessmentSchema(input, ASSESSMENT_LIMITS)) continue;
      fast++;
      expect(checkJsonLimits(input, ASSESSMENT_LIMITS)).toEqual([]);
      expect(checkSchema(input, "assessment")).toEqual([]);
    }
    expect(fast).toBeGreaterThan(DAMAGED / 3);
  });

  it("mirrors the assessment schema it was written for (a changed schema must be mirrored in fits-assessment-schema.ts)", () => {
    // The fast path restates the schema's constraints by hand; Ajv stays the authority. When the schema
    // changes, re-read fits-assessment-schema.ts against it, extend DAMAGES above with the new constraint,
    // then update this fingerprint.
    const fingerprint = createHash("sha256").update(JSON.stringify(assessmentSchema)).digest("hex");
    expect(fingerprint).toBe("acdc0317d65a48d3fdc6aab9a5c57490648c53246627cbc7d5982b5a0ec85376");
  });

  it("compiles a set once", () => {
    const set = sets[0]!.set;
    expect(compileCheck(set)).toBe(compileCheck(set));
  });
});
