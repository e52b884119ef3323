import { ROLE_NAMES, nameIn } from "../../../src/index.js";
import { formatInstant } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { PASSWORD_MIN_LENGTH } from "../../auth/passwords.js";
import type { AccountService } from "../../services/account-service.js";
import { CsrfField, ErrorSummary, FieldError, type FormError, hasError } from "../form-parts.js";

type Account = Awaited<ReturnType<AccountService["listAccounts"]>>[number];

const TEXT = {
  vi: {
    title: "Người dùng",
    lead: "Đặt hoặc đặt lại tên đăng nhập và mật khẩu. Sau khi đặt lại, người dùng bị đăng xuất khỏi mọi thiết bị; hãy báo mật khẩu mới cho họ qua kênh an toàn.",
    name: "Tên",
    role: "Vai trò",
    unit: "Đơn vị",
    login: "Tên đăng nhập",
    changed: "Đổi mật khẩu lần cuối",
    none: "chưa có",
    password: "Mật khẩu mới",
    hint: `ít nhất ${PASSWORD_MIN_LENGTH} ký tự`,
    set: "Đặt mật khẩu",
    done: (login: string) => `Đã đặt mật khẩu cho ${login}.`,
  },
  en: {
    title: "Users",
    lead: "Set or reset login names and passwords. A reset signs the user out everywhere; give them the new password through a safe channel.",
    name: "Name",
    role: "Role",
    unit: "Unit",
    login: "Login name",
    changed: "Password last changed",
    none: "none yet",
    password: "New password",
    hint: `at least ${PASSWORD_MIN_LENGTH} characters`,
    set: "Set password",
    done: (login: string) => `Password set for ${login}.`,
  },
} as const;

/** The administrator's list of users, each with a form that sets its login name and password. */
export function AdminUsersPage(props: {
  lang: Lang;
  csrf: string;
  accounts: Account[];
  errors: FormError[];
  errorUser?: string | undefined;
  done?: string | undefined;
}) {
  const t = TEXT[props.lang];
  return (
    <>
      <ErrorSummary lang={props.lang} errors={props.errors} />
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      {props.done ? (
        <div class="notice" role="status">
          <p>{t.done(props.done)}</p>
        </div>
      ) : null}
      <ul class="card-list two">
        {props.accounts.map((a) => {
          const errors = props.errorUser === a.id ? props.errors : [];
          const id = (name: string) => `${name}-${a.id}`;
          return (
            <li class="card">
              <h2 class="card-title">{a.name}</h2>
              <dl class="summary">
                <dt>{t.role}</dt>
                <dd>
                  {nameIn(ROLE_NAMES, a.role, props.lang)}
                  {a.unitCode ? ` · ${a.unitCode}` : ""}
                </dd>
                <dt>{t.login}</dt>
                <dd>{a.login ?? t.none}</dd>
                <dt>{t.changed}</dt>
                <dd>{a.passwordChangedAt ? formatInstant(new Date(a.passwordChangedAt), props.lang) : t.none}</dd>
              </dl>
              <form method="post" action={`/admin/users/${encodeURIComponent(a.id)}/password`} novalidate>
                <CsrfField token={props.csrf} />
                <div class={hasError(errors, id("login")) ? "field field-error" : "field"}>
                  <label for={id("login")}>{t.login}</label>
                  <FieldError id={id("login")} errors={errors} lang={props.lang} />
                  <input
                    type="text"
                    class="input-short"
                    id={id("login")}
                    name="login"
                    value={a.login ?? ""}
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck={false}
                  />
                </div>
                <div class={hasError(errors, id("password")) ? "field field-error" : "field"}>
                  <label for={id("password")}>
                    {t.password} <span class="hint-inline">({t.hint})</span>
                  </label>
                  <FieldError id={id("password")} errors={errors} lang={props.lang} />
                  <input type="password" id={id("password")} name="password" autocomplete="new-password" />
                </div>
                <button type="submit" class="button secondary">
                  {t.set}
                  <span class="visually-hidden">: {a.name}</span>
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </>
  );
}
