import { type Lang, SET_STATUS_NAMES, formatInstant, nameIn } from "../../../src/index.js";
import type { CriteriaOverview, SaveOutcome } from "../../services/criteria-service.js";
import { TableWrap } from "../components/table-wrap.js";
import { CsrfField } from "../form-parts.js";

/** One problem of an uploaded file, placed in the set's own words (area, item, field). */
export interface CriteriaProblem {
  code: string;
  path: string;
  place: string;
  message: string;
}

/** What the last upload did: stored, refused with its problems, or refused because the set is in use. */
export type UploadResult =
  | { kind: "saved"; outcome: SaveOutcome; family: string; version: string; status: "draft" | "published" }
  | { kind: "problems"; fileName: string; problems: CriteriaProblem[] }
  | { kind: "in-use"; fileName: string; message: string; family: string; version: string };

const TEXT = {
  vi: {
    title: "Bộ tiêu chí",
    lead: "Các bộ tiêu chí đã lưu. Một phiên bản đang được đợt đánh giá sử dụng thì không thể sửa: hãy ban hành thay đổi thành phiên bản mới.",
    family: "Họ bộ tiêu chí",
    version: "Phiên bản",
    status: "Trạng thái",
    usedBy: "Đợt đánh giá sử dụng",
    stored: "Ngày lưu",
    none: "chưa có",
    locked: "khóa, không sửa được",
    upload: "Tải lên bộ tiêu chí",
    file: "Tệp bộ tiêu chí (.json)",
    hint: "Tệp JSON định dạng par-criteria/1. Hệ thống kiểm tra như lệnh par validate và liệt kê mọi lỗi.",
    send: "Tải lên và kiểm tra",
    compare: "So sánh hai phiên bản",
    outcome: {
      created: "Đã lưu bộ tiêu chí mới",
      replaced: "Đã thay thế bộ tiêu chí (chưa đợt đánh giá nào sử dụng)",
      unchanged: "Tệp giống hệt bản đã lưu; không có gì thay đổi",
    },
    problems: (file: string, n: number) => `${file}: có ${n} lỗi cần sửa, chưa lưu gì`,
    where: "Vị trí",
    inUse: "Không thể sửa bộ tiêu chí đang được sử dụng",
  },
  en: {
    title: "Criteria sets",
    lead: "The stored criteria sets. A version used by a campaign cannot change: publish the change as a new version.",
    family: "Family",
    version: "Version",
    status: "Status",
    usedBy: "Used by campaigns",
    stored: "Stored",
    none: "none",
    locked: "locked, cannot change",
    upload: "Upload a criteria set",
    file: "Criteria file (.json)",
    hint: "A par-criteria/1 JSON file. It is checked as par validate checks it, and every problem is listed.",
    send: "Upload and check",
    compare: "Compare two versions",
    outcome: {
      created: "New criteria set stored",
      replaced: "Criteria set replaced (no campaign uses it yet)",
      unchanged: "The file is the same as the stored one; nothing changed",
    },
    problems: (file: string, n: number) => `${file}: ${n} problem(s) to fix, nothing was saved`,
    where: "Where",
    inUse: "A criteria set in use cannot change",
  },
} as const;

/** The administrator's list of criteria sets, the upload form, and what the last upload did. */
export function CriteriaListPage(props: { lang: Lang; csrf: string; sets: CriteriaOverview[]; result?: UploadResult | undefined }) {
  const t = TEXT[props.lang];
  const result = props.result;
  return (
    <>
      {result?.kind === "problems" ? <ProblemList lang={props.lang} fileName={result.fileName} problems={result.problems} /> : null}
      {result?.kind === "in-use" ? (
        <div class="error-summary" role="alert" aria-labelledby="in-use-title">
          <h2 id="in-use-title">{t.inUse}</h2>
          <p>{result.message}</p>
          <p>
            <a href={setHref(result)}>
              {result.family} {result.version}
            </a>
          </p>
        </div>
      ) : null}
      <h1>{t.title}</h1>
      {result?.kind === "saved" ? (
        <div class="notice" role="status">
          <p>
            {t.outcome[result.outcome]}: <a href={setHref(result)}>{`${result.family} ${result.version}`}</a> (
            {nameIn(SET_STATUS_NAMES, result.status, props.lang)})
          </p>
        </div>
      ) : null}
      <p>{t.lead}</p>
      <TableWrap label={t.title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.family}</th>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.usedBy}</th>
              <th scope="col">{t.stored}</th>
            </tr>
          </thead>
          <tbody>
            {props.sets.map((s) => (
              <tr>
                <td>{s.family}</td>
                <td>
                  <a href={setHref(s)}>{s.version}</a>
                </td>
                <td>{nameIn(SET_STATUS_NAMES, s.status, props.lang)}</td>
                <td>{s.usedBy.length === 0 ? t.none : `${s.usedBy.map((c) => c.id).join(", ")} (${t.locked})`}</td>
                <td>{formatInstant(new Date(s.createdAt), props.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <a href="/admin/criteria/diff">{t.compare}</a>
      </p>
      <h2>{t.upload}</h2>
      <form method="post" action="/admin/criteria" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <div class="field">
          <label for="criteria-file">{t.file}</label>
          <span class="hint" id="criteria-file-hint">
            {t.hint}
          </span>
          <input type="file" id="criteria-file" name="file" accept=".json,application/json" aria-describedby="criteria-file-hint" />
        </div>
        <button type="submit" class="button">
          {t.send}
        </button>
      </form>
    </>
  );
}

/** Every problem of the upload, each with where it is in the set's own words, in a list to fix from. */
function ProblemList(props: { lang: Lang; fileName: string; problems: CriteriaProblem[] }) {
  const t = TEXT[props.lang];
  return (
    <div class="error-summary" role="alert" aria-labelledby="problems-title">
      <h2 id="problems-title">{t.problems(props.fileName, props.problems.length)}</h2>
      <ol class="problem-list">
        {props.problems.map((p) => (
          <li>
            <strong>{p.place}</strong>
            <br />
            {p.message}{" "}
            <span class="muted code">
              [{p.code}] {p.path}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function setHref(set: { family: string; version: string }): string {
  return `/admin/criteria/${encodeURIComponent(set.family)}/${encodeURIComponent(set.version)}`;
}
