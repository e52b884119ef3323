import { textIn } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { HistoryRow } from "../../services/round-history.js";
import { CsrfField, ErrorSummary, FieldError, type FormError, hasError } from "../form-parts.js";
import { EvidenceUpload } from "./evidence-upload.js";
import { DOCS_LIST, DocumentList, docLabel } from "./item-card.js";
import { fieldId } from "./save-item.js";
import { type WardData, entryOf } from "./ward-data.js";
import { formatPoints } from "./ward-format.js";

const TEXT = {
  vi: {
    title: "Giải trình",
    back: "Quay lại tổng quan",
    lead: "Các tiêu chí Sở Nội vụ chấm thấp hơn điểm tự chấm. Với mỗi tiêu chí, nêu giải trình và đính kèm tài liệu bổ sung.",
    none: "Không có tiêu chí nào bị trừ điểm.",
    self: "Tự chấm",
    appraised: "Thẩm định",
    scorer: "Nhận xét của cán bộ thẩm định",
    noComment: "(không có nhận xét)",
    reply: "Giải trình của đơn vị",
    add: "Đính kèm tài liệu đã có",
    keep: "Tài liệu đính kèm giải trình",
    save: "Lưu giải trình",
    saved: "Đã lưu giải trình.",
    send: "Gửi giải trình",
    sendConfirm: "Gửi giải trình cho Sở Nội vụ? Sau khi gửi không sửa được nữa.",
    points: "điểm",
  },
  en: {
    title: "Explanation",
    back: "Back to the overview",
    lead: "The items the Department scored below your self-assessment. For each, reply and attach further evidence.",
    none: "No item was marked down.",
    self: "Self-assessed",
    appraised: "Appraised",
    scorer: "Scorer's comment",
    noComment: "(no comment)",
    reply: "Your explanation",
    add: "Attach an existing document",
    keep: "Documents attached to the explanation",
    save: "Save explanation",
    saved: "Explanation saved.",
    send: "Send the explanation",
    sendConfirm: "Send the explanation to the Department? It cannot be edited afterwards.",
    points: "points",
  },
} as const;

/**
 * The explanation round: only the items appraisal round 1 marked down (`items`, from the round
 * history, the same rule the service enforces), with round 1's points and comment, and a reply form each.
 */
export function WardExplanationPage(props: {
  lang: Lang;
  data: WardData;
  items: HistoryRow[];
  csrf: string;
  base: string;
  errors: FormError[];
  errorItem?: string | undefined;
  saved?: string | undefined;
  maxFileBytes: number;
}) {
  const { lang, data } = props;
  const t = TEXT[lang];
  const items = props.items;
  const text = (x: { vi: string; en?: string }) => textIn(x, lang);
  const docs = data.assessment.evidence;
  return (
    <>
      <p class="back-link">
        <a href={props.base}>← {t.back}</a>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {props.saved ? (
        <div class="notice" role="status">
          <p>
            {t.saved} ({props.saved})
          </p>
        </div>
      ) : null}
      {items.length === 0 ? <p>{t.none}</p> : null}
      {items.map((leaf) => {
        const scorer = leaf.entries?.appraisal1;
        const reply = entryOf(data, "explanation", "item", leaf.code);
        const value = (reply?.value ?? {}) as { comment?: string; evidence?: string[] };
        const errors = props.errorItem === leaf.code ? props.errors : [];
        return (
          <article class="card item" id={`item-${leaf.code}`} aria-labelledby={`title-${leaf.code}`}>
            <h2 id={`title-${leaf.code}`} class="item-title">
              {leaf.code}. {text(leaf.title)}
            </h2>
            <p>
              {t.self}: {formatPoints(leaf.points.self ?? 0, lang)} → {t.appraised}: <strong>{formatPoints(leaf.points.appraisal1 ?? 0, lang)}</strong>{" "}
              {t.points}
            </p>
            <p>
              <strong>{t.scorer}:</strong> {scorer?.comment ?? t.noComment}
            </p>
            {data.assessment.state === "explanation" ? (
              <>
                <form method="post" action={`${props.base}/explanation/${encodeURIComponent(leaf.code)}`} novalidate>
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="v-item" value={String(reply?.version ?? 0)} />
                  <div class={hasError(errors, fieldId.comment(leaf.code)) ? "field field-error" : "field"}>
                    <label for={fieldId.comment(leaf.code)}>{t.reply}</label>
                    <FieldError id={fieldId.comment(leaf.code)} errors={errors} lang={lang} />
                    <textarea id={fieldId.comment(leaf.code)} name={fieldId.comment(leaf.code)} rows={3} maxlength={2000}>
                      {value.comment ?? ""}
                    </textarea>
                  </div>
                  {(value.evidence ?? []).length > 0 ? (
                    <fieldset class="field checkboxes">
                      <legend>{t.keep}</legend>
                      {(value.evidence ?? []).map((id) => (
                        <label>
                          <input type="checkbox" name={fieldId.evidence(leaf.code)} value={id} checked /> {docLabel(docs.find((d) => d.id === id) ?? { id })}
                        </label>
                      ))}
                    </fieldset>
                  ) : null}
                  <div class="field">
                    <label for={`add-${leaf.code}`}>{t.add}</label>
                    <input type="text" class="input-short" id={`add-${leaf.code}`} name={`add-${leaf.code}`} list={DOCS_LIST} autocomplete="off" />
                  </div>
                  <button type="submit" class="button">
                    {t.save}
                    <span class="visually-hidden"> {leaf.code}</span>
                  </button>
                </form>
                <EvidenceUpload
                  lang={lang}
                  csrf={props.csrf}
                  action={`${props.base}/evidence/file`}
                  item={leaf.code}
                  back={`${props.base}/explanation#item-${leaf.code}`}
                  maxBytes={props.maxFileBytes}
                  errors={errors}
                />
              </>
            ) : value.comment ? (
              <p>
                <strong>{t.reply}:</strong> {value.comment}
              </p>
            ) : null}
          </article>
        );
      })}
      {data.assessment.state === "explanation" ? <DocumentList docs={docs} /> : null}
      {data.assessment.state === "explanation" ? (
        <form method="post" action={`${props.base}/submit-explanation`} data-confirm={t.sendConfirm} class="button-row">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="version" value={String(data.assessment.version)} />
          <button type="submit" class="button">
            {t.send}
          </button>
        </form>
      ) : null}
    </>
  );
}
