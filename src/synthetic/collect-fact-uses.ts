import type { CriteriaSet, Scoring, Tier } from "../criteria/types.js";
import { listLeaves } from "../criteria/walk-criteria.js";

export type DeadlineScoring = Extract<Scoring, { kind: "deadline" }>;

/** How the leaves of a set read one fact: what a generator needs to pick telling values. */
export interface FactUse {
  /** Tiers of the rules that read the fact, lowest points first. */
  tiers: Tier[];
  /** The first deadline rule that checks the fact's date(s). */
  deadline: DeadlineScoring | null;
  /** True when a relative due date counts from this fact. */
  dueBase: boolean;
  /** Numbers the fact is compared with in logic rules, ascending. */
  thresholds: number[];
}

const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "===", "!=", "!=="]);

export function collectFactUses(set: CriteriaSet): Map<string, FactUse> {
  const uses = new Map<string, FactUse>();
  const use = (name: string): FactUse => {
    let found = uses.get(name);
    if (!found) {
      found = { tiers: [], deadline: null, dueBase: false, thresholds: [] };
      uses.set(name, found);
    }
    return found;
  };
  for (const { node: leaf } of listLeaves(set)) {
    const scoring = leaf.scoring;
    if (scoring.kind === "tiers" && use(scoring.fact).tiers.length === 0) {
      use(scoring.fact).tiers = [...scoring.tiers].sort((a, b) => a.points - b.points);
    } else if (scoring.kind === "deadline") {
      const fact = use(scoring.fact);
      fact.deadline ??= scoring;
      for (const due of Array.isArray(scoring.due) ? scoring.due : [scoring.due]) {
        if (typeof due !== "string") use(due.fact).dueBase = true;
      }
    } else if (scoring.kind === "logic") {
      collectThresholds(scoring.rule, (name, value) => use(name).thresholds.push(value));
    }
  }
  for (const fact of uses.values()) fact.thresholds = [...new Set(fact.thresholds)].sort((a, b) => a - b);
  return uses;
}

function collectThresholds(rule: unknown, found: (name: string, value: number) => void): void {
  if (Array.isArray(rule)) {
    rule.forEach((item) => collectThresholds(item, found));
    return;
  }
  if (rule === null || typeof rule !== "object") return;
  for (const [operator, args] of Object.entries(rule)) {
    if (COMPARISONS.has(operator) && Array.isArray(args)) {
      const name = args.map(varName).find((n) => n !== null);
      if (name) args.filter((a): a is number => typeof a === "number").forEach((value) => found(name, value));
    }
    collectThresholds(args, found);
  }
}

function varName(arg: unknown): string | null {
  if (arg === null || typeof arg !== "object" || Array.isArray(arg)) return null;
  const name = (arg as Record<string, unknown>)["var"];
  const first = Array.isArray(name) ? name[0] : name;
  return typeof first === "string" ? first : null;
}
