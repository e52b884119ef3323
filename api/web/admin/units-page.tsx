import { type Lang, UNIT_TYPE_NAMES, foldText, nameIn } from "../../../src/index.js";
import type { Row } from "../../storage/store.js";
import { TableWrap } from "../components/table-wrap.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";
import { type UnitFormValues, UnitFields } from "./unit-fields.js";

const TEXT = {
  vi: {
    title: "Đơn vị",
    lead: "Các xã, phường, đặc khu và sở, ngành được chấm điểm. Bấm vào tên để sửa.",
    search: "Tìm theo mã hoặc tên",
    searchHint: "Không cần gõ dấu: “phuong tan” tìm được “Phường Tân …”.",
    find: "Tìm",
    shown: (n: number, all: number) => `${n} trên ${all} đơn vị`,
    code: "Mã",
    name: "Tên",
    type: "Loại",
    block: "Khối",
    byType: "theo loại",
    register: "Đăng ký đơn vị",
    save: "Đăng ký",
    import: "Nhập danh sách đơn vị từ tệp CSV hoặc Excel",
    created: (code: string) => `Đã đăng ký đơn vị ${code}.`,
    saved: (code: string) => `Đã lưu đơn vị ${code}.`,
    imported: (created: number, changed: number) => `Đã nhập danh sách: ${created} đơn vị mới, ${changed} đơn vị được sửa.`,
  },
  en: {
    title: "Units",
    lead: "The communes, wards, special zones and departments assessed. Select a name to edit it.",
    search: "Search by code or name",
    searchHint: "No need for diacritics: “phuong tan” finds “Phường Tân …”.",
    find: "Search",
    shown: (n: number, all: number) => `${n} of ${all} units`,
    code: "Code",
    name: "Name",
    type: "Type",
    block: "Block",
    byType: "by type",
    register: "Register a unit",
    save: "Register",
    import: "Import a unit list from a CSV or Excel file",
    created: (code: string) => `Unit ${code} registered.`,
    saved: (code: string) => `Unit ${code} saved.`,
    imported: (created: number, changed: number) => `Unit list imported: ${created} new unit(s), ${changed} changed.`,
  },
} as const;

/** What the page says was just done (after a redirect). */
export type UnitsNotice = { kind: "created" | "saved"; code: string } | { kind: "imported"; created: number; changed: number };

/** Units whose code or name contains the search, without diacritics or case. */
export function searchUnits(units: Row<"units">[], q: string): Row<"units">[] {
  const needle = foldText(q);
  return needle === "" ? units : units.filter((u) => foldText(u.code).includes(needle) || foldText(u.name).includes(needle));
}

/** The administrator's units: a search, the list, and the form to register one. */
export function UnitsPage(props: {
  lang: Lang;
  csrf: string;
  units: Row<"units">[];
  total: number;
  q: string;
  values: UnitFormValues;
  errors: FormError[];
  notice?: UnitsNotice | undefined;
}) {
  const t = TEXT[props.lang];
  const notice = props.notice;
  return (
    <>
      <ErrorSummary lang={props.lang} errors={props.errors} />
      <h1>{t.title}</h1>
      {notice ? (
        <div class="notice" role="status">
          <p>{notice.kind === "imported" ? t.imported(notice.created, notice.changed) : t[notice.kind](notice.code)}</p>
        </div>
      ) : null}
      <p>{t.lead}</p>
      <p>
        <a href="/admin/units/import">{t.import}</a>
      </p>
      <form method="get" action="/admin/units" class="worklist-filter">
        <div class="field">
          <label for="units-q">{t.search}</label>
          <span class="hint" id="units-q-hint">
            {t.searchHint}
          </span>
          <input type="search" id="units-q" name="q" value={props.q} aria-describedby="units-q-hint" />
        </div>
        <button type="submit" class="button secondary">
          {t.find}
        </button>
      </form>
      <p class="muted">{t.shown(props.units.length, props.total)}</p>
      <TableWrap label={t.title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.code}</th>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.type}</th>
              <th scope="col">{t.block}</th>
            </tr>
          </thead>
          <tbody>
            {props.units.map((u) => (
              <tr>
                <td>{u.code}</td>
                <td>
                  <a href={`/admin/units/${encodeURIComponent(u.code)}`}>{u.name}</a>
                </td>
                <td>{nameIn(UNIT_TYPE_NAMES, u.type, props.lang)}</td>
                <td>{u.block ?? <span class="muted">{t.byType}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2 id="register">{t.register}</h2>
      <form method="post" action="/admin/units" novalidate>
        <CsrfField token={props.csrf} />
        <UnitFields lang={props.lang} values={props.values} errors={props.errors} withCode={true} />
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
    </>
  );
}
