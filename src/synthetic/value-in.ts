import { rangeContains } from "../criteria/range.js";
import type { Range } from "../criteria/types.js";
import type { Random } from "./random.js";

/** A value within `domain` (whole when `integer`, else to 0.1), and within `range` whenever the two meet. */
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
