import { textIn } from "../../../src/index.js";
import { formatInstant, formatTimeLeft } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { CsrfField } from "../form-parts.js";
import { ItemLinks } from "./item-links.js";
import { type WardData, progress, sectionOf } from "./ward-data.js";
import { formatIndex } from "./ward-format.js";

const TEXT = {
  vi: {
    title: "Nộp bản tự chấm",
    back: "Quay lại tổng quan",
    index: "Chỉ số tạm tính khi nộp",
    deadline: "Hạn nộp",
    missingTitle: "Bản tự chấm còn thiếu",
    complete: "Đã nhập đủ các tiêu chí.",
    notEntered: (n: number) => `${n} tiêu chí chưa nhập`,
    facts: "Tiêu chí còn thiếu số liệu",
    evidence: "Tiêu chí còn thiếu tài liệu kiểm chứng",
    warn: "Tiêu chí chưa nhập hoặc thiếu số liệu được tính 0 điểm; thiếu tài liệu kiểm chứng có thể bị trừ khi thẩm định.",
    after: "Sau khi nộp, bản tự chấm không sửa được nữa; bạn có thể rút lại để sửa cho đến hạn nộp.",
    confirm: "Xác nhận nộp",
    cancel: "Chưa nộp, quay lại",
  },
  en: {
    title: "Submit the self-assessment",
    back: "Back to the overview",
    index: "Live index at submission",
    deadline: "Due",
    missingTitle: "Still missing",
    complete: "Every item is entered.",
    notEntered: (n: number) => `${n} item(s) not entered`,
    facts: "Items missing facts",
    evidence: "Items missing evidence",
    warn: "Items not entered or missing facts score 0; missing evidence may be marked down at appraisal.",
    after: "Once submitted it cannot be edited; you can withdraw it to edit until the deadline.",
    confirm: "Confirm and submit",
    cancel: "Not now, go back",
  },
} as const;

/** The confirmation before submitting: what is still missing, then an explicit confirm button. */
export function WardSubmitPage(props: { lang: Lang; data: WardData; csrf: string; base: string }) {
  const { lang, data } = props;
  const t = TEXT[lang];
  const p = progress(data);
  const text = (x: { vi: string; en?: string }) => textIn(x, lang);
  const titled = (items: { code: string; title: { vi: string; en?: string } }[]) => items.map((i) => ({ code: i.code, title: text(i.title) }));
  const link = (code: string) => `${props.base}/areas/${encodeURIComponent(sectionOf(data.set, code) ?? "")}#item-${code}`;
  const incomplete = p.notEntered.length > 0 || p.missingFacts.length > 0 || p.missingEvidence.length > 0;
  const deadline = new Date(data.assessment.deadlines.self);
  return (
    <>
      <p class="back-link">
        <a href={props.base}>← {t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p class="muted">
        {data.unit.name} · {data.campaign.title}
      </p>
      <dl class="summary">
        <dt>{t.index}</dt>
        <dd>
          <strong>{formatIndex(data.report.totals.index, data.set.display.indexDecimals, lang)}</strong>
        </dd>
        <dt>{t.deadline}</dt>
        <dd>
          {formatInstant(deadline, lang)} ({formatTimeLeft(deadline, data.now, lang)})
        </dd>
      </dl>
      {incomplete ? (
        <div class="notice warn" role="alert">
          <h2 class="panel-title">{t.missingTitle}</h2>
          <ul>
            {p.notEntered.length > 0 ? (
              <li>
                <ItemLinks summary={t.notEntered(p.notEntered.length)} items={titled(p.notEntered)} link={link} />
              </li>
            ) : null}
            {p.missingFacts.length > 0 ? (
              <li>
                <ItemLinks summary={`${t.facts} (${p.missingFacts.length})`} items={titled(p.missingFacts)} link={link} />
              </li>
            ) : null}
            {p.missingEvidence.length > 0 ? (
              <li>
                <ItemLinks summary={`${t.evidence} (${p.missingEvidence.length})`} items={titled(p.missingEvidence)} link={link} />
              </li>
            ) : null}
          </ul>
          <p>{t.warn}</p>
        </div>
      ) : (
        <p class="notice">{t.complete}</p>
      )}
      <p>{t.after}</p>
      <form method="post" action={`${props.base}/submit`} class="button-row">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="version" value={String(data.assessment.version)} />
        <button type="submit" class="button">
          {t.confirm}
        </button>
        <a class="button secondary" href={props.base}>
          {t.cancel}
        </a>
      </form>
    </>
  );
}
