import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { Reason, errors, expectedVersion, json, setEtag, signedIn } from "./http.js";

const tags = ["campaigns"];
const DateTime = z.iso.datetime({ offset: true });
const Deadlines = z.object({ self: DateTime, appraisal1: DateTime, explanation: DateTime, appraisal2: DateTime, changeReason: Reason }).strict();
const Extension = z
  .object({
    until: DateTime.openapi({ description: "the new deadline of this round for this unit, later than the campaign's", example: "2026-04-07T17:00:00+07:00" }),
    reason: z.string().min(1).max(2000).openapi({ description: "why the unit gets more time (recorded, shown to the unit)" }),
  })
  .strict()
  .openapi("DeadlineExtension");
const Withdrawal = z
  .object({ reason: z.string().min(1).max(2000).openapi({ description: "why the extension is taken back (recorded)" }) })
  .strict()
  .openapi("ExtensionWithdrawal");
const Round = z.enum(["self", "appraisal1", "explanation", "appraisal2"]);

/** The campaign's deadlines, and one unit's extension of one round's deadline (given, or withdrawn). */
export function mountDeadlines(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "put",
      path: "/campaigns/{id}/deadlines",
      tags,
      ...signedIn,
      summary: "Change an open campaign's four deadlines (admin; If-Match: the campaign's version)",
      request: { params: z.object({ id: z.string() }), body: { required: true, content: { "application/json": { schema: Deadlines } } } },
      responses: { 200: json("the campaign"), ...errors(400, 401, 403, 404, 409, 412, 422, 428) },
    }),
    async (c) => {
      const { changeReason, ...deadlines } = c.req.valid("json");
      const campaign = await c.var.services.deadlines.change(c.var.actor, c.req.valid("param").id, expectedVersion(c), deadlines, changeReason);
      setEtag(c, campaign.version);
      return c.json(campaign, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/campaigns/{id}/units/{unit}/deadlines/{round}",
      tags,
      ...signedIn,
      summary: "Extend one round's deadline for one unit, with a reason (admin; recorded in the audit trail; replaces an earlier extension of that round)",
      request: {
        params: z.object({ id: z.string(), unit: z.string(), round: Round }),
        body: { required: true, content: { "application/json": { schema: Extension } } },
      },
      responses: { 200: json("the extension"), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { id, unit, round } = c.req.valid("param");
      const { until, reason } = c.req.valid("json");
      return c.json(await c.var.services.deadlines.extend(c.var.actor, id, unit, round, until, reason), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/campaigns/{id}/units/{unit}/deadlines/{round}",
      tags,
      ...signedIn,
      summary:
        "Withdraw one unit's extension of one round's deadline, with a reason (admin; recorded in the audit trail with the extension withdrawn): the campaign's deadline applies to the unit again",
      request: {
        params: z.object({ id: z.string(), unit: z.string(), round: Round }),
        body: { required: true, content: { "application/json": { schema: Withdrawal } } },
      },
      responses: { 200: json("the unit's deadline of the round now, and the extension withdrawn"), ...errors(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { id, unit, round } = c.req.valid("param");
      return c.json(await c.var.services.deadlines.withdraw(c.var.actor, id, unit, round, c.req.valid("json").reason), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/extensions",
      tags,
      ...signedIn,
      summary: "The campaign's deadline extensions per unit and round, with their reasons (admin, scorer)",
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: json("extensions"), ...errors(401, 403) },
    }),
    async (c) => c.json(await c.var.services.deadlines.extensions(c.var.actor, c.req.valid("param").id), 200),
  );
}
