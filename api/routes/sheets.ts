import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import type { RankingFile } from "../services/ranking-formats.js";
import { errors, json, signedIn } from "./http.js";

const tags = ["sheets"];
const Format = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });
const files = {
  200: {
    description:
      "the sheet as a download: Vietnamese headers the CLI reads (`par score`, `par rank`), titles, maximum points, allowed values, one column per round",
    content: {
      "text/csv": { schema: z.string() },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) },
    },
  },
};
const download = (file: RankingFile) => ({ "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"` });

export function mountSheets(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/sheet",
      tags,
      ...signedIn,
      summary: "A campaign's appraisal sheet (every unit), XLSX or CSV (admin, scorer)",
      description: "The XLSX is protected without a password: only the appraisal and comment cells of criteria and facts are open.",
      request: { params: z.object({ id: z.string() }), query: Format },
      responses: { ...files, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const file = await c.var.services.sheets.campaignSheet(c.var.actor, c.req.valid("param").id, c.req.valid("query").format);
      return c.body(file.body, 200, download(file));
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/units/{unit}/sheet",
      tags,
      ...signedIn,
      summary: "One unit's scoring sheet (phiếu chấm điểm), XLSX or CSV (staff, or the unit's own user)",
      description: "For the unit's user the self, explanation, comment and evidence cells are open; for staff the appraisal and comment cells.",
      request: { params: z.object({ id: z.string(), unit: z.string() }), query: Format },
      responses: { ...files, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, unit } = c.req.valid("param");
      const file = await c.var.services.sheets.unitSheet(c.var.actor, id, unit, c.req.valid("query").format);
      return c.body(file.body, 200, download(file));
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/campaigns/{id}/sheet",
      tags,
      ...signedIn,
      summary: "Upload a campaign's appraisal sheet filled in (scorer; raw XLSX body; ?name=file.xlsx)",
      description:
        "Read as `par score` reads sheets (every problem with sheet, row and column: 422); appraisal entries that differ are saved all or nothing, in the audit trail with the file name; a row changed since the download is refused and listed (412).",
      request: { params: z.object({ id: z.string() }), query: z.object({ name: z.string().max(200).optional() }) },
      responses: { 200: json("entries saved and rows unchanged"), ...errors(401, 403, 404, 409, 412, 413, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await c.var.services.sheets.uploadCampaignSheet(c.var.actor, id, bytes, c.req.valid("query").name ?? `${id}.xlsx`), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/campaigns/{id}/units/{unit}/sheet",
      tags,
      ...signedIn,
      summary:
        "Upload one unit's scoring sheet filled in (the unit's user: self-assessment or explanations; scorer: appraisal; raw XLSX body; ?name=file.xlsx)",
      description:
        "The sheet from GET …/units/{unit}/sheet, filled in. Read as `par score` reads sheets (every problem with sheet, row and column: 422); the entries of the rounds the uploader enters (a unit: self and explanation; a scorer: appraisal rounds 1 and 2) that differ are saved all or nothing, each checked as a save of that entry is (state, deadline, marked-down items), in the audit trail with the file name; a row changed since the download is refused and listed (412); a row of another unit is a problem (422).",
      request: { params: z.object({ id: z.string(), unit: z.string() }), query: z.object({ name: z.string().max(200).optional() }) },
      responses: { 200: json("entries saved and rows unchanged"), ...errors(401, 403, 404, 409, 412, 413, 422) },
    }),
    async (c) => {
      const { id, unit } = c.req.valid("param");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(await c.var.services.sheets.uploadUnitSheet(c.var.actor, id, unit, bytes, c.req.valid("query").name ?? `${id}-${unit}.xlsx`), 200);
    },
  );
}
