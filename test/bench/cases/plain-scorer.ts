import type { Assessment, CriteriaNode, CriteriaSet, LeafNode } from "../../../src/index.js";

/**
 * The baseline the compiled scorer is measured against: the plain-JavaScript scorer a competent
 * engineer would write for one criteria set, sharing no code with the engine. The set is prepared
 * once (points in units, tiers and due dates read, JSON Logic rules turned into functions); each
 * unit is then a pass over its rounds and a loop over the leaves. It only adds up: no checks, no
 * words. Totals in units (1/10,000 point) per stage, so the bench can compare them exactly.
 */
export interface PlainTotals {
  self: number | null;
  appraised: number | null;
  total: number;
  applicable: number;
}

type Facts = Record<string, unknown>;
type Items = Record<string, { points?: number; notApplicable?: boolean }>;
type Survey = Record<string, number> | undefined;
/** A leaf's points in units, in a stage that has facts and items (and the survey, if any). */
type Points = (facts: Facts, items: Items, survey: Survey) => number;
const NOTHING = "nothing arose";
const DAY_MS = 86_400_000;

interface PlainLeaf {
  code: string;
  section: "areas" | "bonus" | "penalty";
  max: number;
  survey: boolean;
  /** The policy when not applicable ("full" or "exclude"), or null when it may not be claimed. */
  notApplicable: string | null;
  /** Facts read, with the counts behind derived rates: any of them "nothing arose" makes it not applicable. */
  sources: string[];
  points: Points;
}

interface Ratio {
  name: string;
  numerator: string;
  denominator: string;
  factor: number;
  whenZero: unknown;
}

/** Prepares a set once; the function it returns scores one checked assessment. */
export function plainScorer(set: CriteriaSet): (assessment: Assessment) => PlainTotals {
  const units = (points: number) => Math.round(points * 10_000);
  const step = set.display.rounding === "criterion" ? 10_000 / 10 ** set.display.pointsDecimals : 0;
  const leaves: PlainLeaf[] = [];
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
    const max = units(node.max);
    const points = pointsOf(node, max, reads);
    leaves.push({
      code: node.code,
      section,
      max,
      survey: s.kind === "survey",
      notApplicable: node.notApplicable ? node.notApplicable.policy : null,
      sources,
      points: step === 0 ? points : (facts, items, survey) => Math.floor((points(facts, items, survey) + step / 2) / step) * step,
    });
  };
  for (const area of set.areas) visit(area, "areas");
  for (const item of set.bonus?.items ?? []) visit(item, "bonus");
  for (const item of set.penalty?.items ?? []) visit(item, "penalty");
  const ratios: Ratio[] = Object.entries(set.facts).flatMap(([name, fact]) =>
    fact.derived
      ? [
          {
            name,
            numerator: fact.derived.ratio.numerator,
            denominator: fact.derived.ratio.denominator,
            factor: fact.type === "rate" ? 100 : 1,
            whenZero: fact.derived.whenZero === "not-applicable" ? NOTHING : fact.derived.whenZero,
          },
        ]
      : [],
  );
  const caps = { bonus: units(set.bonus?.cap ?? 0), penalty: units(set.penalty?.cap ?? 0) };
  const zeroWithoutSurvey = set.survey?.whenAbsent === "zero";

  const sums = (facts: Facts, items: Items, survey: Survey) => {
    let points = 0;
    let applicable = 0;
    let bonus = 0;
    let penalty = 0;
    for (const leaf of leaves) {
      let got: number;
      let of = leaf.max;
      if (leaf.notApplicable !== null && (items[leaf.code]?.notApplicable === true || arose(leaf.sources, facts))) {
        got = leaf.notApplicable === "full" ? leaf.max : 0;
        of = got;
      } else if (leaf.survey && survey === undefined) {
        got = 0;
        of = zeroWithoutSurvey ? leaf.max : 0;
      } else got = leaf.points(facts, items, survey);
      if (leaf.section === "areas") {
        points += got;
        applicable += of;
      } else if (leaf.section === "bonus") bonus += got;
      else penalty += got;
    }
    return { points, applicable, total: points + Math.min(bonus, caps.bonus) - Math.min(penalty, caps.penalty) };
  };

  return (assessment) => {
    const survey = assessment.survey?.indicators;
    const facts: Facts = {};
    const items: Items = {};
    let self: ReturnType<typeof sums> | null = null;
    let appraised: ReturnType<typeof sums> | null = null;
    let sawSelf = false;
    let appraisal = false;
    for (const round of assessment.rounds) {
      if (round.round === "explanation") continue;
      if (round.round === "self") sawSelf = true;
      else if (!appraisal) {
        // The self stage is complete (rounds are in order): score it before the appraisal rounds change facts and items.
        appraisal = true;
        if (sawSelf) self = sums(derive(facts, ratios), items, survey);
      }
      for (const name in round.facts) {
        const input = round.facts[name];
        facts[name] = input !== null && typeof input === "object" && !Array.isArray(input) ? input.value : input;
      }
      for (const code in round.items) {
        const input = round.items[code]!;
        const item = (items[code] ??= {});
        if (input.points !== undefined) item.points = input.points;
        if (input.notApplicable !== undefined) item.notApplicable = input.notApplicable;
      }
    }
    if (appraisal) appraised = sums(derive(facts, ratios), items, survey);
    else if (sawSelf) self = sums(derive(facts, ratios), items, survey);
    const final = (appraised ?? self)!;
    return { self: self?.points ?? null, appraised: appraised?.points ?? null, total: final.total, applicable: final.applicable };
  };

  /** A leaf's points as a function, by its kind. */
  function pointsOf(leaf: LeafNode, max: number, reads: string[]): Points {
    const s = leaf.scoring;
    const code = leaf.code;
    switch (s.kind) {
      case "manual":
        return (_, items) => units(items[code]?.points ?? 0);
      case "boolean": {
        const [yes, no, fact] = [units(s.yes), units(s.no), s.fact];
        return (facts) => {
          const value = facts[fact];
          return value === undefined || value === null ? 0 : value === true ? yes : no;
        };
      }
      case "tiers": {
        const [tier, fact] = [tiersOf(s.tiers), s.fact];
        return (facts) => {
          const value = facts[fact];
          return typeof value === "number" ? tier(value) : 0;
        };
      }
      case "survey": {
        const indicator = s.indicator;
        if ("tiers" in s) {
          const tier = tiersOf(s.tiers);
          return (_, __, survey) => {
            const v = survey?.[indicator];
            return v === undefined ? 0 : tier(v);
          };
        }
        const { zeroAt, fullAt } = s.linear;
        return (_, __, survey) => {
          const v = survey?.[indicator];
          return v === undefined ? 0 : Math.round(max * Math.min(1, Math.max(0, (v - zeroAt) / (fullAt - zeroAt))));
        };
      }
      case "logic": {
        const rule = compileLogic(s.rule);
        return (facts) => {
          for (const name of reads) if (facts[name] === undefined || facts[name] === null) return 0;
          return units(Number(rule(facts)));
        };
      }
      case "deadline":
        return deadlineOf(s);
    }
  }

  function tiersOf(tiers: { when: { gt?: number; gte?: number; lt?: number; lte?: number }; points: number }[]): (v: number) => number {
    const list = tiers.map(({ when, points }) => ({
      gt: when.gt ?? -Infinity,
      gte: when.gte ?? -Infinity,
      lt: when.lt ?? Infinity,
      lte: when.lte ?? Infinity,
      points: units(points),
    }));
    return (v) => {
      for (const t of list) if (v > t.gt && v >= t.gte && v < t.lt && v <= t.lte) return t.points;
      return 0;
    };
  }

  function deadlineOf(s: Extract<LeafNode["scoring"], { kind: "deadline" }>): Points {
    const dues = Array.isArray(s.due) ? s.due : [s.due];
    const points = { onTime: units(s.points.onTime), late: units(s.points.late), missing: units(s.points.missing) };
    const worstOnly = s.mode === "all" && dues.length > 1;
    const within = s.lateWithinDays;
    const shifted = new Map<string, string>();
    const dueOn = (due: (typeof dues)[number], facts: Facts): string | null => {
      if (typeof due === "string") return due;
      const base = facts[due.fact];
      if (typeof base !== "string") return null;
      const key = `${base}+${due.plusDays}`;
      let date = shifted.get(key);
      if (date === undefined) shifted.set(key, (date = new Date(Date.parse(`${base}T00:00:00Z`) + due.plusDays * DAY_MS).toISOString().slice(0, 10)));
      return date;
    };
    const fact = s.fact;
    return (facts) => {
      const value = facts[fact];
      let sum = 0;
      let worst = 0; // 0 on time, 1 late, 2 missing
      for (let i = 0; i < dues.length; i++) {
        const due = dueOn(dues[i]!, facts);
        if (due === null) return 0; // no base date yet: 0 of the maximum
        const date = Array.isArray(value) ? (value[i] ?? null) : i === 0 && typeof value === "string" ? value : null;
        const outcome =
          date === null
            ? 2
            : date <= due
              ? 0
              : within !== undefined && Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY_MS) > within
                ? 2
                : 1;
        worst = Math.max(worst, outcome);
        sum += outcome === 0 ? points.onTime : outcome === 1 ? points.late : points.missing;
      }
      return worstOnly ? [points.onTime, points.late, points.missing][worst]! : sum;
    };
  }
}

/** The stage's facts with their derived ratios (re)computed from its counts; undefined (as if absent) where a count is missing. */
function derive(facts: Facts, ratios: Ratio[]): Facts {
  for (const ratio of ratios) {
    const numerator = facts[ratio.numerator];
    const denominator = facts[ratio.denominator];
    facts[ratio.name] =
      typeof numerator !== "number" || typeof denominator !== "number"
        ? undefined
        : denominator === 0
          ? ratio.whenZero
          : (numerator * ratio.factor) / denominator;
  }
  return facts;
}

function arose(sources: string[], facts: Facts): boolean {
  for (const name of sources) if (facts[name] === NOTHING) return true;
  return false;
}

function varsOf(rule: unknown): string[] {
  if (Array.isArray(rule)) return rule.flatMap(varsOf);
  if (rule === null || typeof rule !== "object") return [];
  const [op, args] = Object.entries(rule)[0]!;
  return op === "var" ? [String(Array.isArray(args) ? args[0] : args)] : varsOf(args);
}

type Rule = (facts: Facts) => unknown;

/** A JSON Logic rule turned into a function once: the operators criteria sets use, JavaScript's own semantics. */
function compileLogic(rule: unknown): Rule {
  if (Array.isArray(rule)) {
    const parts = rule.map(compileLogic);
    return (facts) => parts.map((part) => part(facts));
  }
  if (rule === null || typeof rule !== "object") return () => rule;
  const [op, raw] = Object.entries(rule)[0]!;
  const raws: unknown[] = Array.isArray(raw) ? raw : [raw];
  if (op === "var") {
    const name = String(raws[0]);
    return (facts) => facts[name] ?? null;
  }
  const args = raws.map(compileLogic);
  const [a, b] = [args[0]!, args[1]!];
  switch (op) {
    case "if":
      return (facts) => {
        for (let i = 0; i + 1 < args.length; i += 2) if (args[i]!(facts)) return args[i + 1]!(facts);
        return args.length % 2 === 1 ? args.at(-1)!(facts) : null;
      };
    case "==":
      return (facts) => a(facts) === b(facts);
    case "<":
      return (facts) => (a(facts) as number) < (b(facts) as number);
    case "<=":
      return (facts) => (a(facts) as number) <= (b(facts) as number);
    case ">":
      return (facts) => (a(facts) as number) > (b(facts) as number);
    case ">=":
      return (facts) => (a(facts) as number) >= (b(facts) as number);
    case "+":
      return (facts) => {
        let sum = 0;
        for (const arg of args) sum += arg(facts) as number;
        return sum;
      };
    case "-":
      return args.length === 1 ? (facts) => -(a(facts) as number) : (facts) => (a(facts) as number) - (b(facts) as number);
    case "*":
      return (facts) => {
        let product = 1;
        for (const arg of args) product *= arg(facts) as number;
        return product;
      };
    case "/":
      return (facts) => (a(facts) as number) / (b(facts) as number);
    case "min":
      return (facts) => Math.min(...args.map((arg) => arg(facts) as number));
    case "max":
      return (facts) => Math.max(...args.map((arg) => arg(facts) as number));
    default:
      return () => {
        throw new Error(`the plain scorer has no operator ${op}`);
      };
  }
}
