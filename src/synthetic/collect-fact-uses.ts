import { indexCriteriaSet } from "../criteria/criteria-index.js";
import type { CriteriaSet, LeafNode, Scoring, Tier } from "../criteria/types.js";
import type { Section } from "../criteria/walk-criteria.js";

export type DeadlineScoring = Extract<Scoring, { kind: "deadline" }>;

/** How the leaves of a set read one fact: what a generator needs to pick telling values. */
export interface FactUse {
  /** Leaves that read the fact, directly or through a derived ratio. */
  readers: { leaf: LeafNode; section: Section }[];
  /** Tiers of the rules that read the fact directly. */
  tiers: Tier[];
  /** The first deadline rule that checks the fact's date(s). */
  deadline: DeadlineScoring | null;
  /** True when a relative due date counts from this fact. */
  dueBase: boolean;
  /** Numbers the fact is compared with in logic rules. */
  thresholds: number[];
  /** Facts it is compared with in logic rules (`staff_count <= staff_quota`). */
  peers: string[];
}

const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);

export function collectFactUses(set: CriteriaSet): Map<string, FactUse> {
  const uses = new Map<string, FactUse>();
  const use = (name: string): FactUse => {
    let found = uses.get(name);
    if (!found) {
      found = { readers: [], tiers: [], deadline: null, dueBase: false, thresholds: [], peers: [] };
      uses.set(name, found);
    }
    return found;
  };
  for (const { leaf, section, reads } of indexCriteriaSet(set).leaves.values()) {
    for (const name of new Set(reads)) use(name).readers.push({ leaf, section });
    const scoring = leaf.scoring;
    if (scoring.kind === "tiers") {
      use(scoring.fact).tiers.push(...scoring.tiers);
    } else if (scoring.kind === "deadline") {
      use(scoring.fact).deadline ??= scoring;
      for (const due of Array.isArray(scoring.due) ? scoring.due : [scoring.due]) {
        if (typeof due !== "string") use(due.fact).dueBase = true;
      }
    } else if (scoring.kind === "logic") {
      collectComparisons(scoring.rule, (names, numbers) => {
        for (const name of names) {
          use(name).thresholds.push(...numbers);
          use(name).peers.push(...names.filter((other) => other !== name));
        }
      });
    }
  }
  for (const fact of uses.values()) {
    fact.thresholds = [...new Set(fact.thresholds)].sort((a, b) => a - b);
    fact.peers = [...new Set(fact.peers)];
  }
  return uses;
}

function collectComparisons(rule: unknown, found: (names: string[], numbers: number[]) => void): void {
  if (Array.isArray(rule)) {
    rule.forEach((item) => collectComparisons(item, found));
    return;
  }
  if (rule === null || typeof rule !== "object") return;
  for (const [operator, args] of Object.entries(rule)) {
    if (COMPARISONS.has(operator) && Array.isArray(args)) {
      found(
        args.flatMap(varNames),
        args.filter((a): a is number => typeof a === "number"),
      );
    }
    collectComparisons(args, found);
  }
}

/** Facts named by `var` anywhere inside an argument (`{"*": [{"var": "x"}, 2]}` names x). */
function varNames(arg: unknown): string[] {
  if (Array.isArray(arg)) return arg.flatMap(varNames);
  if (arg === null || typeof arg !== "object") return [];
  return Object.entries(arg).flatMap(([operator, value]) => {
    if (operator !== "var") return varNames(value);
    const name = Array.isArray(value) ? value[0] : value;
    return typeof name === "string" ? [name] : [];
  });
}
