import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { AnyJson, Reason, errors, expectedVersion, json, setEtag, signedIn } from "./http.js";
import { RANKING_FORMATS } from "../services/ranking-formats.js";
import { DEFAULT_LANG, LANGS } from "../../src/index.js";

const tags = ["campaigns"];
const DateTime = z.iso.datetime({ offset: true });
const CampaignBody = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/),
    year: z.number().int().min(2000).max(2100),
    title: z.string().max(200).optional(),
    criteria: z.object({ family: z.string(), version: z.string() }),
    deadlines: z.object({ self: DateTime, appraisal1: DateTime, explanation: DateTime, appraisal2: DateTime }),
    units: z.array(z.string()).optional().openapi({ description: "default: every unit whose type the criteria set covers" }),
  })
  .openapi("NewCampaign");
const Id = z.object({ id: z.string() });

export function mountCampaigns(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({ method: "get", path: "/campaigns", tags, summary: "Campaigns (the public sees published ones)", responses: { 200: json("campaigns") } }),
    async (c) => c.json(await c.var.services.campaigns.list(c.var.actor), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/campaigns",
      tags,
      ...signedIn,
      summary: "Open a campaign: a year, a criteria version, deadlines per round, its units",
      request: { body: { required: true, content: { "application/json": { schema: CampaignBody } } } },
      responses: { 201: json("created; every unit's assessment is a draft"), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const campaign = await c.var.services.campaigns.create(c.var.actor, c.req.valid("json"));
      setEtag(c, campaign.version);
      return c.json(campaign, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}",
      tags,
      summary: "One campaign (ETag = its version)",
      request: { params: Id },
      responses: { 200: json("the campaign"), ...errors(404) },
    }),
    async (c) => {
      const campaign = await c.var.services.campaigns.get(c.var.actor, c.req.valid("param").id);
      setEtag(c, campaign.version);
      return c.json(campaign, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/campaigns/{id}/publish",
      tags,
      ...signedIn,
      summary: "Publish: every unit finalised; stores the ranking (If-Match: campaign version)",
      request: { params: Id, body: { required: false, content: { "application/json": { schema: z.object({ changeReason: Reason }) } } } },
      responses: { 200: json("published"), ...errors(401, 403, 404, 409, 412, 428) },
    }),
    async (c) => {
      const body = c.req.valid("json") as { changeReason?: string } | undefined;
      const result = await c.var.services.publication.publish(c.var.actor, c.req.valid("param").id, expectedVersion(c), body?.changeReason);
      setEtag(c, result.version);
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/campaigns/{id}/survey",
      tags,
      ...signedIn,
      summary: "Import survey results (CSV: unit, respondents, one column per indicator)",
      request: { params: Id, body: { required: true, content: { "text/csv": { schema: z.string() } } } },
      responses: { 200: json("units imported"), ...errors(401, 403, 404, 409, 413, 422) },
    }),
    async (c) => c.json(await c.var.services.surveys.importSurvey(c.var.actor, c.req.valid("param").id, await c.req.text(), c.req.query("reason")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/ranking",
      tags,
      summary: "Ranking per block: classes, sub-indices, self vs appraised gap, change since last year",
      description:
        "Published campaigns: anyone. Open campaigns: a live ranking for admin and scorers. `format=xlsx` gives the annex of the decision (a sheet per block: title, the criteria set's decision, STT, each area under its name and maximum, total, index, class, rank, change of rank, as numbers; printable); `format=annex-csv` the same table with its headers in words; `format=csv` the same table for scripts (snake_case headers, block code, stage, survey_included). `lang=en` writes the annex's titles, headers, class names and notes in English (the published form is Vietnamese, the default); the figures are the same.",
      request: {
        params: Id,
        query: z.object({ block: z.string().optional(), format: z.enum(RANKING_FORMATS).default("json"), lang: z.enum(LANGS).default(DEFAULT_LANG) }),
      },
      responses: {
        200: {
          description: "the ranking",
          content: {
            "application/json": { schema: AnyJson },
            "text/csv": { schema: z.string() },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) },
          },
        },
        ...errors(400, 403, 404),
      },
    }),
    async (c) => {
      const { block, format, lang } = c.req.valid("query");
      const file = await c.var.services.rankings.rankingFile(c.var.actor, c.req.valid("param").id, block, format, lang);
      const headers: Record<string, string> = { "content-type": file.contentType, vary: "accept-encoding" };
      if (file.fileName) headers["content-disposition"] = `attachment; filename="${file.fileName}"`;
      if (file.gzipped && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
        headers["content-encoding"] = "gzip";
        return c.body(file.gzipped, 200, headers);
      }
      return c.body(file.body, 200, headers);
    },
  );
}
