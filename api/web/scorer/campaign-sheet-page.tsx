import type { Lang } from "../../../src/index.js";
import { TableWrap } from "../components/table-wrap.js";
import { CsrfField, ErrorSummary, FieldError, type FormError, describedBy, hasError } from "../form-parts.js";

const TEXT = {
  vi: {
    worklist: "Danh sách đơn vị",
    heading: "Phiếu thẩm định của cả đợt (Excel)",
    lead: "Tải phiếu về, nhập điểm thẩm định vào cột “Thẩm định lần 1” (hoặc “Thẩm định lần 2”) và nhận xét bằng Excel hoặc LibreOffice, rồi tải lên lại. Phiếu có mọi đơn vị đã nộp bản tự chấm.",
    download: "Tải phiếu về",
    xlsx: "Phiếu thẩm định (Excel, XLSX)",
    csv: "Phiếu thẩm định (CSV)",
    upload: "Tải lên phiếu đã điền",
    file: "Phiếu đã điền (XLSX)",
    fileHint:
      "Tệp được kiểm tra như lệnh par score: có lỗi thì không lưu gì và mọi lỗi được liệt kê theo trang tính, dòng, cột. Dòng nào đã bị người khác sửa sau khi bạn tải phiếu về thì bị từ chối, không bị ghi đè.",
    send: "Tải lên và lưu điểm",
    saved: (saved: number, unchanged: number, file: string) => `Đã lưu ${saved} điểm thẩm định từ tệp ${file}; ${unchanged} ô không đổi.`,
    problems: "Lỗi trong tệp",
    where: "Chỗ (tệp:dòng:cột)",
    what: "Lỗi",
    noFile: "Hãy chọn tệp phiếu thẩm định đã điền (XLSX)",
  },
  en: {
    worklist: "Units to appraise",
    heading: "The campaign's appraisal sheet (Excel)",
    lead: "Download the sheet, enter the appraised points in the “Appraisal round 1” (or “round 2”) column and comments in Excel or LibreOffice, then upload it back. The sheet has every unit that submitted its self-assessment.",
    download: "Download the sheet",
    xlsx: "Appraisal sheet (Excel, XLSX)",
    csv: "Appraisal sheet (CSV)",
    upload: "Upload the filled-in sheet",
    file: "Filled-in sheet (XLSX)",
    fileHint:
      "The file is checked as par score checks it: with any problem nothing is saved and every problem is listed by sheet, row and column. A row someone else changed since you downloaded the sheet is refused, never overwritten.",
    send: "Upload and save the points",
    saved: (saved: number, unchanged: number, file: string) => `Saved ${saved} appraisal entries from ${file}; ${unchanged} cells unchanged.`,
    problems: "Problems in the file",
    where: "Where (file:row:column)",
    what: "Problem",
    noFile: "Choose the filled-in appraisal sheet (XLSX)",
  },
} as const;

export interface SheetProblem {
  path: string;
  message: string;
}

/** `/work/{campaign}/sheet`: the campaign's appraisal sheet to download, and the form that uploads it back, with what was saved or every problem. */
export function CampaignSheetPage(props: {
  lang: Lang;
  csrf: string;
  campaign: { id: string; title: string };
  errors: FormError[];
  problems: SheetProblem[];
  saved?: { saved: number; unchanged: number; fileName: string } | undefined;
}) {
  const { lang, errors } = props;
  const t = TEXT[lang];
  const id = encodeURIComponent(props.campaign.id);
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="back-link">
        <a href={`/work/${id}`}>← {t.worklist}</a>
      </p>
      <h1>{t.heading}</h1>
      <p class="muted">{props.campaign.title}</p>
      {props.saved ? (
        <div class="notice" role="status">
          <p>{t.saved(props.saved.saved, props.saved.unchanged, props.saved.fileName)}</p>
        </div>
      ) : null}
      <p class="lead">{t.lead}</p>
      <h2>{t.download}</h2>
      <ul>
        <li>
          <a href={`/campaigns/${id}/sheet?format=xlsx`} download>
            {t.xlsx}
          </a>
        </li>
        <li>
          <a href={`/campaigns/${id}/sheet?format=csv`} download>
            {t.csv}
          </a>
        </li>
      </ul>
      <h2>{t.upload}</h2>
      {props.problems.length > 0 ? (
        <TableWrap label={t.problems}>
          <table class="sheet-problems">
            <caption>{t.problems}</caption>
            <thead>
              <tr>
                <th scope="col">{t.where}</th>
                <th scope="col">{t.what}</th>
              </tr>
            </thead>
            <tbody>
              {props.problems.map((p) => (
                <tr>
                  <td>{p.path}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <form method="post" action={`/work/${id}/sheet`} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrf} />
        <div class={hasError(errors, "sheet") ? "field field-error" : "field"}>
          <label for="sheet">{t.file}</label>
          <span class="hint" id="sheet-hint">
            {t.fileHint}
          </span>
          <FieldError id="sheet" errors={errors} lang={lang} />
          <input
            type="file"
            id="sheet"
            name="sheet"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={describedBy("sheet", errors, true)}
          />
        </div>
        <button type="submit" class="button">
          {t.send}
        </button>
      </form>
    </>
  );
}

export const SHEET_TEXT = TEXT;
