import { inspectRule } from "../rules/json-logic.js";
import type { LeafNode } from "./types.js";

/** Facts a leaf reads directly (derived facts by name; their sources are added by the index). */
export function leafFacts(leaf: LeafNode): string[] {
  const scoring = leaf.scoring;
  switch (scoring.kind) {
    case "manual":
    case "survey":
      return [];
    case "boolean":
    case "tiers":
      return [scoring.fact];
    case "deadline": {
      const dues = Array.isArray(scoring.due) ? scoring.due : [scoring.due];
      const relative = dues.flatMap((due) => (typeof due === "string" ? [] : [due.fact]));
      return [scoring.fact, ...new Set(relative)];
    }
    case "logic":
      return inspectRule(scoring.rule, "").reads;
  }
}
