import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { ROUNDS } from "../../src/index.js";
import type { AppEnv } from "../app-env.js";
import { TRANSITION_NAMES } from "../services/workflow.js";
import { Reason, errors, expectedVersion, json, setEtag, signedIn } from "./http.js";

const tags = ["assessments"];
const Unit = z.object({ id: z.string(), unit: z.string() });
const EvidenceIds = z.array(z.string().min(1).max(100)).max(50).optional();
const ItemBody = z
  .object({
    points: z.number().min(0).optional(),
    notApplicable: z.boolean().optional().openapi({ description: "không phát sinh; give a reason" }),
    reason: z.string().max(2000).optional(),
    comment: z.string().max(4000).optional(),
    evidence: EvidenceIds,
    changeReason: Reason,
  })
  .strict()
  .openapi("ItemEntry");
const FactValue = z.union([z.number(), z.boolean(), z.string(), z.array(z.string().nullable()), z.null()]);
const FactBody = z
  .object({ value: FactValue, evidence: EvidenceIds, comment: z.string().max(4000).optional(), changeReason: Reason })
  .strict()
  .openapi("FactEntry");

export function mountAssessments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/assessments",
      tags,
      ...signedIn,
      summary: "Each unit's state (a unit user sees their own)",
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: json("states") },
    }),
    async (c) => c.json(await c.var.services.assessments.list(c.var.actor, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/units/{unit}",
      tags,
      ...signedIn,
      summary: "One unit's assessment: state, every round's entries, evidence (ETag = state version)",
      request: { params: Unit },
      responses: { 200: json("the assessment"), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const { id, unit } = c.req.valid("param");
      const view = await c.var.services.assessments.get(c.var.actor, id, unit);
      setEtag(c, view.version);
      return c.json(view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/campaigns/{id}/units/{unit}/transitions/{action}",
      tags,
      ...signedIn,
      summary: "submit, withdraw (unit) · request-explanation, finalise (scorer) · submit-explanation (unit); If-Match: the assessment's ETag",
      request: {
        params: Unit.extend({ action: z.enum(TRANSITION_NAMES as [string, ...string[]]) }),
        body: { required: false, content: { "application/json": { schema: z.object({ changeReason: Reason }) } } },
      },
      responses: { 200: json("the new state"), ...errors(400, 401, 403, 404, 409, 412, 422, 428) },
    }),
    async (c) => {
      const { id, unit, action } = c.req.valid("param");
      const reason = (c.req.valid("json") as { changeReason?: string } | undefined)?.changeReason;
      const version = expectedVersion(c);
      const { assessments, reports } = c.var.services;
      const outcome =
        action === "finalise"
          ? await reports.finalise(c.var.actor, id, unit, version, reason)
          : await assessments.transition(c.var.actor, id, unit, action as never, version, reason);
      setEtag(c, outcome.version);
      return c.json(outcome, 200);
    },
  );

  for (const [kind, plural, Body] of [
    ["item", "items", ItemBody],
    ["fact", "facts", FactBody],
  ] as const) {
    const Params = Unit.extend({ round: z.enum(ROUNDS), code: z.string().max(100) });
    app.openapi(
      createRoute({
        method: "get",
        path: `/campaigns/{id}/units/{unit}/rounds/{round}/${plural}/{code}`,
        tags,
        ...signedIn,
        summary: `One ${kind} of one round (ETag "0" when nothing is entered yet)`,
        request: { params: Params },
        responses: { 200: json(`the ${kind}`), ...errors(401, 403, 404) },
      }),
      async (c) => {
        const { id, unit, round, code } = c.req.valid("param");
        const entry = await c.var.services.assessments.getEntry(c.var.actor, { campaignId: id, unitCode: unit, round, kind, code });
        setEtag(c, entry.version);
        return c.json(entry, 200);
      },
    );
    app.openapi(
      createRoute({
        method: "put",
        path: `/campaigns/{id}/units/{unit}/rounds/{round}/${plural}/{code}`,
        tags,
        ...signedIn,
        summary: `Save one ${kind} of one round (If-Match: its ETag; "0" for a first entry)`,
        description:
          "self and explanation: the unit's user, while the round is open and before its deadline; appraisal1 and appraisal2: scorers. A stale If-Match gets 412 with the current version and value.",
        request: { params: Params, body: { required: true, content: { "application/json": { schema: Body } } } },
        responses: { 200: json(`the saved ${kind}`), ...errors(400, 401, 403, 404, 409, 412, 422, 428) },
      }),
      async (c) => {
        const { id, unit, round, code } = c.req.valid("param");
        const { changeReason, ...value } = c.req.valid("json");
        const entry = await c.var.services.assessments.saveEntry(
          c.var.actor,
          { campaignId: id, unitCode: unit, round, kind, code },
          value,
          expectedVersion(c),
          changeReason,
        );
        setEtag(c, entry.version);
        return c.json(entry, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/units/{unit}/report",
      tags: ["results"],
      summary: "The unit's score report: the finalised snapshot, or (staff and the unit) a live score",
      request: { params: Unit },
      responses: { 200: json("report"), ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const { id, unit } = c.req.valid("param");
      return c.json(await c.var.services.reports.report(c.var.actor, id, unit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/units/{unit}/why-moved",
      tags: ["results"],
      summary: "Why the unit's score moved since an earlier year: items that lost and gained points, by how much, and why",
      description:
        "Compares the unit's report in this campaign (the finalised snapshot, else a live score) with its report in last year's published campaign of the same criteria family that ranked it, or in `since`. Items renamed or moved between criteria versions are paired (under the newer code, with the older one). Each moved item carries the rule, facts and evidence of both years and its reasons (criteria changed, facts, status, evidence added/removed/missing, the scorer's appraisal). Items are sorted biggest loss first; the item changes plus bonus minus penalty add up to the total's change. Anyone may read it when both campaigns are published; otherwise staff and the unit's own users. 404 when there is no earlier campaign with this unit.",
      request: {
        params: Unit,
        query: z.object({
          since: z.string().optional().openapi({ description: "the earlier campaign to compare with (default: last year's)", example: "demo-2025" }),
        }),
      },
      responses: { 200: json("the score change"), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { id, unit } = c.req.valid("param");
      return c.json(await c.var.services.scoreChanges.explain(c.var.actor, id, unit, c.req.valid("query").since), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/units/{unit}/rounds",
      tags: ["results"],
      ...signedIn,
      summary: "Every round's points and comments per item (self, appraisal 1, explanation, appraisal 2), totals per round, the final result",
      description:
        "Staff and the unit itself. Points after each round are the engine's score of the entries stored per round, cut at that round; items appraisal round 1 marked down (the only ones the explanation round may change) have markedDown.",
      request: { params: Unit },
      responses: { 200: json("the round history"), ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const { id, unit } = c.req.valid("param");
      return c.json(await c.var.services.rounds.history(c.var.actor, id, unit), 200);
    },
  );

  const AuditQuery = z.object({
    code: z.string().optional(),
    after: z.coerce.number().int().optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  });
  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/units/{unit}/audit",
      tags: ["audit"],
      ...signedIn,
      summary: "The unit's audit trail (filter by item or fact code)",
      request: { params: Unit, query: AuditQuery },
      responses: { 200: json("audit entries, oldest first"), ...errors(401, 403) },
    }),
    async (c) => {
      const { id, unit } = c.req.valid("param");
      return c.json(await c.var.services.audit.list(c.var.actor, { campaignId: id, unitCode: unit, ...c.req.valid("query") }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["audit"],
      ...signedIn,
      summary: "The audit trail (admin, scorer)",
      request: { query: AuditQuery.extend({ campaign: z.string().optional(), unit: z.string().optional() }) },
      responses: { 200: json("audit entries, oldest first"), ...errors(401, 403) },
    }),
    async (c) => {
      const { campaign, unit, ...rest } = c.req.valid("query");
      return c.json(await c.var.services.audit.list(c.var.actor, { campaignId: campaign, unitCode: unit, ...rest }), 200);
    },
  );
}
