import { textIn } from "../../../src/index.js";
import type { FactDeclaration } from "../../../src/index.js";
import { formatDate } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { FieldError, type FormError, describedBy, hasError } from "../form-parts.js";

const TEXT = {
  vi: { yes: "Có", no: "Không", nth: (i: number) => `Lần ${i}`, unit: "đơn vị" },
  en: { yes: "Yes", no: "No", nth: (i: number) => `Number ${i}`, unit: "unit" },
} as const;

/** A fact's value as a person reads it: decimal comma in Vietnamese, dd/mm/yyyy, Có/Không. */
export function showFactValue(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return value ? TEXT[lang].yes : TEXT[lang].no;
  if (typeof value === "number") return lang === "vi" ? String(value).replace(".", ",") : String(value);
  if (typeof value === "string") return formatDate(value, lang);
  if (Array.isArray(value)) return value.map((v) => showFactValue(v, lang)).join("; ");
  return JSON.stringify(value);
}

/** The input for one fact, by its type: a number keyboard, yes/no radios, date pickers. */
export function FactField(props: { id: string; name: string; fact: FactDeclaration; value: unknown; lang: Lang; errors: FormError[] }) {
  const { id, fact, lang, errors } = props;
  const t = TEXT[lang];
  const title = textIn(fact.title, lang);
  const unit = fact.unit ? ` (${fact.unit === "%" ? "%" : fact.unit})` : "";
  const wrap = (content: unknown) => <div class={hasError(errors, id) ? "field field-error" : "field"}>{content as never}</div>;
  if (fact.type === "boolean") {
    return wrap(
      <fieldset class="radios inline" aria-describedby={describedBy(id, errors)}>
        <legend>{title}</legend>
        <FieldError id={id} errors={errors} lang={lang} />
        <label>
          <input type="radio" id={id} name={id} value="true" checked={props.value === true} /> {t.yes}
        </label>
        <label>
          <input type="radio" id={`${id}-no`} name={id} value="false" checked={props.value === false} /> {t.no}
        </label>
      </fieldset>,
    );
  }
  if (fact.type === "dates") {
    const values = Array.isArray(props.value) ? props.value : [];
    const length = fact.length ?? Math.max(values.length, 1);
    return wrap(
      <fieldset aria-describedby={describedBy(id, errors)}>
        <legend>{title}</legend>
        <FieldError id={id} errors={errors} lang={lang} />
        {Array.from({ length }, (_, i) => (
          <div class="date-row">
            <label for={i === 0 ? id : `${id}-${i + 1}`}>{t.nth(i + 1)}</label>
            <input type="date" class="input-short" id={i === 0 ? id : `${id}-${i + 1}`} name={id} value={typeof values[i] === "string" ? values[i] : ""} />
          </div>
        ))}
      </fieldset>,
    );
  }
  const value = props.value === null || props.value === undefined ? "" : fact.type === "date" ? String(props.value) : showFactValue(props.value, lang);
  return wrap(
    <>
      <label for={id}>
        {title}
        {unit}
      </label>
      <FieldError id={id} errors={errors} lang={lang} />
      {fact.type === "date" ? (
        <input type="date" class="input-short" id={id} name={id} value={value} aria-describedby={describedBy(id, errors)} />
      ) : (
        <input
          type="text"
          class="input-short"
          id={id}
          name={id}
          value={value}
          inputmode={fact.type === "integer" ? "numeric" : "decimal"}
          autocomplete="off"
          aria-describedby={describedBy(id, errors)}
        />
      )}
    </>,
  );
}
