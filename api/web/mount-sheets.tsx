import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";
import { ApiError } from "../errors.js";
import type { SheetTarget } from "../services/sheet-service.js";
import type { FormError } from "./form-parts.js";
import { expired } from "./mount-account.js";
import { SHEET_TEXT, SheetPage, type SheetProblem, sheetPaths } from "./pages/sheet-page.js";
import { csrfValid, readForm } from "./web-form.js";
import { pageLang } from "./web-lang.js";
import { type PageStatus, page, refusal } from "./web-page.js";

/**
 * The way through Excel without a terminal: `/work/{campaign}/sheet` (a scorer, the campaign's
 * appraisal sheet) and `/assess/{campaign}/{unit}/sheet` (the unit's own user, or a scorer: one unit's
 * scoring sheet). The download links are the API's sheet routes (the session cookie signs a GET in);
 * the upload calls the same service as `PUT /campaigns/{id}/sheet` and `PUT …/units/{unit}/sheet`:
 * read as the CLI reads sheets, all or nothing, stale rows refused. The service decides who may.
 */
export function mountSheets(app: OpenAPIHono<AppEnv>): void {
  const targetOf = (c: Context<AppEnv>) => c.var.services.sheets.sheetTarget(c.var.actor, c.req.param("campaign") ?? "", c.req.param("unit"));
  const sheetPage = (c: Context<AppEnv>, target: SheetTarget, errors: FormError[], problems: SheetProblem[], status: PageStatus = 200) => {
    const lang = pageLang(c);
    const saved = c.req.query("saved");
    const result = saved ? { saved: Number(saved), unchanged: Number(c.req.query("unchanged") ?? 0), fileName: c.req.query("file") ?? "" } : undefined;
    const words = target.unit ? SHEET_TEXT[lang].unit : SHEET_TEXT[lang].campaign;
    return page(
      c,
      words.heading,
      <SheetPage
        lang={lang}
        csrf={c.var.session?.csrf ?? ""}
        target={target}
        errors={errors}
        problems={problems}
        saved={status === 200 ? result : undefined}
      />,
      status,
    );
  };

  for (const path of ["/work/:campaign/sheet", "/assess/:campaign/:unit/sheet"]) {
    app.get(path, async (c) => {
      try {
        return await sheetPage(c, await targetOf(c), [], []);
      } catch (error) {
        return refusal(c, error);
      }
    });

    app.post(path, async (c) => {
      const lang = pageLang(c);
      try {
        const target = await targetOf(c);
        const form = await readForm(c);
        if (!csrfValid(c, form)) return expired(c);
        const file = form.sheet;
        if (!(file instanceof File) || file.size === 0) return await sheetPage(c, target, [{ field: "sheet", message: SHEET_TEXT[lang].noFile }], [], 422);
        const fileName = file.name || `${target.campaign.id}.xlsx`;
        const bytes = new Uint8Array(await file.arrayBuffer());
        const { sheets } = c.var.services;
        try {
          const result = target.unit
            ? await sheets.uploadUnitSheet(c.var.actor, target.campaign.id, target.unit.code, bytes, fileName)
            : await sheets.uploadCampaignSheet(c.var.actor, target.campaign.id, bytes, fileName);
          const query = new URLSearchParams({ saved: String(result.saved), unchanged: String(result.unchanged), file: fileName });
          return c.redirect(`${sheetPaths(target).page}?${query}`, 303);
        } catch (error) {
          if (error instanceof ApiError && (error.code === "invalid-input" || error.code === "version-mismatch")) {
            const problems = (error.details.problems ?? []).map((p) => ({ path: p.path, message: lang === "vi" ? (p.vi ?? p.message) : p.message }));
            return await sheetPage(c, target, [{ field: "sheet", message: error.text[lang] }], problems, error.code === "invalid-input" ? 422 : 412);
          }
          // A row the file changes in a round no longer open (finalised, explaining, submitted): say so beside the form.
          if (error instanceof ApiError && (error.code === "wrong-state" || error.code === "deadline-passed"))
            return await sheetPage(c, target, [{ field: "sheet", message: error.text[lang] }], [], 409);
          throw error;
        }
      } catch (error) {
        return refusal(c, error);
      }
    });
  }
}
