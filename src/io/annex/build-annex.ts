import { isSurveyArea } from "../../criteria/survey-area.js";
import { type CriteriaSet, UNIT_TYPE_TITLES } from "../../criteria/types.js";
import { formatDate } from "../../i18n/format-locale.js";
import { ANNEX_COLUMN_NAMES, capitaliseFirst, term } from "../../i18n/glossary.js";
import { textIn } from "../../text/text-in.js";
import type { Lang } from "../../i18n/lang.js";
import { summariseBlock } from "../../ranking/summarise-block.js";
import type { RankedUnit, Ranking } from "../../ranking/types.js";
import { formatPoints, localiseDecimal } from "../format-number.js";

/** A cell of the annex: a number stays a number, text is in the annex's language, null is a blank cell (never empty text). */
export type AnnexValue = string | number | null;

/** How a column's numbers are shown: points and percentages with the set's decimals, ranks as whole numbers, a change with its sign. */
export type AnnexFormat = "text" | "integer" | "points" | "percent" | "change";

export interface AnnexColumn {
  /** The machine name (the header of the CSV for scripts). */
  key: string;
  /** The header of the published table (Vietnamese unless asked for English). */
  header: string;
  format: AnnexFormat;
}

export interface AnnexBlock {
  code: string;
  title: string;
  /** The block's line above its table: "Khối phường (11 đơn vị)". */
  heading: string;
  /** In ranked order; each row keyed by column key. */
  rows: Record<string, AnnexValue>[];
  /** What published tables print under a block: the mean index and the share of each class. */
  summary: string[];
}

/**
 * The annex of a decision publishing the PAR index ("Phụ lục: Kết quả xác định Chỉ số CCHC năm
 * … của UBND các xã, phường…"): a title, the decision that issued the criteria set, and per
 * block a table with STT, each area's points under its name and maximum, bonus and penalty,
 * self-assessed and appraised totals, total, index, class, rank and the change of rank since last
 * year, all as numbers. The one table behind the XLSX, both CSVs and the pages.
 */
export interface Annex {
  /** The language of its titles, headers and notes: Vietnamese, the published form, unless asked for English. */
  lang: Lang;
  title: string;
  /** "Bộ tiêu chí … ban hành kèm theo Quyết định số … ngày dd/mm/yyyy của …". */
  basis: string;
  decimals: { points: number; index: number };
  /** The columns of the published table, STT first. */
  columns: AnnexColumn[];
  /** The columns of the CSV for scripts: the block, the table's columns, then what a script needs besides. */
  dataColumns: AnnexColumn[];
  blocks: AnnexBlock[];
  /** Footnotes: how a unit without a survey is indexed, what the change compares. */
  notes: string[];
}

const NOTES = {
  selfOnly: { vi: "Chưa thẩm định: điểm tự chấm", en: "Not appraised: self-assessed points" },
  rescale: {
    vi: "Không có kết quả khảo sát: phần khảo sát không tính vào điểm tối đa, chỉ số quy đổi về thang 100",
    en: "No survey result: the survey is left out of the maximum, the index rescaled to 100",
  },
  zero: { vi: "Không có kết quả khảo sát: điểm khảo sát tính bằng 0", en: "No survey result: the survey counts 0 points" },
} as const;

/**
 * What a reader must know to read a unit's row truthfully: it was never appraised (its points
 * are self-assessed), or it has no survey result (and how its index was then computed).
 */
export function unitNotes(unit: Pick<RankedUnit, "appraised" | "surveyPoints">, set: CriteriaSet, lang: Lang): string[] {
  const surveyed = set.survey !== undefined || set.areas.some(isSurveyArea);
  return [
    ...(unit.appraised === null ? [NOTES.selfOnly[lang]] : []),
    ...(surveyed && unit.surveyPoints === null ? [NOTES[set.survey?.whenAbsent ?? "rescale"][lang]] : []),
  ];
}

/** The annex's sentences (title, basis, notes), in both languages; its column names are the glossary's `ANNEX_COLUMN_NAMES`. */
const LABELS = {
  vi: {
    area: (code: string, title: string, max: string) => `${code}. ${title} (${max} điểm)`,
    capped: (what: string, cap: string) => `${what} (tối đa ${cap})`,
    units: (n: number) => `${n} đơn vị`,
    mean: (mean: string) => `Chỉ số bình quân của khối: ${mean}`,
    classes: (list: string) => `Xếp loại: ${list}`,
    title: (year: number, subject: string) => `Kết quả xác định Chỉ số CCHC năm ${year} của ${subject}`,
    changeNote:
      "Thay đổi thứ hạng: số bậc tăng (+) hoặc giảm (−) so với xếp hạng năm trước theo cùng bộ tiêu chí, cùng khối và cùng các đơn vị; để trống khi không so sánh được.",
    committees: (types: string) => `UBND các ${types}`,
    departments: "các sở, ban, ngành",
    and: " và ",
    decision: (number: string, date: string, issuer: string | undefined) => `Quyết định số ${number} ngày ${date}${issuer ? ` của ${issuer}` : ""}`,
    set: (family: string, version: string) => `Bộ tiêu chí ${family} ${version}`,
    issuedWith: (set: string, decisions: string) => `${set} ban hành kèm theo ${decisions}`,
  },
  en: {
    area: (code: string, title: string, max: string) => `${code}. ${title} (${max} points)`,
    capped: (what: string, cap: string) => `${what} (max. ${cap})`,
    units: (n: number) => `${n} ${n === 1 ? "unit" : "units"}`,
    mean: (mean: string) => `Mean index of the block: ${mean}`,
    classes: (list: string) => `Classes: ${list}`,
    title: (year: number, subject: string) => `PAR index ${year} of ${subject}: results`,
    changeNote:
      "Change of rank: places gained (+) or lost (−) since last year's ranking under the same criteria set, in the same block and among the same units; blank when they cannot be compared.",
    committees: (types: string) => `the People's Committees of ${types}`,
    departments: "the provincial departments",
    and: " and ",
    decision: (number: string, date: string, issuer: string | undefined) => `Decision No. ${number} of ${date}${issuer ? ` by ${issuer}` : ""}`,
    set: (family: string, version: string) => `Criteria set ${family} ${version}`,
    issuedWith: (set: string, decisions: string) => `${set}, issued with ${decisions}`,
  },
} as const;

/** The annex of a ranking; its words in `lang` (Vietnamese, the published form, unless asked for English), its figures the same. */
export function buildAnnex(ranking: Ranking, set: CriteriaSet, lang: Lang = "vi"): Annex {
  const l = LABELS[lang];
  const column = ANNEX_COLUMN_NAMES;
  const cap = (key: Parameters<typeof term>[0]) => capitaliseFirst(term(key, lang));
  const maxText = (max: number) => localiseDecimal(String(max), lang);
  const points = ranking.display.pointsDecimals;
  const decimals = { points, index: ranking.display.indexDecimals };
  const surveyAreas = new Set(set.areas.filter(isSurveyArea).map((area) => area.code));
  const surveyInsideAreas = surveyAreas.size === 0 && set.survey !== undefined;
  const columns: AnnexColumn[] = [
    { key: "stt", header: "STT", format: "integer" },
    { key: "unit_code", header: column.unitCode[lang], format: "text" },
    { key: "unit_name", header: column.unitName[lang], format: "text" },
    ...set.areas.map(
      (area): AnnexColumn => ({ key: `area_${area.code}`, header: l.area(area.code, textIn(area.title, lang), maxText(area.max)), format: "points" }),
    ),
    ...(surveyInsideAreas ? [{ key: "survey", header: column.survey[lang], format: "points" } as const] : []),
    ...(set.bonus ? [{ key: "bonus", header: l.capped(cap("bonus"), maxText(set.bonus.cap)), format: "points" } as const] : []),
    ...(set.penalty ? [{ key: "penalty", header: l.capped(cap("penalty"), maxText(set.penalty.cap)), format: "points" } as const] : []),
    { key: "self", header: column.self[lang], format: "points" },
    { key: "appraised", header: column.appraised[lang], format: "points" },
    { key: "self_gap", header: column.selfGap[lang], format: "points" },
    { key: "total", header: l.capped(cap("total"), maxText(set.totalMax)), format: "points" },
    { key: "applicable_max", header: cap("applicableMaximum"), format: "points" },
    { key: "index", header: column.index[lang], format: "percent" },
    { key: "class", header: cap("class"), format: "text" },
    { key: "rank", header: cap("rank"), format: "integer" },
    { key: "rank_change", header: column.rankChange[lang], format: "change" },
    { key: "note", header: column.note[lang], format: "text" },
  ];
  const dataColumns: AnnexColumn[] = [
    { key: "block", header: cap("block"), format: "text" },
    ...columns,
    { key: "class_code", header: column.classCode[lang], format: "text" },
    { key: "previous_rank", header: column.previousRank[lang], format: "integer" },
    { key: "stage", header: column.stage[lang], format: "text" },
    { key: "survey_included", header: column.surveyIncluded[lang], format: "text" },
  ];
  const round = (value: number | null) => (value === null ? null : Number(formatPoints(value, points)));
  const blocks = ranking.blocks.map((block): AnnexBlock => {
    const summary = summariseBlock(block, decimals.index);
    const classes = summary.classes.map((c) => `${textIn(c.title, lang)} ${l.units(c.count)} (${localiseDecimal(c.shareText, lang)} %)`).join("; ");
    return {
      code: block.code,
      title: textIn(block.title, lang),
      heading: `${textIn(block.title, lang)} (${l.units(block.units.length)})`,
      rows: block.units.map((unit, i) => {
        const note = unitNotes(unit, set, lang);
        return {
          block: block.code,
          stt: i + 1,
          unit_code: unit.unit.code,
          unit_name: unit.unit.name,
          ...Object.fromEntries(set.areas.map((area) => [`area_${area.code}`, round(unit.areas[area.code]?.points ?? null)])),
          ...(surveyInsideAreas ? { survey: round(unit.surveyPoints) } : {}),
          ...(set.bonus ? { bonus: round(unit.bonus) } : {}),
          ...(set.penalty ? { penalty: round(unit.penalty) } : {}),
          self: round(unit.self),
          appraised: round(unit.appraised),
          self_gap: round(unit.selfGap),
          total: round(unit.total),
          applicable_max: round(unit.applicableMax),
          index: unit.index,
          class: unit.class ? textIn(unit.class.title, lang) : null,
          rank: unit.rank,
          rank_change: unit.previous?.rankChange ?? null,
          note: note.length > 0 ? note.join("; ") : null,
          class_code: unit.class?.code ?? null,
          previous_rank: unit.previous?.rank ?? null,
          stage: stageOf(unit),
          survey_included: unit.surveyPoints === null ? "no" : "yes",
        };
      }),
      summary: [l.mean(summary.meanText === null ? "–" : `${localiseDecimal(summary.meanText, lang)} %`), ...(classes ? [l.classes(classes)] : [])],
    };
  });
  return {
    lang,
    title: l.title(ranking.year, subjectOf(set, lang)),
    basis: basisOf(set, lang),
    decimals,
    columns,
    dataColumns,
    blocks,
    notes: [
      l.changeNote,
      ...(blocks.some((b) => b.rows.some((r) => r.survey_included === "no")) && (surveyAreas.size > 0 || surveyInsideAreas)
        ? [`${NOTES[set.survey?.whenAbsent ?? "rescale"][lang]}.`]
        : []),
    ],
  };
}

/** "appraised" once any appraisal round exists (a unit finalised without changes has appraised = self). */
function stageOf(unit: RankedUnit): string {
  return unit.appraised === null ? "self-assessed" : "appraised";
}

/** "UBND các xã, phường, đặc khu", "các sở, ban, ngành": whom the set scores. */
function subjectOf(set: CriteriaSet, lang: Lang): string {
  const l = LABELS[lang];
  const types = set.appliesTo.unitTypes;
  const committees = types.filter((t) => t !== "department").map((t) => textIn(UNIT_TYPE_TITLES[t], lang).toLowerCase() + (lang === "en" ? "s" : ""));
  const parts = [...(committees.length > 0 ? [l.committees(committees.join(", "))] : []), ...(types.includes("department") ? [l.departments] : [])];
  return parts.join(l.and);
}

/** "Bộ tiêu chí … ban hành kèm theo Quyết định số … ngày dd/mm/yyyy của …". */
function basisOf(set: CriteriaSet, lang: Lang): string {
  const l = LABELS[lang];
  const decisions = set.decisions.map((d) => l.decision(d.number, formatDate(d.date, lang), d.issuer));
  const name = l.set(set.family, set.version);
  return decisions.length === 0 ? name : l.issuedWith(name, decisions.join("; "));
}
