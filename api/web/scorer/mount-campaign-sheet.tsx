import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.js";
import { requireRole } from "../../auth/authenticate.js";
import { ApiError } from "../../errors.js";
import type { FormError } from "../form-parts.js";
import { expired } from "../mount-account.js";
import { csrfValid, readForm } from "../web-form.js";
import { pageLang } from "../web-lang.js";
import { type PageStatus, page, refusal } from "../web-page.js";
import { CampaignSheetPage, SHEET_TEXT, type SheetProblem } from "./campaign-sheet-page.js";

/**
 * `/work/{campaign}/sheet`: the scorer's way through Excel without a terminal. The download links are
 * the API's sheet routes (the session cookie signs a GET in); the upload calls the same service as
 * `PUT /campaigns/{id}/sheet`: read as the CLI reads sheets, all or nothing, stale rows refused.
 */
export function mountCampaignSheet(app: OpenAPIHono<AppEnv>): void {
  const sheetPage = async (
    c: Context<AppEnv>,
    errors: FormError[],
    problems: SheetProblem[],
    saved?: { saved: number; unchanged: number; fileName: string },
    status: PageStatus = 200,
  ) => {
    const lang = pageLang(c);
    requireRole(c.var.actor, "admin", "scorer");
    const campaign = await c.var.services.campaigns.get(c.var.actor, c.req.param("campaign") ?? "");
    return page(
      c,
      SHEET_TEXT[lang].heading,
      <CampaignSheetPage lang={lang} csrf={c.var.session?.csrf ?? ""} campaign={campaign} errors={errors} problems={problems} saved={saved} />,
      status,
    );
  };

  app.get("/work/:campaign/sheet", async (c) => {
    try {
      const saved = c.req.query("saved");
      const result = saved ? { saved: Number(saved), unchanged: Number(c.req.query("unchanged") ?? 0), fileName: c.req.query("file") ?? "" } : undefined;
      return await sheetPage(c, [], [], result);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/work/:campaign/sheet", async (c) => {
    const lang = pageLang(c);
    const id = c.req.param("campaign");
    try {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const file = form.sheet;
      if (!(file instanceof File) || file.size === 0) return await sheetPage(c, [{ field: "sheet", message: SHEET_TEXT[lang].noFile }], [], undefined, 422);
      const fileName = file.name || `${id}.xlsx`;
      const result = await c.var.services.sheets.uploadCampaignSheet(c.var.actor, id, new Uint8Array(await file.arrayBuffer()), fileName);
      const query = new URLSearchParams({ saved: String(result.saved), unchanged: String(result.unchanged), file: fileName });
      return c.redirect(`/work/${encodeURIComponent(id)}/sheet?${query}`, 303);
    } catch (error) {
      if (error instanceof ApiError && (error.code === "invalid-input" || error.code === "version-mismatch")) {
        const problems = (error.details.problems ?? []).map((p) => ({ path: p.path, message: lang === "vi" ? (p.vi ?? p.message) : p.message }));
        return sheetPage(c, [{ field: "sheet", message: error.text[lang] }], problems, undefined, error.code === "invalid-input" ? 422 : 412);
      }
      // A row of a unit no longer in an appraisal round (finalised, explaining) that the file changes: say so beside the form.
      if (error instanceof ApiError && error.code === "wrong-state") return sheetPage(c, [{ field: "sheet", message: error.text[lang] }], [], undefined, 409);
      return refusal(c, error);
    }
  });
}
