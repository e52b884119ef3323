import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.js";
import { ApiError } from "../../errors.js";
import type { FormError } from "../form-parts.js";
import { expired, problemsAsErrors } from "../mount-account.js";
import { csrfValid, field, readForm } from "../web-form.js";
import { pageLang } from "../web-lang.js";
import { page, refusal } from "../web-page.js";
import { AdminUserPage } from "./admin-user-page.js";
import { AdminUsersPage } from "./admin-users-page.js";
import { UserNewPage } from "./user-new-page.js";

const TEXT = {
  vi: {
    users: "Người dùng",
    add: "Thêm người dùng",
    done: {
      created: "Đã thêm người dùng.",
      password: "Đã đặt mật khẩu; người dùng đã được đăng xuất khỏi mọi thiết bị.",
      unit: "Đã gán đơn vị.",
      deactivated: "Đã khóa người dùng; mọi phiên đăng nhập đã kết thúc.",
      reactivated: "Đã mở lại người dùng.",
    } as Record<string, string>,
    notFound: "Không có người dùng này",
  },
  en: {
    users: "Users",
    add: "Add a user",
    done: {
      created: "User added.",
      password: "Password set; the user has been signed out everywhere.",
      unit: "Unit assigned.",
      deactivated: "User deactivated; every session has ended.",
      reactivated: "User reactivated.",
    } as Record<string, string>,
    notFound: "No such user",
  },
} as const;

/** `/admin/users…`: the list, a new user, and one user's password, unit and deactivation (each form posts, then redirects). */
export function mountAdminUsers(app: OpenAPIHono<AppEnv>): void {
  app.get("/admin/users", async (c) => {
    try {
      const lang = pageLang(c);
      const accounts = await c.var.services.accounts.listAccounts(c.var.actor);
      return page(c, TEXT[lang].users, <AdminUsersPage lang={lang} accounts={accounts} done={TEXT[lang].done[c.req.query("done") ?? ""]} />);
    } catch (error) {
      return refusal(c, error);
    }
  });

  const newUser = async (c: Context<AppEnv>, values: Record<string, string>, errors: FormError[], status: 200 | 422 = 200) => {
    const lang = pageLang(c);
    await c.var.services.accounts.listAccounts(c.var.actor);
    const units = (await c.var.services.units.list()).map((u) => ({ code: u.code, name: u.name }));
    return page(c, TEXT[lang].add, <UserNewPage lang={lang} csrf={c.var.session?.csrf ?? ""} units={units} values={values} errors={errors} />, status);
  };
  app.get("/admin/users/new", async (c) => {
    try {
      return await newUser(c, {}, []);
    } catch (error) {
      return refusal(c, error);
    }
  });
  app.post("/admin/users/new", async (c) => {
    const lang = pageLang(c);
    const form = await readForm(c);
    if (!csrfValid(c, form)) return expired(c);
    const values = Object.fromEntries(["name", "role", "unit", "login"].map((name) => [name, field(form, name).trim()]));
    try {
      const role = values.role === "admin" || values.role === "scorer" ? values.role : "unit";
      const created = await c.var.services.units.createUser(c.var.actor, {
        name: values.name ?? "",
        role,
        unitCode: values.unit || undefined,
        login: values.login ?? "",
        password: field(form, "password"),
      });
      return c.redirect(`/admin/users/${encodeURIComponent(created.id)}?done=created`, 303);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "invalid-input")) return refusal(c, error);
      return newUser(
        c,
        values,
        problemsAsErrors(error, lang, (path) => path),
        422,
      );
    }
  });

  const userPage = async (c: Context<AppEnv>, id: string, errors: FormError[], values?: Record<string, string>, status: 200 | 422 = 200) => {
    const lang = pageLang(c);
    const account = (await c.var.services.accounts.listAccounts(c.var.actor)).find((a) => a.id === id);
    if (!account) throw new ApiError("not-found", { en: `user ${id}`, vi: `người dùng ${id}` });
    const units = (await c.var.services.units.list()).map((u) => ({ code: u.code, name: u.name }));
    const done = TEXT[lang].done[c.req.query("done") ?? ""];
    return page(
      c,
      account.name,
      <AdminUserPage lang={lang} csrf={c.var.session?.csrf ?? ""} account={account} units={units} errors={errors} values={values} done={done} />,
      status,
    );
  };
  app.get("/admin/users/:id", async (c) => {
    try {
      return await userPage(c, c.req.param("id"), []);
    } catch (error) {
      return refusal(c, error);
    }
  });

  /** A form on one user's page: CSRF, the service call, then back to the page with a notice, or the page again with the problems. */
  const userForm = (action: string, run: (c: Context<AppEnv>, id: string, form: Record<string, unknown>) => Promise<string>) =>
    app.post(`/admin/users/:id/${action}`, async (c) => {
      const id = c.req.param("id");
      try {
        const form = await readForm(c);
        if (!csrfValid(c, form)) return expired(c);
        try {
          const done = await run(c, id, form);
          return c.redirect(`/admin/users/${encodeURIComponent(id)}?done=${done}`, 303);
        } catch (error) {
          if (!(error instanceof ApiError && error.code === "invalid-input")) throw error;
          const errors = problemsAsErrors(error, pageLang(c), (path) => (path === "" ? "reason" : path));
          const values = Object.fromEntries(["login", "unit", "reason"].map((name) => [name, field(form, name)]));
          return await userPage(c, id, errors.length > 0 ? errors : [{ field: "reason", message: error.text[pageLang(c)] }], values, 422);
        }
      } catch (error) {
        return refusal(c, error);
      }
    });
  userForm("password", async (c, id, form) => {
    await c.var.services.accounts.setPassword(c.var.actor, id, field(form, "login") || undefined, field(form, "password"));
    return "password";
  });
  userForm("unit", async (c, id, form) => {
    await c.var.services.accounts.assignUnit(c.var.actor, id, field(form, "unit"));
    return "unit";
  });
  userForm("active", async (c, id, form) => {
    const active = field(form, "active") === "true";
    await c.var.services.accounts.setActive(c.var.actor, id, active, field(form, "reason").trim() || undefined);
    return active ? "reactivated" : "deactivated";
  });
}
