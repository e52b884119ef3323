import { factLabels } from "../../index.js";
import { formatReportTable } from "../../io/format-report.js";
import { nearestName } from "../../index.js";
import { EXIT, usageError } from "../cli-error.js";
import { CRITERIA_ARG, INPUTS_ARG, OUT_ARG, SURVEY_ARG, YEAR_ARG } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { emit, formatWarnings } from "../output.js";
import { readCriteriaSet, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

export const explainCommand = defineCommand({
  meta: {
    name: "explain",
    description: {
      vi: "bảng điểm của một đơn vị: điểm và căn cứ của từng tiêu chí, chênh lệch tự chấm – thẩm định, điểm còn có thể đạt",
      en: "one unit's score report as a table: every item's points and why, the self-vs-appraised gap, the points still available",
    },
    example: "par explain --criteria criteria/reference-commune/2026.1.json criteria/examples/demo-province/assessments-2026.csv --unit DV0015",
  },
  args: {
    inputs: INPUTS_ARG,
    criteria: CRITERIA_ARG,
    unit: {
      type: "string",
      valueHint: { vi: "mã", en: "code" },
      description: { vi: "mã đơn vị khi đầu vào có nhiều đơn vị", en: "the unit's code when the input holds several" },
    },
    survey: SURVEY_ARG,
    year: YEAR_ARG,
    out: OUT_ARG,
  },
  async run({ args, lang, io }) {
    const set = readCriteriaSet(args.criteria);
    const inputs = await readUnitInputs(args.inputs, set, args.year, args.survey, (file, warnings) => io.stderr(formatWarnings(file, warnings, lang)));
    const codes = inputs.map((input) => unitCode(input.value));
    const chosen = args.unit ? inputs.filter((_, i) => codes[i] === args.unit) : inputs;
    if (chosen.length !== 1) throw usageError(args.unit ? unknownUnit(args.unit, codes) : chooseUnit(codes));
    const [report] = scoreInputs(set, chosen);
    emit(io, formatReportTable(report!, lang, factLabels(set, lang)), args.out, "table", lang);
    return EXIT.ok;
  },
});

/** "Unit X is not in the input", with the nearest code and the first codes found. */
export function unknownUnit(unit: string, codes: string[]) {
  const near = nearestName(unit, codes);
  return {
    vi: `Không có đơn vị ${unit} trong đầu vào.${near ? ` Có phải ý bạn là ${near}?` : ""} Các đơn vị: ${firstCodes(codes)}.`,
    en: `Unit ${unit} is not in the input.${near ? ` Did you mean ${near}?` : ""} Units found: ${firstCodes(codes)}.`,
  };
}

function firstCodes(codes: string[]): string {
  return `${codes.slice(0, 10).join(", ")}${codes.length > 10 ? ", …" : ""}`;
}

function chooseUnit(codes: string[]) {
  const listed = firstCodes(codes);
  return {
    vi: `Đầu vào có ${codes.length} đơn vị; chọn một đơn vị bằng --unit (${listed}).`,
    en: `The input holds ${codes.length} units; choose one with --unit (${listed}).`,
  };
}

function unitCode(value: unknown): string {
  const unit = (value as { unit?: { code?: unknown } } | null)?.unit;
  return typeof unit?.code === "string" ? unit.code : "?";
}
