import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.js";
import { isStaff } from "../../auth/actor.js";
import { ApiError } from "../../errors.js";
import { blockOf, textIn } from "../../../src/index.js";
import { page, refusal } from "../web-page.js";
import { pageLang } from "../web-lang.js";
import { type WorklistQuery, WorklistPage, selectRows } from "./worklist-page.js";

const SORTS = ["code", "name", "block", "state"] as const;

/** The scorer's worklist: every unit of a campaign, filtered and sorted by a plain GET form. */
export function mountScorer(app: OpenAPIHono<AppEnv>): void {
  app.get("/work/:campaign", async (c) => {
    try {
      const actor = c.var.actor;
      if (!isStaff(actor))
        throw new ApiError(actor.role === "public" ? "unauthenticated" : "forbidden", { en: "staff only", vi: "chỉ dành cho cán bộ thẩm định" });
      const { campaigns, assessments, units } = c.var.services;
      const campaign = await campaigns.get(actor, c.req.param("campaign"));
      const set = await c.var.services.criteria.get(campaign.criteria.family, campaign.criteria.version);
      const lang = pageLang(c);
      const byCode = new Map((await units.list()).map((u) => [u.code, u]));
      const blockTitle = (code: string) => {
        const unit = byCode.get(code);
        const block = unit ? blockOf(set, unit) : undefined;
        return block ? textIn(block.title, lang) : "";
      };
      const all = (await assessments.list(actor, campaign.id)).map((a) => ({
        code: a.unitCode,
        name: byCode.get(a.unitCode)?.name ?? a.unitCode,
        block: blockTitle(a.unitCode),
        state: a.state,
      }));
      const sort = (SORTS as readonly string[]).includes(c.req.query("sort") ?? "") ? (c.req.query("sort") as WorklistQuery["sort"]) : "code";
      const query: WorklistQuery = { state: c.req.query("state") ?? "", block: c.req.query("block") ?? "", q: c.req.query("q") ?? "", sort };
      return page(
        c,
        lang === "vi" ? "Danh sách đơn vị" : "Units to appraise",
        <WorklistPage lang={lang} title={campaign.title} campaignId={campaign.id} rows={selectRows(all, query)} all={all} query={query} />,
      );
    } catch (error) {
      return refusal(c, error);
    }
  });
}
