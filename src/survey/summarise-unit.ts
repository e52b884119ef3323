import type { CriteriaSet } from "../criteria/types.js";
import { requiredSampleSize } from "./required-sample-size.js";
import type { Estimate, ScaleQuestionResult, SelectManyResult, UnitSurveyResult } from "./result-types.js";
import { scoreSurveyIndicators } from "./score-survey-indicators.js";
import { type SurveyMapping, type SurveyUnit, isSelectMany } from "./types.js";
import type { UnitTally } from "./unit-tally.js";
import { wilsonInterval } from "./wilson-interval.js";

/** One unit's results from its tally: percentages with intervals, indicators, and the points they earn. */
export function summariseUnit(mapping: SurveyMapping, criteria: CriteriaSet, code: string, unit: SurveyUnit | undefined, tally: UnitTally): UnitSurveyResult {
  const decimals = mapping.decimals;
  const estimate = (successes: number, n: number): Estimate => {
    const interval = wilsonInterval(successes, n);
    return {
      n,
      percent: n > 0 ? round((successes / n) * 100, decimals) : null,
      ci95: interval ? [round(interval[0] * 100, decimals), round(interval[1] * 100, decimals)] : null,
    };
  };
  const questions = mapping.questions.map((question, q): ScaleQuestionResult | SelectManyResult => {
    const n = tally.answered[q]!;
    if (isSelectMany(question)) {
      const chosen = tally.chosen[q]!;
      return {
        code: question.code,
        group: question.group,
        n,
        options: question.select.options.map((option, o) => ({ code: option.code, chosen: chosen[o]!, ...estimate(chosen[o]!, n) })),
      };
    }
    return {
      code: question.code,
      group: question.group,
      ...estimate(tally.satisfied[q]!, n),
      satisfied: tally.satisfied[q]!,
      excluded: tally.excluded[q]!,
      mean: n > 0 ? round(tally.valueSum[q]! / n, 4) : null,
    };
  });
  const groups = Object.keys(mapping.groups).map((group, g) => ({ code: group, ...estimate(tally.groupSum[g]!, tally.groupN[g]!) }));
  const overall = estimate(tally.overallSum, tally.overallN);

  const indicators: Record<string, number> = {};
  for (const [indicator, source] of Object.entries(mapping.indicators)) {
    const found =
      source === "overall"
        ? overall
        : source.startsWith("group:")
          ? groups.find((g) => g.code === source.slice("group:".length))
          : (questions.find((q) => q.code === source.slice("question:".length)) as ScaleQuestionResult | undefined);
    if (found?.percent !== null && found?.percent !== undefined) indicators[indicator] = found.percent;
  }
  const required = requiredSampleSize(mapping.sampleSize, unit);
  return {
    unit: code,
    ...(unit?.name !== undefined ? { name: unit.name } : {}),
    ...(unit?.type !== undefined ? { type: unit.type } : {}),
    respondents: tally.respondents,
    sample: { required, enough: required === null ? null : tally.respondents >= required },
    questions,
    groups,
    overall,
    indicators,
    points: scoreSurveyIndicators(criteria, indicators),
  };
}

/** Half-up rounding to `decimals`, robust to binary representation (87.125 → 87.13). */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor + Math.sign(value) * 1e-9) / factor;
}
