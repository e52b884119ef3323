import { type CriteriaSet, type Lang, SET_STATUS_NAMES, UNIT_TYPE_NAMES, formatDate, listLeaves, nameIn, textIn } from "../../../src/index.js";
import type { CriteriaOverview } from "../../services/criteria-service.js";
import { TableWrap } from "../components/table-wrap.js";
import { formatPoints, formatRange } from "./admin-format.js";

const TEXT = {
  vi: {
    back: "Tất cả bộ tiêu chí",
    status: "Trạng thái",
    decisions: "Quyết định ban hành",
    years: "Áp dụng cho năm",
    unitTypes: "Loại đơn vị",
    totalMax: "Tổng điểm tối đa",
    items: "Số tiêu chí chấm điểm",
    itemCount: (areas: number, adjustments: number) => (adjustments > 0 ? `${areas} (và ${adjustments} mục điểm thưởng, điểm trừ)` : `${areas}`),
    usedBy: "Đợt đánh giá sử dụng",
    none: "chưa có (phiên bản này còn sửa được)",
    locked: "phiên bản này không thể sửa nữa",
    areas: "Lĩnh vực",
    code: "Mã",
    title: "Tên",
    max: "Điểm tối đa",
    leaves: "Số tiêu chí",
    blocks: "Khối xếp hạng",
    classes: "Xếp loại",
    range: "Chỉ số (%)",
    bonus: "Điểm thưởng (mức trần)",
    penalty: "Điểm trừ (mức trần)",
    compare: (older: string) => `So sánh với phiên bản ${older}`,
  },
  en: {
    back: "All criteria sets",
    status: "Status",
    decisions: "Issued by",
    years: "Years",
    unitTypes: "Unit types",
    totalMax: "Total maximum",
    items: "Items scored",
    itemCount: (areas: number, adjustments: number) => (adjustments > 0 ? `${areas} (and ${adjustments} bonus and penalty items)` : `${areas}`),
    usedBy: "Used by campaigns",
    none: "none (this version can still change)",
    locked: "this version can no longer change",
    areas: "Areas",
    code: "Code",
    title: "Title",
    max: "Maximum points",
    leaves: "Items",
    blocks: "Ranking blocks",
    classes: "Classes",
    range: "Index (%)",
    bonus: "Bonus points (cap)",
    penalty: "Penalty points (cap)",
    compare: (older: string) => `Compare with version ${older}`,
  },
} as const;

/** One criteria set at a glance: its decision, areas with maxima and item counts, blocks, classes, and the campaigns using it. */
export function CriteriaSetPage(props: { lang: Lang; set: CriteriaSet; overview: CriteriaOverview }) {
  const { lang, set } = props;
  const t = TEXT[lang];
  const leaves = listLeaves(set);
  const types = (list: readonly string[]) => list.map((type) => nameIn(UNIT_TYPE_NAMES, type, lang)).join(", ");
  return (
    <>
      <p class="back-link">
        <a href="/admin/criteria">{t.back}</a>
      </p>
      <h1>
        {set.family} {set.version}
      </h1>
      <p class="lead">{textIn(set.title, lang)}</p>
      <dl class="summary">
        <dt>{t.status}</dt>
        <dd>{nameIn(SET_STATUS_NAMES, set.status, lang)}</dd>
        <dt>{t.decisions}</dt>
        <dd>
          {set.decisions.map((d) => (
            <span>
              {d.number} ({formatDate(d.date, lang)}): {textIn(d.title, lang)}
              <br />
            </span>
          ))}
        </dd>
        <dt>{t.years}</dt>
        <dd>{set.appliesTo.years.join(", ")}</dd>
        <dt>{t.unitTypes}</dt>
        <dd>{types(set.appliesTo.unitTypes)}</dd>
        <dt>{t.totalMax}</dt>
        <dd>{formatPoints(set.totalMax, lang)}</dd>
        <dt>{t.items}</dt>
        <dd>{t.itemCount(leaves.filter((l) => l.section === "areas").length, leaves.filter((l) => l.section !== "areas").length)}</dd>
        <dt>{t.usedBy}</dt>
        <dd>{props.overview.usedBy.length === 0 ? t.none : `${props.overview.usedBy.map((c) => `${c.title} (${c.id})`).join(", ")}: ${t.locked}`}</dd>
        {set.bonus ? (
          <>
            <dt>{t.bonus}</dt>
            <dd>{formatPoints(set.bonus.cap, lang)}</dd>
          </>
        ) : null}
        {set.penalty ? (
          <>
            <dt>{t.penalty}</dt>
            <dd>{formatPoints(set.penalty.cap, lang)}</dd>
          </>
        ) : null}
      </dl>
      {set.supersedes ? (
        <p>
          <a
            href={`/admin/criteria/diff?from=${encodeURIComponent(`${set.family}@${set.supersedes}`)}&to=${encodeURIComponent(`${set.family}@${set.version}`)}`}
          >
            {t.compare(set.supersedes)}
          </a>
        </p>
      ) : null}
      <h2>{t.areas}</h2>
      <TableWrap label={t.areas}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.code}</th>
              <th scope="col">{t.title}</th>
              <th scope="col" class="num">
                {t.max}
              </th>
              <th scope="col" class="num">
                {t.leaves}
              </th>
            </tr>
          </thead>
          <tbody>
            {set.areas.map((area) => (
              <tr>
                <td>{area.code}</td>
                <td>{textIn(area.title, lang)}</td>
                <td class="num">{formatPoints(area.max, lang)}</td>
                <td class="num">{leaves.filter((l) => l.section === "areas" && l.area === area.code).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t.blocks}</h2>
      <ul>
        {set.ranking.blocks.map((b) => (
          <li>
            {textIn(b.title, lang)} ({b.code}): {types(b.unitTypes)}
          </li>
        ))}
      </ul>
      <h2>{t.classes}</h2>
      <ul>
        {set.classes.map((c) => (
          <li>
            {textIn(c.title, lang)}: {formatRange(c.index, lang)}
          </li>
        ))}
      </ul>
    </>
  );
}
