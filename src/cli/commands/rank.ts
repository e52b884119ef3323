import { formatRankingTable } from "../../io/format-ranking.js";
import { analyseRobustness, annexToCsvRows, annexToDataCsvRows, buildAnnex, formatRobustnessTable, robustnessToCsvRows, writeAnnexXlsx } from "../../index.js";
import { EXIT, problemsError, usageError } from "../cli-error.js";
import { CRITERIA_ARG, INPUTS_ARG, OUT_ARG, SURVEY_ARG, YEAR_ARG, formatArg } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { type Format, emitResult } from "../output.js";
import { rankInputs } from "../rank-inputs.js";

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
      description: {
        vi: 'xếp hạng năm trước (JSON của "par rank --format json") để tính thay đổi thứ hạng',
        en: 'last year\'s ranking (the JSON of "par rank --format json") for the change of rank',
      },
      mustExist: true,
    },
    survey: SURVEY_ARG,
    year: YEAR_ARG,
    robustness: {
      type: "boolean",
      description: {
        vi: "thêm độ tin cậy của thứ hạng: hạng trung vị, khoảng 5–95%, khả năng từng xếp loại và các cặp chưa chắc thứ tự (mô phỏng Monte Carlo theo cỡ mẫu khảo sát)",
        en: "adds how sure each rank is: median rank, 5–95% band, the chance of each class and the pairs whose order is not settled (Monte Carlo over the survey samples)",
      },
    },
    replicates: {
      type: "integer",
      valueHint: { vi: "số", en: "N" },
      description: { vi: "số lần mô phỏng (mặc định 1000, tối đa 100000)", en: "replicates (default 1000, at most 100000)" },
    },
    seed: {
      type: "integer",
      valueHint: { vi: "số", en: "S" },
      description: {
        vi: "hạt giống ngẫu nhiên: cùng hạt giống, cùng kết quả (mặc định 1)",
        en: "random seed: the same seed gives the same result (default 1)",
      },
    },
    disputes: {
      type: "boolean",
      description: {
        vi: "trong mô phỏng, điểm còn chênh lệch giữa tự chấm và thẩm định lấy giá trị bất kỳ giữa hai mức",
        en: "in the replicates, items whose appraised points differ from the self-assessment take any value between the two",
      },
    },
    format: formatArg(["table", "json", "csv", "annex-csv"], "table"),
    out: OUT_ARG,
  },
  async run({ args, lang, io }) {
    const { set, reports, ranking } = await rankInputs(args, io, lang);
    const format: Format = args.format === "annex-csv" ? "csv" : (args.format as Format);
    if (args.robustness) {
      const replicates = args.replicates ?? 1000;
      if (replicates < 1 || replicates > 100_000)
        throw usageError({ vi: `--replicates phải từ 1 đến 100000 (đang là ${replicates})`, en: `--replicates must be 1 to 100000 (got ${replicates})` });
      const analysed = analyseRobustness(set, reports, { replicates, seed: args.seed ?? 1, disputes: args.disputes });
      if (!analysed.ok)
        throw problemsError(
          { vi: "không phân tích được độ tin cậy của thứ hạng", en: "the ranking's robustness cannot be analysed" },
          args.inputs.join(", "),
          analysed.problems,
        );
      const robustness = analysed.value;
      await emitResult(io, args.out, format, lang, {
        json: () => ({ ...ranking, robustness }),
        csv: () =>
          robustnessToCsvRows(
            robustness,
            set.classes.map((c) => c.code),
          ),
        table: () => `${formatRankingTable(ranking, lang, set)}\n${formatRobustnessTable(robustness, lang)}`,
        sheetName: `PAR ${ranking.year}`,
      });
      return EXIT.ok;
    }
    const annex = () => buildAnnex(ranking, set, lang);
    await emitResult(io, args.out, format, lang, {
      json: () => ranking,
      csv: () => (args.format === "annex-csv" ? annexToCsvRows(annex()) : annexToDataCsvRows(annex())),
      table: () => formatRankingTable(ranking, lang, set),
      sheetName: `PAR ${ranking.year}`,
      xlsx: () => writeAnnexXlsx(annex()),
    });
    return EXIT.ok;
  },
});
