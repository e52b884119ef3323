import type { LocalizedText, UnitType } from "../criteria/types.js";

export const ASSESSMENT_FORMAT = "par-assessment/1";

/** The rounds of one year's assessment, in order (§4 of the domain brief). */
export const ROUNDS = ["self", "appraisal1", "explanation", "appraisal2"] as const;
export type Round = (typeof ROUNDS)[number];
export const APPRAISAL_ROUNDS: readonly Round[] = ["appraisal1", "appraisal2"];

export interface Unit {
  code: string;
  name: string;
  type: UnitType;
  /** The ranking block; by default the set's block that lists the unit type. */
  block?: string;
}

/** A document that supports a fact or an item (tài liệu kiểm chứng). */
export interface EvidenceDocument {
  id: string;
  title?: string;
  number?: string;
  date?: string;
  issuer?: string;
  link?: string;
}

export type FactValue = number | boolean | string | (string | null)[] | null;
export type FactInput = FactValue | { value: FactValue; evidence?: string[]; comment?: string };

export interface ItemInput {
  points?: number;
  notApplicable?: boolean;
  reason?: string;
  comment?: string;
  evidence?: string[];
}

export interface RoundInput {
  round: Round;
  /** Facts entered or corrected in this round; later rounds override earlier ones. */
  facts?: Record<string, FactInput>;
  /** Per item (leaf, bonus or penalty code): points, not-applicable claim, comment, evidence. */
  items?: Record<string, ItemInput>;
}

export interface SurveyResults {
  /** Indicator values (percent), keyed by the set's survey indicator ids. */
  indicators: Record<string, number>;
  respondents?: number;
  source?: string;
}

export interface Assessment {
  format?: typeof ASSESSMENT_FORMAT;
  unit: Unit;
  year: number;
  criteria: { family: string; version: string };
  evidence?: EvidenceDocument[];
  rounds: RoundInput[];
  survey?: SurveyResults;
}

export type { LocalizedText };
