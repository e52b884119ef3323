import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../app-env.js";
import { SESSION_COOKIE } from "../auth/authenticate.js";
import { ApiError } from "../errors.js";
import type { FormError } from "./form-parts.js";
import { MessagePage } from "./pages/message-page.js";
import { PasswordPage } from "./pages/password-page.js";
import { SignInPage } from "./pages/sign-in-page.js";
import { clientAddress, csrfToken, csrfValid, field, isHttps, readForm, safeNext } from "./web-form.js";
import { page, refusal } from "./web-page.js";
import { pageLang } from "./web-lang.js";

const TEXT = {
  vi: {
    signIn: "Đăng nhập",
    wrong: "Tên đăng nhập hoặc mật khẩu không đúng",
    noLogin: "Nhập tên đăng nhập",
    noPassword: "Nhập mật khẩu",
    throttled: (minutes: number) => `Đăng nhập sai quá nhiều lần. Vì an toàn, vui lòng thử lại sau ${minutes} phút.`,
    expired: ["Biểu mẫu đã hết hạn", "Biểu mẫu này đã hết hạn hoặc không được gửi từ trang của hệ thống. Tải lại trang và thử lại.", "Tải lại trang"],
    password: "Đổi mật khẩu",
    mismatch: "Hai lần nhập mật khẩu mới không giống nhau",
  },
  en: {
    signIn: "Sign in",
    wrong: "The login name or password is not right",
    noLogin: "Enter your login name",
    noPassword: "Enter your password",
    throttled: (minutes: number) => `Too many failed sign-ins. For safety, try again in ${minutes} minute(s).`,
    expired: ["The form has expired", "This form has expired or was not sent from this site's pages. Reload the page and try again.", "Reload the page"],
    password: "Change your password",
    mismatch: "The two new passwords are not the same",
  },
} as const;

/** Sign-in, sign-out and the person's password change (the administrator's resets are on /admin/users). */
export function mountAccount(app: OpenAPIHono<AppEnv>): void {
  app.get("/sign-in", (c) => {
    const lang = pageLang(c);
    if (c.var.actor.role !== "public") return c.redirect(safeNext(c.req.query("next")), 303);
    return page(c, TEXT[lang].signIn, <SignInPage lang={lang} csrf={csrfToken(c)} next={safeNext(c.req.query("next"))} login="" errors={[]} />);
  });

  app.post("/sign-in", async (c) => {
    const lang = pageLang(c);
    const t = TEXT[lang];
    const form = await readForm(c);
    if (!csrfValid(c, form)) return expired(c);
    const login = field(form, "login").trim();
    const password = field(form, "password");
    const next = safeNext(field(form, "next"));
    const again = (errors: FormError[], status: 400 | 429) =>
      page(c, t.signIn, <SignInPage lang={lang} csrf={csrfToken(c)} next={next} login={login} errors={errors} />, status);
    const missing: FormError[] = [
      ...(login === "" ? [{ field: "login", message: t.noLogin }] : []),
      ...(password === "" ? [{ field: "password", message: t.noPassword }] : []),
    ];
    if (missing.length > 0) return again(missing, 400);
    const outcome = await c.var.services.accounts.signIn(login, password, clientAddress(c));
    if (!outcome.ok && outcome.reason === "throttled") {
      c.header("Retry-After", String(outcome.retryAfterSeconds));
      return again([{ field: "login", message: t.throttled(Math.ceil(outcome.retryAfterSeconds / 60)) }], 429);
    }
    if (!outcome.ok) return again([{ field: "login", message: t.wrong }], 400);
    if (c.var.session) await c.var.services.accounts.signOut(c.var.session);
    setCookie(c, SESSION_COOKIE, outcome.sessionId, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: isHttps(c),
      maxAge: Math.floor((outcome.expiresAt.getTime() - c.var.services.deps.now().getTime()) / 1000),
    });
    deleteCookie(c, "par_csrf", { path: "/" });
    return c.redirect(next, 303);
  });

  app.post("/sign-out", async (c) => {
    const form = await readForm(c);
    if (c.var.session) {
      if (!csrfValid(c, form)) return expired(c);
      await c.var.services.accounts.signOut(c.var.session);
    }
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c) });
    return c.redirect("/", 303);
  });

  app.get("/account/password", (c) => {
    const lang = pageLang(c);
    if (!c.var.session) return c.redirect("/sign-in?next=/account/password", 303);
    return page(c, TEXT[lang].password, <PasswordPage lang={lang} csrf={c.var.session.csrf} errors={[]} done={c.req.query("done") === "1"} />);
  });

  app.post("/account/password", async (c) => {
    const lang = pageLang(c);
    const session = c.var.session;
    if (!session) return c.redirect("/sign-in?next=/account/password", 303);
    const form = await readForm(c);
    if (!csrfValid(c, form)) return expired(c);
    const again = (errors: FormError[]) => page(c, TEXT[lang].password, <PasswordPage lang={lang} csrf={session.csrf} errors={errors} done={false} />, 422);
    if (field(form, "password") !== field(form, "confirm")) return again([{ field: "confirm", message: TEXT[lang].mismatch }]);
    try {
      await c.var.services.accounts.changePassword(c.var.actor, field(form, "current"), field(form, "password"), session);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid-input") return again(problemsAsErrors(error, lang, (path) => path));
      return refusal(c, error);
    }
    return c.redirect("/account/password?done=1", 303);
  });
}

/** A refused form (bad or missing CSRF token, or posted from another site). */
export function expired(c: Context<AppEnv>) {
  const [heading, message, reload] = TEXT[pageLang(c)].expired;
  return page(c, heading, <MessagePage heading={heading} message={message} link={{ href: new URL(c.req.url).pathname, text: reload }} />, 403);
}

/** A service's problems as form errors: the field from the problem's path, the message in the page's language. */
export function problemsAsErrors(error: ApiError, lang: "vi" | "en", fieldOf: (path: string) => string): FormError[] {
  return (error.details.problems ?? []).map((p) => ({ field: fieldOf(p.path), message: lang === "vi" ? (p.vi ?? p.message) : p.message }));
}
