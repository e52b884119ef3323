import type { ArgDef } from "./define-command.js";

/** Arguments several commands share, described once. */
export const CRITERIA_ARG = {
  type: "string",
  valueHint: { vi: "bộ-tiêu-chí.json", en: "set.json" },
  description: { vi: "bộ tiêu chí dùng để chấm", en: "the criteria set to score with" },
  required: true,
  mustExist: true,
} as const satisfies ArgDef;

export const INPUTS_ARG = {
  type: "positional",
  name: { vi: "đầu vào", en: "inputs" },
  description: {
    vi: 'bản đánh giá (.json), bảng chấm điểm (.csv) hoặc báo cáo điểm của "par score"',
    en: 'assessments (.json), assessment sheets (.csv) or the reports of "par score"',
  },
  required: true,
  variadic: true,
  mustExist: true,
} as const satisfies ArgDef;

export const SURVEY_ARG = {
  type: "string",
  valueHint: { vi: "kết-quả.csv|.json", en: "results.csv|.json" },
  description: {
    vi: 'kết quả điều tra xã hội học của từng đơn vị (CSV, hoặc báo cáo JSON của "par survey import --report")',
    en: 'each unit\'s survey results (CSV, or the JSON report of "par survey import --report")',
  },
  mustExist: true,
} as const satisfies ArgDef;

export const YEAR_ARG = {
  type: "integer",
  valueHint: { vi: "năm", en: "year" },
  description: { vi: "năm của bảng chấm .csv khi bộ tiêu chí áp dụng cho nhiều năm", en: "the year of a .csv sheet when the set covers more than one" },
} as const satisfies ArgDef;

export const OUT_ARG = {
  type: "string",
  valueHint: { vi: "tệp", en: "file" },
  description: {
    vi: "ghi kết quả vào tệp thay vì màn hình (CSV kèm BOM cho Excel)",
    en: "write the result to a file instead of stdout (CSV with a BOM for Excel)",
  },
  alias: "o",
} as const satisfies ArgDef;

export function formatArg<const O extends readonly string[]>(options: O, defaultFormat: O[number]) {
  return {
    type: "enum",
    options,
    default: defaultFormat,
    description: {
      vi: "định dạng kết quả (bảng theo --lang; JSON và CSV giữ dấu chấm thập phân và ngày ISO)",
      en: "output format (tables follow --lang; JSON and CSV keep the decimal point and ISO dates)",
    },
  } as const satisfies ArgDef;
}
