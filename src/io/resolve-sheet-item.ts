import { listNodes } from "../criteria/walk-criteria.js";
import { type CriteriaSet, type FactDeclaration, isLeaf } from "../criteria/types.js";
import { nearestName } from "../nearest-name.js";

/** What the `item` cell of a sheet row names. */
export type SheetItem =
  | { kind: "item"; code: string }
  | { kind: "fact"; name: string; declaration: FactDeclaration }
  | { kind: "branch"; code: string; children: string[] }
  | { kind: "indicator"; name: string }
  | { kind: "unknown"; text: string; suggestion: string | null };

export type SheetItemResolver = (text: string) => SheetItem;

/**
 * A resolver for the item cell against a criteria set: leaf, bonus and penalty codes, fact
 * names, branch codes (not enterable) and survey indicators (imported elsewhere). An exact
 * match wins; otherwise a match ignoring case, when only one name matches.
 */
export function resolveSheetItem(criteria: CriteriaSet): SheetItemResolver {
  const targets = new Map<string, SheetItem>();
  for (const { node } of listNodes(criteria)) {
    const target: SheetItem = isLeaf(node)
      ? { kind: "item", code: node.code }
      : { kind: "branch", code: node.code, children: node.children.map((child) => child.code) };
    if (!targets.has(node.code)) targets.set(node.code, target);
  }
  for (const [name, declaration] of Object.entries(criteria.facts)) {
    if (!targets.has(name)) targets.set(name, { kind: "fact", name, declaration });
  }
  for (const name of Object.keys(criteria.survey?.indicators ?? {})) {
    if (!targets.has(name)) targets.set(name, { kind: "indicator", name });
  }
  const byLowerCase = new Map<string, SheetItem[]>();
  for (const [name, target] of targets) {
    const key = name.toLowerCase();
    byLowerCase.set(key, [...(byLowerCase.get(key) ?? []), target]);
  }
  const enterable = [...targets].filter(([, t]) => t.kind === "item" || t.kind === "fact").map(([name]) => name);
  return (text) => {
    const exact = targets.get(text);
    if (exact) return exact;
    const folded = byLowerCase.get(text.toLowerCase());
    if (folded?.length === 1 && folded[0]) return folded[0];
    return { kind: "unknown", text, suggestion: nearestName(text, enterable) };
  };
}
