import { textIn } from "../../../src/index.js";
import type { LeafNode } from "../../../src/index.js";
import { formatInstant } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { CsrfField, FieldError, type FormError, hasError } from "../form-parts.js";
import { EvidenceUpload } from "./evidence-upload.js";
import { FactField, showFactValue } from "./fact-field.js";
import { type Collision, fieldId, normaliseItem } from "./save-item.js";
import { formatPoints } from "./ward-format.js";
import { type WardData, enteredFacts, entryOf, factValue, isEntered, plainText } from "./ward-data.js";

export const STATUS_TEXT = {
  vi: { scored: "Đã chấm", "not-applicable": "Không phát sinh", "missing-facts": "Thiếu số liệu", "not-entered": "Chưa nhập", "survey-absent": "Chờ điều tra" },
  en: {
    scored: "Scored",
    "not-applicable": "Not applicable",
    "missing-facts": "Facts missing",
    "not-entered": "Not entered",
    "survey-absent": "Awaiting survey",
  },
} as const;

const TEXT = {
  vi: {
    max: "Tối đa",
    points: "điểm",
    now: "Tự chấm hiện tại",
    expects: "Tài liệu kiểm chứng cần có",
    attached: "Tài liệu đã đính kèm",
    noneAttached: "Chưa có tài liệu nào.",
    pointsLegend: "Điểm tự chấm",
    na: "Không phát sinh (không áp dụng cho đơn vị)",
    reason: "Lý do không phát sinh",
    keep: "Giữ tài liệu đính kèm",
    add: "Đính kèm tài liệu đã có",
    addHint: "Gõ số hiệu hoặc chọn trong danh sách tài liệu của đơn vị",
    save: "Lưu",
    file: "tệp",
    collision: (by: string, at: string) => `Người lưu gần nhất: ${by}, lúc ${at}.`,
    current: "Giá trị đang lưu",
    mine: "Giá trị bạn vừa nhập (chưa lưu)",
    guidance: "Hướng dẫn chấm",
  },
  en: {
    max: "Maximum",
    points: "points",
    now: "Self-assessed now",
    expects: "Evidence expected",
    attached: "Documents attached",
    noneAttached: "No document yet.",
    pointsLegend: "Self-assessed points",
    na: "Not applicable to this unit",
    reason: "Why it does not apply",
    keep: "Keep attached documents",
    add: "Attach an existing document",
    addHint: "Type the document's id or pick it from the unit's documents",
    save: "Save",
    file: "file",
    collision: (by: string, at: string) => `Last saved by ${by} at ${at}.`,
    current: "Stored value",
    mine: "What you entered (not saved)",
    guidance: "Scoring guidance",
  },
} as const;

export interface ItemCardProps {
  lang: Lang;
  data: WardData;
  leaf: LeafNode;
  heading: 2 | 3;
  csrf: string;
  editable: boolean;
  errors: FormError[];
  collision?: Collision | undefined;
  /** What the last save of this item changed, shown in the card the page scrolls to. */
  notice?: unknown;
  base: string;
  back: string;
  maxFileBytes: number;
}

/** The id of the page's one list of the unit's documents, offered by every item's "attach" field. */
export const DOCS_LIST = "evidence-docs";

/** The unit's documents once per page (a datalist), instead of a select per item. */
export function DocumentList(props: { docs: { id: string; title: string | null; number: string | null }[] }) {
  return (
    <datalist id={DOCS_LIST}>
      {props.docs.map((d) => (
        <option value={d.id}>{docLabel(d)}</option>
      ))}
    </datalist>
  );
}

/** One item of the self-assessment: where it stands, what it expects, and its form. */
export function ItemCard(props: ItemCardProps) {
  const { lang, data, leaf } = props;
  const t = TEXT[lang];
  const text = (x: { vi: string; en?: string } | undefined) => (x ? textIn(x, lang) : "");
  const node = data.nodes.get(leaf.code);
  const scored = node?.leaf?.self?.status ?? "not-entered";
  // The engine scores a missing date as "not done"; to the ward it is simply not entered yet.
  const status = scored === "scored" && !isEntered(data, leaf) ? "not-entered" : scored;
  const item = entryOf(data, "self", "item", leaf.code);
  const itemValue = (item?.value ?? {}) as { points?: number; notApplicable?: boolean; reason?: string; evidence?: string[] };
  const attached = new Set(node?.leaf?.evidence ?? []);
  const docs = data.assessment.evidence;
  const points = (n: number) => formatPoints(n, lang);
  const Heading = props.heading === 2 ? "h2" : "h3";
  const facts = enteredFacts(data.set, leaf);
  return (
    <article class="card item" id={`item-${leaf.code}`} aria-labelledby={`title-${leaf.code}`}>
      <Heading id={`title-${leaf.code}`} class="item-title">
        {leaf.code}. {text(leaf.title)}
      </Heading>
      <p class="item-meta">
        <span class={`tag status-${status}`}>{STATUS_TEXT[lang][status]}</span> {t.max} {points(leaf.max)} {t.points} · {t.now}:{" "}
        <strong>{points(node?.leaf?.self?.points ?? 0)}</strong> {t.points}
      </p>
      {node?.leaf?.self ? <p class="hint">{plainText(data.set, text(node.leaf.self.why), lang)}</p> : null}
      {props.notice}
      {leaf.evidence ? (
        <p>
          <strong>{t.expects}:</strong> {text(leaf.evidence)}
        </p>
      ) : null}
      {leaf.guidance ? (
        <details>
          <summary>{t.guidance}</summary>
          <p>{text(leaf.guidance)}</p>
        </details>
      ) : null}
      <h4 class="small-heading">{t.attached}</h4>
      {attached.size === 0 ? (
        <p class="muted">{t.noneAttached}</p>
      ) : (
        <ul class="doc-list">
          {docs
            .filter((d) => attached.has(d.id))
            .map((d) => (
              <li>
                {d.file ? (
                  <a
                    href={`/campaigns/${encodeURIComponent(data.campaign.id)}/units/${encodeURIComponent(data.unit.code)}/evidence/${encodeURIComponent(d.id)}/file`}
                  >
                    {docLabel(d)}
                  </a>
                ) : (
                  docLabel(d)
                )}
                {d.file ? ` (${t.file} ${d.file.name})` : ""}
              </li>
            ))}
        </ul>
      )}
      {props.collision ? <CollisionPanel lang={lang} collision={props.collision} /> : null}
      {props.editable ? (
        <form method="post" action={`${props.base}/items/${encodeURIComponent(leaf.code)}`} class="item-form" novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="v-item" value={String(item?.version ?? 0)} />
          <input type="hidden" name="o-item" value={JSON.stringify(normaliseItem(item?.value))} />
          {facts.map(({ name, fact }) => {
            const entry = entryOf(data, "self", "fact", name);
            return (
              <>
                <input type="hidden" name={`v-fact-${name}`} value={String(entry?.version ?? 0)} />
                <input type="hidden" name={`o-fact-${name}`} value={JSON.stringify(factValue(entry))} />
                <FactField id={fieldId.fact(leaf.code, name)} name={name} fact={fact} value={factValue(entry)} lang={lang} errors={props.errors} />
              </>
            );
          })}
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
                      checked={itemValue.points === p}
                    />{" "}
                    {points(p)}
                  </label>
                ))}
              </fieldset>
            </div>
          ) : null}
          {leaf.notApplicable ? (
            <>
              <div class="field checkboxes">
                <label>
                  <input type="checkbox" id={fieldId.na(leaf.code)} name={fieldId.na(leaf.code)} value="1" checked={itemValue.notApplicable === true} /> {t.na}
                </label>
              </div>
              <div class={hasError(props.errors, fieldId.reason(leaf.code)) ? "field field-error" : "field"}>
                <label for={fieldId.reason(leaf.code)}>{t.reason}</label>
                <FieldError id={fieldId.reason(leaf.code)} errors={props.errors} lang={lang} />
                <textarea id={fieldId.reason(leaf.code)} name={fieldId.reason(leaf.code)} rows={2} maxlength={2000}>
                  {itemValue.reason ?? ""}
                </textarea>
              </div>
            </>
          ) : null}
          {(itemValue.evidence ?? []).length > 0 ? (
            <fieldset class="field checkboxes">
              <legend>{t.keep}</legend>
              {(itemValue.evidence ?? []).map((id, i) => (
                <label>
                  <input
                    type="checkbox"
                    id={i === 0 ? fieldId.evidence(leaf.code) : `${fieldId.evidence(leaf.code)}-${i}`}
                    name={fieldId.evidence(leaf.code)}
                    value={id}
                    checked
                  />{" "}
                  {docLabel(docs.find((d) => d.id === id) ?? { id })}
                </label>
              ))}
            </fieldset>
          ) : null}
          {docs.length > 0 ? (
            <div class={hasError(props.errors, fieldId.evidence(leaf.code)) ? "field field-error" : "field"}>
              <label for={`add-${leaf.code}`}>{t.add}</label>
              <span class="hint" id={`add-${leaf.code}-hint`}>
                {t.addHint}
              </span>
              <FieldError id={fieldId.evidence(leaf.code)} errors={props.errors} lang={lang} />
              <input
                type="text"
                class="input-short"
                id={`add-${leaf.code}`}
                name={`add-${leaf.code}`}
                list={DOCS_LIST}
                autocomplete="off"
                aria-describedby={`add-${leaf.code}-hint`}
              />
            </div>
          ) : null}
          <button type="submit" class="button">
            {t.save}
            <span class="visually-hidden"> {leaf.code}</span>
          </button>
        </form>
      ) : null}
      {props.editable ? (
        <EvidenceUpload
          lang={lang}
          csrf={props.csrf}
          action={`${props.base}/evidence/file`}
          item={leaf.code}
          back={props.back}
          maxBytes={props.maxFileBytes}
          errors={props.errors}
        />
      ) : null}
    </article>
  );
}

export function CollisionPanel(props: { lang: Lang; collision: Collision }) {
  const t = TEXT[props.lang];
  const c = props.collision;
  const show = (value: unknown) =>
    c.kind === "fact"
      ? showFactValue(value !== null && typeof value === "object" && !Array.isArray(value) && "value" in value ? value.value : value, props.lang)
      : describeItem(value, props.lang);
  return (
    <div class="notice warn" role="alert">
      <p>{t.collision(c.by, c.at ? formatInstant(new Date(c.at), props.lang) : "–")}</p>
      <dl class="summary">
        <dt>{t.current}</dt>
        <dd>{show(c.current)}</dd>
        <dt>{t.mine}</dt>
        <dd>{show(c.mine)}</dd>
      </dl>
    </div>
  );
}

/** An item entry in words: points, not applicable with its reason, documents. */
export function describeItem(value: unknown, lang: Lang): string {
  const v = (value ?? {}) as { points?: number; notApplicable?: boolean; reason?: string; evidence?: string[]; comment?: string };
  const parts = [
    v.points !== undefined ? `${showFactValue(v.points, lang)} ${lang === "vi" ? "điểm" : "points"}` : "",
    v.notApplicable ? `${lang === "vi" ? "không phát sinh" : "not applicable"}${v.reason ? `: ${v.reason}` : ""}` : "",
    v.evidence?.length ? `${lang === "vi" ? "tài liệu" : "documents"} ${v.evidence.join(", ")}` : "",
    v.comment ? `“${v.comment}”` : "",
  ].filter(Boolean);
  return parts.join("; ") || "–";
}

export function docLabel(d: { id: string; title?: string | null; number?: string | null }): string {
  return [d.number ?? d.id, d.title].filter(Boolean).join(" – ");
}
