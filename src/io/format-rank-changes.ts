import type { RankChange } from "../analysis/compare-rankings.js";
import { formatDecimal } from "../i18n/format-locale.js";
import { type Lang, textIn } from "../text/text-in.js";
import type { CsvCell } from "./csv.js";
import { type TableColumn, renderTable } from "./render-table.js";

const LABELS = {
  vi: {
    block: "Khối",
    code: "Mã",
    name: "Đơn vị",
    rank: "Hạng",
    change: "Thay đổi",
    index: "Chỉ số %",
    class: "Xếp loại",
    none: "—",
    moved: (n: number, c: number) => `${n} đơn vị đổi hạng, ${c} đơn vị đổi xếp loại`,
  },
  en: {
    block: "Block",
    code: "Code",
    name: "Unit",
    rank: "Rank",
    change: "Change",
    index: "Index %",
    class: "Class",
    none: "—",
    moved: (n: number, c: number) => `${n} units change rank, ${c} change class`,
  },
};

/** Each unit's rank, index and class before → after a what-if, per block, with the locale's decimal mark. */
export function formatRankChanges(changes: RankChange[], decimals: number, lang: Lang, title: string): string {
  const l = LABELS[lang];
  const columns: TableColumn[] = [
    { header: l.block },
    { header: l.code },
    { header: l.name },
    { header: l.rank, align: "right" },
    { header: l.change, align: "right" },
    { header: l.index, align: "right" },
    { header: l.class },
  ];
  const index = (value: number) => formatDecimal(value, decimals, lang);
  const className = (c: RankChange["before"]["class"]) => (c ? textIn(c.title, lang) : l.none);
  const rows = changes.map((c) => [
    c.block,
    c.code,
    c.name,
    c.after ? `${c.before.rank} → ${c.after.rank}` : `${c.before.rank}`,
    c.rankChange === null || c.rankChange === 0 ? "0" : c.rankChange > 0 ? `+${c.rankChange}` : String(c.rankChange),
    c.after ? `${index(c.before.index)} → ${index(c.after.index)}` : index(c.before.index),
    c.after && c.classChanged ? `${className(c.before.class)} → ${className(c.after.class)}` : className(c.before.class),
  ]);
  const moved = changes.filter((c) => c.rankChange !== 0).length;
  const reclassed = changes.filter((c) => c.classChanged).length;
  return `${title}\n${renderTable(columns, rows)}\n${l.moved(moved, reclassed)}\n`;
}

/** Plain numbers for scripts: one row per unit. */
export function rankChangesToCsvRows(changes: RankChange[]): CsvCell[][] {
  return [
    ["block", "code", "name", "rank_before", "rank_after", "rank_change", "index_before", "index_after", "class_before", "class_after"],
    ...changes.map((c) => [
      c.block,
      c.code,
      c.name,
      c.before.rank,
      c.after?.rank ?? null,
      c.rankChange,
      c.before.index,
      c.after?.index ?? null,
      c.before.class?.code ?? null,
      c.after?.class?.code ?? null,
    ]),
  ];
}
