import type { Lang } from "../../../src/index.js";
import type { SheetTarget } from "../../services/sheet-service.js";
import { TableWrap } from "../components/table-wrap.js";
import { CsrfField, ErrorSummary, FieldError, type FormError, describedBy, hasError } from "../form-parts.js";

const TEXT = {
  vi: {
    campaign: {
      back: "Danh sách đơn vị",
      heading: "Phiếu thẩm định của cả đợt (Excel)",
      lead: "Tải phiếu về, nhập điểm thẩm định vào cột “Thẩm định lần 1” (hoặc “Thẩm định lần 2”) và nhận xét bằng Excel hoặc LibreOffice, rồi tải lên lại. Phiếu có mọi đơn vị đã nộp bản tự chấm.",
      xlsx: "Phiếu thẩm định (Excel, XLSX)",
      csv: "Phiếu thẩm định (CSV)",
      saved: (saved: number, unchanged: number, file: string) => `Đã lưu ${saved} điểm thẩm định từ tệp ${file}; ${unchanged} ô không đổi.`,
    },
    unit: {
      back: "Tự chấm",
      heading: "Tự chấm bằng Excel",
      lead: "Tải phiếu chấm điểm của đơn vị về, nhập điểm tự chấm, số liệu, mã tài liệu kiểm chứng và ghi chú bằng Excel hoặc LibreOffice, rồi tải lên lại. Trong vòng giải trình, nhập vào cột “Giải trình” của các tiêu chí bị trừ điểm. Các cột khác chỉ để xem.",
      xlsx: "Phiếu chấm điểm (Excel, XLSX)",
      csv: "Phiếu chấm điểm (CSV)",
      saved: (saved: number, unchanged: number, file: string) => `Đã lưu ${saved} mục từ tệp ${file}; ${unchanged} mục không đổi.`,
    },
    download: "Tải phiếu về",
    upload: "Tải lên phiếu đã điền",
    file: "Phiếu đã điền (XLSX)",
    fileHint:
      "Tệp được kiểm tra như lệnh par score: có lỗi thì không lưu gì và mọi lỗi được liệt kê theo trang tính, dòng, cột. Dòng nào đã bị người khác sửa sau khi bạn tải phiếu về thì bị từ chối, không bị ghi đè.",
    send: "Tải lên và lưu điểm",
    problems: "Lỗi trong tệp",
    where: "Chỗ (tệp:dòng:cột)",
    what: "Lỗi",
    noFile: "Hãy chọn tệp phiếu đã điền (XLSX)",
  },
  en: {
    campaign: {
      back: "Units to appraise",
      heading: "The campaign's appraisal sheet (Excel)",
      lead: "Download the sheet, enter the appraised points in the “Appraisal round 1” (or “round 2”) column and comments in Excel or LibreOffice, then upload it back. The sheet has every unit that submitted its self-assessment.",
      xlsx: "Appraisal sheet (Excel, XLSX)",
      csv: "Appraisal sheet (CSV)",
      saved: (saved: number, unchanged: number, file: string) => `Saved ${saved} appraisal entries from ${file}; ${unchanged} cells unchanged.`,
    },
    unit: {
      back: "Self-assessment",
      heading: "Self-assess in Excel",
      lead: "Download your unit's scoring sheet, enter the self-assessed points, facts, evidence codes and comments in Excel or LibreOffice, then upload it back. In the explanation round, fill in the “Explanation” column of the items marked down. The other columns are for reading.",
      xlsx: "Scoring sheet (Excel, XLSX)",
      csv: "Scoring sheet (CSV)",
      saved: (saved: number, unchanged: number, file: string) => `Saved ${saved} entries from ${file}; ${unchanged} unchanged.`,
    },
    download: "Download the sheet",
    upload: "Upload the filled-in sheet",
    file: "Filled-in sheet (XLSX)",
    fileHint:
      "The file is checked as par score checks it: with any problem nothing is saved and every problem is listed by sheet, row and column. A row someone else changed since you downloaded the sheet is refused, never overwritten.",
    send: "Upload and save the points",
    problems: "Problems in the file",
    where: "Where (file:row:column)",
    what: "Problem",
    noFile: "Choose the filled-in sheet (XLSX)",
  },
} as const;

export const SHEET_TEXT = TEXT;

export interface SheetProblem {
  path: string;
  message: string;
}

/** Where a sheet page lives, where its links go and where its form posts. */
export function sheetPaths(target: SheetTarget): { page: string; back: string; download: string } {
  const campaign = encodeURIComponent(target.campaign.id);
  if (!target.unit) return { page: `/work/${campaign}/sheet`, back: `/work/${campaign}`, download: `/campaigns/${campaign}/sheet` };
  const unit = encodeURIComponent(target.unit.code);
  return { page: `/assess/${campaign}/${unit}/sheet`, back: `/assess/${campaign}/${unit}`, download: `/campaigns/${campaign}/units/${unit}/sheet` };
}

/**
 * `/work/{campaign}/sheet` (a scorer: the campaign's appraisal sheet) and `/assess/{campaign}/{unit}/sheet`
 * (the unit: its scoring sheet): the sheet to download, and the form that uploads it back, with what
 * was saved or every problem.
 */
export function SheetPage(props: {
  lang: Lang;
  csrf: string;
  target: SheetTarget;
  errors: FormError[];
  problems: SheetProblem[];
  saved?: { saved: number; unchanged: number; fileName: string } | undefined;
}) {
  const { lang, errors, target } = props;
  const t = TEXT[lang];
  const words = target.unit ? t.unit : t.campaign;
  const paths = sheetPaths(target);
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="back-link">
        <a href={paths.back}>← {words.back}</a>
      </p>
      <h1>{words.heading}</h1>
      <p class="muted">
        {target.campaign.title}
        {target.unit ? ` · ${target.unit.name}` : ""}
      </p>
      {props.saved ? (
        <div class="notice" role="status">
          <p>{words.saved(props.saved.saved, props.saved.unchanged, props.saved.fileName)}</p>
        </div>
      ) : null}
      <p class="lead">{words.lead}</p>
      <h2>{t.download}</h2>
      <ul>
        <li>
          <a href={`${paths.download}?format=xlsx`} download>
            {words.xlsx}
          </a>
        </li>
        <li>
          <a href={`${paths.download}?format=csv`} download>
            {words.csv}
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
      <form method="post" action={paths.page} enctype="multipart/form-data" novalidate>
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
