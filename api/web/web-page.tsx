import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";
import { ApiError } from "../errors.js";
import { renderPage } from "./render-page.js";
import { MessagePage } from "./pages/message-page.js";
import { pageLang } from "./web-lang.js";

export type PageStatus = 200 | 400 | 403 | 404 | 409 | 412 | 422 | 429;

/** Renders a page for the signed-in person (the layout's sign-out form gets the session's CSRF token). */
export function page(c: Context<AppEnv>, title: string, content: unknown, status: PageStatus = 200) {
  return renderPage(c, { lang: pageLang(c), title, csrf: c.var.session?.csrf, status }, content);
}

const REFUSALS = {
  forbidden: {
    status: 403,
    vi: ["Không có quyền", "Tài khoản của bạn không được xem hoặc sửa trang này."],
    en: ["Not allowed", "Your account may not see or change this page."],
  },
  "not-found": {
    status: 404,
    vi: ["Không tìm thấy", "Trang này không có, hoặc đợt đánh giá không có đơn vị này."],
    en: ["Not found", "This page does not exist, or the campaign has no such unit."],
  },
  "wrong-state": {
    status: 409,
    vi: ["Không thể thực hiện lúc này", "Hồ sơ không ở bước cho phép việc này."],
    en: ["Not possible now", "The assessment is not at a step that allows this."],
  },
  "deadline-passed": {
    status: 409,
    vi: ["Đã quá hạn", "Hạn chót của vòng này đã qua; không thể thay đổi nữa."],
    en: ["Deadline passed", "The deadline of this round has passed; nothing can change now."],
  },
} as const;

/**
 * The web pages' answer to a service refusal: the public is sent to sign in (and back), other
 * refusals get a page in the reader's language with the service's own reason; anything else is
 * rethrown to the app's error handler.
 */
export function refusal(c: Context<AppEnv>, error: unknown) {
  if (!(error instanceof ApiError)) throw error;
  if (error.code === "unauthenticated") return c.redirect(`/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
  const known = (REFUSALS as Record<string, (typeof REFUSALS)[keyof typeof REFUSALS]>)[error.code];
  if (!known) throw error;
  const lang = pageLang(c);
  const [heading, message] = known[lang];
  return page(
    c,
    heading,
    <MessagePage
      heading={heading}
      message={`${message} (${error.message})`}
      link={{ href: "/", text: lang === "vi" ? "Về trang chủ" : "Back to the home page" }}
    />,
    known.status,
  );
}
