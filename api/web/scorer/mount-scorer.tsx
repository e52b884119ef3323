import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.js";
import { page, refusal } from "../web-page.js";
import { pageLang } from "../web-lang.js";
import { readWorklistQuery, selectWorklist } from "./select-worklist.js";
import { WorklistPage } from "./worklist-page.js";

/** The scorer's worklist: every unit of a campaign with what is left to do, filtered and sorted by plain GET links. */
export function mountScorer(app: OpenAPIHono<AppEnv>): void {
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
}
