import { textIn } from "../../../src/index.js";
import type { LeafNode, LocalizedText } from "../../../src/index.js";
import { localiseExplanation } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { AppraisalRound } from "../../services/appraisal-service.js";
import { CsrfField, FieldError, type FormError, hasError } from "../form-parts.js";
import { FactField, showFactValue } from "../ward/fact-field.js";
import { CollisionPanel, docLabel } from "../ward/item-card.js";
import { type Collision, fieldId } from "../ward/save-item.js";
import { type WardData, enteredFacts, entryOf, factValue } from "../ward/ward-data.js";
import { formatPoints } from "../ward/ward-format.js";
import { isAppraised } from "./appraisal-data.js";

const TEXT = {
  vi: {
    max: "Tối đa",
    self: "Tự chấm",
    appraised: "Thẩm định",
    points: "điểm",
    down: "Bị trừ điểm",
    done: "Đã thẩm định",
    todo: "Chưa thẩm định",
    facts: "Số liệu đơn vị nhập",
    now: "đang áp dụng",
    why: "Cách tính",
    whyAppraised: "Cách tính sau thẩm định",
    na: "Đơn vị khai không phát sinh",
    evidence: "Tài liệu kiểm chứng",
    noEvidence: "Đơn vị chưa đính kèm tài liệu nào.",
    open: "Mở",
    newTab: "(mở trong thẻ mới)",
    round1: "Thẩm định lần 1",
    reply: "Giải trình của đơn vị",
    noReply: "Đơn vị không giải trình tiêu chí này.",
    pointsLegend: "Điểm thẩm định",
    naField: "Không phát sinh (không áp dụng cho đơn vị)",
    reason: "Lý do không phát sinh",
    comment: "Nhận xét của cán bộ thẩm định",
    commentHint: "Đơn vị sẽ đọc nhận xét này khi giải trình. Nhấn Enter để lưu.",
    save: "Lưu",
    saveNext: "Lưu và sang lĩnh vực sau",
    accept: "Chấp nhận điểm tự chấm",
    correct: "Sửa số liệu khi thẩm định",
    correctNa: "Sửa khai báo không phát sinh",
  },
  en: {
    max: "Maximum",
    self: "Self-assessed",
    appraised: "Appraised",
    points: "points",
    down: "Marked down",
    done: "Appraised",
    todo: "Not appraised yet",
    facts: "Facts the unit entered",
    now: "now applied",
    why: "How it was scored",
    whyAppraised: "How it is scored after appraisal",
    na: "The unit claims not applicable",
    evidence: "Evidence",
    noEvidence: "The unit attached no document.",
    open: "Open",
    newTab: "(opens in a new tab)",
    round1: "Appraisal round 1",
    reply: "The unit's explanation",
    noReply: "The unit did not explain this item.",
    pointsLegend: "Appraised points",
    naField: "Not applicable to this unit",
    reason: "Why it does not apply",
    comment: "Scorer's comment",
    commentHint: "The unit reads this comment when it explains. Press Enter to save.",
    save: "Save",
    saveNext: "Save and go to the next area",
    accept: "Accept the self-assessment",
    correct: "Correct the facts",
    correctNa: "Correct the not-applicable claim",
  },
} as const;

export interface AppraisalItemProps {
  lang: Lang;
  data: WardData;
  leaf: LeafNode;
  heading: 2 | 3;
  /** The round the scorer edits now; none: the item is shown, not edited. */
  round: AppraisalRound | undefined;
  labels: ReadonlyMap<string, string>;
  markedDown: boolean;
  focus: boolean;
  /** The last item to appraise in this area: its button moves on to the next area. */
  last: boolean;
  csrf: string;
  base: string;
  errors: FormError[];
  collision?: Collision | undefined;
  notice?: unknown;
}

/** One item as the scorer appraises it: the unit's points, facts, explanation and evidence, then the appraisal form. */
export function AppraisalItem(props: AppraisalItemProps) {
  const { lang, data, leaf, round } = props;
  const t = TEXT[lang];
  const text = (x: LocalizedText | undefined) => (x ? textIn(x, lang) : "");
  const why = (x: LocalizedText) => localiseExplanation(text(x), lang, props.labels);
  const explained = data.nodes.get(leaf.code)?.leaf;
  const selfItem = (entryOf(data, "self", "item", leaf.code)?.value ?? {}) as { notApplicable?: boolean; reason?: string };
  const entry = round ? entryOf(data, round, "item", leaf.code) : undefined;
  const value = (entry?.value ?? {}) as { points?: number; notApplicable?: boolean; reason?: string; comment?: string };
  const round1 = entryOf(data, "appraisal1", "item", leaf.code)?.value as { points?: number; comment?: string } | undefined;
  const reply = entryOf(data, "explanation", "item", leaf.code)?.value as { comment?: string; evidence?: string[] } | undefined;
  const cited = new Set([...(explained?.evidence ?? []), ...(reply?.evidence ?? [])]);
  const docs = data.assessment.evidence.filter((d) => cited.has(d.id));
  const Heading = props.heading === 2 ? "h2" : "h3";
  const appraisedPoints = explained?.appraised?.points ?? explained?.self?.points;
  const chosen = value.points ?? (leaf.scoring.kind === "manual" ? appraisedPoints : undefined);
  const claims = (["appraisal2", "appraisal1", "self"] as const).map(
    (r) => (entryOf(data, r, "item", leaf.code)?.value as { notApplicable?: boolean } | undefined)?.notApplicable,
  );
  const notApplicable = claims.find((claim) => claim !== undefined) === true;
  const facts = enteredFacts(data.set, leaf);
  const naFields = leaf.notApplicable ? (
    <>
      <div class="field checkboxes">
        <label>
          <input type="checkbox" id={fieldId.na(leaf.code)} name={fieldId.na(leaf.code)} value="1" checked={notApplicable} /> {t.naField}
        </label>
      </div>
      <div class={hasError(props.errors, fieldId.reason(leaf.code)) ? "field field-error" : "field"}>
        <label for={fieldId.reason(leaf.code)}>{t.reason}</label>
        <FieldError id={fieldId.reason(leaf.code)} errors={props.errors} lang={lang} />
        <input
          type="text"
          id={fieldId.reason(leaf.code)}
          name={fieldId.reason(leaf.code)}
          maxlength={2000}
          value={value.reason ?? selfItem.reason ?? ""}
          autocomplete="off"
        />
      </div>
    </>
  ) : null;
  const current = (name: string) =>
    factValue(entryOf(data, "appraisal2", "fact", name) ?? entryOf(data, "appraisal1", "fact", name) ?? entryOf(data, "self", "fact", name));
  return (
    <article
      class={props.markedDown ? "card item appraisal marked-down" : "card item appraisal"}
      id={`item-${leaf.code}`}
      aria-labelledby={`title-${leaf.code}`}
      tabindex={props.focus ? -1 : undefined}
      autofocus={props.focus}
    >
      <Heading id={`title-${leaf.code}`} class="item-title">
        {leaf.code}. {text(leaf.title)}
      </Heading>
      <p class="item-meta">
        <span class={isAppraised(data, leaf.code) ? "tag status-scored" : "tag status-not-entered"}>{isAppraised(data, leaf.code) ? t.done : t.todo}</span>{" "}
        {props.markedDown ? <span class="tag flag-down">▼ {t.down}</span> : null} {t.max} {formatPoints(leaf.max, lang)} · {t.self}:{" "}
        <strong>{explained?.self ? formatPoints(explained.self.points, lang) : "–"}</strong> · {t.appraised}:{" "}
        <strong>{explained?.appraised ? formatPoints(explained.appraised.points, lang) : "–"}</strong> {t.points}
      </p>
      {facts.length > 0 ? (
        <dl class="summary facts">
          {facts.map(({ name, fact }) => {
            const self = factValue(entryOf(data, "self", "fact", name));
            const now = current(name);
            return (
              <>
                <dt>{text(fact.title) + (fact.unit ? ` (${fact.unit})` : "")}</dt>
                <dd>
                  {showFactValue(self, lang)}
                  {JSON.stringify(now) !== JSON.stringify(self) ? ` → ${showFactValue(now, lang)} (${t.now})` : ""}
                </dd>
              </>
            );
          })}
        </dl>
      ) : null}
      {selfItem.notApplicable ? (
        <p>
          <strong>{t.na}:</strong> {selfItem.reason ?? ""}
        </p>
      ) : null}
      {explained?.self ? (
        <p class="hint">
          {t.why}: {why(explained.self.why)}
        </p>
      ) : null}
      {explained?.appraised && text(explained.appraised.why) !== text(explained.self?.why) ? (
        <p class="hint">
          {t.whyAppraised}: {why(explained.appraised.why)}
        </p>
      ) : null}
      <h4 class="small-heading">{t.evidence}</h4>
      {docs.length === 0 ? (
        <p class="muted">{t.noEvidence}</p>
      ) : (
        <ul class="doc-list">
          {docs.map((d) => (
            <li>
              {docLabel(d)}
              {d.file ? (
                <>
                  {" "}
                  <a href={`${props.base}/evidence/${encodeURIComponent(d.id)}`} target="_blank" rel="noopener">
                    {t.open} {d.file.name}
                    <span class="visually-hidden"> {t.newTab}</span>
                  </a>
                </>
              ) : null}
              {d.link ? (
                <>
                  {" "}
                  <a href={d.link} rel="noopener noreferrer">
                    {d.link}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {round === "appraisal2" ? (
        <dl class="summary">
          <dt>{t.round1}</dt>
          <dd>
            {[round1?.points !== undefined ? `${formatPoints(round1.points, lang)} ${t.points}` : "", round1?.comment ?? ""].filter(Boolean).join(" · ") || "–"}
          </dd>
          <dt>{t.reply}</dt>
          <dd>{reply?.comment ?? t.noReply}</dd>
        </dl>
      ) : null}
      {props.notice}
      {props.collision ? <CollisionPanel lang={lang} collision={props.collision} /> : null}
      {round ? (
        <form method="post" action={`${props.base}/items/${encodeURIComponent(leaf.code)}`} class="item-form" novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="v-item" value={String(entry?.version ?? 0)} />
          {facts.length > 0 || leaf.notApplicable ? (
            <details open={props.errors.some((e) => e.field !== fieldId.comment(leaf.code) && e.field !== fieldId.points(leaf.code)) || undefined}>
              <summary>{facts.length > 0 ? t.correct : t.correctNa}</summary>
              {facts.map(({ name, fact }) => {
                const roundEntry = entryOf(data, round, "fact", name);
                return (
                  <>
                    <input type="hidden" name={`v-fact-${name}`} value={String(roundEntry?.version ?? 0)} />
                    <input type="hidden" name={`o-fact-${name}`} value={JSON.stringify(current(name))} />
                    <FactField id={fieldId.fact(leaf.code, name)} name={name} fact={fact} value={current(name)} lang={lang} errors={props.errors} />
                  </>
                );
              })}
              {naFields}
            </details>
          ) : null}
          {leaf.scoring.kind === "manual" ? (
            <div class={hasError(props.errors, fieldId.points(leaf.code)) ? "field field-error" : "field"}>
              <fieldset class="radios inline">
                <legend>{t.pointsLegend}</legend>
                <FieldError id={fieldId.points(leaf.code)} errors={props.errors} lang={lang} />
                {(leaf.scoring.allowed ?? [0, leaf.max]).map((p, i) => (
                  <label>
                    <input
                      type="radio"
                      id={i === 0 ? fieldId.points(leaf.code) : `${fieldId.points(leaf.code)}-${i}`}
                      name={fieldId.points(leaf.code)}
                      value={String(p)}
                      checked={chosen === p}
                    />{" "}
                    {formatPoints(p, lang)}
                  </label>
                ))}
              </fieldset>
            </div>
          ) : null}
          <div class={hasError(props.errors, fieldId.comment(leaf.code)) ? "field field-error" : "field"}>
            <label for={fieldId.comment(leaf.code)}>{t.comment}</label>
            <span class="hint" id={`${fieldId.comment(leaf.code)}-hint`}>
              {t.commentHint}
            </span>
            <FieldError id={fieldId.comment(leaf.code)} errors={props.errors} lang={lang} />
            <input
              type="text"
              id={fieldId.comment(leaf.code)}
              name={fieldId.comment(leaf.code)}
              maxlength={2000}
              value={value.comment ?? ""}
              autocomplete="off"
              aria-describedby={`${fieldId.comment(leaf.code)}-hint`}
            />
          </div>
          <div class="button-row">
            <button type="submit" class="button">
              {props.last ? t.saveNext : t.save}
              <span class="visually-hidden"> {leaf.code}</span>
            </button>
            <button type="submit" class="button secondary" formaction={`${props.base}/items/${encodeURIComponent(leaf.code)}/accept`}>
              {t.accept}
              <span class="visually-hidden"> {leaf.code}</span>
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
