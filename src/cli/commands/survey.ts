import { writeFileSync } from "node:fs";
import { formatInteger } from "../../index.js";
import { importSurveyFile } from "../../files/import-survey-file.js";
import { formatSurveyQuality, formatSurveyTable, surveyResultsTable } from "../../io/survey/format-survey-import.js";
import { readSurveyUnits } from "../../io/survey/read-survey-units.js";
import { loadSurveyMapping } from "../../index.js";
import type { Problem, SurveyMapping } from "../../index.js";
import { EXIT, problemsError, usageError } from "../cli-error.js";
import { OUT_ARG, formatArg } from "../common-args.js";
import { type CommandGroup, defineCommand } from "../define-command.js";
import { emitResult, formatWarnings, writtenLine } from "../output.js";
import { shippedCriteriaPath } from "../../files/package-root.js";
import { readCriteriaSet, readJson, readText } from "../read-inputs.js";

export const surveyImportCommand = defineCommand({
  meta: {
    name: "survey import",
    description: {
      vi: 'nhập kết quả điều tra xã hội học (KoboToolbox/ODK, LimeSurvey, Google Forms CSV hoặc XLSX) theo bảng ánh xạ phiếu điều tra: số phiếu, tỷ lệ hài lòng từng câu, nhóm và chung (khoảng tin cậy 95 %), điểm theo bộ tiêu chí; CSV kết quả dùng cho "par score --survey"; tóm tắt chất lượng dữ liệu ở stderr',
      en: 'imports a survey export (KoboToolbox/ODK, LimeSurvey, Google Forms CSV, or XLSX) with an instrument mapping: respondents, satisfaction per question, group and overall (95 % Wilson intervals), points under the criteria set; the results CSV is what "par score --survey" reads; the data-quality summary goes to stderr',
    },
    example: "par survey import criteria/examples/survey/kobo-xml.csv --mapping criteria/survey/reference-sipas/2026.1.json --format table",
  },
  args: {
    export: {
      type: "positional",
      name: { vi: "tệp-xuất.csv|.xlsx", en: "export.csv|.xlsx" },
      description: { vi: "tệp kết quả xuất từ công cụ khảo sát", en: "the export of the survey tool" },
      required: true,
      mustExist: true,
    },
    mapping: {
      type: "string",
      valueHint: { vi: "bảng-ánh-xạ.json", en: "mapping.json" },
      description: {
        vi: "bảng ánh xạ phiếu điều tra (criteria/survey/<mã>/<phiên bản>.json)",
        en: "the instrument mapping (criteria/survey/<id>/<version>.json)",
      },
      required: true,
      mustExist: true,
    },
    criteria: {
      type: "string",
      valueHint: { vi: "bộ-tiêu-chí.json", en: "set.json" },
      description: { vi: "bộ tiêu chí (nếu không: bộ có sẵn mà bảng ánh xạ ghi)", en: "the criteria set (else the shipped set the mapping names)" },
      mustExist: true,
    },
    units: {
      type: "string",
      valueHint: { vi: "đơn-vị.csv", en: "units.csv" },
      description: {
        vi: "danh sách đơn vị unit,unit_name,unit_type,population: báo mã lạ và kiểm tra cỡ mẫu",
        en: "units unit,unit_name,unit_type,population: flags unknown codes and checks sample sizes",
      },
      mustExist: true,
    },
    report: {
      type: "string",
      valueHint: { vi: "kết-quả.json", en: "results.json" },
      description: { vi: "ghi thêm báo cáo JSON đầy đủ", en: "also write the full JSON report" },
    },
    format: formatArg(["csv", "json", "table"], "csv"),
    out: OUT_ARG,
  },
  async run({ args, lang, io }) {
    const mappingJson = readJson(args.mapping) as Partial<SurveyMapping>;
    const criteria = readCriteriaSet(args.criteria ?? defaultCriteria(mappingJson));
    const mapping = loadSurveyMapping(mappingJson, criteria);
    if (!mapping.ok)
      throw problemsError(
        { vi: `${args.mapping} không phải bảng ánh xạ hợp lệ`, en: `${args.mapping} is not a valid survey mapping` },
        args.mapping,
        mapping.problems,
      );
    const units = args.units ? readUnits(args.units, (file, warnings) => io.stderr(formatWarnings(file, warnings, lang))) : undefined;
    const onProgress = (rows: number) => io.stderr(lang === "vi" ? `… ${formatInteger(rows, lang)} dòng\n` : `… ${formatInteger(rows, lang)} rows\n`);
    const imported = await importSurveyFile(args.export, { mapping: mapping.value, criteria, ...(units ? { units } : {}) }, { onProgress });
    if (!imported.ok) throw problemsError({ vi: `không nhập được ${args.export}`, en: `${args.export} cannot be imported` }, args.export, imported.problems);
    const result = imported.value;
    io.stderr(formatSurveyQuality(result, lang));
    if (args.report) {
      writeFileSync(args.report, `${JSON.stringify(result, null, 2)}\n`);
      io.stderr(writtenLine(args.report, lang));
    }
    await emitResult(io, args.out, args.format as "csv" | "json" | "table", lang, {
      json: () => result,
      csv: () => surveyResultsTable(result, criteria),
      table: () => formatSurveyTable(result, lang),
      sheetName: "Survey",
    });
    return EXIT.ok;
  },
});

export const surveyGroup: CommandGroup = {
  meta: { name: "survey", description: { vi: "điều tra xã hội học", en: "satisfaction surveys" } },
  subCommands: { import: surveyImportCommand },
};

function readUnits(path: string, warn: (file: string, warnings: Problem[]) => void) {
  const read = readSurveyUnits(readText(path, warn), path);
  if (!read.ok) throw problemsError({ vi: `${path} có lỗi`, en: `${path} has problems` }, path, read.problems);
  return read.value;
}

/** Without --criteria: the shipped set the mapping names, criteria/<family>/<version>.json. */
function defaultCriteria(mapping: Partial<SurveyMapping>): string {
  const path = shippedCriteriaPath(mapping.criteria);
  const named = `${mapping.criteria?.family ?? "?"} ${mapping.criteria?.version ?? "?"}`;
  if (path === null) {
    throw usageError({
      vi: `Cho biết bộ tiêu chí bằng --criteria <bộ-tiêu-chí.json>: bảng ánh xạ ghi bộ ${named}, không có sẵn.`,
      en: `Give the criteria set with --criteria <set.json>: the mapping names ${named}, which is not shipped.`,
    });
  }
  return path;
}
