import { type Lang, ROUND_NAMES, STATE_NAMES, formatDecimal, formatInstant, formatTimeLeft, nameIn, textIn } from "../../../src/index.js";
import type { Worklist, WorklistUnit } from "../../services/worklist-service.js";
import { TableWrap } from "../components/table-wrap.js";
import { WORKLIST_COLUMNS, type WorklistColumn, type WorklistQuery } from "./select-worklist.js";

const TEXT = {
  vi: {
    title: "Danh sách đơn vị",
    filters: "Lọc và sắp xếp",
    state: "Trạng thái",
    block: "Khối",
    search: "Tìm theo tên",
    searchHint: "Gõ không dấu cũng được, ví dụ “phuong tan”.",
    sort: "Sắp xếp theo",
    dir: "Thứ tự",
    asc: "Tăng dần",
    desc: "Giảm dần",
    all: "Tất cả",
    apply: "Áp dụng",
    shown: (n: number, all: number) => `Đang hiện ${n} trên ${all} đơn vị.`,
    table: "Các đơn vị của đợt đánh giá",
    sortBy: (column: string) => `Sắp xếp theo ${column.toLowerCase()}`,
    columns: {
      code: "Mã",
      name: "Tên đơn vị",
      block: "Khối",
      state: "Trạng thái",
      self: "Điểm tự chấm",
      appraised: "Tiêu chí đã thẩm định",
      evidence: "Thiếu tài liệu kiểm chứng",
      disputed: "Tiêu chí chênh lệch",
      deadline: "Hạn vòng hiện tại",
    },
    notScored: (n: number) => `chưa tính được điểm (${n} lỗi)`,
    none: "–",
    noUnits: "Không có đơn vị nào khớp với bộ lọc.",
    robustness: "Phân tích độ tin cậy của thứ hạng",
    whatIf: "Xếp hạng thử theo chính sách khác",
    finaliseMany: "Chốt điểm nhiều đơn vị",
    sheet: "Thẩm định bằng Excel: tải phiếu của cả đợt về và tải lên lại",
  },
  en: {
    title: "Units to appraise",
    filters: "Filter and sort",
    state: "State",
    block: "Block",
    search: "Search by name",
    searchHint: "Diacritics are optional, e.g. “phuong tan”.",
    sort: "Sort by",
    dir: "Order",
    asc: "Ascending",
    desc: "Descending",
    all: "All",
    apply: "Apply",
    shown: (n: number, all: number) => `Showing ${n} of ${all} units.`,
    table: "Units of the campaign",
    sortBy: (column: string) => `Sort by ${column.toLowerCase()}`,
    columns: {
      code: "Code",
      name: "Unit",
      block: "Block",
      state: "State",
      self: "Self total",
      appraised: "Items appraised",
      evidence: "Evidence missing",
      disputed: "Disputed items",
      deadline: "Current round's deadline",
    },
    notScored: (n: number) => `cannot be scored yet (${n} problems)`,
    none: "–",
    noUnits: "No unit matches the filters.",
    robustness: "How sure is the ranking?",
    whatIf: "What if the policy changed?",
    finaliseMany: "Finalise many units",
    sheet: "Appraise in Excel: download the campaign's sheet and upload it back",
  },
} as const;

const NUMERIC: readonly WorklistColumn[] = ["self", "appraised", "evidence", "disputed"];

/**
 * `/work/{campaign}`: every unit with what is left to do, filtered by a plain GET form and sorted by
 * any column (the column headings are links; the form's sort fields do the same on a phone, where
 * the table stacks into one card per unit). Every figure comes from the worklist service.
 */
export function WorklistPage(props: { lang: Lang; worklist: Worklist; rows: WorklistUnit[]; query: WorklistQuery }) {
  const { lang, worklist, query } = props;
  const t = TEXT[lang];
  const states = Object.keys(STATE_NAMES).filter((s) => worklist.units.some((u) => u.state === s));
  const campaignId = encodeURIComponent(worklist.campaign.id);
  return (
    <>
      <h1>
        {t.title}: {worklist.campaign.title}
      </h1>
      <ul>
        <li>
          <a href={`/work/${campaignId}/sheet`}>{t.sheet}</a>
        </li>
        <li>
          <a href={`/analysis/${campaignId}/robustness`}>{t.robustness}</a>
        </li>
        <li>
          <a href={`/analysis/${campaignId}/what-if`}>{t.whatIf}</a>
        </li>
        <li>
          <a href={`/finalise/${campaignId}`}>{t.finaliseMany}</a>
        </li>
      </ul>
      <form method="get" class="worklist-filter" aria-label={t.filters}>
        <div class="field">
          <label for="wl-state">{t.state}</label>
          <select id="wl-state" name="state">
            <option value="">{t.all}</option>
            {states.map((s) => (
              <option value={s} selected={s === query.state}>
                {nameIn(STATE_NAMES, s, lang)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="wl-block">{t.block}</label>
          <select id="wl-block" name="block">
            <option value="">{t.all}</option>
            {worklist.blocks.map((b) => (
              <option value={b.code} selected={b.code === query.block}>
                {textIn(b.title, lang)}
              </option>
            ))}
          </select>
        </div>
        <div class="field wide">
          <label for="wl-q">{t.search}</label>
          <span class="hint" id="wl-q-hint">
            {t.searchHint}
          </span>
          <input id="wl-q" type="search" name="q" value={query.q} aria-describedby="wl-q-hint" />
        </div>
        <div class="field">
          <label for="wl-sort">{t.sort}</label>
          <select id="wl-sort" name="sort">
            {WORKLIST_COLUMNS.map((col) => (
              <option value={col} selected={col === query.sort}>
                {t.columns[col]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="wl-dir">{t.dir}</label>
          <select id="wl-dir" name="dir">
            <option value="asc" selected={query.dir === "asc"}>
              {t.asc}
            </option>
            <option value="desc" selected={query.dir === "desc"}>
              {t.desc}
            </option>
          </select>
        </div>
        <div class="field">
          <button class="button" type="submit">
            {t.apply}
          </button>
        </div>
      </form>
      <p role="status">{t.shown(props.rows.length, worklist.units.length)}</p>
      {props.rows.length === 0 ? (
        <p>{t.noUnits}</p>
      ) : (
        <TableWrap label={t.table}>
          <table class="worklist-table cards-on-phone">
            <caption class="visually-hidden">{t.table}</caption>
            <thead>
              <tr>
                {WORKLIST_COLUMNS.map((col) => (
                  <SortHeader lang={lang} column={col} query={query} />
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((unit) => (
                <UnitRow lang={lang} worklist={worklist} unit={unit} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

/** A column heading that sorts by its column: ascending first, the other way when already sorted by it. */
function SortHeader(props: { lang: Lang; column: WorklistColumn; query: WorklistQuery }) {
  const { column, query } = props;
  const t = TEXT[props.lang];
  const sorted = query.sort === column;
  const dir = sorted && query.dir === "asc" ? "desc" : "asc";
  const params = new URLSearchParams();
  for (const key of ["state", "block", "q"] as const) if (query[key]) params.set(key, query[key]);
  params.set("sort", column);
  params.set("dir", dir);
  const arrow = sorted ? (query.dir === "asc" ? "▲" : "▼") : "";
  return (
    <th scope="col" class={NUMERIC.includes(column) ? "num" : undefined} aria-sort={sorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <a href={`?${params}`} class="sort-link" title={t.sortBy(t.columns[column])}>
        {t.columns[column]}
        {arrow ? <span aria-hidden="true"> {arrow}</span> : null}
      </a>
    </th>
  );
}

function UnitRow(props: { lang: Lang; worklist: Worklist; unit: WorklistUnit }) {
  const { lang, unit } = props;
  const t = TEXT[lang];
  const label = t.columns;
  const now = new Date(props.worklist.now);
  const figure = (value: number | null) => (value === null ? t.none : formatDecimal(value, 0, lang));
  return (
    <tr>
      <td data-label={label.code}>{unit.code}</td>
      <td data-label={label.name}>
        <span>
          <a href={`/work/${encodeURIComponent(props.worklist.campaign.id)}/${encodeURIComponent(unit.code)}`}>{unit.name}</a>
          {unit.problems > 0 ? <span class="hint-inline"> ({t.notScored(unit.problems)})</span> : null}
        </span>
      </td>
      <td data-label={label.block}>{unit.block ? textIn(unit.block.title, lang) : t.none}</td>
      <td data-label={label.state}>{nameIn(STATE_NAMES, unit.state, lang)}</td>
      <td data-label={label.self} class="num">
        {unit.selfTotal === null ? t.none : formatDecimal(unit.selfTotal, 2, lang)}
      </td>
      <td data-label={label.appraised} class="num">
        {unit.items ? `${unit.items.appraised}/${unit.items.all}` : t.none}
      </td>
      <td data-label={label.evidence} class="num">
        {figure(unit.missingEvidence)}
      </td>
      <td data-label={label.disputed} class="num">
        {figure(unit.disputed)}
      </td>
      <td data-label={label.deadline}>
        {unit.deadline ? (
          <span>
            {nameIn(ROUND_NAMES, unit.deadline.round, lang)}: {formatInstant(new Date(unit.deadline.at), lang)}{" "}
            <strong class={unit.deadline.secondsLeft < 0 ? "overdue" : undefined}>({formatTimeLeft(new Date(unit.deadline.at), now, lang)})</strong>
          </span>
        ) : (
          t.none
        )}
      </td>
    </tr>
  );
}
