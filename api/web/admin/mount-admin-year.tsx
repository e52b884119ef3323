import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.js";
import { pageLang } from "../web-lang.js";
import { page, refusal } from "../web-page.js";
import { AdminIndexPage } from "./admin-index-page.js";
import { mountAdminCampaigns } from "./mount-admin-campaigns.js";
import { mountAdminUsers } from "./mount-admin-users.js";
import { mountExtensionWithdrawal } from "./mount-extension-withdrawal.js";

/**
 * The administrator's year: `/admin` (the start page linking criteria sets, units, users and each
 * campaign's pages), `/admin/users…` and `/admin/campaigns…`. Every page asks a service that
 * checks the role; the criteria, units, survey and publish pages are mounted by their own areas.
 */
export function mountAdminYear(app: OpenAPIHono<AppEnv>): void {
  app.get("/admin", async (c) => {
    try {
      const lang = pageLang(c);
      const campaigns = await c.var.services.campaigns.summaries(c.var.actor);
      const accounts = await c.var.services.accounts.listAccounts(c.var.actor);
      const users = { total: accounts.length, deactivated: accounts.filter((a) => !a.active).length };
      return page(c, lang === "vi" ? "Quản trị" : "Administration", <AdminIndexPage lang={lang} campaigns={campaigns} users={users} />);
    } catch (error) {
      return refusal(c, error);
    }
  });
  mountAdminUsers(app);
  mountAdminCampaigns(app);
  mountExtensionWithdrawal(app);
}
