import type { Lang } from "../../src/i18n/lang.js";

/** One problem with a form: the id of the field it belongs to, and the message shown there. */
export interface FormError {
  field: string;
  message: string;
}

/** GOV.UK-style error summary at the top of the page, each message linking to its field. */
export function ErrorSummary(props: { lang: Lang; errors: FormError[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{props.lang === "vi" ? "Có lỗi cần sửa" : "There is a problem"}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message next to a field (nothing when the field has no error). */
export function FieldError(props: { id: string; errors: FormError[]; lang: Lang }) {
  const mine = props.errors.filter((e) => e.field === props.id);
  if (mine.length === 0) return null;
  return (
    <span class="error-message" id={`${props.id}-error`}>
      <span class="visually-hidden">{props.lang === "vi" ? "Lỗi: " : "Error: "}</span>
      {mine.map((e) => e.message).join(" ")}
    </span>
  );
}

export function hasError(errors: FormError[], id: string): boolean {
  return errors.some((e) => e.field === id);
}

/** `aria-describedby` for a field: its hint and its error message, when present. */
export function describedBy(id: string, errors: FormError[], hint = false): string | undefined {
  const ids = [hint ? `${id}-hint` : "", hasError(errors, id) ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="csrf" value={props.token} />;
}
