import type { Lang } from "../../src/index.js";
import { type DateTimeValue, dateTimeIds } from "./web-form.js";
import { FieldError, type FormError, describedBy, hasError } from "./form-parts.js";

/**
 * Form fields, GOV.UK style (the administrator's and the scorers' forms): a label, an optional hint
 * under it, the error repeated next to the field and linked from the summary by the field's id.
 */
interface FieldProps {
  id: string;
  name?: string;
  label: string;
  hint?: string | undefined;
  errors: FormError[];
  lang: Lang;
}

function Field(props: FieldProps & { children: unknown }) {
  return (
    <div class={hasError(props.errors, props.id) ? "field field-error" : "field"}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <FieldError id={props.id} errors={props.errors} lang={props.lang} />
      {props.children as never}
    </div>
  );
}

export function TextField(
  props: FieldProps & { value: string; type?: "text" | "password" | "number"; short?: boolean; autocomplete?: string; inputmode?: "decimal" | "numeric" },
) {
  return (
    <Field {...props}>
      <input
        type={props.type ?? "text"}
        class={props.short ? "input-short" : undefined}
        id={props.id}
        name={props.name ?? props.id}
        value={props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        aria-describedby={describedBy(props.id, props.errors, Boolean(props.hint))}
      />
    </Field>
  );
}

export function TextArea(props: FieldProps & { value: string }) {
  return (
    <Field {...props}>
      <textarea id={props.id} name={props.name ?? props.id} rows={3} aria-describedby={describedBy(props.id, props.errors, Boolean(props.hint))}>
        {props.value}
      </textarea>
    </Field>
  );
}

export function SelectField(props: FieldProps & { value: string; options: { value: string; text: string }[] }) {
  return (
    <Field {...props}>
      <select id={props.id} name={props.name ?? props.id} aria-describedby={describedBy(props.id, props.errors, Boolean(props.hint))}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.text}
          </option>
        ))}
      </select>
    </Field>
  );
}

const DATE_TIME_TEXT = {
  vi: { date: "Ngày", time: "Giờ", hint: "Giờ Việt Nam. Ngày: ngày/tháng/năm, ví dụ 31/03/2027. Giờ: giờ:phút, 24 giờ, ví dụ 17:00." },
  en: {
    date: "Date",
    time: "Time",
    hint: "Vietnam time. Date as day/month/year (the Vietnamese format), e.g. 31/03/2027. Time as hours:minutes, 24-hour, e.g. 17:00.",
  },
} as const;

/**
 * A deadline as two text fields under one legend: the date typed as dd/mm/yyyy and the time as
 * HH:MM on the 24-hour clock, in Vietnam time. Not `datetime-local`, which an English browser shows
 * as mm/dd/yyyy with AM/PM. Field ids are `<id>-date` and `<id>-time` (see `readDateTime`).
 */
export function DateTimeField(props: { id: string; legend: string; value: DateTimeValue; errors: FormError[]; lang: Lang }) {
  const t = DATE_TIME_TEXT[props.lang];
  const ids = dateTimeIds(props.id);
  const hint = `${props.id}-hint`;
  const wrong = hasError(props.errors, ids.date) || hasError(props.errors, ids.time);
  const describe = (id: string) => [hint, hasError(props.errors, id) ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={wrong ? "field field-error" : "field"}>
      <fieldset class="date-time" aria-describedby={hint}>
        <legend>{props.legend}</legend>
        <span class="hint" id={hint}>
          {t.hint}
        </span>
        <FieldError id={ids.date} errors={props.errors} lang={props.lang} />
        <FieldError id={ids.time} errors={props.errors} lang={props.lang} />
        <div class="date-time-parts">
          <div>
            <label for={ids.date}>{t.date}</label>
            <input
              type="text"
              class="input-date"
              id={ids.date}
              name={ids.date}
              value={props.value.date}
              inputmode="numeric"
              pattern="[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"
              placeholder="dd/mm/yyyy"
              autocomplete="off"
              aria-describedby={describe(ids.date)}
              aria-invalid={hasError(props.errors, ids.date) ? "true" : undefined}
            />
          </div>
          <div>
            <label for={ids.time}>{t.time}</label>
            <input
              type="text"
              class="input-time"
              id={ids.time}
              name={ids.time}
              value={props.value.time}
              inputmode="numeric"
              pattern="[0-9]{1,2}:[0-9]{2}"
              placeholder="HH:MM"
              autocomplete="off"
              aria-describedby={describe(ids.time)}
              aria-invalid={hasError(props.errors, ids.time) ? "true" : undefined}
            />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
