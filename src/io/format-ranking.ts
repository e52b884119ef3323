import { compareCodes } from "../criteria/compare-codes.js";
import { isSurveyArea } from "../criteria/survey-area.js";
import type { CriteriaSet } from "../criteria/types.js";
import { term } from "../i18n/glossary.js";
import { summariseBlock } from "../ranking/summarise-block.js";
import type { BlockRanking, Ranking } from "../ranking/types.js";
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
    mean: "Block mean",
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
    mean: "Bình quân khối",
  },
};

/**
 * `par rank`: per block a title, a table (rank, unit, points per area, survey, total, index,
 * class, change of rank since last year, appraised − self-assessed total) and the count of
 * units per class. Vietnamese tables use the decimal comma. With `set`, an area that is the
 * survey (every item scored from it, area 8 of commune sets) is the survey column: no second one.
 */
export function formatRankingTable(ranking: Ranking, lang: Lang, set?: CriteriaSet): string {
  const surveyIsAnArea = set?.areas.some(isSurveyArea) ?? false;
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
      ...(surveyIsAnArea ? [] : [{ header: l.survey, align: "right" } as const]),
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
      ...(surveyIsAnArea ? [] : [shown(formatPoints(ranked.surveyPoints, decimals))]),
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
      formatSummary(summariseBlock(block, ranking.display.indexDecimals), l.mean, lang),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** "Bình quân khối: 78.39 % · Xuất sắc 6.62 % · …" */
function formatSummary(summary: ReturnType<typeof summariseBlock>, label: string, lang: Lang): string {
  return [`${label}: ${summary.meanText ?? "–"} %`, ...summary.classes.map((c) => `${textIn(c.title, lang)} ${c.shareText} %`)].join(" · ");
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
