import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { AnyJson, errors, json, signedIn } from "./http.js";

const tags = ["criteria"];
const Version = z.object({ family: z.string(), version: z.string() });

export function mountCriteria(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({ method: "get", path: "/criteria", tags, summary: "List criteria sets", responses: { 200: json("criteria sets (without their content)") } }),
    async (c) => {
      const rows = await c.var.services.criteria.list();
      return c.json(
        rows.map((r) => ({ family: r.family, version: r.version, status: r.status, hash: r.hash, createdAt: r.created_at })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/criteria",
      tags,
      ...signedIn,
      summary: "Upload a criteria set (validated exactly as `par validate`)",
      request: { body: { required: true, content: { "application/json": { schema: AnyJson } } } },
      responses: { 200: json("the same content was already stored"), 201: json("stored"), ...errors(400, 401, 403, 409, 413, 422) },
    }),
    async (c) => {
      const { outcome, set } = await c.var.services.criteria.save(c.var.actor, c.req.valid("json"));
      return c.json({ family: set.family, version: set.version, status: set.status, outcome }, outcome === "unchanged" ? 200 : 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/criteria/{family}/diff",
      tags,
      summary: "Diff two versions of a family",
      request: { params: z.object({ family: z.string() }), query: z.object({ from: z.string(), to: z.string() }) },
      responses: { 200: json("items added, removed, moved; points, rules and titles changed"), ...errors(400, 404) },
    }),
    async (c) => {
      const { from, to } = c.req.valid("query");
      return c.json(await c.var.services.criteria.diff(c.req.valid("param").family, from, to), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/criteria/{family}/{version}",
      tags,
      summary: "One criteria set version",
      request: { params: Version },
      responses: { 200: json("the criteria set"), ...errors(404) },
    }),
    async (c) => {
      const { family, version } = c.req.valid("param");
      return c.json(await c.var.services.criteria.get(family, version), 200);
    },
  );
}
