/**
 * Input problems are data: every problem found is collected with the place it was found
 * (a JSON path such as `areas[1].children[0].max`, or `file.csv:12:self`) and a message a
 * person can act on, in Vietnamese and English.
 */
export interface Problem {
  code: ProblemCode;
  path: string;
  message: string;
  vi: string;
}

export type ProblemCode =
  | "schema"
  | "duplicate-code"
  | "malformed-code"
  | "code-outside-parent"
  | "sum-mismatch"
  | "unknown-fact"
  | "unknown-indicator"
  | "operator-not-allowed"
  | "rule-invalid"
  | "rule-out-of-range"
  | "fact-type-mismatch"
  | "tiers-overlap"
  | "tiers-gap"
  | "bands-overlap"
  | "bands-gap"
  | "range-invalid"
  | "points-not-in-units"
  | "unknown-block"
  | "block-overlap"
  | "unit-type-without-block"
  | "unknown-tie-breaker"
  | "not-applicable-without-policy"
  | "unknown-code"
  | "round-order"
  | "points-not-allowed"
  | "points-out-of-range"
  | "points-on-computed-item"
  | "not-applicable-not-allowed"
  | "fact-invalid"
  | "unknown-evidence"
  | "criteria-mismatch"
  | "rule-result-invalid"
  | "unknown-indicator-value"
  | "indicator-out-of-range"
  | "parse"
  | "unknown-group"
  | "unknown-scale"
  | "unknown-question"
  | "scale-invalid"
  | "missing-column"
  | "unknown-unit"
  | "duplicate-response"
  | "incomplete-response"
  | "rejected-response"
  | "missing-unit"
  | "answer-out-of-scale"
  | "sample-too-small"
  | "limit-exceeded"
  | "reserved-name";

export function problem(code: ProblemCode, path: string, message: string, vi: string): Problem {
  return { code, path, message, vi };
}

/** The outcome of checking input: the value, or every problem found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
