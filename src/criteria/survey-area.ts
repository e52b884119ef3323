import { type CriteriaNode, type LeafNode, isLeaf } from "./types.js";

/**
 * An area every item of which is scored from the survey (the satisfaction area of commune
 * sets, area 8): its points are the survey points, so a table prints it once, as that area.
 */
export function isSurveyArea(area: CriteriaNode): boolean {
  return leavesOf(area).every((leaf) => leaf.scoring.kind === "survey");
}

function leavesOf(node: CriteriaNode): LeafNode[] {
  return isLeaf(node) ? [node] : node.children.flatMap(leavesOf);
}
