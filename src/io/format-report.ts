import { UNIT_TYPE_NAMES, nameIn, term } from "../i18n/glossary.js";
import { localiseExplanation } from "../i18n/localise-explanation.js";
import type { NodeReport, ScoreReport } from "../scoring/report.js";
import type { CsvCell } from "./csv.js";
import { formatPercent, formatPoints, formatSignedPoints, localiseDecimal } from "./format-number.js";
import { type TableColumn, renderTable, shorten } from "./render-table.js";
import { type Lang, textIn } from "../text/text-in.js";

export { formatRankingTable } from "./format-ranking.js";

const TITLE_WIDTH = 48;
const WHY_WIDTH = 56;

const LABELS = {
  en: {
    unit: "Unit",
    block: "block",
    year: "Year",
    criteria: "Criteria",
    stage: "Stage",
    stages: { "self-assessed": "self-assessed", appraised: "appraised" },
    total: "Total",
    ofApplicable: "of an applicable",
    maximum: "maximum",
    parts: (points: string, bonus: string, penalty: string) => `areas ${points} + bonus ${bonus} − penalty ${penalty}`,
    index: "Index",
    class: "Class",
    survey: "Survey",
    surveyIncluded: (respondents: string) => `included${respondents}`,
    surveyAbsent: "not included",
    respondents: "respondents",
    columns: ["Code", "Title", "Max", "Appl. max", "Self", "Appraised", "Final", "Sub-index %", "Why"],
    bonus: "Bonus",
    penalty: "Penalty",
    adjustment: (claimed: string, counted: string, cap: string) => `claimed ${claimed}, counted ${counted} (cap ${cap})`,
    selfGap: "Self-assessed vs appraised, per area",
    gapColumns: ["Code", "Area", "Self", "Appraised", "Difference"],
    missingEvidence: "Missing evidence",
    missingFacts: "Missing facts",
    gaps: "Points still available",
    hintColumns: ["Code", "Title", "Available", "How"],
    none: "(none)",
  },
  vi: {
    unit: "Đơn vị",
    block: "khối",
    year: "Năm",
    criteria: "Bộ tiêu chí",
    stage: "Giai đoạn",
    stages: { "self-assessed": "tự chấm", appraised: "đã thẩm định" },
    total: "Tổng điểm",
    ofApplicable: "trên tối đa áp dụng",
    maximum: "tối đa",
    parts: (points: string, bonus: string, penalty: string) => `lĩnh vực ${points} + thưởng ${bonus} − trừ ${penalty}`,
    index: "Chỉ số",
    class: "Xếp loại",
    survey: term("survey", "vi", true),
    surveyIncluded: (respondents: string) => `có tính${respondents}`,
    surveyAbsent: "không tính",
    respondents: "phiếu",
    columns: ["Mã", "Nội dung", "Tối đa", "Tối đa áp dụng", "Tự chấm", "Thẩm định", "Điểm", "Chỉ số %", "Căn cứ"],
    bonus: "Điểm thưởng",
    penalty: "Điểm trừ",
    adjustment: (claimed: string, counted: string, cap: string) => `đề nghị ${claimed}, được tính ${counted} (tối đa ${cap})`,
    selfGap: "Điểm tự chấm và điểm thẩm định theo lĩnh vực",
    gapColumns: ["Mã", "Lĩnh vực", "Tự chấm", "Thẩm định", term("selfGap", "vi", true)],
    missingEvidence: "Thiếu tài liệu kiểm chứng",
    missingFacts: "Thiếu số liệu",
    gaps: "Điểm còn có thể đạt",
    hintColumns: ["Mã", "Nội dung", "Còn thiếu", "Cách đạt"],
    none: "(không có)",
  },
};

interface Numbers {
  points: (value: number | null) => string;
  signed: (value: number) => string;
  percent: (value: number | null) => string;
  /** An engine-formatted decimal ("93.19") or an explanation, as `lang` writes it. */
  text: (value: string) => string;
}

/**
 * Formatters at the set's display precision (2 decimals for a report written without it); in
 * `lang` for tables, with the decimal point for CSV (`"machine"`).
 */
function numbersOf(report: ScoreReport, lang: Lang | "machine", labels?: ReadonlyMap<string, string>): Numbers {
  const display = (report as Partial<ScoreReport>).display;
  const pointsDecimals = display?.pointsDecimals ?? 2;
  const indexDecimals = display?.indexDecimals ?? 2;
  const shown = lang === "machine" ? "en" : lang;
  return {
    points: (value) => localiseDecimal(formatPoints(value, pointsDecimals), shown),
    signed: (value) => localiseDecimal(formatSignedPoints(value, pointsDecimals), shown),
    percent: (value) => localiseDecimal(formatPercent(value, indexDecimals), shown),
    text: (value) => localiseExplanation(value, shown, labels),
  };
}

/**
 * `par explain`: who and what was scored, the index and class, every node of the tree
 * indented by depth with its points per stage (and for leaves why), the bonus and penalty
 * items, the self-vs-appraised gap per area, missing evidence and facts, and the points
 * still available with hints. In Vietnamese, numbers take the decimal comma, dates `dd/mm/yyyy`,
 * and the facts named in explanations their `labels` (title and unit, see `factLabels`).
 */
export function formatReportTable(report: ScoreReport, lang: Lang, labels?: ReadonlyMap<string, string>): string {
  const l = LABELS[lang];
  const n = numbersOf(report, lang, labels);
  const { unit, totals } = report;
  const respondents = report.survey.respondents !== undefined ? ` (${report.survey.respondents} ${l.respondents})` : "";
  const lines = [
    `${l.unit}: ${unit.code} ${unit.name} (${nameIn(UNIT_TYPE_NAMES, unit.type, lang)}, ${l.block} ${unit.block})`,
    `${l.year}: ${report.year} · ${l.criteria}: ${report.criteria.family} ${report.criteria.version} · ${l.stage}: ${l.stages[report.stage]}`,
    `${l.total}: ${n.points(totals.total)} ${l.ofApplicable} ${n.points(totals.applicableMax)} (${l.maximum} ${n.points(totals.max)}) = ${l.parts(n.points(totals.points), n.points(totals.bonus), n.points(totals.penalty))}`,
    `${l.index}: ${n.text(totals.indexText)}% · ${l.class}: ${totals.class ? textIn(totals.class.title, lang) : "–"}`,
    `${l.survey}: ${report.survey.included ? l.surveyIncluded(respondents) : l.surveyAbsent}`,
    "",
    nodeTable(report.areas, lang, n),
  ];
  for (const [label, adjustment] of [
    [l.bonus, report.bonus],
    [l.penalty, report.penalty],
  ] as const) {
    if (!adjustment) continue;
    const summary = l.adjustment(n.points(adjustment.claimed), n.points(adjustment.counted), n.points(adjustment.cap));
    lines.push("", `${label}: ${summary}`, nodeTable(adjustment.items, lang, n));
  }
  lines.push("", `${l.selfGap}:`);
  lines.push(
    renderTable(
      columnsOf(l.gapColumns, [2, 3, 4]),
      report.selfGap.map((area) => [
        area.code,
        shorten(textIn(area.title, lang), TITLE_WIDTH),
        n.points(area.self),
        n.points(area.appraised),
        n.signed(area.gap),
      ]),
    ),
  );
  lines.push(
    "",
    `${l.missingEvidence}:`,
    ...listOrNone(
      report.missingEvidence.map((m) => `- ${m.code} ${textIn(m.title, lang)}`),
      l.none,
    ),
  );
  lines.push(
    "",
    `${l.missingFacts}:`,
    ...listOrNone(
      report.missingFacts.map((m) => `- ${m.code} ${textIn(m.title, lang)}: ${m.facts.map((name) => factWithLabel(name, labels)).join(", ")}`),
      l.none,
    ),
  );
  lines.push("", `${l.gaps}:`);
  lines.push(
    report.gaps.length === 0
      ? l.none
      : renderTable(
          columnsOf(l.hintColumns, [2]),
          report.gaps.map((gap) => [gap.code, shorten(textIn(gap.title, lang), TITLE_WIDTH), n.points(gap.available), n.text(textIn(gap.hint, lang))]),
        ),
  );
  return `${lines.join("\n")}\n`;
}

function nodeTable(nodes: NodeReport[], lang: Lang, n: Numbers): string {
  const rows = flattenNodes(nodes).map(({ node, depth }) => [
    node.code,
    "  ".repeat(depth) + shorten(textIn(node.title, lang), TITLE_WIDTH),
    n.points(node.max),
    n.points(node.applicableMax),
    n.points(node.self),
    n.points(node.appraised),
    n.points(node.final),
    n.percent(node.subIndex),
    node.leaf ? shorten(n.text(textIn(node.leaf.why, lang)), WHY_WIDTH) : "",
  ]);
  return renderTable(columnsOf(LABELS[lang].columns, [2, 3, 4, 5, 6, 7]), rows);
}

function columnsOf(headers: string[], right: number[]): TableColumn[] {
  return headers.map((header, i) => (right.includes(i) ? { header, align: "right" } : { header }));
}

/** A fact a unit must still enter: its label, and the name a sheet's `item` column takes. */
function factWithLabel(name: string, labels: ReadonlyMap<string, string> | undefined): string {
  const label = labels?.get(name);
  return label ? `${label} [${name}]` : name;
}

function listOrNone(lines: string[], none: string): string[] {
  return lines.length > 0 ? lines : [none];
}

/** Every node depth-first with its depth (areas 0). */
export function flattenNodes(nodes: NodeReport[], depth = 0): { node: NodeReport; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenNodes(node.children ?? [], depth + 1)]);
}

export const REPORT_CSV_HEADER = [
  "unit",
  "code",
  "depth",
  "title_vi",
  "max",
  "applicable_max",
  "self",
  "appraised",
  "final",
  "sub_index",
  "status",
  "why_vi",
] as const;

/**
 * One row per node (areas depth-first, then bonus and penalty items at depth 0), after a
 * header row; points and sub-indexes at the set's display precision, empty cells for nothing.
 */
export function reportToCsvRows(report: ScoreReport): CsvCell[][] {
  const nodes = [...flattenNodes(report.areas), ...flattenNodes(report.bonus?.items ?? []), ...flattenNodes(report.penalty?.items ?? [])];
  const n = numbersOf(report, "machine");
  const optional = (value: number | null, format: (v: number) => string) => (value === null ? "" : format(value));
  return [
    [...REPORT_CSV_HEADER],
    ...nodes.map(({ node, depth }) => [
      report.unit.code,
      node.code,
      depth,
      node.title.vi,
      n.points(node.max),
      n.points(node.applicableMax),
      optional(node.self, n.points),
      optional(node.appraised, n.points),
      n.points(node.final),
      optional(node.subIndex, n.percent),
      node.leaf?.status ?? "",
      node.leaf?.why.vi ?? "",
    ]),
  ];
}
