import { isSurveyArea } from "../../criteria/survey-area.js";
import { type CriteriaSet, UNIT_TYPE_TITLES } from "../../criteria/types.js";
import { formatDate } from "../../i18n/format-locale.js";
import type { Lang } from "../../i18n/lang.js";
import { summariseBlock } from "../../ranking/summarise-block.js";
import type { RankedUnit, Ranking } from "../../ranking/types.js";
import { formatPoints, localiseDecimal } from "../format-number.js";

/** A cell of the annex: a number stays a number, text is Vietnamese, null is a blank cell (never empty text). */
export type AnnexValue = string | number | null;

/** How a column's numbers are shown: points and percentages with the set's decimals, ranks as whole numbers, a change with its sign. */
export type AnnexFormat = "text" | "integer" | "points" | "percent" | "change";

export interface AnnexColumn {
  /** The machine name (the header of the CSV for scripts). */
  key: string;
  /** The Vietnamese header of the published table. */
  header: string;
  format: AnnexFormat;
}

export interface AnnexBlock {
  code: string;
  title: string;
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

export function buildAnnex(ranking: Ranking, set: CriteriaSet): Annex {
  const points = ranking.display.pointsDecimals;
  const decimals = { points, index: ranking.display.indexDecimals };
  const surveyAreas = new Set(set.areas.filter(isSurveyArea).map((area) => area.code));
  const surveyInsideAreas = surveyAreas.size === 0 && set.survey !== undefined;
  const columns: AnnexColumn[] = [
    { key: "stt", header: "STT", format: "integer" },
    { key: "unit_code", header: "Mã đơn vị", format: "text" },
    { key: "unit_name", header: "Tên đơn vị", format: "text" },
    ...set.areas.map(
      (area): AnnexColumn => ({ key: `area_${area.code}`, header: `${area.code}. ${area.title.vi} (${maxText(area.max)} điểm)`, format: "points" }),
    ),
    ...(surveyInsideAreas ? [{ key: "survey", header: "Trong đó: điểm khảo sát", format: "points" } as const] : []),
    ...(set.bonus ? [{ key: "bonus", header: `Điểm thưởng (tối đa ${maxText(set.bonus.cap)})`, format: "points" } as const] : []),
    ...(set.penalty ? [{ key: "penalty", header: `Điểm trừ (tối đa ${maxText(set.penalty.cap)})`, format: "points" } as const] : []),
    { key: "self", header: "Tổng điểm tự chấm", format: "points" },
    { key: "appraised", header: "Tổng điểm thẩm định", format: "points" },
    { key: "self_gap", header: "Chênh lệch (thẩm định − tự chấm)", format: "points" },
    { key: "total", header: `Tổng điểm (tối đa ${maxText(set.totalMax)})`, format: "points" },
    { key: "applicable_max", header: "Điểm tối đa áp dụng", format: "points" },
    { key: "index", header: "Chỉ số CCHC (%)", format: "percent" },
    { key: "class", header: "Xếp loại", format: "text" },
    { key: "rank", header: "Xếp hạng", format: "integer" },
    { key: "rank_change", header: "Thay đổi thứ hạng so với năm trước", format: "change" },
    { key: "note", header: "Ghi chú", format: "text" },
  ];
  const dataColumns: AnnexColumn[] = [
    { key: "block", header: "Khối", format: "text" },
    ...columns,
    { key: "class_code", header: "Mã xếp loại", format: "text" },
    { key: "previous_rank", header: "Xếp hạng năm trước", format: "integer" },
    { key: "stage", header: "Giai đoạn", format: "text" },
    { key: "survey_included", header: "Có kết quả khảo sát", format: "text" },
  ];
  const round = (value: number | null) => (value === null ? null : Number(formatPoints(value, points)));
  const blocks = ranking.blocks.map((block): AnnexBlock => {
    const summary = summariseBlock(block, decimals.index);
    const classes = summary.classes.map((c) => `${c.title.vi} ${c.count} đơn vị (${localiseDecimal(c.shareText, "vi")} %)`).join("; ");
    return {
      code: block.code,
      title: block.title.vi,
      rows: block.units.map((unit, i) => {
        const note = unitNotes(unit, set, "vi");
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
          class: unit.class?.title.vi ?? null,
          rank: unit.rank,
          rank_change: unit.previous?.rankChange ?? null,
          note: note.length > 0 ? note.join("; ") : null,
          class_code: unit.class?.code ?? null,
          previous_rank: unit.previous?.rank ?? null,
          stage: stageOf(unit),
          survey_included: unit.surveyPoints === null ? "no" : "yes",
        };
      }),
      summary: [
        `Chỉ số bình quân của khối: ${summary.meanText === null ? "–" : `${localiseDecimal(summary.meanText, "vi")} %`}`,
        ...(classes ? [`Xếp loại: ${classes}`] : []),
      ],
    };
  });
  return {
    title: `Kết quả xác định Chỉ số CCHC năm ${ranking.year} của ${subjectOf(set)}`,
    basis: basisOf(set),
    decimals,
    columns,
    dataColumns,
    blocks,
    notes: [
      "Thay đổi thứ hạng: số bậc tăng (+) hoặc giảm (−) so với xếp hạng năm trước theo cùng bộ tiêu chí, cùng khối và cùng các đơn vị; để trống khi không so sánh được.",
      ...(blocks.some((b) => b.rows.some((r) => r.survey_included === "no")) && (surveyAreas.size > 0 || surveyInsideAreas)
        ? [`${NOTES[set.survey?.whenAbsent ?? "rescale"].vi}.`]
        : []),
    ],
  };
}

/** "appraised" once any appraisal round exists (a unit finalised without changes has appraised = self). */
function stageOf(unit: RankedUnit): string {
  return unit.appraised === null ? "self-assessed" : "appraised";
}

/** "UBND các xã, phường, đặc khu", "các sở, ban, ngành": whom the set scores. */
function subjectOf(set: CriteriaSet): string {
  const types = set.appliesTo.unitTypes;
  const committees = types.filter((t) => t !== "department").map((t) => UNIT_TYPE_TITLES[t].vi.toLowerCase());
  const parts = [
    ...(committees.length > 0 ? [`UBND các ${committees.join(", ")}`] : []),
    ...(types.includes("department") ? [UNIT_TYPE_TITLES.department.vi.replace(/^S/, "các s")] : []),
  ];
  return parts.join(" và ");
}

function basisOf(set: CriteriaSet): string {
  const decisions = set.decisions.map((d) => `Quyết định số ${d.number} ngày ${formatDate(d.date, "vi")}${d.issuer ? ` của ${d.issuer}` : ""}`);
  const name = `Bộ tiêu chí ${set.family} ${set.version}`;
  return decisions.length === 0 ? name : `${name} ban hành kèm theo ${decisions.join("; ")}`;
}

/** A maximum as Vietnamese text: "7", "14,5". */
function maxText(max: number): string {
  return localiseDecimal(String(max), "vi");
}
