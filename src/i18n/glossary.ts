import type { Bilingual, Lang } from "./lang.js";

/**
 * The one glossary of par-index: every word the command line, the API and the web pages show
 * for a domain concept comes from here, so a ward official reads the same term on a page, in a
 * downloaded sheet and in an error message. Terms follow the domain brief (§7) and the wording of
 * provincial decisions. Settled choices:
 * - a fact is a "số liệu" (not "số liệu"): what a commune reports, be it a count, a date or a yes/no;
 * - the survey is the "điều tra xã hội học" (the decisions' term), its result the "chỉ số hài lòng";
 * - the self-vs-appraised difference is spelt out ("chênh lệch tự chấm – thẩm định"), never "Chênh lệch TĐ".
 */
export const GLOSSARY = {
  parIndex: { vi: "Chỉ số CCHC", en: "PAR index" },
  criteriaSet: { vi: "bộ tiêu chí", en: "criteria set" },
  area: { vi: "lĩnh vực", en: "area" },
  criterion: { vi: "tiêu chí", en: "criterion" },
  subCriterion: { vi: "tiêu chí thành phần", en: "sub-criterion" },
  item: { vi: "tiêu chí", en: "item" },
  maximum: { vi: "điểm tối đa", en: "maximum points" },
  applicableMaximum: { vi: "điểm tối đa áp dụng", en: "applicable maximum" },
  points: { vi: "điểm", en: "points" },
  selfPoints: { vi: "điểm tự chấm", en: "self-assessed points" },
  appraisedPoints: { vi: "điểm thẩm định", en: "appraised points" },
  finalPoints: { vi: "điểm đạt", en: "final points" },
  selfGap: { vi: "chênh lệch tự chấm – thẩm định", en: "difference between self-assessed and appraised points" },
  subIndex: { vi: "chỉ số thành phần", en: "sub-index" },
  total: { vi: "tổng điểm", en: "total" },
  fact: { vi: "số liệu", en: "fact" },
  facts: { vi: "số liệu", en: "facts" },
  evidence: { vi: "tài liệu kiểm chứng", en: "evidence" },
  explanation: { vi: "giải trình", en: "explanation" },
  comment: { vi: "nhận xét", en: "comment" },
  reason: { vi: "lý do", en: "reason" },
  notApplicable: { vi: "không phát sinh", en: "not applicable" },
  survey: { vi: "điều tra xã hội học", en: "survey" },
  satisfaction: { vi: "chỉ số hài lòng", en: "satisfaction index" },
  respondents: { vi: "phiếu", en: "respondents" },
  confidenceInterval: { vi: "khoảng tin cậy 95 %", en: "95 % confidence interval" },
  bonus: { vi: "điểm thưởng", en: "bonus points" },
  penalty: { vi: "điểm trừ", en: "penalty points" },
  class: { vi: "xếp loại", en: "class" },
  rank: { vi: "xếp hạng", en: "rank" },
  block: { vi: "khối", en: "block" },
  blockMean: { vi: "bình quân khối", en: "block mean" },
  changeSinceLastYear: { vi: "thay đổi so với năm trước", en: "change since last year" },
  unit: { vi: "đơn vị", en: "unit" },
  campaign: { vi: "đợt đánh giá", en: "campaign" },
  year: { vi: "năm", en: "year" },
  deadline: { vi: "hạn chót", en: "deadline" },
  round: { vi: "vòng", en: "round" },
  dossier: { vi: "hồ sơ", en: "dossier" },
  gapHints: { vi: "điểm còn có thể đạt", en: "points still available" },
  surveyMapping: { vi: "bảng ánh xạ phiếu điều tra", en: "survey mapping" },
} as const satisfies Record<string, Bilingual>;

export type Term = keyof typeof GLOSSARY;

/** The rounds of an assessment, in order (§4 of the domain brief). */
export const ROUND_NAMES = {
  self: { vi: "Tự chấm", en: "Self-assessment" },
  appraisal1: { vi: "Thẩm định lần 1", en: "Appraisal round 1" },
  explanation: { vi: "Giải trình", en: "Explanation" },
  appraisal2: { vi: "Thẩm định lần 2", en: "Appraisal round 2" },
} as const satisfies Record<string, Bilingual>;

/** The deadline of each round, as a campaign states it. */
export const DEADLINE_NAMES = {
  self: { vi: "Hạn nộp tự chấm", en: "Self-assessment due" },
  appraisal1: { vi: "Hạn thẩm định lần 1", en: "Appraisal round 1 due" },
  explanation: { vi: "Hạn giải trình", en: "Explanation due" },
  appraisal2: { vi: "Hạn thẩm định lần 2", en: "Appraisal round 2 due" },
} as const satisfies Record<string, Bilingual>;

/** The states of a campaign. */
export const CAMPAIGN_STATE_NAMES = {
  open: { vi: "Đang mở", en: "Open" },
  published: { vi: "Đã công bố", en: "Published" },
} as const satisfies Record<string, Bilingual>;

/** The states of one unit's assessment in a campaign. */
export const STATE_NAMES = {
  draft: { vi: "Đang tự chấm", en: "Self-assessing" },
  submitted: { vi: "Đã nộp, chờ thẩm định", en: "Submitted, awaiting appraisal" },
  appraisal1: { vi: "Đang thẩm định lần 1", en: "Appraisal round 1" },
  explanation: { vi: "Đang giải trình", en: "Explanation" },
  appraisal2: { vi: "Đang thẩm định lần 2", en: "Appraisal round 2" },
  finalised: { vi: "Đã chốt điểm", en: "Finalised" },
  published: { vi: "Đã công bố", en: "Published" },
} as const satisfies Record<string, Bilingual>;

export const ROLE_NAMES = {
  admin: { vi: "Quản trị", en: "Administrator" },
  scorer: { vi: "Cán bộ thẩm định", en: "Scorer" },
  unit: { vi: "Cán bộ đơn vị", en: "Unit official" },
  public: { vi: "Người dân", en: "Public" },
} as const satisfies Record<string, Bilingual>;

export const UNIT_TYPE_NAMES = {
  xa: { vi: "xã", en: "commune" },
  phuong: { vi: "phường", en: "ward" },
  "dac-khu": { vi: "đặc khu", en: "special zone" },
  department: { vi: "sở, ban, ngành", en: "department" },
} as const satisfies Record<string, Bilingual>;

/** The status of a criteria set or survey mapping. */
export const SET_STATUS_NAMES = {
  draft: { vi: "dự thảo", en: "draft" },
  published: { vi: "đã ban hành", en: "published" },
} as const satisfies Record<string, Bilingual>;

/**
 * The columns of the published annex (XLSX, CSV, the CLI's and the API's): its headers as a
 * decision's annex writes them. Block, class, rank, total and bonus/penalty use the terms above.
 */
export const ANNEX_COLUMN_NAMES = {
  unitCode: { vi: "Mã đơn vị", en: "Unit code" },
  unitName: { vi: "Tên đơn vị", en: "Unit name" },
  survey: { vi: "Trong đó: điểm khảo sát", en: "Of which: survey points" },
  self: { vi: "Tổng điểm tự chấm", en: "Total self-assessed points" },
  appraised: { vi: "Tổng điểm thẩm định", en: "Total appraised points" },
  selfGap: { vi: "Chênh lệch (thẩm định − tự chấm)", en: "Difference (appraised − self-assessed)" },
  index: { vi: "Chỉ số CCHC (%)", en: "PAR index (%)" },
  rankChange: { vi: "Thay đổi thứ hạng so với năm trước", en: "Change of rank since last year" },
  note: { vi: "Ghi chú", en: "Note" },
  classCode: { vi: "Mã xếp loại", en: "Class code" },
  previousRank: { vi: "Xếp hạng năm trước", en: "Last year's rank" },
  stage: { vi: "Giai đoạn", en: "Stage" },
  surveyIncluded: { vi: "Có kết quả khảo sát", en: "Survey result" },
} as const satisfies Record<string, Bilingual>;

/** The parts of a scoring policy a what-if may change (`par what-if`, the API and the scorers' page). */
export const POLICY_NAMES = {
  surveyWeight: { vi: "tổng điểm khảo sát", en: "survey weight" },
  missingSurvey: { vi: "đơn vị thiếu khảo sát", en: "missing survey" },
  notApplicable: { vi: "tiêu chí không phát sinh", en: "not-applicable items" },
  classEdges: { vi: "ngưỡng xếp loại", en: "class edges" },
} as const satisfies Record<string, Bilingual>;

/** The choices of a policy: a unit without a survey, an item declared not applicable. */
export const POLICY_CHOICE_NAMES = {
  rescale: { vi: "quy đổi về thang 100, không tính phần khảo sát", en: "rescaled to 100, the survey left out" },
  zero: { vi: "phần khảo sát tính 0 điểm", en: "the survey counts 0 points" },
  exclude: { vi: "không tính vào điểm tối đa", en: "left out of the maximum" },
  full: { vi: "được tính đủ điểm tối đa", en: "full points" },
} as const satisfies Record<string, Bilingual>;

/** A glossary term in `lang`, optionally capitalised for a heading or column ("Điểm tự chấm"). */
export function term(key: Term, lang: Lang, capitalise = false): string {
  const text = GLOSSARY[key][lang];
  return capitalise ? capitaliseFirst(text) : text;
}

/** A bilingual name (round, state, role…) in `lang`, falling back to the key itself if unknown. */
export function nameIn(names: Record<string, Bilingual>, key: string, lang: Lang): string {
  return Object.hasOwn(names, key) ? names[key]![lang] : key;
}

export function capitaliseFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase("vi") + text.slice(1);
}
