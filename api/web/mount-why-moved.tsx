import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";
import { type Actor, PUBLIC } from "../auth/actor.js";
import { ApiError } from "../errors.js";
import { MessagePage } from "./pages/message-page.js";
import { WhyMovedPage } from "./pages/why-moved-page.js";
import { page, refusal } from "./web-page.js";
import { pageLang } from "./web-lang.js";

const TITLE = { vi: "Vì sao điểm thay đổi so với năm trước?", en: "Why did the score move since last year?" };

/**
 * "Why did the score move": for the public from a published unit's page (both campaigns published),
 * and for the unit and the scorers from the unit's score report (any campaign they may read).
 * The score change service decides who may read it; the page only renders what it returns.
 */
export function mountWhyMoved(app: OpenAPIHono<AppEnv>): void {
  app.get("/results/:campaign/units/:code/why-moved", (c) => {
    const { campaign, code } = c.req.param();
    return whyMoved(c, PUBLIC, campaign, code, `/results/${encodeURIComponent(campaign)}/units/${encodeURIComponent(code)}`);
  });

  app.get("/work/:campaign/:unit/why-moved", (c) => {
    const { campaign, unit } = c.req.param();
    if (c.var.actor.role === "public") return refusal(c, new ApiError("unauthenticated", { en: "sign in first", vi: "hãy đăng nhập trước" }));
    return whyMoved(c, c.var.actor, campaign, unit, `/work/${encodeURIComponent(campaign)}/${encodeURIComponent(unit)}/report`);
  });
}

async function whyMoved(c: Context<AppEnv>, actor: Actor, campaignId: string, unitCode: string, backHref: string) {
  const lang = pageLang(c);
  const back = { href: backHref, text: lang === "vi" ? "Quay lại trang báo cáo điểm của đơn vị" : "Back to the unit's score report" };
  try {
    const change = await c.var.services.scoreChanges.explain(actor, campaignId, unitCode, c.req.query("since"));
    return page(c, `${TITLE[lang]} ${change.unit.name}`, <WhyMovedPage lang={lang} change={change} back={back} />);
  } catch (error) {
    // No earlier year, a since that is not earlier, reports that cannot be compared: the service's own words.
    if (error instanceof ApiError && (error.code === "not-found" || error.code === "invalid-request" || error.code === "invalid-input"))
      return page(c, TITLE[lang], <MessagePage heading={TITLE[lang]} message={error.text[lang]} link={back} />, error.code === "not-found" ? 404 : 422);
    return refusal(c, error);
  }
}
