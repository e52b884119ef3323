import type { Lang } from "../../../src/index.js";
import { FieldError, type FormError, describedBy, hasError } from "../form-parts.js";

/**
 * The administrator's form fields, GOV.UK style: a label, an optional hint under it, the error
 * repeated next to the field and linked from the summary by the field's id.
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
  props: FieldProps & { value: string; type?: "text" | "password" | "number" | "datetime-local"; short?: boolean; autocomplete?: string },
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
