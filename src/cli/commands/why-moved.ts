import { type CriteriaSet, diffCriteriaSets, explainScoreChange, formatScoreChange } from "../../index.js";
import { EXIT, problemsError, usageError } from "../cli-error.js";
import { OUT_ARG, formatArg } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { type Format, emit, render } from "../output.js";
import { readCriteriaSet, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

const setArg = (vi: string, en: string) =>
  ({ type: "string", valueHint: { vi: "bộ-tiêu-chí.json", en: "set.json" }, description: { vi, en }, required: true, mustExist: true }) as const;
const surveyArg = (vi: string, en: string) =>
  ({ type: "string", valueHint: { vi: "kết-quả.csv|.json", en: "results.csv|.json" }, description: { vi, en }, mustExist: true }) as const;

export const whyMovedCommand = defineCommand({
  meta: {
    name: "why-moved",
    description: {
      vi: "giải thích vì sao điểm của một đơn vị thay đổi giữa hai năm: tiêu chí nào tăng, giảm bao nhiêu điểm và vì sao (cách chấm, dữ kiện, tài liệu kiểm chứng)",
      en: "explains why one unit's score moved between two years: which items gained and lost points, by how much and why (rule, facts, evidence)",
    },
    example:
      "par why-moved --criteria-old criteria/reference-commune/2025.1.json --criteria-new criteria/reference-commune/2026.1.json criteria/examples/demo-province/assessments-2025.csv criteria/examples/demo-province/assessments-2026.csv --unit DV0001",
  },
  args: {
    inputs: {
      type: "positional",
      name: { vi: "năm-cũ năm-mới", en: "old new" },
      description: {
        vi: "bản đánh giá (hoặc báo cáo điểm) của năm cũ rồi năm mới",
        en: "the assessments (or score reports) of the older year, then the newer",
      },
      required: true,
      variadic: true,
      mustExist: true,
    },
    "criteria-old": setArg("bộ tiêu chí của năm cũ", "the older year's criteria set"),
    "criteria-new": setArg("bộ tiêu chí của năm mới", "the newer year's criteria set"),
    unit: { type: "string", valueHint: { vi: "mã", en: "code" }, description: { vi: "mã đơn vị cần giải thích", en: "the unit's code" }, required: true },
    "survey-old": surveyArg("kết quả điều tra xã hội học của năm cũ", "the older year's survey results"),
    "survey-new": surveyArg("kết quả điều tra xã hội học của năm mới", "the newer year's survey results"),
    format: formatArg(["table", "json"], "table"),
    out: OUT_ARG,
  },
  async run({ args, lang, io }) {
    if (args.inputs.length !== 2)
      throw usageError({ vi: "cần đúng hai đầu vào: năm cũ rồi năm mới", en: "give exactly two inputs: the older year, then the newer" });
    const olderSet = readCriteriaSet(args["criteria-old"]);
    const newerSet = readCriteriaSet(args["criteria-new"]);
    const older = await reportOf(olderSet, args.inputs[0]!, args.unit, args["survey-old"]);
    const newer = await reportOf(newerSet, args.inputs[1]!, args.unit, args["survey-new"]);
    const change = explainScoreChange(older, newer, diffCriteriaSets(olderSet, newerSet));
    if (!change.ok)
      throw problemsError({ vi: "không so sánh được hai báo cáo", en: "the two reports cannot be compared" }, args.inputs.join(", "), change.problems);
    const format = args.format as Format;
    emit(io, render(format, { json: () => change.value, csv: () => [], table: () => formatScoreChange(change.value, lang) }), args.out, format, lang);
    return EXIT.ok;
  },
});

async function reportOf(set: CriteriaSet, path: string, unit: string, survey: string | undefined) {
  const inputs = (await readUnitInputs([path], set, undefined, survey)).filter((input) => {
    const value = input.value as { unit?: { code?: unknown } };
    return value.unit?.code === unit;
  });
  if (inputs.length === 0) throw usageError({ vi: `không có đơn vị ${unit} trong ${path}`, en: `unit ${unit} is not in ${path}` });
  return scoreInputs(set, inputs.slice(0, 1))[0]!;
}
