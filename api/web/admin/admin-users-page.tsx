import { ROLE_NAMES, formatInstant, nameIn } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { AccountService } from "../../services/account-service.js";

export type Account = Awaited<ReturnType<AccountService["listAccounts"]>>[number];

const TEXT = {
  vi: {
    title: "Người dùng",
    back: "Quản trị",
    add: "Thêm người dùng",
    name: "Tên",
    login: "Tên đăng nhập",
    role: "Vai trò",
    unit: "Đơn vị",
    active: "Trạng thái",
    yes: "Đang hoạt động",
    no: "Đã khóa",
    token: "Token hết hạn",
    revoked: "đã thu hồi",
    none: "chưa có",
    manage: "Quản lý",
  },
  en: {
    title: "Users",
    back: "Administration",
    add: "Add a user",
    name: "Name",
    login: "Login name",
    role: "Role",
    unit: "Unit",
    active: "Status",
    yes: "Active",
    no: "Deactivated",
    token: "Token expires",
    revoked: "revoked",
    none: "none yet",
    manage: "Manage",
  },
} as const;

/** Every user with login, role, unit, whether active and when the token expires; each links to its page. */
export function AdminUsersPage(props: { lang: Lang; accounts: Account[]; done?: string | undefined }) {
  const t = TEXT[props.lang];
  return (
    <>
      <p class="back-link">
        <a href="/admin">← {t.back}</a>
      </p>
      <h1>{t.title}</h1>
      {props.done ? (
        <div class="notice" role="status">
          <p>{props.done}</p>
        </div>
      ) : null}
      <p class="button-row">
        <a class="button" href="/admin/users/new">
          {t.add}
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.login}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.unit}</th>
              <th scope="col">{t.active}</th>
              <th scope="col">{t.token}</th>
            </tr>
          </thead>
          <tbody>
            {props.accounts.map((a) => (
              <tr>
                <td>
                  <a href={`/admin/users/${encodeURIComponent(a.id)}`}>
                    {a.name}
                    <span class="visually-hidden"> ({t.manage})</span>
                  </a>
                </td>
                <td>{a.login ?? t.none}</td>
                <td>{nameIn(ROLE_NAMES, a.role, props.lang)}</td>
                <td>{a.unitCode ?? "–"}</td>
                <td>{a.active ? t.yes : <span class="tag state-draft">{t.no}</span>}</td>
                <td>{a.tokenRevokedAt ? t.revoked : a.tokenExpiresAt ? formatInstant(new Date(a.tokenExpiresAt), props.lang) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
