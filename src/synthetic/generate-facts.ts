import type { FactValue } from "../assessment/types.js";
import { factDomain } from "../criteria/fact-domain.js";
import type { CriteriaSet, FactDeclaration } from "../criteria/types.js";
import { addDays } from "../rules/dates.js";
import type { ResolvedFact } from "../scoring/evaluate-leaf.js";
import { chooseByPoints } from "./choose-by-points.js";
import type { DeadlineScoring, FactUse } from "./collect-fact-uses.js";
import { listCandidates, listNumeratorCandidates } from "./list-candidates.js";
import { type Ratio, listRatios, resolveRatio } from "./list-ratios.js";
import type { UnitProfile } from "./unit-profile.js";
import { valueIn } from "./value-in.js";

export interface GeneratedFacts {
  values: Record<string, FactValue>;
  /** For counts entered as ratio numerators: the values that keep every ratio in its domain. */
  bounds: Record<string, { min: number; max: number }>;
}

/**
 * A value for every entered (not derived) fact of the set, within its declared bounds: dates
 * around their due dates (on time, late or missing), counts sized to the unit with every derived
 * ratio in its domain, and booleans and numbers chosen by the points they earn, so the unit's
 * quality shows in its score. Facts are drawn in dependency order: due-date bases, dates,
 * denominators before numerators, then the rest (so `staff_quota` can be set against `staff_count`).
 */
export function generateFacts(set: CriteriaSet, uses: ReadonlyMap<string, FactUse>, profile: UnitProfile): GeneratedFacts {
  const values: Record<string, FactValue> = {};
  const bounds: Record<string, { min: number; max: number }> = {};
  const context = new Map<string, ResolvedFact>();
  const ratios = listRatios(set);
  const put = (name: string, value: FactValue) => {
    values[name] = value;
    context.set(name, value);
    for (const r of ratios) if (r.numerator === name || r.denominator === name) context.set(r.name, resolveRatio(r, context));
    return context;
  };
  const entered = Object.entries(set.facts).filter(([, fact]) => !fact.derived);
  const ratioParts = new Set(ratios.flatMap((r) => [r.numerator, r.denominator]));
  const isDate = (fact: FactDeclaration) => fact.type === "date" || fact.type === "dates";

  for (const [name, fact] of entered.filter(([name, fact]) => isDate(fact) && uses.get(name)?.dueBase))
    put(name, pickDates(fact, uses.get(name), values, profile));
  for (const [name, fact] of entered.filter(([name, fact]) => isDate(fact) && !uses.get(name)?.dueBase))
    put(name, pickDates(fact, uses.get(name), values, profile));

  const pending = entered.filter(([name]) => ratioParts.has(name));
  while (pending.length > 0) {
    const ready = pending.findIndex(([name]) => ratios.every((r) => r.numerator !== name || typeof values[r.denominator] === "number"));
    const [name, fact] = pending.splice(Math.max(ready, 0), 1)[0]!;
    const own = ready >= 0 ? ratios.filter((r) => r.numerator === name) : [];
    if (own.length === 0) {
      put(name, pickCount(fact, profile));
      continue;
    }
    if (own.some((r) => values[r.denominator] === 0)) {
      put(name, Math.min(factDomain(fact).max, Math.max(factDomain(fact).min, 0)));
      continue;
    }
    const range = numeratorBounds(fact, own, values);
    bounds[name] = range;
    const candidates = listNumeratorCandidates(fact, own, range, uses, context, profile);
    put(
      name,
      chooseByPoints(set, uses.get(name)?.readers ?? [], candidates.length > 0 ? candidates : [range.min], (v) => put(name, v), profile),
    );
  }

  for (const [name, fact] of entered.filter(([name, fact]) => !isDate(fact) && !ratioParts.has(name))) {
    const use = uses.get(name);
    if (fact.type === "boolean") {
      const readers = use?.readers ?? [];
      const value =
        readers.length > 0 ? chooseByPoints(set, readers, [true, false], (v) => put(name, v), profile) : profile.random.chance(0.6 + 0.38 * profile.quality);
      put(name, profile.random.chance(0.01) ? null : value);
    } else {
      const listed = listCandidates(fact, use, context, profile);
      const candidates = listed.length > 0 ? listed : [valueIn({}, factDomain(fact), fact.type === "integer", profile.random)];
      put(
        name,
        chooseByPoints(set, use?.readers ?? [], candidates, (v) => put(name, v), profile),
      );
    }
  }
  return { values, bounds };
}

function pickDates(fact: FactDeclaration, use: FactUse | undefined, values: Record<string, FactValue>, profile: UnitProfile): FactValue {
  const { random, year } = profile;
  const deadline = use?.deadline ?? null;
  if (fact.type === "date") {
    if (use?.dueBase) return addDays(`${year}-01-01`, random.int(2, 40));
    const due = deadline ? dueDate(deadline, 0, values) : null;
    return due && deadline ? pickDate(due, deadline, profile) : addDays(`${year}-01-01`, random.int(0, 364));
  }
  const length = fact.length ?? (deadline && Array.isArray(deadline.due) ? deadline.due.length : 4);
  return Array.from({ length }, (_, i) => {
    const due = deadline ? dueDate(deadline, i, values) : null;
    if (due && deadline) return pickDate(due, deadline, profile);
    return random.chance(0.05) ? null : addDays(`${year}-01-01`, Math.min(364, Math.floor((365 * (i + 1)) / length) - random.int(1, 20)));
  });
}

function dueDate(deadline: DeadlineScoring, i: number, values: Record<string, FactValue>): string | null {
  const dues = Array.isArray(deadline.due) ? deadline.due : [deadline.due];
  const due = dues[Math.min(i, dues.length - 1)];
  if (due === undefined) return null;
  if (typeof due === "string") return due;
  const base = values[due.fact];
  return typeof base === "string" ? addDays(base, due.plusDays) : null;
}

/** On time (up to 20 days early), late (mostly within the grace period) or missing, by quality. */
function pickDate(due: string, deadline: DeadlineScoring, { quality, random }: UnitProfile): string | null {
  const draw = random.next();
  const missing = 0.01 + 0.08 * (1 - quality);
  if (draw < missing) return null;
  if (draw < missing + 0.35 + 0.6 * quality) return addDays(due, -random.int(0, 20));
  const within = deadline.lateWithinDays;
  return addDays(due, within !== undefined && random.chance(0.85) ? random.int(1, Math.max(1, within)) : random.int(1, (within ?? 20) + 15));
}

/** A count scaled to the unit's size within the fact's range (log scale), sometimes 0. */
function pickCount(fact: FactDeclaration, { size, random }: UnitProfile): number {
  const { min, max } = factDomain(fact);
  const high = Math.min(5000, Number.isFinite(max) ? max / 10 : 5000);
  const low = Math.max(1, high / 100);
  const scale = Math.min(1, Math.max(0, size + random.between(-0.15, 0.15)));
  const value = random.chance(0.04) ? 0 : Math.round(low * (high / low) ** scale);
  return Math.min(max, Math.max(min, value));
}

/** The counts that keep every ratio with this numerator inside its domain. */
function numeratorBounds(fact: FactDeclaration, ratios: readonly Ratio[], values: Record<string, FactValue>): { min: number; max: number } {
  let { min, max } = factDomain(fact);
  for (const r of ratios) {
    const d = values[r.denominator] as number;
    if (d <= 0) continue;
    min = Math.max(min, Math.ceil((r.domain.min * d) / r.factor));
    if (Number.isFinite(r.domain.max)) max = Math.min(max, Math.floor((r.domain.max * d) / r.factor));
  }
  return { min: Number.isFinite(min) ? min : 0, max };
}
