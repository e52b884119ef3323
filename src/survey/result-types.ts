import type { LocalizedText, UnitType } from "../criteria/types.js";
import type { Problem } from "../problem.js";
import type { ExportKind } from "./resolve-columns.js";

export const SURVEY_RESULTS_FORMAT = "par-survey-results/1";

/** A percentage with its 95% Wilson score interval; null when nobody answered. */
export interface Estimate {
  n: number;
  percent: number | null;
  ci95: [number, number] | null;
}

export interface ScaleQuestionResult extends Estimate {
  code: string;
  group: string;
  /** Answers excluded as "don't know / not applicable". */
  excluded: number;
  satisfied: number;
  /** Mean answer value. */
  mean: number | null;
}

export interface SelectManyResult {
  code: string;
  group: string;
  n: number;
  options: ({ code: string; chosen: number } & Estimate)[];
}

export interface SurveyPoints {
  code: string;
  indicator: string;
  value: number | null;
  points: number;
  max: number;
  why: LocalizedText;
}

export interface UnitSurveyResult {
  unit: string;
  name?: string;
  type?: UnitType;
  /** Responses used after dropping duplicates and excluding incomplete or rejected ones. */
  respondents: number;
  sample: { required: number | null; enough: boolean | null };
  questions: (ScaleQuestionResult | SelectManyResult)[];
  groups: ({ code: string } & Estimate)[];
  overall: Estimate;
  /** Indicator values (percent, rounded to the mapping's decimals) that the points are computed from. */
  indicators: Record<string, number>;
  points: { total: number; max: number; leaves: SurveyPoints[] };
}

export interface SurveyQuality {
  /** Data rows read (header and blank rows not counted). */
  rows: number;
  used: number;
  duplicates: number;
  incomplete: number;
  rejected: number;
  missingUnit: number;
  /** Rows whose cells do not line up with the header (cut short, shifted, or swallowed by a stray quote). */
  malformed: number;
  /** Answers on no scale of the mapping (left out, the response is used). */
  outOfScale: number;
  /** Answers excluded as "don't know / not applicable". */
  excludedAnswers: number;
  unitsBelowSample: string[];
  /** Columns the mapping allows but the export lacks, with what that means. */
  notes: LocalizedText[];
  /** Each issue with file:row:column, up to a limit per kind; `notListed` counts the rest. */
  issues: Problem[];
  notListed: number;
}

export interface SurveyImportResult {
  format: typeof SURVEY_RESULTS_FORMAT;
  mapping: { id: string; version: string };
  criteria: { family: string; version: string };
  source: { file: string; kind: ExportKind };
  method: LocalizedText;
  quality: SurveyQuality;
  units: UnitSurveyResult[];
}
