import type { RobustnessReport } from "../analysis/robustness-types.js";
import { formatDecimal, formatInteger } from "../i18n/format-locale.js";
import { type Lang, textIn } from "../text/text-in.js";
import type { CsvCell } from "./csv.js";
import { type TableColumn, renderTable } from "./render-table.js";

const LABELS = {
  vi: {
    title: (r: RobustnessReport) =>
      `Độ tin cậy của thứ hạng: ${formatInteger(r.replicates, "vi")} lần mô phỏng (hạt giống ${r.seed}), khảo sát theo cỡ mẫu${r.disputes ? ", điểm còn chênh lệch giữa tự chấm và thẩm định" : ""}`,
    rank: "Hạng",
    code: "Mã",
    name: "Đơn vị",
    median: "Hạng trung vị",
    band: "Khoảng 5–95%",
    classes: "Khả năng xếp loại",
    none: "không xếp loại",
    unsettled: (threshold: number) => `Cặp đơn vị chưa chắc thứ tự (đảo thứ tự trong hơn ${formatDecimal(threshold * 100, 0, "vi")}% số lần mô phỏng)`,
    pair: (above: string, below: string, share: string) => `${above} trên ${below}: đảo ${share}%`,
    noPair: "không có",
    more: (n: number) => `… và ${formatInteger(n, "vi")} cặp khác (xem --format json)`,
  },
  en: {
    title: (r: RobustnessReport) =>
      `How sure the rank is: ${formatInteger(r.replicates, "en")} replicates (seed ${r.seed}), survey drawn from its sample${r.disputes ? ", disputed items between self and appraised points" : ""}`,
    rank: "Rank",
    code: "Code",
    name: "Unit",
    median: "Median rank",
    band: "5–95% band",
    classes: "Class chances",
    none: "no class",
    unsettled: (threshold: number) => `Pairs whose order is not settled (reversed in more than ${formatDecimal(threshold * 100, 0, "en")}% of replicates)`,
    pair: (above: string, below: string, share: string) => `${above} above ${below}: reversed ${share}%`,
    noPair: "none",
    more: (n: number) => `… and ${formatInteger(n, "en")} more pairs (see --format json)`,
  },
};

const PAIRS_SHOWN = 20;

/** The rank bands as a terminal table per block, with class chances and the least settled pairs. */
export function formatRobustnessTable(report: RobustnessReport, lang: Lang): string {
  const l = LABELS[lang];
  const percent = (share: number) => formatDecimal(share * 100, 1, lang);
  const columns: TableColumn[] = [
    { header: l.rank, align: "right" },
    { header: l.code },
    { header: l.name },
    { header: l.median, align: "right" },
    { header: l.band, align: "right" },
    { header: l.classes },
  ];
  const parts = [l.title(report)];
  for (const block of report.blocks) {
    const rows = block.units.map((u) => [
      String(u.rank),
      u.code,
      u.name,
      String(u.median),
      `${u.low}–${u.high}`,
      u.classes.map((c) => `${c.title ? textIn(c.title, lang) : l.none} ${percent(c.share)}%`).join(", "),
    ]);
    const pairs = block.unsettled.slice(0, PAIRS_SHOWN).map((p) => `  ${l.pair(p.above, p.below, percent(p.reversed))}`);
    if (block.unsettled.length > PAIRS_SHOWN) pairs.push(`  ${l.more(block.unsettled.length - PAIRS_SHOWN)}`);
    parts.push(
      `${textIn(block.title, lang)}\n${renderTable(columns, rows)}\n${l.unsettled(report.threshold)}:\n${pairs.length > 0 ? pairs.join("\n") : `  ${l.noPair}`}`,
    );
  }
  return `${parts.join("\n\n")}\n`;
}

/** One row per unit: block, rank, median, band and the share of each class (plain numbers, for scripts). */
export function robustnessToCsvRows(report: RobustnessReport, classCodes: readonly string[]): CsvCell[][] {
  const header = ["block", "rank", "code", "name", "median_rank", "rank_p5", "rank_p95", ...classCodes.map((c) => `class_${c}`), "class_none"];
  const rows = report.blocks.flatMap((block) =>
    block.units.map((u) => {
      const share = (code: string | null) => u.classes.find((c) => c.code === code)?.share ?? 0;
      return [block.code, u.rank, u.code, u.name, u.median, u.low, u.high, ...classCodes.map(share), share(null)];
    }),
  );
  return [header, ...rows];
}
