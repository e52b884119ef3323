import { factDomain } from "../criteria/fact-domain.js";
import type { FactDeclaration } from "../criteria/types.js";
import type { ResolvedFact } from "../scoring/evaluate-leaf.js";
import type { FactUse } from "./collect-fact-uses.js";
import { type UnitProfile, lean } from "./unit-profile.js";
import { valueIn } from "./value-in.js";
import type { Ratio } from "./list-ratios.js";

/**
 * Values worth trying for an entered number: one in each tier that scores it, both sides of
 * every number and every fact a logic rule compares it with, a typical value and the lowest.
 */
export function listCandidates(fact: FactDeclaration, use: FactUse | undefined, context: ReadonlyMap<string, ResolvedFact>, profile: UnitProfile): number[] {
  const domain = factDomain(fact);
  const integer = fact.type === "integer";
  const step = integer ? 1 : 0.1;
  const out = [typicalValue(fact, profile)];
  if (Number.isFinite(domain.min)) out.push(domain.min);
  for (const tier of use?.tiers ?? []) out.push(valueIn(tier.when, domain, integer, profile.random));
  for (const t of use?.thresholds ?? []) out.push(t - step, t, t + step);
  for (const peer of use?.peers ?? []) {
    const value = context.get(peer);
    if (typeof value === "number") out.push(value - 1, value, value + 1);
  }
  return distinct(out.filter((v) => v >= domain.min && v <= domain.max && (!integer || Number.isInteger(v))));
}

/**
 * Values worth trying for a count that is the numerator of ratios: its own candidates, and the
 * counts that put each ratio in each of its tiers or at each side of its thresholds, all within
 * `bounds` (the counts that keep every ratio inside its domain).
 */
export function listNumeratorCandidates(
  fact: FactDeclaration,
  ratios: readonly Ratio[],
  bounds: { min: number; max: number },
  uses: ReadonlyMap<string, FactUse>,
  context: ReadonlyMap<string, ResolvedFact>,
  profile: UnitProfile,
): number[] {
  const out = listCandidates(fact, uses.get(ratios[0]!.numerator), context, profile);
  out.push(bounds.min);
  if (Number.isFinite(bounds.max)) out.push(bounds.max);
  for (const ratio of ratios) {
    const denominator = context.get(ratio.denominator);
    if (typeof denominator !== "number" || denominator <= 0) continue;
    const use = uses.get(ratio.name);
    const toCount = (share: number) => (share * denominator) / ratio.factor;
    const inside = [
      ratio.factor === 100 ? 50 + 50 * lean(profile) : lean(profile) * 2,
      ...(use?.tiers ?? []).map((tier) => valueIn(tier.when, ratio.domain, false, profile.random)),
    ];
    for (const count of inside.map(toCount)) out.push(Math.floor(count), Math.ceil(count));
    for (const count of (use?.thresholds ?? []).map(toCount)) out.push(Math.floor(count) - 1, Math.floor(count), Math.ceil(count), Math.ceil(count) + 1);
  }
  const fits = (v: number) =>
    v >= bounds.min &&
    v <= bounds.max &&
    ratios.every((r) => {
      const d = context.get(r.denominator);
      return typeof d !== "number" || d <= 0 || ((v * r.factor) / d >= r.domain.min && (v * r.factor) / d <= r.domain.max);
    });
  return distinct(out.map((v) => (fact.type === "integer" ? Math.round(v) : v)).filter(fits));
}

function typicalValue(fact: FactDeclaration, profile: UnitProfile): number {
  const { min, max } = factDomain(fact);
  const value = fact.type === "rate" ? Math.round((50 + 50 * lean(profile)) * 10) / 10 : profile.random.int(0, 3);
  return Math.min(max, Math.max(min, value));
}

function distinct(values: number[]): number[] {
  return [...new Set(values.map((v) => Math.round(v * 10_000) / 10_000))];
}
