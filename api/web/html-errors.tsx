import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { renderPage } from "./render-page.js";
import { ErrorPage, errorText } from "./pages/error-page.js";
import { pageLang } from "./web-lang.js";

/**
 * Browsers get error pages, API clients keep the JSON envelope: a JSON error answered to a
 * request that accepts `text/html` (a person following a link or typing an address) is
 * rendered as a page in the layout, with the same status. Scripts and `curl` send no
 * `text/html` in Accept and get the JSON unchanged.
 */
export const htmlErrors: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.res.status < 400 || !acceptsHtml(c.req.header("accept")) || !(c.res.headers.get("content-type") ?? "").includes("application/json")) return;
  const status = c.res.status;
  const body = (await c.res
    .clone()
    .json()
    .catch(() => null)) as { error?: { message?: unknown } } | null;
  const message = typeof body?.error?.message === "string" ? body.error.message : null;
  const lang = pageLang(c);
  c.res = undefined;
  c.res = await renderPage(
    c,
    { lang, title: errorText(lang, status).title, status: status as 404 },
    <ErrorPage lang={lang} status={status} message={message} />,
  );
};

/** True when the client asks for HTML (browsers list `text/html` first; API clients send JSON or nothing). */
export function acceptsHtml(accept: string | undefined): boolean {
  return accept !== undefined && /\btext\/html\b/.test(accept);
}
