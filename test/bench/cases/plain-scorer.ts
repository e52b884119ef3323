import type { Assessment, CriteriaNode, CriteriaSet, LeafNode } from "../../../src/index.js";

/**
 * The baseline the compiled scorer is measured against: a plain-JavaScript scorer of a criteria
 * set written the obvious way, sharing no code with the engine (its own walk, fact resolution,
 * tiers, deadlines and a small JSON Logic interpreter). It only adds up: no checks, no words.
 * Totals in units (1/10,000 point) per stage, so the bench can compare them exactly.
 */
export interface PlainTotals {
  self: number | null;
  appraised: number | null;
  total: number;
  applicable: number;
}

type Facts = Record<string, unknown>;
type Items = Record<string, { points?: number; notApplicable?: boolean }>;
const NOTHING = "nothing arose";

interface PlainLeaf {
  leaf: LeafNode;
  section: "areas" | "bonus" | "penalty";
  max: number;
  /** Facts read, with the counts behind derived rates. */
  reads: string[];
  sources: string[];
}

const prepared = new WeakMap<CriteriaSet, PlainLeaf[]>();

/** The set's leaves with what each reads, listed once per set as any scorer would. */
function leavesOf(set: CriteriaSet): PlainLeaf[] {
  let leaves = prepared.get(set);
  if (leaves) return leaves;
  leaves = [];
  const visit = (node: CriteriaNode, section: PlainLeaf["section"]) => {
    if ("children" in node) {
      for (const child of node.children) visit(child, section);
      return;
    }
    const s = node.scoring;
    const reads = s.kind === "boolean" || s.kind === "tiers" || s.kind === "deadline" ? [s.fact] : s.kind === "logic" ? varsOf(s.rule) : [];
    const sources = reads.flatMap((name) => {
      const ratio = set.facts[name]?.derived?.ratio;
      return ratio ? [name, ratio.numerator, ratio.denominator] : [name];
    });
    leaves!.push({ leaf: node, section, max: Math.round(node.max * 10_000), reads, sources });
  };
  for (const area of set.areas) visit(area, "areas");
  for (const item of set.bonus?.items ?? []) visit(item, "bonus");
  for (const item of set.penalty?.items ?? []) visit(item, "penalty");
  prepared.set(set, leaves);
  return leaves;
}

export function plainTotals(set: CriteriaSet, assessment: Assessment): PlainTotals {
  const self = stageOf(set, assessment, ["self"]);
  const appraised = assessment.rounds.some((r) => r.round === "appraisal1" || r.round === "appraisal2")
    ? stageOf(set, assessment, ["self", "appraisal1", "appraisal2"])
    : null;
  const selfSums = self ? sums(set, assessment, self) : null;
  const appraisedSums = appraised ? sums(set, assessment, appraised) : null;
  const final = (appraisedSums ?? selfSums)!;
  return { self: selfSums?.points ?? null, appraised: appraisedSums?.points ?? null, total: final.total, applicable: final.applicable };
}

function stageOf(set: CriteriaSet, assessment: Assessment, rounds: string[]): { facts: Facts; items: Items } | null {
  const chosen = assessment.rounds.filter((r) => rounds.includes(r.round));
  if (chosen.length === 0) return null;
  const facts: Facts = {};
  const items: Items = {};
  for (const round of chosen) {
    for (const [name, input] of Object.entries(round.facts ?? {})) {
      facts[name] = input !== null && typeof input === "object" && !Array.isArray(input) ? input.value : input;
    }
    for (const [code, input] of Object.entries(round.items ?? {})) {
      const item = (items[code] ??= {});
      if (input.points !== undefined) item.points = input.points;
      if (input.notApplicable !== undefined) item.notApplicable = input.notApplicable;
    }
  }
  for (const [name, fact] of Object.entries(set.facts)) {
    if (!fact.derived) continue;
    const numerator = facts[fact.derived.ratio.numerator];
    const denominator = facts[fact.derived.ratio.denominator];
    if (typeof numerator !== "number" || typeof denominator !== "number") continue;
    if (denominator === 0) facts[name] = fact.derived.whenZero === "not-applicable" ? NOTHING : fact.derived.whenZero;
    else facts[name] = (numerator * (fact.type === "rate" ? 100 : 1)) / denominator;
  }
  return { facts, items };
}

function sums(set: CriteriaSet, assessment: Assessment, stage: { facts: Facts; items: Items }) {
  let points = 0;
  let applicable = 0;
  let bonus = 0;
  let penalty = 0;
  for (const leaf of leavesOf(set)) {
    const [got, of] = leafPoints(set, assessment, leaf, stage);
    if (leaf.section === "areas") {
      points += got;
      applicable += of;
    } else if (leaf.section === "bonus") bonus += got;
    else penalty += got;
  }
  const capped = (claimed: number, cap: number | undefined) => Math.min(claimed, Math.round((cap ?? 0) * 10_000));
  return { points, applicable, total: points + capped(bonus, set.bonus?.cap) - capped(penalty, set.penalty?.cap) };
}

/** [points, share of the maximum] in units. */
function leafPoints(set: CriteriaSet, assessment: Assessment, plain: PlainLeaf, stage: { facts: Facts; items: Items }): [number, number] {
  const { leaf, max, reads, sources } = plain;
  const s = leaf.scoring;
  if (leaf.notApplicable && (stage.items[leaf.code]?.notApplicable === true || sources.some((name) => stage.facts[name] === NOTHING))) {
    return leaf.notApplicable.policy === "full" ? [max, max] : [0, 0];
  }
  if (s.kind === "survey" && !assessment.survey) return [0, set.survey?.whenAbsent === "zero" ? max : 0];
  const units = (points: number) => Math.round(points * 10_000);
  const tier = (tiers: { when: { gt?: number; gte?: number; lt?: number; lte?: number }; points: number }[], v: number) => {
    const hit = tiers.find(
      ({ when }) =>
        (when.gt === undefined || v > when.gt) &&
        (when.gte === undefined || v >= when.gte) &&
        (when.lt === undefined || v < when.lt) &&
        (when.lte === undefined || v <= when.lte),
    );
    return hit ? units(hit.points) : 0;
  };
  let got = 0;
  const value = s.kind === "boolean" || s.kind === "tiers" || s.kind === "deadline" ? stage.facts[s.fact] : undefined;
  switch (s.kind) {
    case "manual":
      got = units(stage.items[leaf.code]?.points ?? 0);
      break;
    case "boolean":
      got = value === undefined || value === null ? 0 : value === true ? units(s.yes) : units(s.no);
      break;
    case "tiers":
      got = typeof value === "number" ? tier(s.tiers, value) : 0;
      break;
    case "survey": {
      const v = assessment.survey?.indicators[s.indicator];
      if (v === undefined) break;
      got = "tiers" in s ? tier(s.tiers, v) : Math.round(max * Math.min(1, Math.max(0, (v - s.linear.zeroAt) / (s.linear.fullAt - s.linear.zeroAt))));
      break;
    }
    case "logic":
      got = reads.some((name) => stage.facts[name] === undefined || stage.facts[name] === null) ? 0 : units(Number(logic(s.rule, stage.facts)));
      break;
    case "deadline": {
      const dues = Array.isArray(s.due) ? s.due : [s.due];
      const dates = Array.isArray(value) ? value : [typeof value === "string" ? value : null];
      const outcomes: ("onTime" | "late" | "missing")[] = [];
      for (const [i, due] of dues.entries()) {
        const base = typeof due === "string" ? due : stage.facts[due.fact];
        if (typeof base !== "string") return [0, max];
        const dueDate = typeof due === "string" ? due : new Date(Date.parse(`${base}T00:00:00Z`) + due.plusDays * 86_400_000).toISOString().slice(0, 10);
        const date = dates[i] ?? null;
        const daysLate = (late: string) => Math.round((Date.parse(`${late}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
        outcomes.push(
          date === null ? "missing" : date <= dueDate ? "onTime" : s.lateWithinDays !== undefined && daysLate(date) > s.lateWithinDays ? "missing" : "late",
        );
      }
      const worst = outcomes.includes("missing") ? "missing" : outcomes.includes("late") ? "late" : "onTime";
      got = s.mode === "all" && dues.length > 1 ? units(s.points[worst]) : outcomes.reduce((sum, o) => sum + units(s.points[o]), 0);
      break;
    }
  }
  if (set.display.rounding === "criterion") {
    const step = 10_000 / 10 ** set.display.pointsDecimals;
    got = Math.floor((got + step / 2) / step) * step;
  }
  return [got, max];
}

function varsOf(rule: unknown): string[] {
  if (Array.isArray(rule)) return rule.flatMap(varsOf);
  if (rule === null || typeof rule !== "object") return [];
  const [op, args] = Object.entries(rule)[0]!;
  return op === "var" ? [String(Array.isArray(args) ? args[0] : args)] : varsOf(args);
}

/** A small JSON Logic interpreter: the operators criteria sets use, JavaScript's own semantics. */
function logic(rule: unknown, facts: Facts): unknown {
  if (Array.isArray(rule)) return rule.map((r) => logic(r, facts));
  if (rule === null || typeof rule !== "object") return rule;
  const [op, raw] = Object.entries(rule)[0]!;
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (op === "var") return facts[String(args[0])] ?? null;
  if (op === "if") {
    for (let i = 0; i + 1 < args.length; i += 2) if (logic(args[i], facts)) return logic(args[i + 1], facts);
    return args.length % 2 === 1 ? logic(args.at(-1), facts) : null;
  }
  const v = args.map((a) => logic(a, facts)) as number[];
  switch (op) {
    case "==":
      return v[0] === v[1];
    case "<":
      return v[0]! < v[1]!;
    case "<=":
      return v[0]! <= v[1]!;
    case ">":
      return v[0]! > v[1]!;
    case ">=":
      return v[0]! >= v[1]!;
    case "+":
      return v.reduce((a, b) => a + b, 0);
    case "-":
      return v.length === 1 ? -v[0]! : v[0]! - v[1]!;
    case "*":
      return v.reduce((a, b) => a * b, 1);
    case "/":
      return v[0]! / v[1]!;
    case "min":
      return Math.min(...v);
    case "max":
      return Math.max(...v);
    default:
      throw new Error(`the plain scorer has no operator ${op}`);
  }
}
