import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { ACCEPTED_FILE_TYPES } from "../services/file-types.js";
import { Reason, errors, expectedVersion, json, setEtag, signedIn } from "./http.js";

const tags = ["evidence"];
const Params = z.object({ id: z.string(), unit: z.string(), evidence: z.string().regex(/^[A-Za-z0-9_./-]{1,100}$/) });
const EvidenceBody = z
  .object({
    title: z.string().max(500).optional(),
    number: z.string().max(100).optional().openapi({ example: "12/KH-UBND" }),
    date: z.iso.date().optional(),
    issuer: z.string().max(200).optional(),
    link: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .openapi({ description: "an http or https address" }),
    changeReason: Reason,
  })
  .strict()
  .openapi("Evidence");

export function mountEvidence(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/units/{unit}/evidence",
      tags,
      ...signedIn,
      summary: "The unit's evidence documents",
      request: { params: Params.omit({ evidence: true }) },
      responses: { 200: json("documents"), ...errors(401, 403) },
    }),
    async (c) => {
      const { id, unit } = c.req.valid("param");
      return c.json(await c.var.services.evidence.list(c.var.actor, id, unit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/campaigns/{id}/units/{unit}/evidence/{evidence}",
      tags,
      ...signedIn,
      summary: "Create or change an evidence document (If-None-Match: * to create, else If-Match)",
      request: { params: Params, body: { required: true, content: { "application/json": { schema: EvidenceBody } } } },
      responses: { 200: json("the document"), ...errors(400, 401, 403, 404, 409, 412, 428) },
    }),
    async (c) => {
      const { id, unit, evidence } = c.req.valid("param");
      const { changeReason, ...input } = c.req.valid("json");
      const saved = await c.var.services.evidence.save(c.var.actor, id, unit, evidence, input, expectedVersion(c), changeReason);
      setEtag(c, saved.version);
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/campaigns/{id}/units/{unit}/evidence/{evidence}/file",
      tags,
      ...signedIn,
      summary: `Upload the document's file (raw body; Content-Type one of ${ACCEPTED_FILE_TYPES.join(", ")}; ?name=file.pdf; If-Match)`,
      request: { params: Params, query: z.object({ name: z.string().max(200).optional() }) },
      responses: { 200: json("the document"), ...errors(401, 403, 404, 409, 412, 413, 415, 428) },
    }),
    async (c) => {
      const { id, unit, evidence } = c.req.valid("param");
      const version = expectedVersion(c);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
      const saved = await c.var.services.evidence.upload(
        c.var.actor,
        id,
        unit,
        evidence,
        { name: c.req.valid("query").name ?? evidence, type, bytes },
        version,
      );
      setEtag(c, saved.version);
      return c.json(saved, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/units/{unit}/evidence/{evidence}/file",
      tags,
      ...signedIn,
      summary: "Download the document's file",
      request: { params: Params },
      responses: { 200: { description: "the file" }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      const { id, unit, evidence } = c.req.valid("param");
      const file = await c.var.services.evidence.file(c.var.actor, id, unit, evidence);
      return c.body(file.bytes.buffer as ArrayBuffer, 200, {
        "content-type": file.type,
        "content-disposition": `attachment; filename="${encodeURIComponent(file.name)}"`,
      });
    },
  );
}
