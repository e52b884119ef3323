import { compareCodes } from "../criteria/compare-codes.js";
import { term } from "../i18n/glossary.js";
import type { BlockRanking, Ranking } from "../ranking/types.js";
import type { CsvCell } from "./csv.js";
import { formatPoints, formatRankChange, formatSignedPoints, localiseDecimal } from "./format-number.js";
import { type TableColumn, renderTable } from "./render-table.js";
import { type Lang, textIn } from "../text/text-in.js";

const LABELS = {
  en: {
    title: (year: number, family: string, version: string) => `PAR index ${year} · criteria ${family} ${version}`,
    block: "Block",
    units: "units",
    rank: "Rank",
    code: "Code",
    name: "Unit",
    survey: "Survey",
    total: "Total",
    index: "Index %",
    class: "Class",
    change: "Change",
    gap: "Self gap",
    classes: "Classes",
  },
  vi: {
    title: (year: number, family: string, version: string) => `Chỉ số CCHC năm ${year} · bộ tiêu chí ${family} ${version}`,
    block: "Khối",
    units: "đơn vị",
    rank: "Hạng",
    code: "Mã",
    name: "Đơn vị",
    survey: term("survey", "vi", true),
    total: "Tổng",
    index: "Chỉ số %",
    class: "Xếp loại",
    change: "Thay đổi",
    gap: term("selfGap", "vi", true),
    classes: "Xếp loại",
  },
};

/**
 * `par rank`: per block a title, a table (rank, unit, points per area, survey, total, index,
 * class, change of rank since last year, appraised − self-assessed total) and the count of
 * units per class. Vietnamese tables use the decimal comma.
 */
export function formatRankingTable(ranking: Ranking, lang: Lang): string {
  const l = LABELS[lang];
  const decimals = ranking.display.pointsDecimals;
  const shown = (text: string) => localiseDecimal(text, lang);
  const lines = [l.title(ranking.year, ranking.criteria.family, ranking.criteria.version)];
  for (const block of ranking.blocks) {
    const areas = areaCodes([block]);
    const columns: TableColumn[] = [
      { header: l.rank, align: "right" },
      { header: l.code },
      { header: l.name },
      ...areas.map((code): TableColumn => ({ header: code, align: "right" })),
      { header: l.survey, align: "right" },
      { header: l.total, align: "right" },
      { header: l.index, align: "right" },
      { header: l.class },
      { header: l.change, align: "right" },
      { header: l.gap, align: "right" },
    ];
    const rows = block.units.map((ranked) => [
      String(ranked.rank),
      ranked.unit.code,
      ranked.unit.name,
      ...areas.map((code) => shown(formatArea(ranked.areas[code]?.points, decimals))),
      shown(formatPoints(ranked.surveyPoints, decimals)),
      shown(formatPoints(ranked.total, decimals)),
      shown(ranked.indexText),
      ranked.class ? textIn(ranked.class.title, lang) : "–",
      formatRankChange(ranked.rank, ranked.previous?.rank ?? null),
      shown(formatGap(ranked.selfGap, decimals)),
    ]);
    const counts = block.classCounts.map((c) => `${textIn(c.title, lang)} ${c.count}`).join(" · ");
    lines.push(
      "",
      `${l.block} ${block.code}: ${textIn(block.title, lang)} (${block.units.length} ${l.units})`,
      renderTable(columns, rows),
      `${l.classes}: ${counts}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The layout of a published decision's annex, after a header row: block, rank, unit, points
 * per area (`area_<code>`), survey, bonus, penalty, total, index, class, previous rank and
 * change of rank (+ up, − down); then the self-assessed and appraised totals and their gap
 * (appraised − self; empty before any appraisal).
 */
export function rankingToCsvRows(ranking: Ranking): CsvCell[][] {
  const areas = areaCodes(ranking.blocks);
  const decimals = ranking.display.pointsDecimals;
  const header = [
    "block",
    "rank",
    "unit_code",
    "unit_name",
    ...areas.map((code) => `area_${code}`),
    "survey",
    "bonus",
    "penalty",
    "total",
    "index",
    "class",
    "previous_rank",
    "change",
    "self",
    "appraised",
    "self_gap",
  ];
  const rows = ranking.blocks.flatMap((block) =>
    block.units.map((ranked): CsvCell[] => {
      const change = ranked.previous ? ranked.previous.rank - ranked.rank : null;
      return [
        block.code,
        ranked.rank,
        ranked.unit.code,
        ranked.unit.name,
        ...areas.map((code) => {
          const points = ranked.areas[code]?.points;
          return points == null ? "" : formatPoints(points, decimals);
        }),
        ranked.surveyPoints === null ? "" : formatPoints(ranked.surveyPoints, decimals),
        formatPoints(ranked.bonus, decimals),
        formatPoints(ranked.penalty, decimals),
        formatPoints(ranked.total, decimals),
        ranked.indexText,
        ranked.class?.title.vi ?? "",
        ranked.previous?.rank ?? "",
        change === null ? "" : change > 0 ? `+${change}` : String(change),
        formatPoints(ranked.self, decimals),
        ranked.appraised === null ? "" : formatPoints(ranked.appraised, decimals),
        ranked.selfGap === null ? "" : formatGap(ranked.selfGap, decimals),
      ];
    }),
  );
  return [header, ...rows];
}

function areaCodes(blocks: BlockRanking[]): string[] {
  const codes = new Set(blocks.flatMap((block) => block.units.flatMap((ranked) => Object.keys(ranked.areas))));
  return [...codes].sort(compareCodes);
}

/** Signed ("+1.50", "-0.50", "0.00"); "–" before any appraisal. */
function formatGap(gap: number | null, decimals: number): string {
  return gap === null ? "–" : formatSignedPoints(gap, decimals);
}

function formatArea(points: number | null | undefined, decimals: number): string {
  return points === undefined || points === null ? "–" : formatPoints(points, decimals);
}
