import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { readSurveyUpload } from "../services/survey-upload.js";
import { Reason, errors, json, signedIn } from "./http.js";

const tags = ["survey"];
const Id = z.object({ id: z.string() });
const ImportId = z.object({ id: z.string(), import: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) });

/**
 * Raw survey exports in two steps: upload (checked, kept as a pending import with its data-quality report), then apply.
 * Also what publishing a campaign would do now.
 */
export function mountSurveyImports(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/survey/mappings",
      tags,
      ...signedIn,
      summary: "Shipped survey instrument mappings for the campaign's criteria set (admin, scorer)",
      request: { params: Id },
      responses: { 200: json("each mapping's ref (<id>/<version>) and title"), ...errors(401, 403, 404, 409) },
    }),
    async (c) => c.json(await c.var.services.surveyImports.mappings(c.var.actor, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/campaigns/{id}/survey/imports",
      tags,
      ...signedIn,
      summary: "Check a raw survey export (Kobo/ODK, LimeSurvey, Google Forms CSV, XLSX) with its mapping; nothing is saved yet (admin, scorer)",
      description:
        'multipart/form-data: `export` (the file), `mapping` (a shipped `<id>/<version>`) or `mappingFile` (a mapping JSON), optionally `units` (CSV unit,population for the sample-size check). Read exactly as `par survey import` reads files. Answers the pending import: its id, expiry and the data-quality report (duplicates, excluded, out-of-scale answers with file:row:column, units below the sample); 422 with every problem (unknown unit codes with a "did you mean").',
      request: { params: Id },
      responses: { 201: json("the pending import with its data-quality report"), ...errors(400, 401, 403, 404, 409, 413, 422) },
    }),
    async (c) => {
      const upload = await readSurveyUpload(await c.req.parseBody());
      return c.json(await c.var.services.surveyImports.preview(c.var.actor, c.req.valid("param").id, upload), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/survey/imports/{import}",
      tags,
      ...signedIn,
      summary: "A pending survey import and its data-quality report (admin, scorer)",
      request: { params: ImportId },
      responses: { 200: json("the pending import"), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const { id, import: importId } = c.req.valid("param");
      return c.json(await c.var.services.surveyImports.get(c.var.actor, id, importId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/campaigns/{id}/survey/imports/{import}/apply",
      tags,
      ...signedIn,
      summary: "Apply a pending survey import: every unit's results saved all or nothing, audited (admin, scorer)",
      description: "Used once: a second apply, or one after the import expired (24 hours), is 404. A unit finalised meanwhile refuses the whole import (422).",
      request: {
        params: ImportId,
        body: { required: false, content: { "application/json": { schema: z.object({ changeReason: Reason }) } } },
      },
      responses: { 200: json("units saved"), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { id, import: importId } = c.req.valid("param");
      const body = c.req.valid("json") as { changeReason?: string } | undefined;
      return c.json(await c.var.services.surveyImports.apply(c.var.actor, id, importId, body?.changeReason), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/publication",
      tags: ["campaigns"],
      ...signedIn,
      summary: "What publishing would do now: the ranking it would store, the units not finalised, why it is refused (admin)",
      request: { params: Id },
      responses: { 200: json("campaign, ranking, pending units, refusals"), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(await c.var.services.publication.preview(c.var.actor, c.req.valid("param").id), 200),
  );
}
