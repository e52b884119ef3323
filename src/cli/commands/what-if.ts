import { type Policy, compareRankings, derivePolicySet, describePolicy, formatRankChanges, rankChangesToCsvRows, rankUnits } from "../../index.js";
import { EXIT, problemsError, usageError } from "../cli-error.js";
import { CRITERIA_ARG, INPUTS_ARG, OUT_ARG, SURVEY_ARG, YEAR_ARG, formatArg } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { type Format, emit, render } from "../output.js";
import { readCriteriaSet, readUnitInputs } from "../read-inputs.js";
import { summariseInputs } from "../score-inputs.js";

export const whatIfCommand = defineCommand({
  meta: {
    name: "what-if",
    description: {
      vi: "xếp hạng lại cùng các bản đánh giá theo một chính sách khác (trọng số khảo sát, đơn vị thiếu khảo sát, tiêu chí không phát sinh, ngưỡng xếp loại) và cho biết hạng, xếp loại của từng đơn vị thay đổi thế nào",
      en: "re-ranks the same assessments under a changed policy (survey weight, missing survey, not-applicable items, class edges) and shows each unit's change of rank and class",
    },
    example:
      "par what-if --criteria criteria/reference-commune/2026.1.json criteria/examples/demo-province/assessments-2026.csv --survey criteria/examples/demo-province/survey-2026.csv --survey-weight 20",
  },
  args: {
    inputs: INPUTS_ARG,
    criteria: CRITERIA_ARG,
    survey: SURVEY_ARG,
    year: YEAR_ARG,
    "survey-weight": {
      type: "string",
      valueHint: { vi: "điểm", en: "points" },
      description: {
        vi: "tổng điểm tối đa của các tiêu chí khảo sát (mỗi tiêu chí giữ tỷ trọng của mình)",
        en: "total maximum of the survey items (each keeps its share)",
      },
    },
    "missing-survey": {
      type: "enum",
      options: ["rescale", "zero"],
      description: { vi: "đơn vị không có khảo sát: quy về thang 100 (rescale) hoặc 0 điểm (zero)", en: "a unit without a survey: rescale to 100, or score 0" },
    },
    na: {
      type: "enum",
      options: ["exclude", "full"],
      description: {
        vi: "tiêu chí không phát sinh: không tính vào điểm tối đa (exclude) hoặc đạt tối đa (full)",
        en: "not-applicable items: left out of the maximum, or full points",
      },
    },
    "class-edges": {
      type: "string",
      valueHint: { vi: "90;80;70;50", en: "90;80;70;50" },
      description: {
        vi: "ngưỡng dưới của các xếp loại, từ cao xuống thấp, cách nhau bởi dấu chấm phẩy",
        en: "lower edges of the classes, highest first, separated by semicolons",
      },
    },
    format: formatArg(["table", "json", "csv"], "table"),
    out: OUT_ARG,
  },
  async run({ args, lang, io }) {
    const set = readCriteriaSet(args.criteria);
    const policy: Policy = {
      ...(args["survey-weight"] !== undefined ? { surveyWeight: parseNumber(args["survey-weight"], "--survey-weight") } : {}),
      ...(args["missing-survey"] ? { missingSurvey: args["missing-survey"] as "rescale" | "zero" } : {}),
      ...(args.na ? { notApplicable: args.na as "exclude" | "full" } : {}),
      ...(args["class-edges"] !== undefined ? { classEdges: args["class-edges"].split(";").map((edge) => parseNumber(edge, "--class-edges")) } : {}),
    };
    if (Object.keys(policy).length === 0) {
      throw usageError({
        vi: "cho biết chính sách cần thử: --survey-weight, --missing-survey, --na hoặc --class-edges",
        en: "say which policy to try: --survey-weight, --missing-survey, --na or --class-edges",
      });
    }
    const derived = derivePolicySet(set, policy);
    if (!derived.ok)
      throw problemsError(
        { vi: "chính sách này không áp dụng được cho bộ tiêu chí", en: "this policy cannot be applied to the set" },
        args.criteria,
        derived.problems,
      );
    const inputs = await readUnitInputs(args.inputs, set, args.year, args.survey);
    if (inputs.some((input) => input.kind === "report")) {
      throw usageError({
        vi: 'what-if cần bản đánh giá, không dùng báo cáo điểm của "par score"',
        en: 'what-if needs assessments, not the reports of "par score"',
      });
    }
    const rank = (which: typeof set) => {
      const ranked = rankUnits(which, summariseInputs(which, inputs));
      if (!ranked.ok)
        throw problemsError(
          { vi: "không xếp hạng chung được các đơn vị này", en: "the units cannot be ranked together" },
          args.inputs.join(", "),
          ranked.problems,
        );
      return ranked.value;
    };
    const before = rank(set);
    const after = rank(derived.value);
    const changes = compareRankings(before, after);
    const title =
      lang === "vi"
        ? `Thử chính sách khác (${describePolicy(policy, lang)}), bộ tiêu chí ${set.family} ${set.version}`
        : `What if (${describePolicy(policy, lang)}), criteria ${set.family} ${set.version}`;
    const format = args.format as Format;
    emit(
      io,
      render(format, {
        json: () => ({ policy, changes }),
        csv: () => rankChangesToCsvRows(changes),
        table: () => formatRankChanges(changes, set.display.indexDecimals, lang, title),
      }),
      args.out,
      format,
      lang,
    );
    return EXIT.ok;
  },
});

function parseNumber(text: string, option: string): number {
  const value = Number(text.trim().replace(",", "."));
  if (text.trim() === "" || !Number.isFinite(value))
    throw usageError({ vi: `${option}: "${text}" không phải là số`, en: `${option}: "${text}" is not a number` });
  return value;
}
