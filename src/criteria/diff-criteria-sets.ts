import { toUnits } from "../points.js";
import { compareCodes } from "./compare-codes.js";
import { type CriteriaNode, type CriteriaSet, type FactDeclaration, type LocalizedText, type NotApplicablePolicy, type Scoring, isLeaf } from "./types.js";
import { type Section, listNodes } from "./walk-criteria.js";

/**
 * What changed between two versions of a criteria set, for the people who must re-score.
 *
 * Nodes are matched by code. Two kinds of move are reported:
 * - "parent": the same code sits under a different parent (or moved between the areas and
 *   the bonus/penalty lists);
 * - "renumbered": a leaf that only the older set has and a leaf that only the newer set has
 *   carry the same Vietnamese title (NFC, whitespace collapsed, case ignored), and no other
 *   unmatched leaf shares that title. The pair is then one item with a new code, not a
 *   removal plus an addition, and its points, scoring and title are compared as usual.
 * Every list is sorted by code in natural dotted order (newer code for renumbered leaves).
 */
export interface CriteriaDiff {
  older: { family: string; version: string };
  newer: { family: string; version: string };
  added: NodeSummary[];
  removed: NodeSummary[];
  moved: MovedNode[];
  pointsChanged: PointsChange[];
  scoringChanged: ScoringChange[];
  notApplicableChanged: NotApplicableChange[];
  titleChanged: TitleChange[];
  factsAdded: string[];
  factsRemoved: string[];
  factsChanged: { name: string; older: FactDeclaration; newer: FactDeclaration }[];
  setChanged: SetChange[];
}

/** Where a node sits: the parent's code, "bonus"/"penalty" for adjustment items, null for an area. */
export type NodeParent = string | null;

export interface NodeSummary {
  code: string;
  title: LocalizedText;
  max: number;
  parent: NodeParent;
  leaf: boolean;
}

export interface MovedNode {
  code: string;
  /** The code in the older set (differs from `code` when renumbered). */
  olderCode: string;
  reason: "parent" | "renumbered";
  olderParent: NodeParent;
  newerParent: NodeParent;
}

/** `olderCode` is present only when the node was renumbered. */
export interface PointsChange {
  code: string;
  olderCode?: string;
  oldMax: number;
  newMax: number;
}

/** `null` scoring: the node is a branch (its points are the sum of its children). */
export interface ScoringChange {
  code: string;
  olderCode?: string;
  oldKind: Scoring["kind"] | null;
  newKind: Scoring["kind"] | null;
  older: Scoring | null;
  newer: Scoring | null;
}

export interface NotApplicableChange {
  code: string;
  olderCode?: string;
  older: NotApplicablePolicy | null;
  newer: NotApplicablePolicy | null;
}

export interface TitleChange {
  code: string;
  olderCode?: string;
  older: LocalizedText;
  newer: LocalizedText;
}

export type SetField = "totalMax" | "classes" | "survey" | "bonus.cap" | "penalty.cap" | "ranking" | "display";

export interface SetChange {
  field: SetField;
  older: unknown;
  newer: unknown;
}

interface Located {
  node: CriteriaNode;
  parent: NodeParent;
}

export function diffCriteriaSets(older: CriteriaSet, newer: CriteriaSet): CriteriaDiff {
  const before = locateNodes(older);
  const after = locateNodes(newer);
  const pairs: { olderCode: string; code: string }[] = [];
  for (const code of after.keys()) if (before.has(code)) pairs.push({ olderCode: code, code });
  const onlyBefore = [...before.keys()].filter((code) => !after.has(code));
  const onlyAfter = [...after.keys()].filter((code) => !before.has(code));
  const renumbered = matchRenumbered(onlyBefore, onlyAfter, before, after);
  pairs.push(...renumbered);
  const renumberedOld = new Set(renumbered.map((p) => p.olderCode));
  const renumberedNew = new Set(renumbered.map((p) => p.code));

  const diff: CriteriaDiff = {
    older: { family: older.family, version: older.version },
    newer: { family: newer.family, version: newer.version },
    added: onlyAfter.filter((c) => !renumberedNew.has(c)).map((c) => summarise(c, after)),
    removed: onlyBefore.filter((c) => !renumberedOld.has(c)).map((c) => summarise(c, before)),
    moved: [],
    pointsChanged: [],
    scoringChanged: [],
    notApplicableChanged: [],
    titleChanged: [],
    ...diffFacts(older.facts, newer.facts),
    setChanged: diffSetFields(older, newer),
  };

  for (const { olderCode, code } of pairs) {
    const a = before.get(olderCode);
    const b = after.get(code);
    if (!a || !b) continue;
    const renamed = olderCode !== code ? { olderCode } : {};
    if (olderCode !== code || a.parent !== b.parent) {
      const reason = olderCode !== code ? "renumbered" : "parent";
      diff.moved.push({ code, olderCode, reason, olderParent: a.parent, newerParent: b.parent });
    }
    if (toUnits(a.node.max) !== toUnits(b.node.max)) {
      diff.pointsChanged.push({ code, ...renamed, oldMax: a.node.max, newMax: b.node.max });
    }
    const oldScoring = isLeaf(a.node) ? a.node.scoring : null;
    const newScoring = isLeaf(b.node) ? b.node.scoring : null;
    if (canonicalJson(oldScoring) !== canonicalJson(newScoring)) {
      diff.scoringChanged.push({
        code,
        ...renamed,
        oldKind: oldScoring?.kind ?? null,
        newKind: newScoring?.kind ?? null,
        older: oldScoring,
        newer: newScoring,
      });
    }
    const oldPolicy = isLeaf(a.node) ? (a.node.notApplicable?.policy ?? null) : null;
    const newPolicy = isLeaf(b.node) ? (b.node.notApplicable?.policy ?? null) : null;
    if (oldPolicy !== newPolicy) diff.notApplicableChanged.push({ code, ...renamed, older: oldPolicy, newer: newPolicy });
    if (!sameTitle(a.node.title, b.node.title)) {
      diff.titleChanged.push({ code, ...renamed, older: a.node.title, newer: b.node.title });
    }
  }

  const byCode = (x: { code: string }, y: { code: string }) => compareCodes(x.code, y.code);
  for (const list of [diff.added, diff.removed, diff.moved, diff.pointsChanged, diff.scoringChanged]) list.sort(byCode);
  diff.notApplicableChanged.sort(byCode);
  diff.titleChanged.sort(byCode);
  return diff;
}

/** True when the two sets differ in anything the diff looks at. */
export function hasChanges(diff: CriteriaDiff): boolean {
  const { older: _older, newer: _newer, ...lists } = diff;
  return Object.values(lists).some((list) => list.length > 0);
}

function locateNodes(set: CriteriaSet): Map<string, Located> {
  const located = new Map<string, Located>();
  for (const { node, parent, section } of listNodes(set)) {
    if (!located.has(node.code)) located.set(node.code, { node, parent: parentOf(parent?.code ?? null, section) });
  }
  return located;
}

function parentOf(parentCode: string | null, section: Section): NodeParent {
  return section === "areas" ? parentCode : section;
}

function matchRenumbered(
  onlyBefore: string[],
  onlyAfter: string[],
  before: Map<string, Located>,
  after: Map<string, Located>,
): { olderCode: string; code: string }[] {
  const leavesByTitle = (codes: string[], nodes: Map<string, Located>) => {
    const byTitle = new Map<string, string[]>();
    for (const code of codes) {
      const node = nodes.get(code)?.node;
      if (!node || !isLeaf(node)) continue;
      const key = titleKey(node.title.vi);
      byTitle.set(key, [...(byTitle.get(key) ?? []), code]);
    }
    return byTitle;
  };
  const olderTitles = leavesByTitle(onlyBefore, before);
  const newerTitles = leavesByTitle(onlyAfter, after);
  const pairs: { olderCode: string; code: string }[] = [];
  for (const [key, olderCodes] of olderTitles) {
    const newerCodes = newerTitles.get(key);
    const [olderCode] = olderCodes;
    const [code] = newerCodes ?? [];
    if (olderCodes.length === 1 && newerCodes?.length === 1 && olderCode && code) pairs.push({ olderCode, code });
  }
  return pairs;
}

function summarise(code: string, nodes: Map<string, Located>): NodeSummary {
  const located = nodes.get(code);
  if (!located) throw new Error(`diffCriteriaSets: no node ${code}`);
  const { node, parent } = located;
  return { code, title: node.title, max: node.max, parent, leaf: isLeaf(node) };
}

function diffFacts(
  older: Record<string, FactDeclaration>,
  newer: Record<string, FactDeclaration>,
): Pick<CriteriaDiff, "factsAdded" | "factsRemoved" | "factsChanged"> {
  const names = (facts: Record<string, FactDeclaration>) => Object.keys(facts).sort();
  const factsChanged: CriteriaDiff["factsChanged"] = [];
  for (const name of names(newer)) {
    const a = older[name];
    const b = newer[name];
    if (a && b && canonicalJson(a) !== canonicalJson(b)) factsChanged.push({ name, older: a, newer: b });
  }
  return {
    factsAdded: names(newer).filter((name) => !(name in older)),
    factsRemoved: names(older).filter((name) => !(name in newer)),
    factsChanged,
  };
}

function diffSetFields(older: CriteriaSet, newer: CriteriaSet): SetChange[] {
  const changes: SetChange[] = [];
  const compare = (field: SetField, a: unknown, b: unknown, same: (x: unknown, y: unknown) => boolean) => {
    if (!same(a, b)) changes.push({ field, older: a, newer: b });
  };
  const samePoints = (x: unknown, y: unknown) => (typeof x === "number" && typeof y === "number" ? toUnits(x) === toUnits(y) : x === y);
  const sameJson = (x: unknown, y: unknown) => canonicalJson(x) === canonicalJson(y);
  compare("totalMax", older.totalMax, newer.totalMax, samePoints);
  compare("classes", older.classes, newer.classes, sameJson);
  compare("survey", older.survey ?? null, newer.survey ?? null, sameJson);
  compare("bonus.cap", older.bonus?.cap ?? null, newer.bonus?.cap ?? null, samePoints);
  compare("penalty.cap", older.penalty?.cap ?? null, newer.penalty?.cap ?? null, samePoints);
  compare("ranking", older.ranking, newer.ranking, sameJson);
  compare("display", older.display, newer.display, sameJson);
  return changes;
}

function sameTitle(a: LocalizedText, b: LocalizedText): boolean {
  return normalise(a.vi) === normalise(b.vi) && normalise(a.en ?? "") === normalise(b.en ?? "");
}

function normalise(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

function titleKey(text: string): string {
  return normalise(text).toLocaleLowerCase("vi");
}

/** JSON with object keys sorted, so that key order in the file never counts as a change. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
