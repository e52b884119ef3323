import { leafFacts } from "../criteria/leaf-facts.js";
import type { CriteriaSet, LeafNode } from "../criteria/types.js";
import type { Section } from "../criteria/walk-criteria.js";
import { type ResolvedFact, evaluateLeaf, isProblem } from "../scoring/evaluate-leaf.js";
import { type UnitProfile, lean } from "./unit-profile.js";

/**
 * Picks one candidate value for a fact by the points it earns on the leaves that read it, so
 * the unit's quality decides how well it does: a strong unit mostly lands in the best group of
 * candidates, a weak one lower. Bonus and penalty points are rare whatever the quality (penalty
 * points count against). Candidates that make a rule fail are never chosen.
 */
export function chooseByPoints<T>(
  set: CriteriaSet,
  readers: readonly { leaf: LeafNode; section: Section }[],
  candidates: readonly T[],
  tryValue: (candidate: T) => ReadonlyMap<string, ResolvedFact>,
  profile: UnitProfile,
): T {
  const rated: { candidate: T; points: number }[] = [];
  for (const candidate of candidates) {
    const points = earnedPoints(set, readers, tryValue(candidate));
    if (points !== null) rated.push({ candidate, points });
  }
  if (rated.length === 0) return candidates[0]!;
  const levels = [...new Set(rated.map((r) => r.points))].sort((a, b) => a - b);
  const { random, quality } = profile;
  let level: number;
  if (readers.some((r) => r.section === "areas")) {
    level = levels[Math.min(levels.length - 1, Math.floor(lean(profile) * levels.length))]!;
  } else {
    const neutral = levels.reduce((best, p) => (Math.abs(p) < Math.abs(best) ? p : best));
    const penalty = readers.some((r) => r.section === "penalty");
    const rare = random.chance(penalty ? 0.03 + 0.2 * (1 - quality) : 0.03 + 0.15 * quality);
    const others = levels.filter((p) => p !== neutral);
    level = rare && others.length > 0 ? random.pick(others) : neutral;
  }
  return random.pick(rated.filter((r) => r.points === level)).candidate;
}

/** Units the leaves give for these facts (penalties count against), or null when a rule fails. */
export function earnedPoints(
  set: CriteriaSet,
  readers: readonly { leaf: LeafNode; section: Section }[],
  facts: ReadonlyMap<string, ResolvedFact>,
): number | null {
  let points = 0;
  for (const { leaf, section } of readers) {
    // A logic leaf counts once all its facts are drawn, whichever branch would read them, so that
    // the facts drawn first are not favoured by the order of drawing.
    if (leaf.scoring.kind === "logic" && leafFacts(leaf).some((name) => facts.get(name) === undefined || facts.get(name) === null)) continue;
    const outcome = evaluateLeaf(set, leaf, { facts, points: undefined, survey: null });
    if (isProblem(outcome)) return null;
    points += section === "penalty" ? -outcome.units : outcome.units;
  }
  return points;
}
