import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { Reason, errors, json, signedIn } from "./http.js";

const tags = ["users"];
const UserId = z.object({ id: z.string().max(100) });
const Active = z
  .object({ active: z.boolean().openapi({ description: "false: no sign-in, no token, every session ends; true: allowed again" }), changeReason: Reason })
  .strict();
const Unit = z.object({ unit: z.string().min(1).max(40).openapi({ description: "the unit code a unit user works for" }), changeReason: Reason }).strict();

/** The administrator deactivates or reactivates a user and assigns a unit user to a unit. */
export function mountUserAccounts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "put",
      path: "/users/{id}/active",
      tags,
      ...signedIn,
      summary: "Deactivate or reactivate a user (admin): a deactivated user cannot sign in or use a token, and their sessions end",
      request: { params: UserId, body: { required: true, content: { "application/json": { schema: Active } } } },
      responses: { 200: json("the user id, whether active, and since when deactivated"), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { active, changeReason } = c.req.valid("json");
      return c.json(await c.var.services.accounts.setActive(c.var.actor, c.req.valid("param").id, active, changeReason), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/users/{id}/unit",
      tags,
      ...signedIn,
      summary: "Assign a unit user to a unit (admin)",
      request: { params: UserId, body: { required: true, content: { "application/json": { schema: Unit } } } },
      responses: { 200: json("the user id and unit code"), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { unit, changeReason } = c.req.valid("json");
      return c.json(await c.var.services.accounts.assignUnit(c.var.actor, c.req.valid("param").id, unit, changeReason), 200);
    },
  );
}
