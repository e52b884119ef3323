import { formatRankingTable, rankingToCsvRows } from "../../io/format-ranking.js";
import { rankUnits } from "../../index.js";
import { EXIT, problemsError } from "../cli-error.js";
import { CRITERIA_ARG, INPUTS_ARG, OUT_ARG, SURVEY_ARG, YEAR_ARG, formatArg } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { type Format, emit, render } from "../output.js";
import { scoringProgress } from "../progress.js";
import { readCriteriaSet, readRanking, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

export const rankCommand = defineCommand({
  meta: {
    name: "rank",
    description: {
      vi: 'chấm điểm các đơn vị (hoặc dùng báo cáo của "par score") và xếp hạng theo khối, kèm xếp loại và thay đổi so với năm trước',
      en: 'scores the units (or takes the reports of "par score") and ranks them per block, with classes and the change since last year',
    },
    example:
      "par rank --criteria criteria/reference-commune/2026.1.json criteria/examples/demo-province/assessments-2026.csv --survey criteria/examples/demo-province/survey-2026.csv",
  },
  args: {
    inputs: INPUTS_ARG,
    criteria: CRITERIA_ARG,
    previous: {
      type: "string",
      valueHint: { vi: "xếp-hạng-năm-trước.json", en: "last-year-ranking.json" },
      description: { vi: 'xếp hạng năm trước (JSON của "par rank --format json") để tính thay đổi thứ hạng', en: 'last year\'s ranking (the JSON of "par rank --format json") for the change of rank' },
      mustExist: true,
    },
    survey: SURVEY_ARG,
    year: YEAR_ARG,
    format: formatArg(["table", "json", "csv"], "table"),
    out: OUT_ARG,
  },
  run({ args, lang, io }) {
    const set = readCriteriaSet(args.criteria);
    const previous = args.previous ? readRanking(args.previous) : undefined;
    const reports = scoreInputs(set, readUnitInputs(args.inputs, set, args.year, args.survey), scoringProgress(io, lang));
    const ranked = rankUnits(set, reports, previous);
    if (!ranked.ok) {
      throw problemsError({ vi: "không xếp hạng chung được các đơn vị này", en: "the units cannot be ranked together" }, args.inputs.join(", "), ranked.problems);
    }
    const format = args.format as Format;
    const text = render(format, {
      json: () => ranked.value,
      csv: () => rankingToCsvRows(ranked.value),
      table: () => formatRankingTable(ranked.value, lang),
    });
    emit(io, text, args.out, format, lang);
    return EXIT.ok;
  },
});
