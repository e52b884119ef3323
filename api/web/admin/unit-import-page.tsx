import { type Lang, UNIT_TYPE_NAMES, nameIn } from "../../../src/index.js";
import type { EdgeProblem } from "../../errors.js";
import type { UnitImport } from "../../services/unit-import.js";
import { TableWrap } from "../components/table-wrap.js";
import { CsrfField } from "../form-parts.js";

const TEXT = {
  vi: {
    back: "Tất cả đơn vị",
    title: "Nhập danh sách đơn vị",
    lead: "Tệp CSV hoặc Excel (.xlsx) có các cột Mã đơn vị (code), Tên đơn vị (name), Loại đơn vị (type: xã, phường, đặc khu, sở) và Khối (block, không bắt buộc). Cả tệp được kiểm tra trước; có một lỗi thì không lưu gì. Xem trước những gì sẽ thay đổi rồi mới áp dụng.",
    file: "Tệp danh sách đơn vị",
    hint: "CSV (UTF-8, hoặc CSV của Excel tiếng Việt) hoặc .xlsx; trang tính đầu tiên, dòng đầu là tiêu đề.",
    preview: "Xem trước",
    problems: (file: string, n: number) => `${file}: có ${n} lỗi cần sửa, chưa lưu gì`,
    stale: "Danh sách đơn vị đã thay đổi sau khi xem trước; chưa lưu gì. Đây là bản xem trước mới.",
    previewOf: (file: string) => `Xem trước: ${file}`,
    create: (n: number) => `Đơn vị mới (${n})`,
    change: (n: number) => `Đơn vị được sửa (${n})`,
    unchanged: (n: number) => `${n} đơn vị không thay đổi.`,
    nothing: "Tệp không thay đổi gì so với danh sách đang lưu.",
    row: "Dòng",
    code: "Mã",
    name: "Tên",
    type: "Loại",
    block: "Khối",
    keep: "giữ nguyên",
    byType: "theo loại",
    apply: "Áp dụng",
    again: "Chọn tệp khác",
  },
  en: {
    back: "All units",
    title: "Import a unit list",
    lead: "A CSV or Excel (.xlsx) file with the columns code, name, type (xã, phường, đặc khu, sở, or xa, phuong, dac-khu, department) and block (optional). The whole file is checked first; with one problem nothing is saved. Look at the preview of what will change, then apply it.",
    file: "Unit list file",
    hint: "CSV (UTF-8, or the CSV of a Vietnamese Excel) or .xlsx; the first worksheet, the first row its header.",
    preview: "Preview",
    problems: (file: string, n: number) => `${file}: ${n} problem(s) to fix, nothing was saved`,
    stale: "The unit list changed since the preview; nothing was saved. This is the new preview.",
    previewOf: (file: string) => `Preview: ${file}`,
    create: (n: number) => `New units (${n})`,
    change: (n: number) => `Units changed (${n})`,
    unchanged: (n: number) => `${n} unit(s) unchanged.`,
    nothing: "The file changes nothing in the stored list.",
    row: "Row",
    code: "Code",
    name: "Name",
    type: "Type",
    block: "Block",
    keep: "kept",
    byType: "by type",
    apply: "Apply",
    again: "Choose another file",
  },
} as const;

/** The hidden fields that carry the previewed file to the apply step: its bytes, name, and each unit's version at the preview. */
export interface ImportCarry {
  data: string;
  name: string;
}

/** Upload a unit list; then either every problem, or the preview of what will be created and changed, with the button that applies it. */
export function UnitImportPage(props: {
  lang: Lang;
  csrf: string;
  problems?: { fileName: string; list: EdgeProblem[] } | undefined;
  plan?: UnitImport | undefined;
  carry?: ImportCarry | undefined;
  stale?: boolean;
}) {
  const t = TEXT[props.lang];
  const { plan, problems } = props;
  const message = (p: EdgeProblem) => (props.lang === "vi" ? p.vi : p.message);
  return (
    <>
      {problems ? (
        <div class="error-summary" role="alert" aria-labelledby="problems-title">
          <h2 id="problems-title">{t.problems(problems.fileName, problems.list.length)}</h2>
          <ol class="problem-list">
            {problems.list.map((p) => (
              <li>
                <strong>{p.path}</strong>: {message(p)}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <p class="back-link">
        <a href="/admin/units">{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      {plan && props.carry ? (
        <>
          {props.stale ? (
            <div class="notice warn" role="alert">
              <p>{t.stale}</p>
            </div>
          ) : null}
          <h2>{t.previewOf(plan.fileName)}</h2>
          {plan.warnings.map((w) => (
            <div class="notice warn" role="status">
              <p>{message(w)}</p>
            </div>
          ))}
          <Preview lang={props.lang} plan={plan} />
          {plan.create.length + plan.change.length > 0 ? (
            <form method="post" action="/admin/units/import/apply">
              <CsrfField token={props.csrf} />
              <input type="hidden" name="name" value={props.carry.name} />
              <input type="hidden" name="data" value={props.carry.data} />
              <input type="hidden" name="expected" value={JSON.stringify(plan.versions)} />
              <button type="submit" class="button">
                {t.apply}
              </button>
            </form>
          ) : (
            <p>{t.nothing}</p>
          )}
          <h2>{t.again}</h2>
        </>
      ) : (
        <p>{t.lead}</p>
      )}
      <form method="post" action="/admin/units/import" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <div class="field">
          <label for="units-file">{t.file}</label>
          <span class="hint" id="units-file-hint">
            {t.hint}
          </span>
          <input type="file" id="units-file" name="file" accept=".csv,.txt,.xlsx,text/csv" aria-describedby="units-file-hint" />
        </div>
        <button type="submit" class={plan ? "button secondary" : "button"}>
          {t.preview}
        </button>
      </form>
    </>
  );
}

function Preview(props: { lang: Lang; plan: UnitImport }) {
  const t = TEXT[props.lang];
  const { plan, lang } = props;
  const type = (value: string) => nameIn(UNIT_TYPE_NAMES, value, lang);
  const block = (value: string | null | undefined) => (value === undefined ? t.keep : (value ?? t.byType));
  const arrow = (before: string, after: string) => (before === after ? after : `${before} → ${after}`);
  const header = [t.row, t.code, t.name, t.type, t.block];
  return (
    <>
      <PlanTable
        title={t.create(plan.create.length)}
        header={header}
        rows={plan.create.map((u) => [String(u.row), u.code, u.name, type(u.type), u.block ?? t.byType])}
      />
      <PlanTable
        title={t.change(plan.change.length)}
        header={header}
        rows={plan.change.map(({ row, before }) => [
          String(row.row),
          row.code,
          arrow(before.name, row.name),
          arrow(type(before.type), type(row.type)),
          row.block === undefined ? block(undefined) : arrow(block(before.block), block(row.block)),
        ])}
      />
      {plan.unchanged.length > 0 ? <p>{t.unchanged(plan.unchanged.length)}</p> : null}
    </>
  );
}

/** One part of the plan (units to create, units to change) as a titled table; nothing when it has no rows. */
function PlanTable(props: { title: string; header: string[]; rows: string[][] }) {
  if (props.rows.length === 0) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <TableWrap label={props.title}>
        <table>
          <thead>
            <tr>
              {props.header.map((cell) => (
                <th scope="col">{cell}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((cells) => (
              <tr>
                {cells.map((cell) => (
                  <td>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
