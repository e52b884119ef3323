import { type Lang, formatDecimal, formatInstant, formatInteger, textIn } from "../../../src/index.js";
import type { PendingSurveyImport } from "../../services/survey-import-service.js";
import { TableWrap } from "../components/table-wrap.js";
import { CsrfField } from "../form-parts.js";

const TEXT = {
  vi: {
    home: "Trang chủ",
    upload: "Nhập khảo sát",
    heading: "Báo cáo chất lượng dữ liệu khảo sát",
    lead: (file: string, mapping: string) => `Tệp ${file}, bảng ánh xạ ${mapping}. Chưa có gì được lưu: xem lại rồi chọn “Áp dụng”.`,
    quality: "Tóm tắt",
    rows: "Số dòng dữ liệu đọc được",
    used: "Số phiếu được dùng",
    duplicates: "Phiếu trùng đã bỏ (theo mã người trả lời)",
    incomplete: "Phiếu chưa hoàn thành đã loại",
    rejected: "Phiếu bị từ chối đã loại",
    missingUnit: "Phiếu thiếu mã đơn vị đã loại",
    malformed: "Dòng sai cấu trúc đã loại",
    outOfScale: "Câu trả lời ngoài thang đo (không tính)",
    excludedAnswers: "Câu trả lời “không biết / không áp dụng”",
    belowSample: "Đơn vị chưa đủ cỡ mẫu",
    none: "không có",
    notes: "Lưu ý",
    issues: "Các vấn đề và vị trí (tệp:dòng:cột)",
    place: "Vị trí",
    problem: "Vấn đề",
    notListed: (n: number) => `và ${n} vấn đề cùng loại khác không liệt kê.`,
    units: "Kết quả theo đơn vị",
    unit: "Đơn vị",
    respondents: "Số phiếu",
    sample: "Cỡ mẫu yêu cầu",
    unknown: "chưa biết",
    short: "chưa đủ",
    overall: "Hài lòng chung (%) [KTC 95 %]",
    points: "Điểm điều tra",
    of: "trên",
    blocked: "Không thể áp dụng: các đơn vị sau đã chốt điểm, kết quả khảo sát của họ không thể thay đổi nữa.",
    apply: "Áp dụng kết quả khảo sát",
    applyHint: (n: number) => `Lưu kết quả của ${n} đơn vị, tất cả hoặc không gì cả, và ghi vào nhật ký thay đổi.`,
    expires: "Bản kiểm tra này có hiệu lực đến",
    again: "Tải lên tệp khác",
  },
  en: {
    home: "Home",
    upload: "Import survey",
    heading: "Survey data-quality report",
    lead: (file: string, mapping: string) => `File ${file}, mapping ${mapping}. Nothing is saved yet: review it, then choose “Apply”.`,
    quality: "Summary",
    rows: "Data rows read",
    used: "Responses used",
    duplicates: "Duplicates dropped (by respondent id)",
    incomplete: "Incomplete responses excluded",
    rejected: "Rejected responses excluded",
    missingUnit: "Responses without a unit excluded",
    malformed: "Malformed rows excluded",
    outOfScale: "Answers out of scale (left out)",
    excludedAnswers: "“Don't know / not applicable” answers",
    belowSample: "Units below the required sample",
    none: "none",
    notes: "Notes",
    issues: "Issues and where they are (file:row:column)",
    place: "Where",
    problem: "Issue",
    notListed: (n: number) => `and ${n} more of the same kinds, not listed.`,
    units: "Results per unit",
    unit: "Unit",
    respondents: "Responses",
    sample: "Required sample",
    unknown: "unknown",
    short: "too few",
    overall: "Overall satisfaction (%) [95 % CI]",
    points: "Survey points",
    of: "of",
    blocked: "Cannot be applied: these units are finalised and their survey results can no longer change.",
    apply: "Apply the survey results",
    applyHint: (n: number) => `Saves the results of ${n} unit(s), all or nothing, in the audit trail.`,
    expires: "This check stays available until",
    again: "Upload another file",
  },
} as const;

/** `/admin/campaigns/{id}/survey/{import}`: a checked export's data-quality report and per-unit results, then "apply". */
export function SurveyPreviewPage(props: { lang: Lang; csrf: string; campaign: { id: string; title: string }; pending: PendingSurveyImport }) {
  const { lang, campaign, pending } = props;
  const { quality, units, mapping } = pending.result;
  const t = TEXT[lang];
  const id = encodeURIComponent(campaign.id);
  const pct = (value: number | null) => (value === null ? "–" : formatDecimal(value, 2, lang));
  const count = (n: number) => formatInteger(n, lang);
  const rows: [string, string][] = [
    [t.rows, count(quality.rows)],
    [t.used, count(quality.used)],
    [t.duplicates, count(quality.duplicates)],
    [t.incomplete, count(quality.incomplete)],
    [t.rejected, count(quality.rejected)],
    [t.missingUnit, count(quality.missingUnit)],
    [t.malformed, count(quality.malformed)],
    [t.outOfScale, count(quality.outOfScale)],
    [t.excludedAnswers, count(quality.excludedAnswers)],
    [t.belowSample, quality.unitsBelowSample.length > 0 ? quality.unitsBelowSample.join(", ") : t.none],
  ];
  return (
    <>
      <nav aria-label={lang === "vi" ? "Vị trí" : "Breadcrumb"} class="breadcrumb">
        <a href="/">{t.home}</a> <span aria-hidden="true">›</span> <a href={`/work/${id}`}>{campaign.title}</a> <span aria-hidden="true">›</span>{" "}
        <a href={`/admin/campaigns/${id}/survey`}>{t.upload}</a>
      </nav>
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead(pending.fileName, `${mapping.id} ${mapping.version}`)}</p>
      <h2>{t.quality}</h2>
      <dl class="summary">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {quality.notes.length > 0 ? (
        <>
          <h2>{t.notes}</h2>
          <ul>
            {quality.notes.map((note) => (
              <li>{textIn(note, lang)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {quality.issues.length > 0 ? (
        <>
          <h2>{t.issues}</h2>
          <TableWrap label={t.issues}>
            <table class="issues">
              <thead>
                <tr>
                  <th scope="col">{t.place}</th>
                  <th scope="col">{t.problem}</th>
                </tr>
              </thead>
              <tbody>
                {quality.issues.map((issue) => (
                  <tr>
                    <td class="code">{issue.path}</td>
                    <td>{lang === "vi" ? issue.vi : issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {quality.notListed > 0 ? <p class="hint">{t.notListed(quality.notListed)}</p> : null}
        </>
      ) : null}
      <h2>{t.units}</h2>
      <TableWrap label={t.units}>
        <table class="survey-units">
          <thead>
            <tr>
              <th scope="col">{t.unit}</th>
              <th scope="col" class="num">
                {t.respondents}
              </th>
              <th scope="col" class="num">
                {t.sample}
              </th>
              <th scope="col" class="num">
                {t.overall}
              </th>
              <th scope="col" class="num">
                {t.points}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr>
                <th scope="row">
                  {u.name ?? u.unit} <span class="muted code">{u.unit}</span>
                </th>
                <td class="num">{count(u.respondents)}</td>
                <td class="num">
                  {u.sample.required === null ? t.unknown : count(u.sample.required)}
                  {u.sample.enough === false ? (
                    <>
                      {" "}
                      <span class="tag state-draft">{t.short}</span>
                    </>
                  ) : null}
                </td>
                <td class="num">
                  {pct(u.overall.percent)}
                  {u.overall.ci95 ? ` [${pct(u.overall.ci95[0])}–${pct(u.overall.ci95[1])}]` : ""}
                </td>
                <td class="num">
                  {formatDecimal(u.points.total, 2, lang)} {t.of} {formatDecimal(u.points.max, 2, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {pending.blocked.length > 0 ? (
        <div class="notice warn" role="alert">
          <p>{t.blocked}</p>
          <ul>
            {pending.blocked.map((p) => (
              <li>{lang === "vi" ? p.vi : p.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <form method="post" action={`/admin/campaigns/${id}/survey/${encodeURIComponent(pending.id)}/apply`}>
          <CsrfField token={props.csrf} />
          <p class="hint">
            {t.applyHint(units.length)} {t.expires} {formatInstant(new Date(pending.expiresAt), lang)}.
          </p>
          <button type="submit" class="button">
            {t.apply}
          </button>
        </form>
      )}
      <p class="button-row">
        <a href={`/admin/campaigns/${id}/survey`}>{t.again}</a>
      </p>
    </>
  );
}
