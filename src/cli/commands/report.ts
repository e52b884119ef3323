import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { buildUnitReport, writeUnitReportHtml, writeUnitReportXlsx } from "../../index.js";
import { EXIT, usageError } from "../cli-error.js";
import { CRITERIA_ARG, INPUTS_ARG, SURVEY_ARG, YEAR_ARG } from "../common-args.js";
import { defineCommand } from "../define-command.js";
import { writtenLine } from "../output.js";
import { rankInputs } from "../rank-inputs.js";
import { unknownUnit } from "./explain.js";

export const reportCommand = defineCommand({
  meta: {
    name: "report",
    description: {
      vi: "báo cáo một trang của một đơn vị (như phụ lục công bố): điểm từng lĩnh vực, tổng điểm, chỉ số, xếp loại, thứ hạng trong khối; ghi tệp .xlsx hoặc trang .html để in",
      en: "one unit's one-page report (as in the published annex): points per area, total, index, class, rank in its block; written as .xlsx or a printable .html page",
    },
    example:
      "par report --criteria criteria/reference-commune/2026.1.json criteria/examples/demo-province/assessments-2026.csv --survey criteria/examples/demo-province/survey-2026.csv --unit DV0001 --out DV0001.xlsx",
  },
  args: {
    inputs: INPUTS_ARG,
    criteria: CRITERIA_ARG,
    unit: { type: "string", valueHint: { vi: "mã", en: "code" }, description: { vi: "mã đơn vị cần báo cáo", en: "the unit's code" }, required: true },
    out: {
      type: "string",
      valueHint: { vi: "báo-cáo.xlsx|.html", en: "report.xlsx|.html" },
      description: {
        vi: "tệp ghi báo cáo: .xlsx (sổ tính Excel, một trang A4) hoặc .html (trang in được, không cần mạng)",
        en: "the report's file: .xlsx (an Excel workbook, one A4 page) or .html (a printable page, nothing to fetch)",
      },
      alias: "o",
      required: true,
    },
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
  },
  async run({ args, lang, io }) {
    const out = args.out;
    const kind = extname(out).toLowerCase();
    if (kind !== ".xlsx" && kind !== ".html" && kind !== ".htm")
      throw usageError({
        vi: `--out ${out}: báo cáo ghi được tệp .xlsx hoặc .html.`,
        en: `--out ${out}: the report is written as an .xlsx or an .html file.`,
      });
    const { set, ranking } = await rankInputs(args, io, lang);
    const report = buildUnitReport(ranking, set, args.unit, lang);
    if (!report)
      throw usageError(
        unknownUnit(
          args.unit,
          ranking.blocks.flatMap((block) => block.units.map((u) => u.unit.code)),
        ),
      );
    writeFileSync(out, kind === ".xlsx" ? await writeUnitReportXlsx(report) : writeUnitReportHtml(report));
    io.stderr(writtenLine(out, lang));
    return EXIT.ok;
  },
});
