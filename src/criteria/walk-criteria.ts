import { type BranchNode, type CriteriaNode, type CriteriaSet, type LeafNode, isLeaf } from "./types.js";

export type Section = "areas" | "bonus" | "penalty";

export interface VisitedNode {
  node: CriteriaNode;
  /** JSON path of the node in the file, e.g. `areas[1].children[0]`. */
  path: string;
  parent: BranchNode | null;
  depth: number;
  section: Section;
  /** Code of the top-level area (for areas), or the section name. */
  area: string;
}

/** Every node of the set in file order: the areas' trees, then bonus and penalty items. */
export function listNodes(set: CriteriaSet): VisitedNode[] {
  const out: VisitedNode[] = [];
  const visit = (node: CriteriaNode, path: string, parent: BranchNode | null, depth: number, area: string) => {
    out.push({ node, path, parent, depth, section: "areas", area });
    if (!isLeaf(node)) node.children.forEach((child, i) => visit(child, `${path}.children[${i}]`, node, depth + 1, area));
  };
  set.areas.forEach((area, i) => visit(area, `areas[${i}]`, null, 0, area.code));
  for (const section of ["bonus", "penalty"] as const) {
    set[section]?.items.forEach((item, i) => out.push({ node: item, path: `${section}.items[${i}]`, parent: null, depth: 0, section, area: section }));
  }
  return out;
}

export function listLeaves(set: CriteriaSet): (VisitedNode & { node: LeafNode })[] {
  return listNodes(set).filter((v): v is VisitedNode & { node: LeafNode } => isLeaf(v.node));
}
