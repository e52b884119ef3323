import { declaredFact } from "./declared.js";
import { leafFacts } from "./leaf-facts.js";
import type { CriteriaSet, LeafNode } from "./types.js";
import { type Section, listLeaves } from "./walk-criteria.js";

export interface IndexedLeaf {
  leaf: LeafNode;
  section: Section;
  area: string;
  /** Facts read, with the sources of derived facts. */
  reads: string[];
}

export interface CriteriaIndex {
  leaves: Map<string, IndexedLeaf>;
  hasSurvey: boolean;
}

const cache = new WeakMap<CriteriaSet, CriteriaIndex>();

/** Lookup tables over a checked set, built once per set object. */
export function indexCriteriaSet(set: CriteriaSet): CriteriaIndex {
  let index = cache.get(set);
  if (index) return index;
  const leaves = new Map<string, IndexedLeaf>();
  for (const { node, section, area } of listLeaves(set)) {
    const reads = leafFacts(node).flatMap((name) => {
      const ratio = declaredFact(set, name)?.derived?.ratio;
      return ratio ? [name, ratio.numerator, ratio.denominator] : [name];
    });
    leaves.set(node.code, { leaf: node, section, area, reads });
  }
  index = { leaves, hasSurvey: [...leaves.values()].some((l) => l.leaf.scoring.kind === "survey") };
  cache.set(set, index);
  return index;
}
