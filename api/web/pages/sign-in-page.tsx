import type { Lang } from "../../../src/index.js";
import { CsrfField, ErrorSummary, FieldError, type FormError, describedBy, hasError } from "../form-parts.js";

const TEXT = {
  vi: {
    title: "Đăng nhập",
    login: "Tên đăng nhập",
    password: "Mật khẩu",
    submit: "Đăng nhập",
    hint: "Tài khoản do quản trị viên của Sở Nội vụ cấp. Quên mật khẩu: liên hệ quản trị viên để đặt lại.",
  },
  en: {
    title: "Sign in",
    login: "Login name",
    password: "Password",
    submit: "Sign in",
    hint: "Accounts are given by the Department of Home Affairs' administrator. Forgot your password? Ask the administrator to reset it.",
  },
} as const;

export function SignInPage(props: { lang: Lang; csrf: string; next: string; login: string; errors: FormError[] }) {
  const t = TEXT[props.lang];
  return (
    <>
      <ErrorSummary lang={props.lang} errors={props.errors} />
      <h1>{t.title}</h1>
      <p class="hint">{t.hint}</p>
      <form method="post" action="/sign-in" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <div class={hasError(props.errors, "login") ? "field field-error" : "field"}>
          <label for="login">{t.login}</label>
          <FieldError id="login" errors={props.errors} lang={props.lang} />
          <input
            type="text"
            id="login"
            name="login"
            value={props.login}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            aria-describedby={describedBy("login", props.errors)}
          />
        </div>
        <div class={hasError(props.errors, "password") ? "field field-error" : "field"}>
          <label for="password">{t.password}</label>
          <FieldError id="password" errors={props.errors} lang={props.lang} />
          <input
            type="password"
            id="password"
            name="password"
            autocomplete="current-password"
            required
            aria-describedby={describedBy("password", props.errors)}
          />
        </div>
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </>
  );
}
