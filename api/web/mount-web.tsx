import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { PUBLIC } from "../auth/actor.js";
import { ASSETS } from "./assets/assets.js";
import { mountAdminYear } from "./admin/mount-admin-year.js";
import { mountAdminSet } from "./admin/mount-admin-set.js";
import { mountAccount } from "./mount-account.js";
import { mountResults } from "./mount-results.js";
import { mountSheets } from "./mount-sheets.js";
import { mountWard } from "./mount-ward.js";
import { mountScorer } from "./scorer/mount-scorer.js";
import { mountSurveyPublish } from "./admin/mount-survey-publish.js";
import { mountAppraisal } from "./scorer/mount-appraisal.js";
import { HomePage } from "./pages/home-page.js";
import { loadWork } from "./pages/your-work.js";
import { renderPage } from "./render-page.js";
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
  mountScorer(app);
  mountSheets(app);
  mountAdminYear(app);
  mountSurveyPublish(app);
  mountAppraisal(app);
  mountAdminSet(app);
  app.get("/", async (c) => {
    const lang = pageLang(c);
    const published = await c.var.services.campaigns.list(PUBLIC);
    const title = lang === "vi" ? "Trang chủ" : "Home";
    return renderPage(c, { lang, title }, <HomePage lang={lang} actor={c.var.actor} published={published} work={await loadWork(c)} />);
  });
  mountResults(app);
}
