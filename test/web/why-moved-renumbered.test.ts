import { describe, expect, it } from "vitest";
import { reasonsOf } from "../../api/services/score-change-service.js";
import type { UnitScoreChange } from "../../api/services/score-change-service.js";
import { WhyMovedPage } from "../../api/web/pages/why-moved-page.js";
import {
  type CriteriaSet,
  type NodeReport,
  type ScoreReport,
  diffCriteriaSets,
  explainScoreChange,
  generateAssessments,
  scoreAssessment,
} from "../../src/index.js";
import { loadShippedSet } from "../fixtures/shipped-sets.js";

const older = loadShippedSet("reference-commune/2025.1.json");
/** The 2026 set with item 1.1.2 renumbered 1.1.9 (same title): the set diff pairs the two. */
const renumbered = JSON.parse(JSON.stringify(loadShippedSet("reference-commune/2026.1.json")).replace('"code":"1.1.2"', '"code":"1.1.9"')) as CriteriaSet;

function score(set: CriteriaSet, seed: number): ScoreReport[] {
  return generateAssessments(set, { count: 20, seed }).map((a) => {
    const scored = scoreAssessment(set, a);
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    return scored.value;
  });
}

const leaves = (report: ScoreReport) => {
  const out = new Map<string, NodeReport>();
  const walk = (node: NodeReport) => (node.children ? node.children.forEach(walk) : out.set(node.code, node));
  report.areas.forEach(walk);
  return out;
};

describe("the why-moved page shows a renumbered item under its new code with the old one", () => {
  it("1.1.9, formerly 1.1.2, with its signed change", () => {
    const diff = diffCriteriaSets(older, renumbered);
    expect(diff.moved.filter((m) => m.reason === "renumbered").map((m) => [m.olderCode, m.code])).toContainEqual(["1.1.2", "1.1.9"]);
    const before = score(older, 5);
    const after = score(renumbered, 6);
    const changes = before.map((b, i) => explainScoreChange(b, after[i]!, diff)).flatMap((c) => (c.ok ? [c.value] : []));
    const found = changes.find((c) => c.items.some((item) => item.code === "1.1.9"));
    expect(found, "a generated unit whose 1.1.9 moved").toBeDefined();
    const i = changes.indexOf(found!);
    const item = found!.items.find((it) => it.code === "1.1.9")!;
    expect(item.older?.code).toBe("1.1.2");
    const change: UnitScoreChange = {
      ...found!,
      items: found!.items.map((it) => ({
        ...it,
        reasons: reasonsOf(it, it.older && leaves(before[i]!).get(it.older.code), it.newer && leaves(after[i]!).get(it.newer.code), new Set(), new Map()),
      })),
      campaigns: {
        older: { id: "a", title: "Năm 2025", year: 2025, state: "published", source: "snapshot" },
        newer: { id: "b", title: "Năm 2026", year: 2026, state: "published", source: "snapshot" },
      },
      classTitles: { older: null, newer: null },
      indexDecimals: 2,
    };
    const html = String(WhyMovedPage({ lang: "vi", change }));
    const card = html.slice(html.indexOf('data-code="1.1.9"'));
    expect(card).toMatch(/^data-code="1.1.9"><h3>1.1.9. Thực hiện kiểm tra[^<]*<span class="code"> \(năm 2025 là tiêu chí 1.1.2\)<\/span>/);
    const sign = item.change < 0 ? "−" : "+";
    expect(card).toContain(`data-figure="change">${sign}${String(Math.abs(item.change)).replace(".", ",")}<`);
    expect(html.indexOf('data-code="1.1.9"')).toBeGreaterThan(html.indexOf(item.change < 0 ? 'id="lost"' : 'id="gained"'));
  });
});
