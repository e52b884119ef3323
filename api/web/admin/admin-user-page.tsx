import { ROLE_NAMES, formatInstant, nameIn } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { PASSWORD_MIN_LENGTH } from "../../auth/passwords.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";
import { SelectField, TextArea, TextField } from "../form-fields.js";
import type { Account } from "./admin-users-page.js";

const TEXT = {
  vi: {
    back: "Người dùng",
    role: "Vai trò",
    unit: "Đơn vị",
    login: "Tên đăng nhập",
    changed: "Đổi mật khẩu lần cuối",
    token: "Token hết hạn",
    status: "Trạng thái",
    active: "Đang hoạt động",
    inactive: (at: string) => `Đã khóa từ ${at}`,
    none: "chưa có",
    passwordTitle: "Đặt mật khẩu",
    passwordLead: "Sau khi đặt lại, người dùng bị đăng xuất khỏi mọi thiết bị; hãy báo mật khẩu mới cho họ qua kênh an toàn.",
    password: "Mật khẩu mới",
    passwordHint: `Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không chứa tên đăng nhập.`,
    setPassword: "Đặt mật khẩu",
    unitTitle: "Đơn vị phụ trách",
    assign: "Gán đơn vị",
    activeTitle: "Khóa hoặc mở lại",
    deactivateLead: "Người dùng bị khóa không đăng nhập được, token bị từ chối và mọi phiên đăng nhập kết thúc ngay. Dữ liệu họ đã nhập vẫn được giữ.",
    reason: "Lý do (ghi vào nhật ký)",
    deactivate: "Khóa người dùng",
    reactivate: "Mở lại người dùng",
  },
  en: {
    back: "Users",
    role: "Role",
    unit: "Unit",
    login: "Login name",
    changed: "Password last changed",
    token: "Token expires",
    status: "Status",
    active: "Active",
    inactive: (at: string) => `Deactivated since ${at}`,
    none: "none yet",
    passwordTitle: "Set the password",
    passwordLead: "A reset signs the user out everywhere; give them the new password through a safe channel.",
    password: "New password",
    passwordHint: `At least ${PASSWORD_MIN_LENGTH} characters, not containing the login name.`,
    setPassword: "Set password",
    unitTitle: "Unit",
    assign: "Assign the unit",
    activeTitle: "Deactivate or reactivate",
    deactivateLead: "A deactivated user cannot sign in, their token is refused and every session ends at once. What they entered stays.",
    reason: "Reason (kept in the audit trail)",
    deactivate: "Deactivate the user",
    reactivate: "Reactivate the user",
  },
} as const;

/** One user: what is known about them, and the administrator's three forms (password, unit, deactivation). */
export function AdminUserPage(props: {
  lang: Lang;
  csrf: string;
  account: Account;
  units: { code: string; name: string }[];
  errors: FormError[];
  values?: Record<string, string> | undefined;
  done?: string | undefined;
}) {
  const { lang, account: a, errors } = props;
  const t = TEXT[lang];
  const base = `/admin/users/${encodeURIComponent(a.id)}`;
  const value = (name: string, fallback = "") => props.values?.[name] ?? fallback;
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="back-link">
        <a href="/admin/users">← {t.back}</a>
      </p>
      <h1>{a.name}</h1>
      {props.done ? (
        <div class="notice" role="status">
          <p>{props.done}</p>
        </div>
      ) : null}
      <dl class="summary">
        <dt>{t.role}</dt>
        <dd>{nameIn(ROLE_NAMES, a.role, lang)}</dd>
        <dt>{t.unit}</dt>
        <dd>{a.unitCode ?? "–"}</dd>
        <dt>{t.login}</dt>
        <dd>{a.login ?? t.none}</dd>
        <dt>{t.changed}</dt>
        <dd>{a.passwordChangedAt ? formatInstant(new Date(a.passwordChangedAt), lang) : t.none}</dd>
        <dt>{t.token}</dt>
        <dd>{a.tokenExpiresAt ? formatInstant(new Date(a.tokenExpiresAt), lang) : "–"}</dd>
        <dt>{t.status}</dt>
        <dd>{a.deactivatedAt ? t.inactive(formatInstant(new Date(a.deactivatedAt), lang)) : t.active}</dd>
      </dl>

      <h2>{t.passwordTitle}</h2>
      <p>{t.passwordLead}</p>
      <form method="post" action={`${base}/password`} novalidate>
        <CsrfField token={props.csrf} />
        <TextField id="login" label={t.login} value={value("login", a.login ?? "")} short autocomplete="off" errors={errors} lang={lang} />
        <TextField id="password" type="password" label={t.password} hint={t.passwordHint} value="" autocomplete="new-password" errors={errors} lang={lang} />
        <button type="submit" class="button secondary">
          {t.setPassword}
        </button>
      </form>

      {a.role === "unit" ? (
        <>
          <h2>{t.unitTitle}</h2>
          <form method="post" action={`${base}/unit`} novalidate>
            <CsrfField token={props.csrf} />
            <SelectField
              id="unit"
              label={t.unit}
              value={value("unit", a.unitCode ?? "")}
              options={props.units.map((u) => ({ value: u.code, text: `${u.code} · ${u.name}` }))}
              errors={errors}
              lang={lang}
            />
            <button type="submit" class="button secondary">
              {t.assign}
            </button>
          </form>
        </>
      ) : null}

      <h2>{t.activeTitle}</h2>
      {a.active ? <p>{t.deactivateLead}</p> : null}
      <form method="post" action={`${base}/active`} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="active" value={a.active ? "false" : "true"} />
        <TextArea id="reason" label={t.reason} value={value("reason")} errors={errors} lang={lang} />
        <button type="submit" class={a.active ? "button warning" : "button"}>
          {a.active ? t.deactivate : t.reactivate}
        </button>
      </form>
    </>
  );
}
