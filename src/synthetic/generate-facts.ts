import type { FactValue } from "../assessment/types.js";
import { factDomain } from "../criteria/fact-domain.js";
import { rangeContains } from "../criteria/range.js";
import type { CriteriaSet, FactDeclaration, Range } from "../criteria/types.js";
import { addDays } from "../rules/dates.js";
import type { DeadlineScoring, FactUse } from "./collect-fact-uses.js";
import type { Random } from "./random.js";

/** One synthetic unit: its quality (0 poor … 1 excellent) drives every value drawn for it. */
export interface UnitProfile {
  quality: number;
  random: Random;
  year: number;
}

export interface GeneratedFacts {
  values: Record<string, FactValue>;
  /** For counts entered as ratio numerators: the lowest value that keeps every ratio in bounds. */
  floors: Record<string, number>;
}

interface Ratio {
  name: string;
  numerator: string;
  denominator: string;
  factor: number;
  domain: { min: number; max: number };
}

/**
 * A value for every entered (not derived) fact of the set, within its declared bounds: counts
 * such that each derived ratio stays in its domain, dates around their due dates (on time,
 * late or missing), booleans mostly true, numbers spread over the tiers that score them.
 */
export function generateFacts(set: CriteriaSet, uses: ReadonlyMap<string, FactUse>, profile: UnitProfile): GeneratedFacts {
  const values: Record<string, FactValue> = {};
  const floors: Record<string, number> = {};
  const ratios: Ratio[] = Object.entries(set.facts).flatMap(([name, fact]) =>
    fact.derived ? [{ name, ...fact.derived.ratio, factor: fact.type === "rate" ? 100 : 1, domain: factDomain(fact) }] : [],
  );
  const ratioParts = new Set(ratios.flatMap((r) => [r.numerator, r.denominator]));
  const entered = Object.entries(set.facts).filter(([name, fact]) => !fact.derived && !ratioParts.has(name));
  const bases = entered.filter(([name]) => uses.get(name)?.dueBase);
  for (const [name, fact] of [...bases, ...entered.filter(([name]) => !uses.get(name)?.dueBase)]) {
    values[name] = pickValue(fact, uses.get(name), values, profile);
  }

  const size = Math.exp(profile.random.between(Math.log(30), Math.log(3000)));
  const pending = [...ratioParts];
  while (pending.length > 0) {
    const ready = pending.findIndex((name) => ratios.every((r) => r.numerator !== name || typeof values[r.denominator] === "number"));
    const name = pending.splice(Math.max(ready, 0), 1)[0]!;
    const fact = set.facts[name]!;
    const asNumerator = ready >= 0 ? ratios.filter((r) => r.numerator === name) : [];
    if (asNumerator.length === 0) {
      values[name] = pickCount(fact, size, profile.random);
      continue;
    }
    const { value, floor } = pickNumerator(fact, asNumerator, values, (r) => pickNumber(set.facts[r.name]!, uses.get(r.name), profile));
    values[name] = value;
    floors[name] = floor;
  }
  return { values, floors };
}

/** A leaning of the unit's quality: mostly near it, sometimes well off. */
export function lean(profile: UnitProfile): number {
  return Math.min(1, Math.max(0, profile.quality + (profile.random.next() - 0.5) * 0.5));
}

function pickValue(fact: FactDeclaration, use: FactUse | undefined, values: Record<string, FactValue>, profile: UnitProfile): FactValue {
  const { random, quality, year } = profile;
  switch (fact.type) {
    case "boolean":
      return random.chance(0.01) ? null : random.chance(0.6 + 0.38 * quality);
    case "date": {
      if (use?.dueBase) return addDays(`${year}-01-01`, random.int(2, 40));
      const due = use?.deadline ? dueDate(use.deadline, 0, values) : null;
      return due && use?.deadline ? pickDate(due, use.deadline, profile) : addDays(`${year}-01-01`, random.int(0, 364));
    }
    case "dates": {
      const deadline = use?.deadline ?? null;
      const length = fact.length ?? (deadline && Array.isArray(deadline.due) ? deadline.due.length : 4);
      return Array.from({ length }, (_, i) => {
        const due = deadline ? dueDate(deadline, i, values) : null;
        if (due && deadline) return pickDate(due, deadline, profile);
        return random.chance(0.05) ? null : addDays(`${year}-01-01`, Math.min(364, Math.floor((365 * (i + 1)) / length) - random.int(1, 20)));
      });
    }
    default:
      return pickNumber(fact, use, profile);
  }
}

function dueDate(deadline: DeadlineScoring, i: number, values: Record<string, FactValue>): string | null {
  const dues = Array.isArray(deadline.due) ? deadline.due : [deadline.due];
  const due = dues[Math.min(i, dues.length - 1)];
  if (due === undefined) return null;
  if (typeof due === "string") return due;
  const base = values[due.fact];
  return typeof base === "string" ? addDays(base, due.plusDays) : null;
}

function pickDate(due: string, deadline: DeadlineScoring, { quality, random }: UnitProfile): string | null {
  const draw = random.next();
  const missing = 0.01 + 0.08 * (1 - quality);
  if (draw < missing) return null;
  if (draw < missing + 0.35 + 0.6 * quality) return addDays(due, -random.int(0, 20));
  const within = deadline.lateWithinDays;
  return addDays(due, within !== undefined && random.chance(0.85) ? random.int(1, Math.max(1, within)) : random.int(1, (within ?? 20) + 15));
}

/** A number for the fact: in a tier picked by quality, or around the thresholds a logic rule tests. */
function pickNumber(fact: FactDeclaration, use: FactUse | undefined, profile: UnitProfile): number {
  const domain = factDomain(fact);
  const integer = fact.type === "integer";
  const leaning = lean(profile);
  if (use && use.tiers.length > 0) {
    const tier = use.tiers[Math.min(use.tiers.length - 1, Math.floor(leaning * use.tiers.length))]!;
    return valueIn(tier.when, domain, integer, profile.random);
  }
  if (use && use.thresholds.length > 0) {
    const edges = use.thresholds.filter((t) => t > domain.min && t < domain.max);
    const lowest = Number.isFinite(domain.min) ? domain.min : Math.min(0, (edges[0] ?? 0) - 10);
    const highest = Number.isFinite(domain.max) ? domain.max : (edges.at(-1) ?? lowest) + 10;
    const bounds = [lowest, ...edges, highest];
    const k = Math.min(bounds.length - 2, Math.floor(leaning * (bounds.length - 1)));
    return valueIn({ gte: bounds[k]!, lte: bounds[k + 1]! }, domain, integer, profile.random);
  }
  const typical = fact.type === "rate" ? { gte: 50 + 50 * leaning, lte: 50 + 50 * leaning } : { gte: Math.round(leaning * 5), lte: Math.round(leaning * 5) };
  return valueIn(typical, domain, integer, profile.random);
}

/** A value within `domain`, and within `range` whenever the two meet. */
export function valueIn(range: Range, domain: { min: number; max: number }, integer: boolean, random: Random): number {
  let lo = Math.max(domain.min, range.gt ?? range.gte ?? -Infinity);
  let hi = Math.min(domain.max, range.lt ?? range.lte ?? Infinity);
  if (!Number.isFinite(lo)) lo = Number.isFinite(hi) ? hi - 10 : 0;
  if (!Number.isFinite(hi)) hi = lo + Math.max(10, Math.abs(lo));
  const snap = (v: number) => (integer ? Math.round(v) : Math.round(v * 10) / 10);
  const fits = (v: number) => rangeContains(range, v) && v >= domain.min && v <= domain.max;
  for (let attempt = 0; attempt < 6; attempt++) {
    const v = snap(random.between(lo, hi));
    if (fits(v)) return v;
  }
  const fallback = [snap(lo), snap(hi), Math.ceil(lo), Math.floor(hi), lo, hi].find(fits);
  if (fallback !== undefined) return fallback;
  const inDomain = [snap(lo), Math.ceil(lo), lo].find((v) => v >= domain.min && v <= domain.max);
  return inDomain ?? (Number.isFinite(domain.min) ? domain.min : Math.min(0, domain.max));
}

function pickCount(fact: FactDeclaration, size: number, random: Random): number {
  const { min, max } = factDomain(fact);
  const value = random.chance(0.04) ? 0 : Math.round(size * random.between(0.6, 1.4));
  return Math.min(max, Math.max(min, value));
}

function pickNumerator(
  fact: FactDeclaration,
  ratios: Ratio[],
  values: Record<string, FactValue>,
  target: (ratio: Ratio) => number,
): { value: number; floor: number } {
  let { min: lower, max: upper } = factDomain(fact);
  for (const r of ratios) {
    const d = values[r.denominator] as number;
    if (d <= 0) continue;
    lower = Math.max(lower, Math.ceil((r.domain.min * d) / r.factor));
    if (Number.isFinite(r.domain.max)) upper = Math.min(upper, Math.floor((r.domain.max * d) / r.factor));
  }
  const first = ratios[0]!;
  const d = values[first.denominator] as number;
  let value = d > 0 ? Math.round((target(first) * d) / first.factor) : 0;
  value = Math.min(upper, Math.max(lower, value));
  for (const r of ratios) {
    const dr = values[r.denominator] as number;
    if (dr <= 0) continue;
    while (value > lower && (value * r.factor) / dr > r.domain.max) value--;
    while (value < upper && (value * r.factor) / dr < r.domain.min) value++;
  }
  return { value, floor: Number.isFinite(lower) ? Math.min(lower, value) : value };
}
