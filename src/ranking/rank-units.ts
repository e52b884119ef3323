import type { CriteriaSet, TieBreaker } from "../criteria/types.js";
import { fromUnits, toUnits } from "../points.js";
import { type Checked, type Problem, problem } from "../problem.js";
import type { AreaSummary, ScoreSummary } from "../scoring/report.js";
import type { BlockRanking, RankedArea, RankedUnit, Ranking } from "./types.js";

/**
 * Ranks units per block by the published index (rounded to the set's precision), then by the
 * set's tie-breakers in turn; units still equal share a rank (1, 2, 2, 4). Listing order within
 * a shared rank is by unit code, so any input order gives the same output. The change since
 * `previous` (last year's ranking) is given only where its block is comparable (`comparableBlock`).
 */
export function rankUnits(set: CriteriaSet, reports: readonly ScoreSummary[], previous?: Ranking): Checked<Ranking> {
  const problems = checkReports(set, reports);
  if (problems.length > 0) return { ok: false, problems };
  const decimals = set.display.indexDecimals;
  const year = reports[0]?.year ?? set.appliesTo.years[0]!;

  const blocks: BlockRanking[] = set.ranking.blocks.map((block) => {
    const members = reports.filter((r) => r.unit.block === block.code);
    const before = comparableBlock(set, block.code, members, previous);
    const ordered = orderBlock(members, set.ranking.ties.breakers);
    const units: RankedUnit[] = [];
    ordered.forEach(({ report, rank }, i) => {
      const above = ordered[i - 1]?.report;
      const tiedWithAbove = above !== undefined && units[i - 1]!.rank === rank;
      const brokenBy = above && !tiedWithAbove && above.totals.index === report.totals.index ? firstBreaker(above, report, set.ranking.ties.breakers) : null;
      const last = before?.get(report.unit.code);
      units.push({
        rank,
        unit: { code: report.unit.code, name: report.unit.name, type: report.unit.type },
        areas: Object.fromEntries(report.areas.map((area) => [area.code, rankedArea(area)])),
        surveyPoints: report.survey.included ? report.totals.surveyPoints : null,
        self: report.totals.self,
        appraised: report.totals.appraised,
        selfGap: gapOf(report.totals.self, report.totals.appraised),
        bonus: report.totals.bonus,
        penalty: report.totals.penalty,
        total: report.totals.total,
        applicableMax: report.totals.applicableMax,
        index: report.totals.index,
        indexText: report.totals.indexText,
        class: report.totals.class,
        tieBrokenBy: brokenBy,
        previous: last
          ? { rank: last.rank, index: last.index, indexChange: roundTo(report.totals.index - last.index, decimals), rankChange: last.rank - rank }
          : null,
      });
    });
    const classCounts = set.classes.map((band) => ({
      code: band.code,
      title: band.title,
      count: units.filter((u) => u.class?.code === band.code).length,
    }));
    return { code: block.code, title: block.title, units, classCounts };
  });
  return { ok: true, value: { criteria: { family: set.family, version: set.version }, display: { ...set.display }, year, blocks } };
}

/**
 * Last year's rank and index per unit of a block, when that block is comparable with this
 * year's: the same criteria family, the same block code, and most units in common (more than
 * half of this year's block were ranked in it, and more than half of it are ranked again). A
 * one-unit pilot is not compared with an eleven-unit year, nor a block merged with another;
 * a unit joining or leaving a block does not stop the others' change being shown.
 */
function comparableBlock(
  set: CriteriaSet,
  code: string,
  members: readonly ScoreSummary[],
  previous: Ranking | undefined,
): Map<string, { rank: number; index: number }> | undefined {
  if (!previous || previous.criteria.family !== set.family) return undefined;
  const last = previous.blocks.find((b) => b.code === code);
  if (!last) return undefined;
  const now = new Set(members.map((r) => r.unit.code));
  const common = last.units.filter((u) => now.has(u.unit.code)).length;
  if (2 * common <= now.size || 2 * common <= last.units.length) return undefined;
  return new Map(last.units.map((u) => [u.unit.code, { rank: u.rank, index: u.index }]));
}

/**
 * One block's reports in ranked order with their ranks: by published index, then the breakers;
 * still equal, a shared rank and unit-code order. The one ordering rule, also used by the
 * robustness analysis on each replicate.
 */
export function orderBlock<T extends ScoreSummary>(members: readonly T[], breakers: readonly TieBreaker[]): { report: T; rank: number }[] {
  const ordered = [...members].sort((a, b) => compareReports(a, b, breakers) || compareText(a.unit.code, b.unit.code));
  const out: { report: T; rank: number }[] = [];
  ordered.forEach((report, i) => {
    const above = ordered[i - 1];
    const tiedWithAbove = above !== undefined && compareReports(above, report, breakers) === 0;
    out.push({ report, rank: tiedWithAbove ? out[i - 1]!.rank : i + 1 });
  });
  return out;
}

function rankedArea(area: AreaSummary): RankedArea {
  const applies = area.applicableMax > 0;
  return {
    points: applies ? area.final : null,
    subIndex: applies ? area.subIndex : null,
    self: area.self,
    appraised: area.appraised,
    gap: gapOf(area.self, area.appraised),
  };
}

/** appraised − self in exact points; null before any appraisal, or when no self-assessment was recorded. */
function gapOf(self: number | null, appraised: number | null): number | null {
  return appraised === null || self === null ? null : fromUnits(toUnits(appraised) - toUnits(self));
}

/** Negative when `a` ranks above `b`. */
function compareReports(a: ScoreSummary, b: ScoreSummary, breakers: readonly TieBreaker[]): number {
  const byIndex = b.totals.index - a.totals.index;
  if (byIndex !== 0) return byIndex;
  for (const breaker of breakers) {
    const order = compareBy(breaker, a, b);
    if (order !== 0) return order;
  }
  return 0;
}

function firstBreaker(a: ScoreSummary, b: ScoreSummary, breakers: readonly TieBreaker[]): string | null {
  return breakers.find((breaker) => compareBy(breaker, a, b) !== 0) ?? null;
}

/** Negative when `a` ranks above `b`. Points compare in exact units, never as float differences. */
function compareBy(breaker: TieBreaker, a: ScoreSummary, b: ScoreSummary): number {
  const higherFirst = (pick: (r: ScoreSummary) => number) => toUnits(pick(b)) - toUnits(pick(a));
  switch (breaker) {
    case "exact-index": {
      const x = a.totals.indexExact;
      const y = b.totals.indexExact;
      return Math.sign(y.numerator * x.denominator - x.numerator * y.denominator);
    }
    case "survey":
      return higherFirst((r) => r.totals.surveyPoints);
    case "appraised":
      return higherFirst((r) => r.totals.appraised ?? r.totals.self ?? 0);
    case "fewer-penalties":
      return -higherFirst((r) => r.totals.penalty);
    case "smaller-self-gap":
      return selfGapUnits(a) - selfGapUnits(b);
    default: {
      const code = breaker.slice("area:".length);
      return higherFirst((r) => r.areas.find((area) => area.code === code)?.final ?? 0);
    }
  }
}

/** The gap in units; a unit without a recorded self-assessment has no gap and goes after those with one. */
function selfGapUnits(report: ScoreSummary): number {
  const { self, appraised } = report.totals;
  if (self === null) return Number.MAX_SAFE_INTEGER;
  return Math.abs(toUnits(appraised ?? self) - toUnits(self));
}

function checkReports(set: CriteriaSet, reports: readonly ScoreSummary[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const blocks = new Set(set.ranking.blocks.map((b) => b.code));
  const year = reports[0]?.year;
  reports.forEach((report, i) => {
    const path = () => `reports[${i}] (${report.unit.code})`;
    if (report.criteria.family !== set.family || report.criteria.version !== set.version) {
      problems.push(
        problem(
          "criteria-mismatch",
          path(),
          `scored with ${report.criteria.family} ${report.criteria.version}, not ${set.family} ${set.version}: rank units scored with one set`,
          `được chấm theo ${report.criteria.family} ${report.criteria.version}, không phải ${set.family} ${set.version}: chỉ xếp hạng các đơn vị chấm cùng một bộ tiêu chí`,
        ),
      );
    }
    if (report.year !== year) {
      problems.push(
        problem(
          "criteria-mismatch",
          path(),
          `is for ${report.year}, others for ${year}: rank one year at a time`,
          `thuộc năm ${report.year}, các đơn vị khác thuộc năm ${year}: mỗi lần chỉ xếp hạng một năm`,
        ),
      );
    }
    if (seen.has(report.unit.code)) {
      problems.push(
        problem(
          "duplicate-code",
          path(),
          `unit ${report.unit.code} appears twice: give each unit one report`,
          `đơn vị ${report.unit.code} xuất hiện hai lần: mỗi đơn vị chỉ một kết quả`,
        ),
      );
    }
    seen.add(report.unit.code);
    if (!blocks.has(report.unit.block)) {
      problems.push(
        problem(
          "unknown-block",
          path(),
          `block "${report.unit.block}" is not one of: ${[...blocks].join(", ")}`,
          `khối "${report.unit.block}" không có trong bộ tiêu chí`,
        ),
      );
    }
  });
  return problems;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
