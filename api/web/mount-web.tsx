import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";
import { PUBLIC } from "../auth/actor.js";
import { ASSETS } from "./assets/assets.js";
import { Layout } from "./layout.js";
import { mountAccount } from "./mount-account.js";
import { mountWard } from "./mount-ward.js";
import { HomePage } from "./pages/home-page.js";
import { loadWork } from "./pages/your-work.js";
import { pageLang } from "./web-lang.js";

/**
 * The web application: server-rendered pages (Hono JSX) over the same services as the JSON API.
 * Pages never read the store or compute a score themselves: they call a service and render what
 * it returns. Every form works without script.
 */
export function mountWeb(app: OpenAPIHono<AppEnv>): void {
  app.get("/assets/:name", (c) => {
    const asset = Object.hasOwn(ASSETS, c.req.param("name")) ? ASSETS[c.req.param("name")] : undefined;
    if (!asset) return c.notFound();
    if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304);
    c.header("content-type", asset.type);
    c.header("etag", asset.etag);
    c.header("cache-control", c.req.query("v") ? "public, max-age=31536000, immutable" : "public, max-age=300");
    return c.body(asset.body);
  });

  mountAccount(app);
  mountWard(app);
  app.get("/", async (c) => {
    const lang = pageLang(c);
    const published = await c.var.services.campaigns.list(PUBLIC);
    const title = lang === "vi" ? "Trang chủ" : "Home";
    return renderPage(c, { lang, title }, <HomePage lang={lang} actor={c.var.actor} published={published} work={await loadWork(c)} />);
  });
}

/** Renders `content` inside the layout as a complete HTML page. */
export function renderPage(c: Context<AppEnv>, page: { lang: ReturnType<typeof pageLang>; title: string; csrf?: string | undefined; status?: 200 | 400 | 403 | 404 | 409 | 412 | 422 | 429 }, content: unknown) {
  const html = (
    <Layout lang={page.lang} title={page.title} actor={c.var.actor} path={c.req.url.replace(/^https?:\/\/[^/]+/, "")} csrf={page.csrf ?? c.var.session?.csrf}>
      {content as never}
    </Layout>
  );
  return c.html(`<!doctype html>${html}`, page.status ?? 200);
}
