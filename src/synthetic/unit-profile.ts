import type { Random } from "./random.js";

/** One synthetic unit: its quality (0 poor … 1 excellent) drives every value drawn for it. */
export interface UnitProfile {
  quality: number;
  random: Random;
  year: number;
  /** How big the unit is (0 small … 1 large): scales its counts of dossiers, staff, tasks. */
  size: number;
}

/** A leaning of the unit's quality for one draw: mostly near it, sometimes well off. */
export function lean(profile: UnitProfile): number {
  return Math.min(1, Math.max(0, profile.quality + (profile.random.next() - 0.5) * 0.5));
}
