import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { BranchNode, CriteriaSet, FactDeclaration, LeafNode } from "../../src/criteria/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

const guide = readFileSync(new URL("../../criteria/README.md", import.meta.url), "utf8");

/** The JSON blocks of the guide's all-or-nothing example, as written there. */
function exampleBlocks(): { fact: Record<string, FactDeclaration>; item: LeafNode } {
  const section = /\*Example: all or nothing\.\*([\s\S]*?)\*\*`logic`\*\*/.exec(guide)?.[1] ?? "";
  const [fact, item] = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
  return { fact: fact as Record<string, FactDeclaration>, item: item as LeafNode };
}

/** The mini set with its quarterly-report item (1.3, max 1) replaced by the guide's example. */
function setWithExample(): CriteriaSet {
  const { fact, item } = exampleBlocks();
  const set = miniSet();
  Object.assign(set.facts, fact);
  (set.areas[0] as BranchNode).children[2] = { ...item, code: "1.3" };
  const loaded = loadCriteriaSet(set);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded.value;
}

describe("criteria/README.md: 4 reports, all complete and on time = 1, missing or late = 0", () => {
  const set = setWithExample();
  it.each([
    { name: "all four on time", dates: ["2026-03-02", "2026-06-05", "2026-09-01", "2026-12-04"], points: 1, why: /all 4 on time → 1/ },
    {
      name: "the half-year report a day late",
      dates: ["2026-03-02", "2026-06-06", "2026-09-01", "2026-12-04"],
      points: 0,
      why: /#2 2026-06-06 1 days late .*all 4 done, some late → 0/,
    },
    {
      name: "the year report missing",
      dates: ["2026-03-02", "2026-06-05", "2026-09-01", null],
      points: 0,
      why: /#4 not done .*at least one missing or too late → 0/,
    },
  ])("$name → $points", ({ dates, points, why }) => {
    const unit = miniAssessment("X01", "xa", { p22: 1, p23: 1, overall: 90, feedback: 90 });
    unit.rounds[0]!.facts = { ...unit.rounds[0]!.facts, par_report_dates: dates };
    const result = scoreAssessment(set, unit);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const item = result.value.areas[0]!.children![2]!;
    expect(item.final).toBe(points);
    expect(item.leaf!.why.en).toMatch(why);
  });

  it("the same dates per date (mode each) would give points for each report on time", () => {
    const example = setWithExample();
    const each = structuredClone(example) as CriteriaSet;
    const leaf = (each.areas[0] as BranchNode).children[2] as LeafNode;
    leaf.scoring = { ...(leaf.scoring as Extract<LeafNode["scoring"], { kind: "deadline" }>), mode: "each", points: { onTime: 0.25, late: 0, missing: 0 } };
    const loaded = loadCriteriaSet(each);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const unit = miniAssessment("X01", "xa", { p22: 1, p23: 1, overall: 90, feedback: 90 });
    unit.rounds[0]!.facts = { ...unit.rounds[0]!.facts, par_report_dates: ["2026-03-02", "2026-06-06", "2026-09-01", "2026-12-04"] };
    const result = scoreAssessment(loaded.value, unit);
    expect(result.ok && result.value.areas[0]!.children![2]!.final).toBe(0.75);
  });

  it("an all-or-nothing rule whose points are per date cannot reach its maximum: the loader says so", () => {
    const set = miniSet();
    const leaf = (set.areas[0] as BranchNode).children[2] as LeafNode;
    leaf.scoring = { ...(leaf.scoring as Extract<LeafNode["scoring"], { kind: "deadline" }>), mode: "all" };
    const result = loadCriteriaSet(set);
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`)).toContain("rule-out-of-range areas[0].children[2].scoring.points");
  });
});
