import { type Lang, textIn } from "../../../src/index.js";
import type { MappingChoice } from "../../services/survey-import-service.js";
import { CsrfField, ErrorSummary, FieldError, type FormError, describedBy, hasError } from "../form-parts.js";

const TEXT = {
  vi: {
    home: "Trang chủ",
    heading: "Nhập kết quả điều tra xã hội học",
    lead: "Tải lên tệp xuất từ công cụ khảo sát đúng như khi xuất (KoboToolbox/ODK, LimeSurvey, Google Forms: CSV hoặc XLSX). Hệ thống kiểm tra tệp và cho xem báo cáo chất lượng dữ liệu; chưa có gì được lưu cho đến khi bạn chọn “Áp dụng”.",
    export: "Tệp xuất khảo sát",
    exportHint: "CSV (UTF-8, UTF-16 hoặc Windows-1258; dấu phân cách , ; hoặc tab) hoặc Excel XLSX; tối đa",
    mapping: "Bảng ánh xạ phiếu khảo sát",
    mappingHint: "Cho biết cột nào là mã đơn vị, mã phiếu, thời gian nộp, trạng thái, và thang đo của từng câu hỏi.",
    noShipped: "Không có bảng ánh xạ có sẵn cho bộ tiêu chí của đợt này: hãy tải lên một bảng.",
    mappingFile: "Hoặc tải lên tệp bảng ánh xạ khác (JSON, par-survey-mapping/1)",
    mappingFileHint: "Nếu chọn tệp, tệp này được dùng thay cho bảng ở trên.",
    units: "Danh sách đơn vị kèm số hồ sơ (không bắt buộc)",
    unitsHint:
      "CSV có cột unit và population (số hồ sơ trong kỳ, N): để kiểm tra cỡ mẫu n = N / (1 + N·e²). Không có tệp này thì cỡ mẫu không được kiểm tra (trừ khi bảng ánh xạ quy định chỉ tiêu theo loại đơn vị).",
    check: "Kiểm tra tệp",
    applied: (n: number, file: string) =>
      `Đã áp dụng kết quả khảo sát của ${n} đơn vị từ tệp ${file}. Điểm điều tra xã hội học đã có trong bảng xếp hạng tạm thời.`,
    publish: "Xem trước và công bố kết quả",
    worklist: "Danh sách đơn vị của đợt",
  },
  en: {
    home: "Home",
    heading: "Import survey results",
    lead: "Upload the export of the survey tool as it was exported (KoboToolbox/ODK, LimeSurvey, Google Forms: CSV or XLSX). The file is checked and its data-quality report shown; nothing is saved until you choose “Apply”.",
    export: "Survey export",
    exportHint: "CSV (UTF-8, UTF-16 or Windows-1258; , ; or tab separated) or Excel XLSX; at most",
    mapping: "Survey instrument mapping",
    mappingHint: "Says which columns hold the unit code, respondent id, submission time and status, and each question's answer scale.",
    noShipped: "No shipped mapping fits this campaign's criteria set: upload one.",
    mappingFile: "Or upload another mapping file (JSON, par-survey-mapping/1)",
    mappingFileHint: "If you choose a file, it is used instead of the mapping above.",
    units: "Units list with dossier counts (optional)",
    unitsHint:
      "A CSV with columns unit and population (dossiers in the period, N): for the sample size n = N / (1 + N·e²). Without it the sample size is not checked (unless the mapping sets quotas per unit type).",
    check: "Check the file",
    applied: (n: number, file: string) => `Survey results of ${n} unit(s) applied from ${file}. The survey points are in the live ranking.`,
    publish: "Preview and publish the results",
    worklist: "The campaign's units",
  },
} as const;

/** `/admin/campaigns/{id}/survey`: the upload form (export, mapping, optional units list); after an apply, what was applied. */
export function SurveyUploadPage(props: {
  lang: Lang;
  csrf: string;
  campaign: { id: string; title: string };
  mappings: MappingChoice[];
  chosen: string;
  maxBytes: string;
  errors: FormError[];
  applied?: { units: number; fileName: string } | undefined;
}) {
  const { lang, campaign, errors } = props;
  const t = TEXT[lang];
  const id = encodeURIComponent(campaign.id);
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <nav aria-label={lang === "vi" ? "Vị trí" : "Breadcrumb"} class="breadcrumb">
        <a href="/">{t.home}</a> <span aria-hidden="true">›</span> <a href={`/work/${id}`}>{campaign.title}</a>
      </nav>
      <h1>{t.heading}</h1>
      <p class="muted">{campaign.title}</p>
      {props.applied ? (
        <div class="notice" role="status">
          <p>{t.applied(props.applied.units, props.applied.fileName)}</p>
          <p>
            <a href={`/admin/campaigns/${id}/publish`}>{t.publish}</a>
          </p>
        </div>
      ) : null}
      <p class="lead">{t.lead}</p>
      <form method="post" action={`/admin/campaigns/${id}/survey`} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrf} />
        <div class={hasError(errors, "export") ? "field field-error" : "field"}>
          <label for="export">{t.export}</label>
          <span class="hint" id="export-hint">
            {t.exportHint} {props.maxBytes}.
          </span>
          <FieldError id="export" errors={errors} lang={lang} />
          <input type="file" id="export" name="export" accept=".csv,.txt,.xlsx,text/csv" aria-describedby={describedBy("export", errors, true)} />
        </div>
        <div class={hasError(errors, "mapping") ? "field field-error" : "field"}>
          <fieldset class="radios" aria-describedby={describedBy("mapping", errors, true)}>
            <legend>{t.mapping}</legend>
            <span class="hint" id="mapping-hint">
              {t.mappingHint}
            </span>
            <FieldError id="mapping" errors={errors} lang={lang} />
            {props.mappings.length === 0 ? <p>{t.noShipped}</p> : null}
            {props.mappings.map((m, i) => (
              <label>
                <input type="radio" id={i === 0 ? "mapping" : `mapping-${i}`} name="mapping" value={m.ref} checked={m.ref === props.chosen} />
                <span>
                  {textIn(m.title, lang)} <span class="muted code">({m.ref})</span>
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        <div class={hasError(errors, "mappingFile") ? "field field-error" : "field"}>
          <label for="mappingFile">{t.mappingFile}</label>
          <span class="hint" id="mappingFile-hint">
            {t.mappingFileHint}
          </span>
          <FieldError id="mappingFile" errors={errors} lang={lang} />
          <input type="file" id="mappingFile" name="mappingFile" accept=".json,application/json" aria-describedby={describedBy("mappingFile", errors, true)} />
        </div>
        <div class={hasError(errors, "units") ? "field field-error" : "field"}>
          <label for="units">{t.units}</label>
          <span class="hint" id="units-hint">
            {t.unitsHint}
          </span>
          <FieldError id="units" errors={errors} lang={lang} />
          <input type="file" id="units" name="units" accept=".csv,text/csv" aria-describedby={describedBy("units", errors, true)} />
        </div>
        <button type="submit" class="button">
          {t.check}
        </button>
      </form>
    </>
  );
}
