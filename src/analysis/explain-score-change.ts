import type { CriteriaDiff } from "../criteria/diff-criteria-sets.js";
import type { LocalizedText } from "../criteria/types.js";
import { fromUnits, toUnits } from "../points.js";
import { type Checked, problem } from "../problem.js";
import type { LeafStatus, NodeReport, ScoreReport } from "../scoring/report.js";

/** One item as one year's report scored it. */
export interface ItemSide {
  code: string;
  points: number;
  max: number;
  status: LeafStatus;
  /** The rule, tier or entry that produced the points, in words. */
  why: LocalizedText;
  facts: Record<string, unknown>;
  evidence: string[];
}

export interface ItemChange {
  /** The newer code (the older one for a removed item). */
  code: string;
  title: LocalizedText;
  /** The top-level area holding the item (newer set, else older). */
  area: string;
  older: ItemSide | null;
  newer: ItemSide | null;
  /** newer − older points (a removed item loses its points, an added one gains them). */
  change: number;
  /** What the criteria changed on this item between the two sets: "added", "removed", "renumbered", "points", "scoring", "not-applicable". */
  criteria: string[];
}

export interface ScoreChange {
  unit: { code: string; name: string };
  older: { year: number; criteria: string; total: number; applicableMax: number; index: number; class: string | null };
  newer: { year: number; criteria: string; total: number; applicableMax: number; index: number; class: string | null };
  totalChange: number;
  indexChange: number;
  /** Items whose points moved, biggest loss first. */
  items: ItemChange[];
  /** Change of the counted bonus and of the counted penalty (after their caps). */
  bonus: number;
  penalty: number;
}

/**
 * Why one unit's score moved between two years: every area item whose points changed, with the
 * rule, facts and evidence of both reports, paired across criteria versions by the set diff
 * (renumbered items count as one). The item changes plus the bonus change minus the penalty
 * change add up to the total change exactly.
 */
export function explainScoreChange(older: ScoreReport, newer: ScoreReport, diff: CriteriaDiff | null): Checked<ScoreChange> {
  if (older.unit.code !== newer.unit.code) {
    return {
      ok: false,
      problems: [
        problem(
          "unknown-unit",
          "unit",
          `the reports are of two units (${older.unit.code}, ${newer.unit.code}): compare one unit's two years`,
          `hai báo cáo của hai đơn vị khác nhau (${older.unit.code}, ${newer.unit.code}): chỉ so sánh hai năm của một đơn vị`,
        ),
      ],
    };
  }
  const before = leavesOf(older);
  const after = leavesOf(newer);
  const olderCodeOf = new Map((diff?.moved ?? []).filter((m) => m.reason === "renumbered").map((m) => [m.code, m.olderCode]));
  const notes = criteriaNotes(diff);
  const items: ItemChange[] = [];
  const paired = new Set<string>();
  for (const [code, next] of after) {
    const olderCode = olderCodeOf.get(code) ?? code;
    const last = before.get(olderCode);
    if (last) paired.add(olderCode);
    items.push(itemChange(code, next, last ?? null, [...(last ? [] : ["added"]), ...(olderCode !== code ? ["renumbered"] : []), ...(notes.get(code) ?? [])]));
  }
  for (const [code, last] of before) if (!paired.has(code)) items.push(itemChange(code, null, last, ["removed"]));
  const moved = items.filter((item) => item.change !== 0).sort((a, b) => a.change - b.change || (a.code < b.code ? -1 : 1));
  const side = (r: ScoreReport) => ({
    year: r.year,
    criteria: `${r.criteria.family} ${r.criteria.version}`,
    total: r.totals.total,
    applicableMax: r.totals.applicableMax,
    index: r.totals.index,
    class: r.totals.class?.code ?? null,
  });
  const diffOf = (pick: (r: ScoreReport) => number) => fromUnits(toUnits(pick(newer)) - toUnits(pick(older)));
  return {
    ok: true,
    value: {
      unit: { code: newer.unit.code, name: newer.unit.name },
      older: side(older),
      newer: side(newer),
      totalChange: diffOf((r) => r.totals.total),
      indexChange: Math.round((newer.totals.index - older.totals.index) * 10 ** newer.display.indexDecimals) / 10 ** newer.display.indexDecimals,
      items: moved,
      bonus: diffOf((r) => r.totals.bonus),
      penalty: diffOf((r) => r.totals.penalty),
    },
  };
}

interface Located {
  node: NodeReport;
  area: string;
}

function leavesOf(report: ScoreReport): Map<string, Located> {
  const out = new Map<string, Located>();
  const walk = (node: NodeReport, area: string) => (node.children ? node.children.forEach((child) => walk(child, area)) : out.set(node.code, { node, area }));
  for (const area of report.areas) walk(area, area.code);
  return out;
}

function sideOf(code: string, node: NodeReport): ItemSide {
  const leaf = node.leaf!;
  return { code, points: node.final, max: node.max, status: leaf.status, why: leaf.why, facts: leaf.facts, evidence: leaf.evidence };
}

function itemChange(code: string, next: Located | null, last: Located | null, criteria: string[]): ItemChange {
  const newer = next ? sideOf(code, next.node) : null;
  const older = last ? sideOf(last.node.code, last.node) : null;
  return {
    code,
    title: (next ?? last)!.node.title,
    area: (next ?? last)!.area,
    older,
    newer,
    change: fromUnits(toUnits(newer?.points ?? 0) - toUnits(older?.points ?? 0)),
    criteria,
  };
}

function criteriaNotes(diff: CriteriaDiff | null): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (code: string, note: string) => notes.set(code, [...(notes.get(code) ?? []), note]);
  for (const change of diff?.pointsChanged ?? []) add(change.code, "points");
  for (const change of diff?.scoringChanged ?? []) add(change.code, "scoring");
  for (const change of diff?.notApplicableChanged ?? []) add(change.code, "not-applicable");
  return notes;
}
