import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { markedDownCodes, roundsUpTo, scoreRounds } from "../../api/services/score-rounds.js";
import { type Assessment, type RoundInput, loadCriteriaSet } from "../../src/index.js";

const loaded = loadCriteriaSet(JSON.parse(readFileSync(new URL("../../criteria/reference-commune/2026.1.json", import.meta.url), "utf8")));
if (!loaded.ok) throw new Error("the reference set does not load");
const SET = loaded.value;

type Entered = Omit<RoundInput, "round">;

function assessment(self: Entered, appraisal1: Entered): Assessment {
  return {
    unit: { code: "P01", name: "Phường Tân Lập", type: "phuong" },
    year: 2026,
    criteria: { family: SET.family, version: SET.version },
    rounds: [
      { ...self, round: "self" },
      { ...appraisal1, round: "appraisal1" },
      { round: "explanation", items: { "1.1.2": { comment: "Đã bổ sung" } } },
      { round: "appraisal2", items: { "1.1.2": { points: 1 } } },
    ],
  };
}

/** Marked down = worse for the unit after round 1: fewer points, or (a penalty item) a larger penalty. */
describe("markedDownCodes", () => {
  it.each([
    { name: "a manual item lowered", self: { items: { "1.1.2": { points: 1 } } }, round1: { items: { "1.1.2": { points: 0.5 } } }, down: ["1.1.2"] },
    { name: "a manual item raised", self: { items: { "1.1.2": { points: 0.5 } } }, round1: { items: { "1.1.2": { points: 1 } } }, down: [] },
    { name: "a manual item accepted", self: { items: { "1.1.2": { points: 1 } } }, round1: { items: { "1.1.2": { points: 1 } } }, down: [] },
    {
      name: "a rule item through a corrected fact",
      self: { facts: { law_enforcement_plan_issued: true } },
      round1: { facts: { law_enforcement_plan_issued: false } },
      down: ["1.2.1"],
    },
    { name: "a bonus lowered", self: { items: { T2: { points: 1 } } }, round1: { items: { T2: { points: 0 } } }, down: ["T2"] },
    { name: "a penalty raised", self: { facts: { confirmed_violations: 0 } }, round1: { facts: { confirmed_violations: 2 } }, down: ["P1"] },
    { name: "a penalty lowered", self: { items: { P2: { points: 1 } } }, round1: { items: { P2: { points: 0 } } }, down: [] },
  ] as { name: string; self: Entered; round1: Entered; down: string[] }[])("$name: $down", ({ self, round1, down }) => {
    const scored = scoreRounds(SET, assessment(self, round1), ["appraisal1"]);
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    expect([...markedDownCodes(scored.value.appraisal1!)]).toEqual(down);
  });
});

describe("scoreRounds", () => {
  it("scores the assessment as each round left it; the explanation never changes a score", () => {
    const scored = scoreRounds(SET, assessment({ items: { "1.1.2": { points: 1 } } }, { items: { "1.1.2": { points: 0 } } }), [
      "self",
      "appraisal1",
      "appraisal2",
    ]);
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    const points = (round: "self" | "appraisal1" | "appraisal2") => scored.value[round]!.areas[0]!.children![0]!.children![1]!.final;
    expect([points("self"), points("appraisal1"), points("appraisal2")]).toEqual([1, 0, 1]);
    expect(roundsUpTo(assessment({}, {}), "explanation").rounds.map((r) => r.round)).toEqual(["self", "appraisal1", "explanation"]);
  });
});
