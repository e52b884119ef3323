import { Z_95, wilsonInterval } from "../survey/wilson-interval.js";
import type { Random } from "../synthetic/random.js";

/**
 * One plausible survey result for a unit, drawn from its sampling uncertainty: the observed
 * share `value` (on the indicator's scale, min…max, usually a percentage) of `respondents`
 * people. The draw is normal around the centre of the Wilson interval the importer reports,
 * with the spread that makes that interval the draw's 95 % band, and kept within min…max.
 * Respondents unknown or 0: no known uncertainty, the value itself.
 */
export function drawSurveyValue(value: number, respondents: number | undefined, scale: { min: number; max: number }, random: Random): number {
  if (respondents === undefined || respondents <= 0 || scale.max <= scale.min) return value;
  const share = Math.min(1, Math.max(0, (value - scale.min) / (scale.max - scale.min)));
  const [low, high] = wilsonInterval(share * respondents, respondents)!;
  const drawn = (low + high) / 2 + ((high - low) / (2 * Z_95)) * standardNormal(random);
  return scale.min + Math.min(1, Math.max(0, drawn)) * (scale.max - scale.min);
}

/** A standard normal variate from two uniform draws (Box–Muller). */
export function standardNormal(random: Random): number {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
