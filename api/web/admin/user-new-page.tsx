import { ROLE_NAMES, nameIn } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { PASSWORD_MIN_LENGTH } from "../../auth/passwords.js";
import { ROLES } from "../../domain.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";
import { SelectField, TextField } from "../form-fields.js";

const TEXT = {
  vi: {
    back: "Người dùng",
    title: "Thêm người dùng",
    name: "Họ và tên",
    role: "Vai trò",
    unit: "Đơn vị",
    unitHint: "Chỉ với cán bộ đơn vị: đơn vị họ tự chấm điểm.",
    noUnit: "(không có — quản trị, thẩm định)",
    login: "Tên đăng nhập",
    loginHint: "3–60 ký tự: chữ a–z, chữ số, dấu . _ -",
    password: "Mật khẩu",
    passwordHint: `Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không chứa tên đăng nhập. Báo cho người dùng qua kênh an toàn.`,
    create: "Thêm người dùng",
  },
  en: {
    back: "Users",
    title: "Add a user",
    name: "Full name",
    role: "Role",
    unit: "Unit",
    unitHint: "Unit officials only: the unit they self-assess.",
    noUnit: "(none — administrators, scorers)",
    login: "Login name",
    loginHint: "3–60 characters: letters a–z, digits, . _ -",
    password: "Password",
    passwordHint: `At least ${PASSWORD_MIN_LENGTH} characters, not containing the login name. Give it to the user through a safe channel.`,
    create: "Add the user",
  },
} as const;

/** The form that creates a user who can sign in: name, role, unit for a unit official, login name and password. */
export function UserNewPage(props: { lang: Lang; csrf: string; units: { code: string; name: string }[]; values: Record<string, string>; errors: FormError[] }) {
  const { lang, errors } = props;
  const t = TEXT[lang];
  const v = (name: string) => props.values[name] ?? "";
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="back-link">
        <a href="/admin/users">← {t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <form method="post" action="/admin/users/new" novalidate>
        <CsrfField token={props.csrf} />
        <TextField id="name" label={t.name} value={v("name")} autocomplete="off" errors={errors} lang={lang} />
        <SelectField
          id="role"
          label={t.role}
          value={v("role") || "unit"}
          options={ROLES.map((r) => ({ value: r, text: nameIn(ROLE_NAMES, r, lang) }))}
          errors={errors}
          lang={lang}
        />
        <SelectField
          id="unit"
          label={t.unit}
          hint={t.unitHint}
          value={v("unit")}
          options={[{ value: "", text: t.noUnit }, ...props.units.map((u) => ({ value: u.code, text: `${u.code} · ${u.name}` }))]}
          errors={errors}
          lang={lang}
        />
        <TextField id="login" label={t.login} hint={t.loginHint} value={v("login")} short autocomplete="off" errors={errors} lang={lang} />
        <TextField id="password" type="password" label={t.password} hint={t.passwordHint} value="" autocomplete="new-password" errors={errors} lang={lang} />
        <button type="submit" class="button">
          {t.create}
        </button>
      </form>
    </>
  );
}
