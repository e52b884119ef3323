import { describeRange, rangeContains } from "../criteria/range.js";
import { declaredFact, declaredIndicator } from "../criteria/declared.js";
import { withIndicatorUnit } from "../criteria/fact-domain.js";
import type { CriteriaSet, LeafNode, LocalizedText, Tier } from "../criteria/types.js";
import { toUnits } from "../points.js";
import { type Problem, problem } from "../problem.js";
import type { LeafStatus } from "./report.js";
import { addDays, daysBetween } from "../rules/dates.js";
import { applyRule, inspectRule, missingOnPath } from "../rules/json-logic.js";

/** A derived fact whose denominator is 0 under `whenZero: "not-applicable"`. */
export const NOTHING_AROSE = Symbol("nothing-arose");
export type ResolvedFact = number | boolean | string | (string | null)[] | null | typeof NOTHING_AROSE;

export interface LeafInputs {
  /** Facts as of the stage being scored, derived ones included; absent = not entered. */
  facts: ReadonlyMap<string, ResolvedFact>;
  /** Points entered by hand for a manual item, if any. */
  points: number | undefined;
  /** Survey indicator values, or null when no survey result was given. */
  survey: Readonly<Record<string, number>> | null;
}

export interface LeafOutcome {
  status: LeafStatus;
  units: number;
  why: LocalizedText;
  /** The fact or indicator values the rule read. */
  facts: Record<string, unknown>;
}

/**
 * Points of one applicable leaf from its inputs, with the reason in words. A rule that yields
 * anything but a finite number within [0, max] is a problem naming the leaf and its facts.
 */
export function evaluateLeaf(set: CriteriaSet, leaf: LeafNode, inputs: LeafInputs): LeafOutcome | Problem {
  const scoring = leaf.scoring;
  const max = toUnits(leaf.max);
  const read: Record<string, unknown> = {};
  const fact = (name: string): ResolvedFact | undefined => {
    const value = inputs.facts.get(name);
    read[name] = value === NOTHING_AROSE ? "không phát sinh" : (value ?? null);
    const ratio = declaredFact(set, name)?.derived?.ratio;
    if (ratio) {
      read[ratio.numerator] = inputs.facts.get(ratio.numerator) ?? null;
      read[ratio.denominator] = inputs.facts.get(ratio.denominator) ?? null;
    }
    return value;
  };
  const scored = (units: number, why: LocalizedText): LeafOutcome => ({ status: "scored", units, why, facts: read });
  const missing = (names: string[]): LeafOutcome => ({
    status: "missing-facts",
    units: 0,
    why: { vi: `chưa nhập số liệu: ${names.join(", ")}`, en: `facts not entered: ${names.join(", ")}` },
    facts: read,
  });

  switch (scoring.kind) {
    case "manual": {
      if (inputs.points === undefined) {
        return { status: "not-entered", units: 0, why: { vi: "chưa chấm điểm", en: "no points entered" }, facts: read };
      }
      return scored(toUnits(inputs.points), { vi: `chấm theo đánh giá: ${inputs.points}`, en: `points entered: ${inputs.points}` });
    }
    case "boolean": {
      const value = fact(scoring.fact);
      if (value === undefined || value === null) return missing([scoring.fact]);
      return value === true
        ? scored(toUnits(scoring.yes), { vi: `${scoring.fact} = có → ${scoring.yes}`, en: `${scoring.fact} = yes → ${scoring.yes}` })
        : scored(toUnits(scoring.no), { vi: `${scoring.fact} = không → ${scoring.no}`, en: `${scoring.fact} = no → ${scoring.no}` });
    }
    case "tiers": {
      const value = fact(scoring.fact);
      if (typeof value !== "number") return missing([scoring.fact]);
      return tierOutcome(scoring.tiers, scoring.fact, value, read);
    }
    case "deadline":
      return deadlineOutcome(leaf, fact, read, missing);
    case "logic": {
      const entered = ruleReads(scoring.rule).filter((name) => {
        const value = inputs.facts.get(name);
        return value !== undefined && value !== null;
      });
      const values: Record<string, unknown> = {};
      for (const name of entered) values[name] = fact(name);
      const absent = missingOnPath(scoring.rule, values);
      if (absent.length > 0) {
        for (const name of absent) fact(name);
        return missing(absent);
      }
      // The loader refuses lists in logic rules; a set that skipped it must not have a list compared as text either.
      const list = entered.find((name) => Array.isArray(values[name]));
      if (list !== undefined) return ruleFailure(leaf, read, `fact "${list}" is a list of dates, which a logic rule cannot read (use a deadline rule)`);
      let result: unknown;
      try {
        result = applyRule(scoring.rule, values);
      } catch (error) {
        return ruleFailure(leaf, read, error instanceof Error ? error.message : String(error));
      }
      if (typeof result !== "number" || !Number.isFinite(result) || result < 0 || toUnits(result) > max) {
        return ruleFailure(leaf, read, `the rule returned ${describeValue(result)}`);
      }
      const readText = entered.map((name) => `${name} = ${JSON.stringify(values[name])}`).join(", ");
      return scored(toUnits(result), { vi: `theo công thức với ${readText} → ${result}`, en: `rule with ${readText} → ${result}` });
    }
    case "survey": {
      const value = inputs.survey?.[scoring.indicator];
      read[scoring.indicator] = value ?? null;
      if (value === undefined) return missing([scoring.indicator]);
      if ("tiers" in scoring) return tierOutcome(scoring.tiers, scoring.indicator, value, read);
      const { zeroAt, fullAt } = scoring.linear;
      const share = Math.min(1, Math.max(0, (value - zeroAt) / (fullAt - zeroAt)));
      const units = Math.round(max * share);
      const points = units / 10_000;
      const measured = (v: number) => withIndicatorUnit(declaredIndicator(set, scoring.indicator), v);
      return scored(units, {
        vi: `${scoring.indicator} = ${measured(value)}: tuyến tính từ ${measured(zeroAt)} (0 điểm) đến ${measured(fullAt)} (${leaf.max} điểm) → ${points}`,
        en: `${scoring.indicator} = ${measured(value)}: linear from ${measured(zeroAt)} (0 points) to ${measured(fullAt)} (${leaf.max} points) → ${points}`,
      });
    }
  }
}

const readsCache = new WeakMap<object, string[]>();

function ruleReads(rule: unknown): string[] {
  if (rule === null || typeof rule !== "object") return [];
  let reads = readsCache.get(rule);
  if (!reads) {
    reads = inspectRule(rule, "").reads;
    readsCache.set(rule, reads);
  }
  return reads;
}

function tierOutcome(tiers: Tier[], name: string, value: number, read: Record<string, unknown>): LeafOutcome {
  const index = tiers.findIndex((tier) => rangeContains(tier.when, value));
  const tier = tiers[index];
  if (!tier) {
    // Loading guarantees the tiers cover the declared domain; a value outside it was rejected earlier.
    return {
      status: "scored",
      units: 0,
      why: { vi: `${name} = ${value}: không thuộc mức nào → 0`, en: `${name} = ${value}: no tier matches → 0` },
      facts: read,
    };
  }
  return {
    status: "scored",
    units: toUnits(tier.points),
    why: {
      vi: `${name} = ${round(value)}: mức ${index + 1} (${describeRange(tier.when, "và")}) → ${tier.points}`,
      en: `${name} = ${round(value)}: tier ${index + 1} (${describeRange(tier.when)}) → ${tier.points}`,
    },
    facts: read,
  };
}

type Timeliness = "onTime" | "late" | "missing";
const WORSE: Record<Timeliness, number> = { onTime: 0, late: 1, missing: 2 };

function deadlineOutcome(
  leaf: LeafNode,
  fact: (name: string) => ResolvedFact | undefined,
  read: Record<string, unknown>,
  missing: (names: string[]) => LeafOutcome,
): LeafOutcome {
  const scoring = leaf.scoring as Extract<LeafNode["scoring"], { kind: "deadline" }>;
  const dues = Array.isArray(scoring.due) ? scoring.due : [scoring.due];
  const raw = fact(scoring.fact);
  const dates: (string | null)[] = Array.isArray(raw) ? raw : [typeof raw === "string" ? raw : null];
  const all = scoring.mode === "all" && dues.length > 1;
  let units = 0;
  let worst: Timeliness = "onTime";
  const parts: { vi: string; en: string }[] = [];
  for (const [i, due] of dues.entries()) {
    let dueDate: string;
    if (typeof due === "string") {
      dueDate = due;
    } else {
      const base = fact(due.fact);
      if (typeof base !== "string") return missing([due.fact]);
      dueDate = addDays(base, due.plusDays);
    }
    const date = dates[i] ?? null;
    const label = dues.length > 1 ? `#${i + 1} ` : "";
    let outcome: Timeliness;
    let text: { vi: string; en: string };
    if (date === null) {
      outcome = "missing";
      text = { vi: `${label}chưa thực hiện (hạn ${dueDate})`, en: `${label}not done (due ${dueDate})` };
    } else if (date <= dueDate) {
      outcome = "onTime";
      text = { vi: `${label}${date} đúng hạn (hạn ${dueDate})`, en: `${label}${date} on time (due ${dueDate})` };
    } else {
      const daysLate = daysBetween(dueDate, date);
      const tooLate = scoring.lateWithinDays !== undefined && daysLate > scoring.lateWithinDays;
      outcome = tooLate ? "missing" : "late";
      text = {
        vi: `${label}${date} trễ ${daysLate} ngày (hạn ${dueDate}${tooLate ? `, quá ${scoring.lateWithinDays} ngày` : ""})`,
        en: `${label}${date} ${daysLate} days late (due ${dueDate}${tooLate ? `, beyond ${scoring.lateWithinDays} days` : ""})`,
      };
    }
    if (WORSE[outcome] > WORSE[worst]) worst = outcome;
    const points = scoring.points[outcome];
    units += toUnits(points);
    parts.push(all ? text : { vi: `${text.vi} → ${points}`, en: `${text.en} → ${points}` });
  }
  if (all) {
    const points = scoring.points[worst];
    const verdict = {
      onTime: { vi: `đủ ${dues.length}, tất cả đúng hạn`, en: `all ${dues.length} on time` },
      late: { vi: `đủ ${dues.length} nhưng có lần trễ hạn`, en: `all ${dues.length} done, some late` },
      missing: { vi: `thiếu hoặc quá hạn ít nhất một lần`, en: `at least one missing or too late` },
    }[worst];
    return {
      status: "scored",
      units: toUnits(points),
      why: { vi: `${parts.map((p) => p.vi).join("; ")}: ${verdict.vi} → ${points}`, en: `${parts.map((p) => p.en).join("; ")}: ${verdict.en} → ${points}` },
      facts: read,
    };
  }
  return { status: "scored", units, why: { vi: parts.map((p) => p.vi).join("; "), en: parts.map((p) => p.en).join("; ") }, facts: read };
}

function ruleFailure(leaf: LeafNode, read: Record<string, unknown>, detail: string): Problem {
  const facts =
    Object.entries(read)
      .map(([name, value]) => `${name} = ${JSON.stringify(value)}`)
      .join(", ") || "no facts";
  return problem(
    "rule-result-invalid",
    `items["${leaf.code}"]`,
    `the rule of "${leaf.code}" failed: ${detail}, expected a number from 0 to ${leaf.max} (facts read: ${facts}). Fix the rule in the criteria set or the facts.`,
    `quy tắc của tiêu chí "${leaf.code}" lỗi: ${detail}, cần một số từ 0 đến ${leaf.max} (số liệu: ${facts}). Hãy sửa quy tắc hoặc số liệu.`,
  );
}

function describeValue(value: unknown): string {
  if (typeof value === "number") return String(value);
  return `${JSON.stringify(value) ?? String(value)} (${value === null ? "null" : typeof value})`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function isProblem(value: LeafOutcome | Problem): value is Problem {
  return "code" in value && "path" in value;
}
