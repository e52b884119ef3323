import type { Lang } from "../../../src/index.js";
import { PASSWORD_MIN_LENGTH } from "../../auth/passwords.js";
import { CsrfField, ErrorSummary, FieldError, type FormError, describedBy, hasError } from "../form-parts.js";

const TEXT = {
  vi: {
    title: "Đổi mật khẩu",
    current: "Mật khẩu hiện tại",
    next: "Mật khẩu mới",
    confirm: "Nhập lại mật khẩu mới",
    submit: "Đổi mật khẩu",
    hint: `Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không chứa tên đăng nhập. Nên dùng một câu dễ nhớ.`,
    done: "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã bị đăng xuất.",
  },
  en: {
    title: "Change your password",
    current: "Current password",
    next: "New password",
    confirm: "New password again",
    submit: "Change password",
    hint: `At least ${PASSWORD_MIN_LENGTH} characters, not containing your login name. A sentence you remember works well.`,
    done: "Your password is changed. Your other sessions have been signed out.",
  },
} as const;

export function PasswordPage(props: { lang: Lang; csrf: string; errors: FormError[]; done: boolean }) {
  const t = TEXT[props.lang];
  const input = (id: string, label: string, autocomplete: string, hint = false) => (
    <div class={hasError(props.errors, id) ? "field field-error" : "field"}>
      <label for={id}>{label}</label>
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {t.hint}
        </span>
      ) : null}
      <FieldError id={id} errors={props.errors} lang={props.lang} />
      <input type="password" id={id} name={id} autocomplete={autocomplete} required aria-describedby={describedBy(id, props.errors, hint)} />
    </div>
  );
  return (
    <>
      <ErrorSummary lang={props.lang} errors={props.errors} />
      <h1>{t.title}</h1>
      {props.done ? (
        <div class="notice" role="status">
          <p>{t.done}</p>
        </div>
      ) : null}
      <form method="post" action="/account/password" novalidate>
        <CsrfField token={props.csrf} />
        {input("current", t.current, "current-password")}
        {input("password", t.next, "new-password", true)}
        {input("confirm", t.confirm, "new-password")}
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </>
  );
}
