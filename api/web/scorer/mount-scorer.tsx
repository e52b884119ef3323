import type { OpenAPIHono } from "@hono/zod-openapi";
import { compress } from "hono/compress";
import type { AppEnv } from "../../app-env.js";
import { ApiError } from "../../errors.js";
import { ROBUSTNESS_BOUNDS } from "../../services/robustness-service.js";
import type { FormError } from "../form-parts.js";
import { type PageStatus, page, refusal } from "../web-page.js";
import { csrfValid, fields, readForm } from "../web-form.js";
import { expired } from "../mount-account.js";
import type { FinaliseOutcome } from "../../services/finalisation-service.js";
import { pageLang } from "../web-lang.js";
import { RobustnessPage } from "./robustness-page.js";
import { readWorklistQuery, selectWorklist } from "./select-worklist.js";
import { FINALISE_MANY_TEXT, FinaliseManyPage } from "./finalise-many-page.js";
import { WhatIfPage } from "./what-if-page.js";
import { WorklistPage } from "./worklist-page.js";

/**
 * The scorer's pages: the worklist (every unit of a campaign with what is left to do, filtered and
 * sorted by plain GET links), how sure the campaign's ranking is, and how it would move under another policy.
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

  app.get("/analysis/:campaign/what-if", async (c) => {
    const lang = pageLang(c);
    const campaignId = c.req.param("campaign");
    const input = {
      surveyWeight: c.req.query("surveyWeight"),
      missingSurvey: c.req.query("missingSurvey"),
      notApplicable: c.req.query("notApplicable"),
      classEdges: c.req.query("classEdges"),
    };
    const title = lang === "vi" ? "Xếp hạng thử theo chính sách khác" : "What if the policy changed?";
    const props = { lang, campaignId, input };
    try {
      const result = await c.var.services.whatIf.whatIf(c.var.actor, campaignId, input);
      return page(c, title, <WhatIfPage {...props} errors={[]} result={result} />);
    } catch (error) {
      if (!(error instanceof ApiError) || !["invalid-request", "invalid-input"].includes(error.code)) return refusal(c, error);
      const errors: FormError[] = (error.details.problems ?? []).map((p) => ({
        field: p.path.replace(/^query\./, ""),
        message: lang === "vi" ? (p.vi ?? p.message) : p.message,
      }));
      try {
        // The form again with the problems at their fields, the set's own policy as hints.
        const result = await c.var.services.whatIf.whatIf(c.var.actor, campaignId, {});
        return page(c, title, <WhatIfPage {...props} errors={errors} result={result} />, 400);
      } catch (again) {
        return refusal(c, again);
      }
    }
  });

  // Finalise many units at once: a top-level path, so no unit code can hide it (`/work/{campaign}/{unit}` is a unit's page).
  app.get("/finalise/:campaign", async (c) => {
    try {
      const lang = pageLang(c);
      const candidates = await c.var.services.finalisation.candidates(c.var.actor, c.req.param("campaign"));
      return page(c, FINALISE_MANY_TEXT[lang].heading, <FinaliseManyPage lang={lang} csrf={c.var.session?.csrf ?? ""} candidates={candidates} errors={[]} />);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/finalise/:campaign", async (c) => {
    try {
      const lang = pageLang(c);
      const campaignId = c.req.param("campaign");
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      // "CODE:VERSION" per box; a value without a version is refused by the service like a stale one.
      const picks = fields(form, "unit").map((value) => {
        const at = value.lastIndexOf(":");
        return at < 0 ? { unit: value, version: Number.NaN } : { unit: value.slice(0, at), version: Number(value.slice(at + 1)) };
      });
      const { services, actor } = c.var;
      const show = async (errors: FormError[], outcome?: FinaliseOutcome, status: PageStatus = 200) =>
        page(
          c,
          FINALISE_MANY_TEXT[lang].heading,
          <FinaliseManyPage
            lang={lang}
            csrf={c.var.session?.csrf ?? ""}
            candidates={await services.finalisation.candidates(actor, campaignId)}
            errors={errors}
            outcome={outcome}
          />,
          status,
        );
      if (picks.length === 0) return await show([{ field: "units", message: FINALISE_MANY_TEXT[lang].nothingPicked }], undefined, 422);
      return await show([], await services.finalisation.finaliseMany(actor, campaignId, picks));
    } catch (error) {
      return refusal(c, error);
    }
  });
}
