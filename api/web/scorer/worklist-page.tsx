import { type Lang, STATE_NAMES, foldText, nameIn } from "../../../src/index.js";

export interface WorklistRow {
  code: string;
  name: string;
  block: string;
  state: string;
}

export interface WorklistQuery {
  state: string;
  block: string;
  q: string;
  sort: "code" | "name" | "block" | "state";
}

/** Filters by state and block, searches names without diacritics and sorts by one column. */
export function selectRows(rows: WorklistRow[], query: WorklistQuery): WorklistRow[] {
  const needle = foldText(query.q.trim());
  return rows
    .filter((r) => (!query.state || r.state === query.state) && (!query.block || r.block === query.block) && (!needle || foldText(r.name).includes(needle)))
    .sort((a, b) => a[query.sort].localeCompare(b[query.sort], "vi") || a.code.localeCompare(b.code));
}

const TEXT = {
  vi: {
    title: "Danh sách đơn vị",
    state: "Trạng thái",
    block: "Khối",
    search: "Tìm theo tên",
    sort: "Sắp xếp theo",
    all: "Tất cả",
    apply: "Lọc",
    code: "Mã",
    name: "Tên",
  },
  en: {
    title: "Units to appraise",
    state: "State",
    block: "Block",
    search: "Search by name",
    sort: "Sort by",
    all: "All",
    apply: "Filter",
    code: "Code",
    name: "Name",
  },
} as const;

export function WorklistPage(props: { lang: Lang; title: string; campaignId: string; rows: WorklistRow[]; all: WorklistRow[]; query: WorklistQuery }) {
  const t = TEXT[props.lang];
  const states = [...new Set(props.all.map((r) => r.state))].sort();
  const blocks = [...new Set(props.all.map((r) => r.block))].sort();
  const columns = ["code", "name", "block", "state"] as const;
  return (
    <>
      <h1>
        {t.title}: {props.title}
      </h1>
      <form method="get" class="worklist-filter">
        <div class="field">
          <label for="wl-state">{t.state}</label>
          <select id="wl-state" name="state">
            <option value="">{t.all}</option>
            {states.map((s) => (
              <option value={s} selected={s === props.query.state}>
                {nameIn(STATE_NAMES, s, props.lang)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="wl-block">{t.block}</label>
          <select id="wl-block" name="block">
            <option value="">{t.all}</option>
            {blocks.map((b) => (
              <option value={b} selected={b === props.query.block}>
                {b}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="wl-q">{t.search}</label>
          <input id="wl-q" type="search" name="q" value={props.query.q} />
        </div>
        <div class="field">
          <label for="wl-sort">{t.sort}</label>
          <select id="wl-sort" name="sort">
            {columns.map((col) => (
              <option value={col} selected={col === props.query.sort}>
                {t[col]}
              </option>
            ))}
          </select>
        </div>
        <button class="button" type="submit">
          {t.apply}
        </button>
      </form>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              {columns.map((col) => (
                <th scope="col">{t[col]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>{r.code}</td>
                <td>
                  <a href={`/assess/${encodeURIComponent(props.campaignId)}/${encodeURIComponent(r.code)}`}>{r.name}</a>
                </td>
                <td>{r.block}</td>
                <td>{nameIn(STATE_NAMES, r.state, props.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
