import { describe, expect, it } from "vitest";
import { diffCriteriaSets } from "../../src/criteria/diff-criteria-sets.js";
import { listLeaves } from "../../src/criteria/walk-criteria.js";
import { SHIPPED_SETS, loadShippedSet } from "../fixtures/shipped-sets.js";

describe("shipped criteria sets", () => {
  it.each(SHIPPED_SETS)("%s loads without problems", (file) => {
    const set = loadShippedSet(file);
    expect(`${set.family}/${set.version}.json`).toBe(file);
    expect(set.notice?.vi).toMatch(/tham khảo|mẫu/i);
  });

  it.each(["reference-commune/2025.1.json", "reference-commune/2026.1.json"])("%s is a complete reference commune set", (file) => {
    const set = loadShippedSet(file);
    const leaves = listLeaves(set).filter((l) => l.section === "areas");
    expect(leaves.length).toBeGreaterThanOrEqual(40);
    expect(leaves.length).toBeLessThanOrEqual(80);
    expect(set.areas.map((a) => a.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(new Set(leaves.map((l) => l.node.scoring.kind))).toEqual(new Set(["manual", "boolean", "logic", "tiers", "deadline", "survey"]));
    expect(new Set(leaves.flatMap((l) => (l.node.notApplicable ? [l.node.notApplicable.policy] : [])))).toEqual(new Set(["exclude", "full"]));
    expect(set.bonus && set.penalty && set.survey).toBeTruthy();
  });

  it("2026.1 supersedes 2025.1 with moved points, a new leaf and a retired leaf", () => {
    const older = loadShippedSet("reference-commune/2025.1.json");
    const newer = loadShippedSet("reference-commune/2026.1.json");
    expect(newer.supersedes).toBe(older.version);
    const diff = diffCriteriaSets(older, newer);
    expect(diff.added.map((n) => n.code)).toEqual(["6.2.5"]);
    expect(diff.removed.map((n) => n.code)).toEqual(["6.1.3"]);
    expect(diff.pointsChanged.map((p) => `${p.code}: ${p.oldMax} → ${p.newMax}`)).toContain("3.1.2: 1.5 → 2");
  });
});
