import type { CriteriaSet } from "../../criteria/types.js";
import { formatDecimal } from "../../i18n/format-locale.js";
import { capitaliseFirst, term } from "../../i18n/glossary.js";
import type { Lang } from "../../i18n/lang.js";
import { textIn } from "../../text/text-in.js";
import type { Ranking } from "../../ranking/types.js";
import { summariseBlock } from "../../ranking/summarise-block.js";
import { formatPoints } from "../format-number.js";
import { type AnnexFormat, type AnnexValue, buildAnnex, unitNotes } from "./build-annex.js";

/** A line of the one-page report's figures: a label, a value, how to show it. */
export interface UnitReportLine {
  label: string;
  value: AnnexValue;
  format: AnnexFormat;
  /** "of …": the maximum beside a figure, or the units of a rank. */
  of?: number;
}

/**
 * One unit's page of the annex, to print and hand to the unit: the title, the decision, the
 * unit and its block; per area its maximum, self-assessed, appraised and final points and its
 * sub-index; then bonus, penalty, total, index, class, rank in the block, change since last year
 * and the block's mean, and the notes of its annex row. The same figures as its row of the annex.
 */
export interface UnitReport {
  /** The language of its labels. */
  lang: Lang;
  title: string;
  basis: string;
  unit: { code: string; name: string };
  block: string;
  decimals: { points: number; index: number };
  areaHeader: string[];
  areas: { label: string; max: number; self: AnnexValue; appraised: AnnexValue; points: AnnexValue; subIndex: AnnexValue }[];
  lines: UnitReportLine[];
  notes: string[];
}

const LABELS = {
  vi: {
    title: (year: number) => `Kết quả xác định Chỉ số CCHC năm ${year}`,
    change: "Thay đổi thứ hạng so với năm trước",
    index: "Chỉ số CCHC (%)",
    mean: "Chỉ số bình quân của khối (%)",
    of: (n: string) => `trên ${n}`,
    max: (n: string) => `(tối đa ${n})`,
  },
  en: {
    title: (year: number) => `PAR index ${year}: results`,
    change: "Change of rank since last year",
    index: "PAR index (%)",
    mean: "Mean index of the block (%)",
    of: (n: string) => `of ${n}`,
    max: (n: string) => `(max. ${n})`,
  },
} as const;

/** The unit's one-page report, or null when it is not in the ranking. */
export function buildUnitReport(ranking: Ranking, set: CriteriaSet, code: string, lang: Lang): UnitReport | null {
  const block = ranking.blocks.find((b) => b.units.some((u) => u.unit.code === code));
  const unit = block?.units.find((u) => u.unit.code === code);
  if (!block || !unit) return null;
  const annex = buildAnnex({ ...ranking, blocks: [block] }, set, lang);
  const row = annex.blocks[0]!.rows.find((r) => r.unit_code === code)!;
  const l = LABELS[lang];
  const cap = (key: Parameters<typeof term>[0]) => capitaliseFirst(term(key, lang));
  const value = (key: string) => row[key] ?? null;
  return {
    lang,
    title: l.title(ranking.year),
    basis: annex.basis,
    unit: { code, name: unit.unit.name },
    block: textIn(block.title, lang),
    decimals: annex.decimals,
    areaHeader: [cap("area"), cap("maximum"), cap("selfPoints"), cap("appraisedPoints"), cap("finalPoints"), `${cap("subIndex")} (%)`],
    areas: set.areas.map((area) => {
      const ranked = unit.areas[area.code];
      return {
        label: `${area.code}. ${textIn(area.title, lang)}`,
        max: area.max,
        self: rounded(ranked?.self ?? null, annex.decimals.points),
        appraised: rounded(ranked?.appraised ?? null, annex.decimals.points),
        points: value(`area_${area.code}`),
        subIndex: ranked?.subIndex ?? null,
      };
    }),
    lines: [
      ...(set.bonus ? [{ label: cap("bonus"), value: value("bonus"), format: "points" as const, of: set.bonus.cap }] : []),
      ...(set.penalty ? [{ label: cap("penalty"), value: value("penalty"), format: "points" as const, of: set.penalty.cap }] : []),
      { label: cap("total"), value: value("total"), format: "points", of: set.totalMax },
      { label: cap("applicableMaximum"), value: value("applicable_max"), format: "points" },
      { label: l.index, value: value("index"), format: "percent" },
      { label: cap("class"), value: unit.class ? textIn(unit.class.title, lang) : null, format: "text" },
      { label: cap("rank"), value: unit.rank, format: "integer", of: block.units.length },
      { label: l.change, value: value("rank_change"), format: "change" },
      { label: l.mean, value: summariseBlock(block, annex.decimals.index).mean, format: "percent" },
    ],
    notes: unitNotes(unit, set, lang),
  };
}

/** The "of …" beside a figure, as the page and the workbook show it: "trên 11" beside a rank, "(tối đa 100)" beside points. */
export function unitReportOf(report: UnitReport, line: UnitReportLine): string | null {
  if (line.of === undefined) return null;
  const l = LABELS[report.lang];
  return line.format === "integer" ? l.of(String(line.of)) : l.max(formatDecimal(line.of, report.decimals.points, report.lang));
}

/** Points as the annex rounds them (half-up to the set's decimals), still a number. */
function rounded(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(formatPoints(value, decimals));
}
