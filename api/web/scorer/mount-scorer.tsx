import type { OpenAPIHono } from "@hono/zod-openapi";
import { compress } from "hono/compress";
import type { AppEnv } from "../../app-env.js";
import { ApiError } from "../../errors.js";
import { ROBUSTNESS_BOUNDS } from "../../services/robustness-service.js";
import type { FormError } from "../form-parts.js";
import { page, refusal } from "../web-page.js";
import { pageLang } from "../web-lang.js";
import { mountCampaignSheet } from "./mount-campaign-sheet.js";
import { RobustnessPage } from "./robustness-page.js";
import { readWorklistQuery, selectWorklist } from "./select-worklist.js";
import { WorklistPage } from "./worklist-page.js";

/**
 * The scorer's pages: the worklist (every unit of a campaign with what is left to do, filtered and
 * sorted by plain GET links) and how sure the campaign's ranking is.
 */
export function mountScorer(app: OpenAPIHono<AppEnv>): void {
  // A 300-unit worklist is ~190 KB of HTML, every cell labelled for the phone layout; gzipped a small part of that.
  app.use("/work/:campaign", compress());
  app.use("/analysis/*", compress());
  app.get("/work/:campaign", async (c) => {
    try {
      const worklist = await c.var.services.worklist.worklist(c.var.actor, c.req.param("campaign"));
      const lang = pageLang(c);
      const query = readWorklistQuery((name) => c.req.query(name));
      return page(
        c,
        lang === "vi" ? "Danh sách đơn vị" : "Units to appraise",
        <WorklistPage lang={lang} worklist={worklist} rows={selectWorklist(worklist.units, query, lang)} query={query} />,
      );
    } catch (error) {
      return refusal(c, error);
    }
  });

  mountCampaignSheet(app);

  app.get("/analysis/:campaign/robustness", async (c) => {
    const lang = pageLang(c);
    const campaignId = c.req.param("campaign");
    const input = { replicates: c.req.query("replicates"), seed: c.req.query("seed"), disputes: c.req.query("disputes") };
    const title = lang === "vi" ? "Độ tin cậy của thứ hạng" : "How sure the ranking is";
    const props = { lang, campaignId, input, bounds: ROBUSTNESS_BOUNDS.replicates };
    try {
      const analysis = await c.var.services.robustness.analyse(c.var.actor, campaignId, input);
      return page(c, title, <RobustnessPage {...props} errors={[]} analysis={analysis} />);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== "invalid-request") return refusal(c, error);
      const errors: FormError[] = (error.details.problems ?? []).map((p) => ({
        field: p.path.replace(/^query\./, ""),
        message: lang === "vi" ? (p.vi ?? p.message) : p.message,
      }));
      return page(c, title, <RobustnessPage {...props} errors={errors} />, 400);
    }
  });
}
