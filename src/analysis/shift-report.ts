import { rangeContains } from "../criteria/range.js";
import type { CriteriaSet } from "../criteria/types.js";
import { formatScaled, fromUnits, percent, percentScaled, toUnits } from "../points.js";
import type { AreaSummary, ScoreSummary } from "../scoring/report.js";

/** Point changes to one unit's report, in units: per top-level area, and how much of each comes from the survey. */
export interface ReportShift {
  /** Change of the final (and appraised) points per area index. */
  areas: Map<number, number>;
  /** Change of the survey points per area index (survey items score the same in both stages, so self moves too). */
  survey: Map<number, number>;
}

/**
 * The report as `scoreAssessment` would write it had the shifted items scored differently: the
 * same exact unit sums, the same half-up index and the same class lookup, applied to the
 * totals only (explanations, gaps and the self-gap list are left as they were). The maximum does
 * not move: only scored items shift, within their own maximum. The property test
 * `shift-report.test.ts` checks the totals against a full re-score.
 */
export function shiftReport<T extends ScoreSummary>(set: CriteriaSet, report: T, shift: ReportShift): T {
  let all = 0;
  let survey = 0;
  const decimals = set.display.indexDecimals;
  const areas = report.areas.map((area, index): AreaSummary => {
    const delta = shift.areas.get(index) ?? 0;
    const fromSurvey = shift.survey.get(index) ?? 0;
    if (delta === 0 && fromSurvey === 0) return area;
    all += delta;
    survey += fromSurvey;
    const final = toUnits(area.final) + delta;
    const applicable = toUnits(area.applicableMax);
    return {
      ...area,
      self: area.self === null ? null : fromUnits(toUnits(area.self) + fromSurvey),
      appraised: area.appraised === null ? null : fromUnits(toUnits(area.appraised) + delta),
      final: fromUnits(final),
      subIndex: applicable > 0 ? percent(final, applicable, decimals) : null,
    };
  });
  if (all === 0 && survey === 0) return report;
  const totals = report.totals;
  const total = toUnits(totals.total) + all;
  const applicable = toUnits(totals.applicableMax);
  const indexScaled = percentScaled(total, applicable, decimals);
  const index = indexScaled / 10 ** decimals;
  const band = set.classes.find((c) => rangeContains(c.index, index));
  return {
    ...report,
    areas,
    totals: {
      ...totals,
      self: totals.self === null ? null : fromUnits(toUnits(totals.self) + survey),
      appraised: totals.appraised === null ? null : fromUnits(toUnits(totals.appraised) + all),
      points: fromUnits(toUnits(totals.points) + all),
      total: fromUnits(total),
      index,
      indexText: formatScaled(indexScaled, decimals),
      indexExact: { numerator: total, denominator: applicable },
      class: band ? { code: band.code, title: band.title } : null,
      surveyPoints: fromUnits(toUnits(totals.surveyPoints) + survey),
    },
  };
}
