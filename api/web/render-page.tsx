import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";
import { Layout } from "./layout.js";
import type { pageLang } from "./web-lang.js";

/** Renders `content` inside the layout as a complete HTML page. */
export function renderPage(
  c: Context<AppEnv>,
  page: { lang: ReturnType<typeof pageLang>; title: string; csrf?: string | undefined; status?: 200 | 400 | 403 | 404 | 409 | 412 | 422 | 429 },
  content: unknown,
) {
  const html = (
    <Layout lang={page.lang} title={page.title} actor={c.var.actor} path={c.req.url.replace(/^https?:\/\/[^/]+/, "")} csrf={page.csrf ?? c.var.session?.csrf}>
      {content as never}
    </Layout>
  );
  return c.html(`<!doctype html>${html}`, page.status ?? 200);
}
