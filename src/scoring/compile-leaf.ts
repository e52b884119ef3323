import type { IndexedLeaf } from "../criteria/criteria-index.js";
import { leafFacts } from "../criteria/leaf-facts.js";
import { rangeContains } from "../criteria/range.js";
import type { CriteriaSet, Range } from "../criteria/types.js";
import { roundUnitsTo, toUnits } from "../points.js";
import { compileRule } from "../rules/compile-rule.js";
import { addDays, daysBetween } from "../rules/dates.js";
import { NOTHING_AROSE, type ResolvedFact } from "./evaluate-leaf.js";

/** One stage's facts after its rounds, derived ones included; absent or null: not entered. */
export type StageFacts = Pick<ReadonlyMap<string, ResolvedFact | null>, "get">;

/** The rule failed (a problem in the full evaluation): the compiled scorer hands over to it. */
export const RULE_FAILED = Number.NaN;

/**
 * A leaf built once into a function from a stage's inputs to its points in units, as
 * `evaluateLeaf` computes them (tiers and points already in units, the rule compiled), without
 * the words: those come from the full evaluation when asked for.
 */
export interface CompiledLeaf {
  code: string;
  /** Index of its top-level area; -1 for bonus and penalty items. */
  area: number;
  section: IndexedLeaf["section"];
  max: number;
  survey: boolean;
  notApplicable: "full" | "exclude" | undefined;
  /** Facts read, with the sources of derived facts (a zero denominator makes the leaf not applicable). */
  reads: string[];
  /** Points in units (rounded per criterion where the set says so), or `RULE_FAILED`; `entered`: the points entered for the item in this stage (manual items). */
  evaluate(facts: StageFacts, entered: number | undefined, survey: Readonly<Record<string, number>> | null): number;
}

export function compileLeaf(set: CriteriaSet, indexed: IndexedLeaf, area: number): CompiledLeaf {
  const { leaf } = indexed;
  const max = toUnits(leaf.max);
  const points = compilePoints(indexed, max);
  const { rounding, pointsDecimals } = set.display;
  return {
    code: leaf.code,
    area,
    section: indexed.section,
    max,
    survey: leaf.scoring.kind === "survey",
    notApplicable: leaf.notApplicable?.policy,
    reads: indexed.reads,
    evaluate:
      rounding === "criterion"
        ? (facts, entered, survey) => {
            const units = points(facts, entered, survey);
            return Number.isNaN(units) ? units : roundUnitsTo(units, pointsDecimals);
          }
        : points,
  };
}

type Points = CompiledLeaf["evaluate"];

function compilePoints(indexed: IndexedLeaf, max: number): Points {
  const scoring = indexed.leaf.scoring;
  switch (scoring.kind) {
    case "manual":
      return (_, entered) => (entered === undefined ? 0 : toUnits(entered));
    case "boolean": {
      const { fact } = scoring;
      const yes = toUnits(scoring.yes);
      const no = toUnits(scoring.no);
      return (facts) => {
        const value = facts.get(fact);
        return value === undefined || value === null ? 0 : value === true ? yes : no;
      };
    }
    case "tiers": {
      const { fact } = scoring;
      const tiers = compileTiers(scoring.tiers);
      return (facts) => {
        const value = facts.get(fact);
        return typeof value === "number" ? tiers(value) : 0;
      };
    }
    case "survey": {
      const { indicator } = scoring;
      if ("tiers" in scoring) {
        const tiers = compileTiers(scoring.tiers);
        return (_, __, survey) => {
          const value = survey?.[indicator];
          return value === undefined ? 0 : tiers(value);
        };
      }
      const { zeroAt, fullAt } = scoring.linear;
      return (_, __, survey) => {
        const value = survey?.[indicator];
        return value === undefined ? 0 : Math.round(max * Math.min(1, Math.max(0, (value - zeroAt) / (fullAt - zeroAt))));
      };
    }
    case "deadline":
      return compileDeadline(scoring);
    case "logic": {
      const rule = compileRule(scoring.rule);
      const reads = leafFacts(indexed.leaf);
      return (facts) => {
        let unset = false;
        let list = false;
        for (const name of reads) {
          const value = facts.get(name);
          if (value == null) unset = true;
          else if (Array.isArray(value)) list = true;
        }
        if (unset && rule.missing(facts).length > 0) return 0;
        if (list) return RULE_FAILED;
        let result: unknown;
        try {
          result = rule.apply(facts);
        } catch {
          return RULE_FAILED;
        }
        if (typeof result !== "number" || !Number.isFinite(result) || result < 0 || toUnits(result) > max) return RULE_FAILED;
        return toUnits(result);
      };
    }
  }
}

function compileTiers(tiers: { when: Range; points: number }[]): (value: number) => number {
  const compiled = tiers.map((tier) => ({ when: tier.when, units: toUnits(tier.points) }));
  return (value) => {
    for (const tier of compiled) if (rangeContains(tier.when, value)) return tier.units;
    return 0;
  };
}

type Deadline = Extract<IndexedLeaf["leaf"]["scoring"], { kind: "deadline" }>;
type Timeliness = "onTime" | "late" | "missing";
const WORSE: Record<Timeliness, number> = { onTime: 0, late: 1, missing: 2 };

function compileDeadline(scoring: Deadline): Points {
  const dues = Array.isArray(scoring.due) ? scoring.due : [scoring.due];
  const units = { onTime: toUnits(scoring.points.onTime), late: toUnits(scoring.points.late), missing: toUnits(scoring.points.missing) };
  const all = scoring.mode === "all" && dues.length > 1;
  const { fact, lateWithinDays } = scoring;
  return (facts) => {
    const raw = facts.get(fact);
    const single = typeof raw === "string" ? raw : null;
    let sum = 0;
    let worst: Timeliness = "onTime";
    for (let i = 0; i < dues.length; i++) {
      const due = dues[i]!;
      let dueDate: string;
      if (typeof due === "string") {
        dueDate = due;
      } else {
        const base = facts.get(due.fact);
        if (typeof base !== "string") return 0;
        dueDate = addDays(base, due.plusDays);
      }
      const date = Array.isArray(raw) ? (raw[i] ?? null) : i === 0 ? single : null;
      const outcome: Timeliness =
        date === null
          ? "missing"
          : date <= dueDate
            ? "onTime"
            : lateWithinDays !== undefined && daysBetween(dueDate, date) > lateWithinDays
              ? "missing"
              : "late";
      if (WORSE[outcome] > WORSE[worst]) worst = outcome;
      sum += units[outcome];
    }
    return all ? units[worst] : sum;
  };
}

/** Whether a derived fact the leaf reads had nothing arise (a zero denominator). */
export function readsNothingArose(leaf: CompiledLeaf, facts: StageFacts): boolean {
  for (const name of leaf.reads) if (facts.get(name) === NOTHING_AROSE) return true;
  return false;
}
