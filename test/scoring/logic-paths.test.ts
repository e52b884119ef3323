import { describe, expect, it } from "vitest";
import type { Assessment } from "../../src/assessment/types.js";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { BranchNode, CriteriaSet, LeafNode } from "../../src/criteria/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

/** The mini set with item 1.5 scored by `rule`, checked by the loader. */
function setWithRule(rule: unknown): CriteriaSet {
  const set = miniSet();
  ((set.areas[0] as BranchNode).children[4] as LeafNode).scoring = { kind: "logic", rule };
  const loaded = loadCriteriaSet(set);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.value;
}

/** A unit with these facts changed; a null fact is not entered. */
function unitWith(facts: Record<string, unknown>): Assessment {
  const unit = miniAssessment("X01", "xa", { p22: 1, p23: 1, overall: 90, feedback: 90 });
  const round = unit.rounds[0]!;
  round.facts = Object.fromEntries(Object.entries({ ...round.facts, ...facts }).filter(([, v]) => v !== null)) as NonNullable<typeof round.facts>;
  return unit;
}

const bigOffice = setWithRule({ if: [{ ">": [{ var: "dossiers_settled" }, 100] }, { min: [{ "*": [{ var: "initiatives" }, 0.5] }, 1] }, 1] });
const inspectedAndActive = setWithRule({ if: [{ and: [{ var: "inspected" }, { ">": [{ var: "initiatives" }, 0] }] }, 1, 0] });

describe("a logic rule needs only the facts its evaluated path reads", () => {
  it.each([
    {
      name: "the branch taken does not read the absent fact",
      set: bigOffice,
      facts: { dossiers_settled: 80, dossiers_on_time: 80, initiatives: null },
      status: "scored",
      points: 1,
      missing: [],
    },
    {
      name: "the branch taken reads it",
      set: bigOffice,
      facts: { dossiers_settled: 180, initiatives: null },
      status: "missing-facts",
      points: 0,
      missing: ["initiatives"],
    },
    {
      name: "the condition lacks its fact: only that one is asked for",
      set: bigOffice,
      facts: { dossiers_settled: null, dossiers_on_time: null, initiatives: null },
      status: "missing-facts",
      points: 0,
      missing: ["dossiers_settled"],
    },
    { name: "and stops at a false operand", set: inspectedAndActive, facts: { inspected: false, initiatives: null }, status: "scored", points: 0, missing: [] },
    {
      name: "and goes on at a true operand",
      set: inspectedAndActive,
      facts: { inspected: true, initiatives: null },
      status: "missing-facts",
      points: 0,
      missing: ["initiatives"],
    },
    { name: "every fact entered", set: bigOffice, facts: { dossiers_settled: 180, initiatives: 1 }, status: "scored", points: 0.5, missing: [] },
  ])("$name", ({ set, facts, status, points, missing }) => {
    const result = scoreAssessment(set, unitWith(facts));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const item = result.value.areas[0]!.children![4]!;
    expect(item.leaf!.status).toBe(status);
    expect(item.final).toBe(points);
    expect(result.value.missingFacts.find((m) => m.code === "1.5")?.facts ?? []).toEqual(missing);
  });
});

describe("a logic rule never reads a list of dates as text, even in a set that skipped the loader", () => {
  it("a late report does not score through a text comparison: the rule fails with a problem", () => {
    const set = miniSet();
    ((set.areas[0] as BranchNode).children[4] as LeafNode).scoring = {
      kind: "logic",
      rule: { if: [{ "<=": [{ var: "reports_sent_on" }, "2026-12-31"] }, 1, 0] },
    };
    const result = scoreAssessment(set, unitWith({ reports_sent_on: ["2026-03-10", "2026-06-10", "2026-09-10", "2027-01-20"] }));
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['rule-result-invalid items["1.5"]']);
  });
});
