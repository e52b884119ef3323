import type { Range } from "./types.js";

/**
 * Ranges with explicit edges (`{ "gte": 70, "lt": 90 }`) as used by tiers and classes, and the
 * check that a list of them covers a domain with neither gaps nor overlaps.
 */
interface Interval {
  lo: number;
  loIncluded: boolean;
  hi: number;
  hiIncluded: boolean;
}

export function rangeContains(range: Range, value: number): boolean {
  if (range.gt !== undefined && !(value > range.gt)) return false;
  if (range.gte !== undefined && !(value >= range.gte)) return false;
  if (range.lt !== undefined && !(value < range.lt)) return false;
  if (range.lte !== undefined && !(value <= range.lte)) return false;
  return true;
}

/** "≥ 70 và < 90" / "> 90": the range as people write it. */
export function describeRange(range: Range, and = "and"): string {
  const parts: string[] = [];
  if (range.gt !== undefined) parts.push(`> ${range.gt}`);
  if (range.gte !== undefined) parts.push(`≥ ${range.gte}`);
  if (range.lt !== undefined) parts.push(`< ${range.lt}`);
  if (range.lte !== undefined) parts.push(`≤ ${range.lte}`);
  return parts.length === 0 ? "any value" : parts.join(` ${and} `);
}

export function isEmptyRange(range: Range): boolean {
  const { lo, loIncluded, hi, hiIncluded } = toInterval(range);
  return lo > hi || (lo === hi && !(loIncluded && hiIncluded));
}

export type CoverageIssue = { kind: "overlap"; first: number; second: number; at: string } | { kind: "gap"; between: { en: string; vi: string } };

/**
 * Finds overlaps between ranges and gaps in their union over `domain` (inclusive bounds,
 * possibly infinite). With `integers`, only whole values count, so `≤ 2` and `≥ 3` touch.
 */
export function checkCoverage(ranges: Range[], domain: { min: number; max: number }, integers = false): CoverageIssue[] {
  const intervals = ranges.map((range, index) => ({ index, ...toInterval(range, integers) }));
  intervals.sort((a, b) => a.lo - b.lo || Number(b.loIncluded) - Number(a.loIncluded) || a.index - b.index);
  const issues: CoverageIssue[] = [];
  let reach: (Interval & { index: number }) | null = null;
  let cursor: Interval = { lo: domain.min, loIncluded: true, hi: domain.min, hiIncluded: false };
  for (const next of intervals) {
    if (reach && (reach.hi > next.lo || (reach.hi === next.lo && reach.hiIncluded && next.loIncluded))) {
      issues.push({ kind: "overlap", first: reach.index, second: next.index, at: describeOverlap(reach, next) });
    }
    if (!reachesEnd(cursor, domain.max) && leavesGap(cursor, next, integers)) {
      issues.push({ kind: "gap", between: describeGap(cursor, next, integers) });
    }
    if (!reach || next.hi > reach.hi || (next.hi === reach.hi && next.hiIncluded)) reach = next;
    if (next.hi > cursor.hi || (next.hi === cursor.hi && next.hiIncluded)) cursor = next;
  }
  if (!reachesEnd(cursor, domain.max)) {
    // A virtual interval just past the domain's end, so the gap description includes the end itself.
    const end: Interval = integers
      ? { lo: domain.max + 1, loIncluded: true, hi: Infinity, hiIncluded: false }
      : { lo: domain.max, loIncluded: false, hi: Infinity, hiIncluded: false };
    if (leavesGap(cursor, end, integers)) issues.push({ kind: "gap", between: describeGap(cursor, end, integers) });
  }
  return issues;
}

function reachesEnd(cursor: Interval, max: number): boolean {
  return cursor.hi > max || (cursor.hi === max && cursor.hiIncluded);
}

function toInterval(range: Range, integers = false): Interval {
  let lo = range.gt ?? range.gte ?? -Infinity;
  let loIncluded = range.gte !== undefined;
  let hi = range.lt ?? range.lte ?? Infinity;
  let hiIncluded = range.lte !== undefined;
  if (integers) {
    if (Number.isFinite(lo)) {
      lo = loIncluded ? Math.ceil(lo) : Math.floor(lo) + 1;
      loIncluded = true;
    }
    if (Number.isFinite(hi)) {
      hi = hiIncluded ? Math.floor(hi) : Math.ceil(hi) - 1;
      hiIncluded = true;
    }
  }
  return { lo, loIncluded, hi, hiIncluded };
}

function leavesGap(before: Interval, after: Interval, integers: boolean): boolean {
  if (integers) return after.lo > before.hi + (before.hiIncluded ? 1 : 0);
  return before.hi < after.lo || (before.hi === after.lo && !before.hiIncluded && !after.loIncluded);
}

function describeGap(before: Interval, after: Interval, integers: boolean): { en: string; vi: string } {
  if (integers) {
    const from = before.hiIncluded ? before.hi + 1 : before.hi;
    const to = after.lo - 1;
    const span = from === to ? `${from}` : `${from}…${to}`;
    return { en: span, vi: span };
  }
  if (before.hi === after.lo) return { en: `exactly ${before.hi}`, vi: `đúng bằng ${before.hi}` };
  const edge = (value: number, excluded: boolean, word: string) => `${value}${excluded ? ` (${word})` : ""}`;
  return {
    en: `from ${edge(before.hi, before.hiIncluded, "excluded")} to ${edge(after.lo, after.loIncluded, "excluded")}`,
    vi: `từ ${edge(before.hi, before.hiIncluded, "không tính")} đến ${edge(after.lo, after.loIncluded, "không tính")}`,
  };
}

function describeOverlap(a: Interval, b: Interval): string {
  const hi = Math.min(a.hi, b.hi);
  return b.lo === hi ? `${hi}` : `${b.lo}…${hi}`;
}
