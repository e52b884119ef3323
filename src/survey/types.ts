import type { LocalizedText, UnitType } from "../criteria/types.js";

/**
 * The survey instrument mapping (`par-survey-mapping/1`): which export columns hold what, how
 * each answer becomes a value, and how question and group results become the survey
 * indicators of a criteria set. Points stay in the criteria set; the mapping never holds them.
 * The JSON Schema in `criteria/schema/survey-mapping.schema.json` is the public contract.
 */
export const SURVEY_MAPPING_FORMAT = "par-survey-mapping/1";

/** A column of the export, found by any of its header names (XML name, label, LimeSurvey code). */
export interface ColumnSpec {
  headers: string[];
}

export interface SurveyMapping {
  $schema?: string;
  format: typeof SURVEY_MAPPING_FORMAT;
  id: string;
  version: string;
  status: "draft" | "published";
  title: LocalizedText;
  notice?: LocalizedText;
  /** The criteria set whose survey indicators this instrument feeds. */
  criteria: { family: string; version: string };
  columns: {
    unit: ColumnSpec;
    respondent?: ColumnSpec;
    /** Submission time; with `emptyMeans: "incomplete"` an empty cell is an unfinished response (LimeSurvey `submitdate`). */
    submitted?: ColumnSpec & { emptyMeans?: "incomplete" };
    /** Completion / validation status; responses whose status is listed in `rejected` or `incomplete` are excluded. */
    status?: ColumnSpec & { rejected?: string[]; incomplete?: string[] };
  };
  scales: Record<string, Scale>;
  groups: Record<string, { title: LocalizedText }>;
  questions: Question[];
  /** The overall satisfaction index: per respondent, the mean of their scores in these groups. */
  overall: { groups: string[] };
  /** Survey indicator id of the criteria set → `group:<code>`, `question:<code>` or `overall`. */
  indicators: Record<string, string>;
  sampleSize: SampleSizeRule;
  /** Decimals of the published percentages (and of the indicator values points are computed from). */
  decimals: number;
}

export interface Scale {
  /** Each value with every way an export writes it: choice name, answer code, label. */
  answers: { value: number; match: string[] }[];
  /** Answers with a value ≥ this are "satisfied" (e.g. 4 on a 5-point scale: the top two). */
  satisfiedFrom: number;
  /** Answers that leave the question out for this respondent ("không biết", "không áp dụng"). */
  excluded: string[];
}

export type Question = ScaleQuestion | SelectManyQuestion;

export interface ScaleQuestion {
  code: string;
  group: string;
  title?: LocalizedText;
  headers: string[];
  scale: string;
}

/** A select-many question: reported as the share of respondents choosing each option. */
export interface SelectManyQuestion {
  code: string;
  group: string;
  title?: LocalizedText;
  headers: string[];
  select: { options: { code: string; match?: string[] }[] };
}

export type SampleSizeRule = { rule: "yamane"; marginOfError: number } | { rule: "quota"; perUnitType: Partial<Record<UnitType, number>> };

export function isSelectMany(question: Question): question is SelectManyQuestion {
  return "select" in question;
}

/** A unit the survey may name: code, name, type and N (dossiers in the period) for the sample size. */
export interface SurveyUnit {
  code: string;
  name?: string;
  type?: UnitType;
  population?: number;
}
