import type { LeafNode } from "../criteria/types.js";
import { fromUnits, toUnits } from "../points.js";

const STEP = toUnits(0.25);

/** Points an appraiser may give a manual leaf, lowest first: its `allowed` list, else steps of 0.25 up to the maximum. */
export function listPointOptions(leaf: LeafNode): number[] {
  if (leaf.scoring.kind === "manual" && leaf.scoring.allowed) {
    return [...new Set(leaf.scoring.allowed.map(toUnits))].sort((a, b) => a - b).map(fromUnits);
  }
  const max = toUnits(leaf.max);
  const options: number[] = [];
  for (let units = 0; units < max; units += STEP) options.push(fromUnits(units));
  options.push(leaf.max);
  return options;
}
