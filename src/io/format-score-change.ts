import type { ScoreChange } from "../analysis/explain-score-change.js";
import { formatDecimal } from "../i18n/format-locale.js";
import { type Lang, textIn } from "../text/text-in.js";
import { type TableColumn, renderTable, shorten } from "./render-table.js";

const LABELS = {
  vi: {
    head: (c: ScoreChange, p: (n: number) => string) =>
      `${c.unit.name} (${c.unit.code}): tổng điểm ${p(c.older.total)} năm ${c.older.year} → ${p(c.newer.total)} năm ${c.newer.year} (${signed(c.totalChange, p)}), chỉ số ${p(c.older.index)}% → ${p(c.newer.index)}%`,
    code: "Mã",
    title: "Tiêu chí",
    older: "Điểm cũ",
    newer: "Điểm mới",
    change: "Thay đổi",
    why: "Lý do (năm mới; năm cũ)",
    evidence: "Tài liệu",
    criteria: {
      added: "tiêu chí mới",
      removed: "tiêu chí bỏ",
      renumbered: "đổi mã",
      points: "đổi điểm tối đa",
      scoring: "đổi cách chấm",
      "not-applicable": "đổi quy định không phát sinh",
    } as Record<string, string>,
    adjustments: (b: string, pe: string) => `Điểm thưởng: ${b}; điểm trừ: ${pe}`,
    sum: "Tổng các thay đổi = thay đổi tổng điểm",
    none: "Không tiêu chí nào thay đổi điểm.",
  },
  en: {
    head: (c: ScoreChange, p: (n: number) => string) =>
      `${c.unit.name} (${c.unit.code}): total ${p(c.older.total)} in ${c.older.year} → ${p(c.newer.total)} in ${c.newer.year} (${signed(c.totalChange, p)}), index ${p(c.older.index)}% → ${p(c.newer.index)}%`,
    code: "Code",
    title: "Item",
    older: "Before",
    newer: "After",
    change: "Change",
    why: "Why (new year; old year)",
    evidence: "Evidence",
    criteria: {
      added: "new item",
      removed: "item removed",
      renumbered: "renumbered",
      points: "maximum changed",
      scoring: "scoring changed",
      "not-applicable": "not-applicable rule changed",
    } as Record<string, string>,
    adjustments: (b: string, pe: string) => `Bonus: ${b}; penalty: ${pe}`,
    sum: "Sum of the changes = change of the total",
    none: "No item changed its points.",
  },
};

function signed(value: number, format: (n: number) => string): string {
  return value > 0 ? `+${format(value)}` : format(value);
}

/** The items that gained and lost points, biggest loss first, with the rule's words of both years and the evidence. */
export function formatScoreChange(change: ScoreChange, lang: Lang): string {
  const l = LABELS[lang];
  const p = (n: number) => formatDecimal(n, 2, lang);
  const columns: TableColumn[] = [
    { header: l.code },
    { header: l.title },
    { header: l.older, align: "right" },
    { header: l.newer, align: "right" },
    { header: l.change, align: "right" },
    { header: l.why },
    { header: l.evidence },
  ];
  const rows = change.items.map((item) => [
    item.code,
    shorten(textIn(item.title, lang), 48),
    item.older ? p(item.older.points) : "—",
    item.newer ? p(item.newer.points) : "—",
    signed(item.change, p),
    shorten(
      [...item.criteria.map((c) => l.criteria[c] ?? c), item.newer ? textIn(item.newer.why, lang) : "", item.older ? textIn(item.older.why, lang) : ""]
        .filter(Boolean)
        .join("; "),
      90,
    ),
    shorten([...new Set([...(item.newer?.evidence ?? []), ...(item.older?.evidence ?? [])])].join(", "), 30),
  ]);
  const body = rows.length > 0 ? renderTable(columns, rows) : l.none;
  return `${l.head(change, p)}\n${body}\n${l.adjustments(signed(change.bonus, p), signed(-change.penalty, p))}\n${l.sum}: ${signed(change.totalChange, p)}\n`;
}
