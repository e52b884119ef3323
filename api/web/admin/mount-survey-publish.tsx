import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.js";
import { ApiError } from "../../errors.js";
import type { SurveyUpload } from "../../services/survey-import-service.js";
import { readSurveyUpload } from "../../services/survey-upload.js";
import { areaColumns } from "../components/area-columns.js";
import { formatBytes } from "../ward/evidence-upload.js";
import type { FormError } from "../form-parts.js";
import { expired } from "../mount-account.js";
import { csrfValid, field, readForm } from "../web-form.js";
import { page, refusal } from "../web-page.js";
import { pageLang } from "../web-lang.js";
import { PUBLISH_TEXT, PublishPage } from "./publish-page.js";
import { SurveyPreviewPage } from "./survey-preview-page.js";
import { SurveyUploadPage } from "./survey-upload-page.js";

const TITLES = {
  vi: { survey: "Nhập kết quả điều tra xã hội học", report: "Báo cáo chất lượng dữ liệu khảo sát", publish: "Công bố kết quả" },
  en: { survey: "Import survey results", report: "Survey data-quality report", publish: "Publish the results" },
} as const;

/**
 * The administrator's survey import (upload a raw export with its mapping → data-quality report → apply) and publication
 * (preview of the ranking, the units not finalised, publish). Pages call the same services as the API.
 */
export function mountSurveyPublish(app: OpenAPIHono<AppEnv>): void {
  app.get("/admin/campaigns/:id/survey", async (c) => {
    try {
      const applied = c.req.query("applied");
      return await uploadPage(c, [], applied ? { units: Number(applied), fileName: c.req.query("file") ?? "" } : undefined);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/campaigns/:id/survey", async (c) => {
    const id = c.req.param("id");
    let upload: SurveyUpload | undefined;
    let chosen = "";
    try {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      chosen = field(form, "mapping");
      upload = await readSurveyUpload(form);
      const pending = await c.var.services.surveyImports.preview(c.var.actor, id, upload);
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}/survey/${encodeURIComponent(pending.id)}`, 303);
    } catch (error) {
      if (!(error instanceof ApiError && (error.code === "invalid-input" || error.code === "invalid-request"))) return refusal(c, error);
      return uploadPage(c, uploadErrors(error, pageLang(c), upload), undefined, 422, chosen);
    }
  });

  app.get("/admin/campaigns/:id/survey/:import", async (c) => {
    try {
      const { surveyImports, campaigns } = c.var.services;
      const campaign = await campaigns.get(c.var.actor, c.req.param("id"));
      const pending = await surveyImports.get(c.var.actor, campaign.id, c.req.param("import"));
      return page(
        c,
        TITLES[pageLang(c)].report,
        <SurveyPreviewPage lang={pageLang(c)} csrf={c.var.session?.csrf ?? ""} campaign={campaign} pending={pending} />,
      );
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/campaigns/:id/survey/:import/apply", async (c) => {
    const id = c.req.param("id");
    try {
      if (!csrfValid(c, await readForm(c))) return expired(c);
      const applied = await c.var.services.surveyImports.apply(c.var.actor, id, c.req.param("import"));
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}/survey?applied=${applied.units}&file=${encodeURIComponent(applied.fileName)}`, 303);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "invalid-input")) return refusal(c, error);
      return uploadPage(c, uploadErrors(error, pageLang(c), undefined), undefined, 422);
    }
  });

  app.get("/admin/campaigns/:id/publish", async (c) => {
    try {
      return await publishPage(c, []);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/campaigns/:id/publish", async (c) => {
    const id = c.req.param("id");
    try {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      if (field(form, "confirm") !== "yes") return await publishPage(c, [{ field: "confirm", message: PUBLISH_TEXT[pageLang(c)].confirmMissing }], 400);
      await c.var.services.publication.publish(c.var.actor, id, Number(field(form, "version")) || 0);
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}/publish`, 303);
    } catch (error) {
      // Someone changed the campaign since the page was read, or a unit is no longer ready: the page again, with the reason.
      if (error instanceof ApiError && (error.code === "version-mismatch" || error.code === "wrong-state"))
        return await publishPage(c, [{ field: "confirm", message: error.text[pageLang(c)] }], error.code === "version-mismatch" ? 412 : 409);
      return refusal(c, error);
    }
  });
}

async function uploadPage(
  c: Context<AppEnv>,
  errors: FormError[],
  applied: { units: number; fileName: string } | undefined,
  status: 200 | 422 = 200,
  chosen = "",
) {
  const lang = pageLang(c);
  const { campaigns, surveyImports, deps } = c.var.services;
  const mappings = await surveyImports.mappings(c.var.actor, c.req.param("id") ?? "");
  const campaign = await campaigns.get(c.var.actor, c.req.param("id") ?? "");
  return page(
    c,
    TITLES[lang].survey,
    <SurveyUploadPage
      lang={lang}
      csrf={c.var.session?.csrf ?? ""}
      campaign={campaign}
      mappings={mappings}
      chosen={chosen || (mappings.length === 1 ? mappings[0]!.ref : "")}
      maxBytes={formatBytes(deps.limits.maxFileBytes, lang)}
      errors={errors}
      applied={applied}
    />,
    status,
  );
}

async function publishPage(c: Context<AppEnv>, errors: FormError[], status: 200 | 400 | 409 | 412 = 200) {
  const lang = pageLang(c);
  const { publication, criteria, units } = c.var.services;
  const preview = await publication.preview(c.var.actor, c.req.param("id") ?? "");
  const set = await criteria.get(preview.campaign.criteria.family, preview.campaign.criteria.version);
  const unitNames = new Map((await units.list()).map((u) => [u.code, u.name]));
  return page(
    c,
    TITLES[lang].publish,
    <PublishPage
      lang={lang}
      csrf={c.var.session?.csrf ?? ""}
      preview={preview}
      unitNames={unitNames}
      areas={areaColumns(set)}
      whenSurveyAbsent={set.survey?.whenAbsent}
      errors={errors}
    />,
    status,
  );
}

/** Each problem of the upload next to the field it is about (by the file it names): the mapping, the units list, or else the export. */
function uploadErrors(error: ApiError, lang: "vi" | "en", upload: SurveyUpload | undefined): FormError[] {
  const problems = error.details.problems ?? [{ path: "export", message: error.text.en, vi: error.text.vi }];
  const mappingFile = upload && "fileName" in upload.mapping ? upload.mapping.fileName : "criteria/survey/";
  const unitsFile = upload?.units?.fileName;
  return problems.map((p) => {
    const about = (name: string | undefined) => name !== undefined && (p.path === name || p.path.startsWith(`${name}:`) || p.path.startsWith(name));
    const target =
      p.path === "mapping" || about(mappingFile)
        ? mappingFile.endsWith("/")
          ? "mapping"
          : "mappingFile"
        : p.path === "units" || about(unitsFile)
          ? "units"
          : "export";
    const text = lang === "vi" ? (p.vi ?? p.message) : p.message;
    return { field: target, message: p.path === target ? text : `${p.path}: ${text}` };
  });
}
