/**
 * The criteria file format (bộ tiêu chí), as TypeScript types. The JSON Schema in
 * `criteria/schema/criteria-set.schema.json` is the public contract; these types mirror it.
 * Points are decimal numbers in files; the engine keeps them as integer ten-thousandths.
 */

export const CRITERIA_FORMAT = "par-criteria/1";

export interface LocalizedText {
  vi: string;
  en?: string;
}

/**
 * Units scored: communes, wards, special zones and departments; and the levels that existed
 * before the two-tier reform of 1 July 2025, still found in historic sets and comparisons:
 * district-level units (huyện, thị xã, thành phố thuộc tỉnh) and townships (thị trấn).
 */
export const UNIT_TYPES = ["xa", "phuong", "dac-khu", "department", "huyen", "thi-xa", "thanh-pho", "thi-tran"] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_TITLES: Record<UnitType, LocalizedText> = {
  xa: { vi: "Xã", en: "Commune" },
  phuong: { vi: "Phường", en: "Ward" },
  "dac-khu": { vi: "Đặc khu", en: "Special zone" },
  department: { vi: "Sở, ban, ngành", en: "Department" },
  huyen: { vi: "Huyện", en: "Rural district" },
  "thi-xa": { vi: "Thị xã", en: "District-level town" },
  "thanh-pho": { vi: "Thành phố thuộc tỉnh", en: "Provincial city" },
  "thi-tran": { vi: "Thị trấn", en: "Township" },
};

export interface Decision {
  number: string;
  date: string;
  title: LocalizedText;
  issuer?: string;
}

export const FACT_TYPES = ["integer", "number", "rate", "boolean", "date", "dates"] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** A rate is a percentage, 0–100. A derived fact is computed once from two declared counts. */
export interface FactDeclaration {
  type: FactType;
  title: LocalizedText;
  unit?: string;
  min?: number;
  max?: number;
  /** For `dates`: how many dates are expected (e.g. 4 quarterly reports). */
  length?: number;
  derived?: {
    ratio: { numerator: string; denominator: string };
    /**
     * The value when the denominator is 0, or "not-applicable": nothing arose (không phát sinh),
     * so every leaf reading the fact is not applicable (and must declare a policy for it).
     */
    whenZero: number | "not-applicable";
  };
}

/** An interval with explicit edges: `{ "gte": 70, "lt": 90 }`. Omitted sides are unbounded. */
export interface Range {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export interface Tier {
  when: Range;
  points: number;
  label?: LocalizedText;
}

export type DeadlineMode = "each" | "all";

/** A due date: fixed (`"2026-01-31"`) or relative to another date fact. */
export type DueDate = string | { fact: string; plusDays: number };

export type JsonLogicRule = unknown;

export type Scoring =
  | { kind: "manual"; allowed?: number[] }
  | { kind: "boolean"; fact: string; yes: number; no: number }
  | { kind: "logic"; rule: JsonLogicRule }
  | { kind: "tiers"; fact: string; tiers: Tier[] }
  | {
      kind: "deadline";
      fact: string;
      due: DueDate | DueDate[];
      /** Points per date (for a `dates` fact, per item): on time, late, missing. */
      points: { onTime: number; late: number; missing: number };
      /** Later than this many days after the due date counts as missing. */
      lateWithinDays?: number;
      /**
       * For a list of due dates: "each" (default) scores every date and sums the points; "all"
       * scores the list once by its worst date (all on time → onTime, any missing → missing,
       * else late), e.g. "all four quarterly reports on time = 1, else 0".
       */
      mode?: DeadlineMode;
    }
  | { kind: "survey"; indicator: string; linear: { zeroAt: number; fullAt: number } }
  | { kind: "survey"; indicator: string; tiers: Tier[] };

export type ScoringKind = Scoring["kind"];

export type NotApplicablePolicy = "exclude" | "full";

export interface LeafNode {
  code: string;
  title: LocalizedText;
  max: number;
  evidence?: LocalizedText;
  guidance?: LocalizedText;
  scoring: Scoring;
  /** Absent: the item cannot be declared not applicable. */
  notApplicable?: { policy: NotApplicablePolicy };
}

export interface BranchNode {
  code: string;
  title: LocalizedText;
  max: number;
  children: CriteriaNode[];
}

export type CriteriaNode = LeafNode | BranchNode;

export interface SurveyIndicator {
  title: LocalizedText;
  /** What the value measures: "%" unless declared (e.g. "điểm" for a table published as "32.83 of 35"). */
  unit?: string;
  min?: number;
  max?: number;
}

export interface SurveyPolicy {
  indicators: Record<string, SurveyIndicator>;
  /** No survey run for a unit: leave the survey out and rescale the rest to 100, or score it 0. */
  whenAbsent: "rescale" | "zero";
}

export interface Adjustment {
  cap: number;
  items: LeafNode[];
}

export interface ClassBand {
  code: string;
  title: LocalizedText;
  index: Range;
}

export interface RankingBlock {
  code: string;
  title: LocalizedText;
  unitTypes: UnitType[];
}

export const TIE_BREAKERS = ["exact-index", "survey", "appraised", "fewer-penalties", "smaller-self-gap"] as const;
/** A tie-breaker: a named measure, or `area:<code>` (higher points in that area first). */
export type TieBreaker = (typeof TIE_BREAKERS)[number] | `area:${string}`;

export interface TiePolicy {
  /** Units whose published index is equal, after the breakers, share a rank (1, 2, 2, 4). */
  breakers: TieBreaker[];
}

export interface CriteriaSet {
  $schema?: string;
  format: typeof CRITERIA_FORMAT;
  family: string;
  version: string;
  status: "draft" | "published";
  supersedes?: string;
  title: LocalizedText;
  notice?: LocalizedText;
  decisions: Decision[];
  appliesTo: { years: number[]; unitTypes: UnitType[] };
  totalMax: number;
  facts: Record<string, FactDeclaration>;
  areas: CriteriaNode[];
  survey?: SurveyPolicy;
  bonus?: Adjustment;
  penalty?: Adjustment;
  classes: ClassBand[];
  ranking: { blocks: RankingBlock[]; ties: TiePolicy };
  display: Display;
}

export interface Display {
  indexDecimals: number;
  pointsDecimals: number;
  /**
   * "total" (default): points are summed exactly and rounded once, for display. "criterion":
   * each item's points are rounded half up to `pointsDecimals` before summing, as a province
   * that publishes rounded item points and adds those up (18.665 + 18.665 → 18.67 + 18.67 = 37.34).
   */
  rounding?: "total" | "criterion";
}

export function isLeaf(node: CriteriaNode): node is LeafNode {
  return "scoring" in node;
}
