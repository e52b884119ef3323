import type { SurveyResults } from "../../assessment/types.js";
import type { CriteriaSet } from "../../criteria/types.js";
import type { Estimate, SurveyImportResult } from "../../survey/result-types.js";
import { formatNumberIn, localiseDecimal } from "../format-number.js";
import type { CsvCell } from "../csv.js";
import { surveyResultsRows } from "../read-survey-results.js";
import { renderTable } from "../render-table.js";
import { type Lang, textIn } from "../../text/text-in.js";

/** The flat results that `par score --survey` reads (unit, respondents, one column per indicator), as rows for a CSV file or a workbook. */
export function surveyResultsTable(result: SurveyImportResult, criteria: CriteriaSet): CsvCell[][] {
  const results = new Map<string, SurveyResults>(result.units.map((unit) => [unit.unit, { indicators: unit.indicators, respondents: unit.respondents }]));
  return surveyResultsRows(results, criteria);
}

export function formatSurveyTable(result: SurveyImportResult, lang: Lang): string {
  const en = lang === "en";
  const groups =
    result.units[0]?.groups.filter((g) => g.n > 0 || result.units.some((u) => u.groups.find((x) => x.code === g.code)!.n > 0)).map((g) => g.code) ?? [];
  const fixed = (value: number, decimals: number) => localiseDecimal(value.toFixed(decimals), lang);
  const estimate = (e: Estimate | undefined) =>
    e?.percent === null || e === undefined ? "–" : `${fixed(e.percent, 2)} [${fixed(e.ci95![0], 1)}–${fixed(e.ci95![1], 1)}]`;
  const columns = [
    { header: en ? "Unit" : "Đơn vị" },
    { header: en ? "Name" : "Tên" },
    { header: en ? "Used" : "Phiếu", align: "right" as const },
    { header: en ? "Needed" : "Cỡ mẫu", align: "right" as const },
    ...groups.map((code) => ({ header: `${code} %`, align: "right" as const })),
    { header: en ? "Overall % [95% CI]" : "Chung % [KTC 95%]", align: "right" as const },
    { header: en ? "Points" : "Điểm", align: "right" as const },
  ];
  const rows = result.units.map((unit) => [
    unit.unit,
    unit.name ?? "",
    String(unit.respondents),
    unit.sample.required === null ? "?" : `${unit.sample.required}${unit.sample.enough ? "" : " ⚠"}`,
    ...groups.map((code) => estimate(unit.groups.find((g) => g.code === code))),
    estimate(unit.overall),
    `${formatNumberIn(unit.points.total, lang)} / ${formatNumberIn(unit.points.max, lang)}`,
  ]);
  return `${renderTable(columns, rows)}\n${textIn(result.method, lang)}\n`;
}

/** The data-quality summary: counts of every exclusion, then each listed issue with its place. */
export function formatSurveyQuality(result: SurveyImportResult, lang: Lang): string {
  const q = result.quality;
  const en = lang === "en";
  const lines = [
    en
      ? `${result.source.file} (${result.source.kind}): ${q.rows} rows, ${q.used} used; excluded: ${q.duplicates} duplicate, ${q.incomplete} incomplete, ${q.rejected} rejected, ${q.missingUnit} without unit, ${q.malformed} malformed; answers: ${q.outOfScale} out of scale, ${q.excludedAnswers} don't know / not applicable`
      : `${result.source.file} (${result.source.kind}): ${q.rows} dòng, ${q.used} phiếu được dùng; loại: ${q.duplicates} trùng, ${q.incomplete} chưa hoàn thành, ${q.rejected} không đạt, ${q.missingUnit} thiếu đơn vị, ${q.malformed} sai cấu trúc dòng; câu trả lời: ${q.outOfScale} ngoài thang đo, ${q.excludedAnswers} không biết / không áp dụng`,
    ...(q.unitsBelowSample.length > 0
      ? [en ? `below the required sample: ${q.unitsBelowSample.join(", ")}` : `chưa đủ cỡ mẫu: ${q.unitsBelowSample.join(", ")}`]
      : []),
    ...q.notes.map((note) => `${en ? "note" : "ghi chú"}: ${textIn(note, lang)}`),
    ...q.issues.map((p) => `  ${p.path}  [${p.code}]\n    ${en ? p.message : p.vi}`),
    ...(q.notListed > 0 ? [en ? `  … and ${q.notListed} more issues (counted above)` : `  … và ${q.notListed} vấn đề khác (đã tính ở trên)`] : []),
  ];
  return `${lines.join("\n")}\n`;
}
