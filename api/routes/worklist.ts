import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { ROBUSTNESS_BOUNDS } from "../services/robustness-service.js";
import { Reason, errors, json, signedIn } from "./http.js";

const tags = ["scoring work"];
const Id = z.object({ id: z.string() });
const { replicates, seed } = ROBUSTNESS_BOUNDS;

/** What scorers work from: the worklist of a campaign, and how sure its ranking is. */
export function mountWorklist(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/worklist",
      tags,
      ...signedIn,
      summary: "Every unit of a campaign with what is left to do (admin, scorer)",
      description:
        "Per unit: name, block, state, self-assessed total, items appraised of all, items missing evidence, disputed items (appraised ≠ self), and the current round's deadline with the seconds left (negative when overdue). Figures are null while a unit's inputs cannot be scored yet.",
      request: { params: Id },
      responses: { 200: json("the worklist"), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(await c.var.services.worklist.worklist(c.var.actor, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/robustness",
      tags,
      ...signedIn,
      summary: "How sure the ranking is: Monte Carlo rank bands per unit (admin, scorer)",
      description:
        "Over the published ranking (or an open campaign's live one): each replicate draws every unit's survey indicators from their sampling uncertainty (and with `disputes=true` each disputed item between its self-assessed and appraised points) and re-ranks. Per unit the median rank, the 5th–95th percentile band and the share of replicates in each class; per block the pairs reversed in more than 5 % of replicates. The same seed gives the same answer.",
      request: {
        params: Id,
        query: z.object({
          replicates: z
            .string()
            .optional()
            .openapi({ description: `${replicates.min}…${replicates.max}, default ${replicates.default}`, example: "1000" }),
          seed: z
            .string()
            .optional()
            .openapi({ description: `${seed.min}…${seed.max}, default ${seed.default}`, example: "1" }),
          disputes: z.enum(["true", "false"]).optional().openapi({ description: "also vary disputed items (default false)" }),
        }),
      },
      responses: { 200: json("the analysis"), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await c.var.services.robustness.analyse(c.var.actor, c.req.valid("param").id, c.req.query()), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/what-if",
      tags,
      ...signedIn,
      summary: "The ranking re-ranked under a changed policy, with each unit's change (admin, scorer)",
      description:
        "The campaign's ranking (published, or an open campaign's live one) against the same units' stored assessments re-scored under a changed policy: `surveyWeight` (total points of the survey items, each keeping its share), `missingSurvey` (rescale | zero), `notApplicable` (exclude | full: every item that may be declared not applicable), `classEdges` (the classes' lower edges, highest first, separated by semicolons). Fields left out keep the set's own rule (`current` gives it in the same terms). Per unit: rank, index and class before and after, and the places gained (+) or lost. Decimal comma or point.",
      request: {
        params: Id,
        query: z.object({
          surveyWeight: z.string().optional().openapi({ example: "20" }),
          missingSurvey: z.enum(["rescale", "zero"]).optional(),
          notApplicable: z.enum(["exclude", "full"]).optional(),
          classEdges: z.string().optional().openapi({ example: "90;80;70;50" }),
        }),
      },
      responses: { 200: json("the ranking before and after, per unit"), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => c.json(await c.var.services.whatIf.whatIf(c.var.actor, c.req.valid("param").id, c.req.query()), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/campaigns/{id}/finalise",
      tags,
      ...signedIn,
      summary: "Units that can be finalised now, with their figures and versions (admin, scorer)",
      description:
        "Every unit in an appraisal round: state, version (give it back when finalising), self-assessed and appraised totals, total and index as finalising would store them (null while the inputs cannot be scored), the items appraisal round 1 marked down, and `suggested`: in round 2, or in round 1 with nothing marked down (finalising a unit in round 1 with items marked down skips its explanation round).",
      request: { params: Id },
      responses: { 200: json("the units that can be finalised"), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(await c.var.services.finalisation.candidates(c.var.actor, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/campaigns/{id}/finalise",
      tags,
      ...signedIn,
      summary: "Finalise many units at once (scorer), each as on its own",
      description:
        "Each unit is finalised as `POST …/units/{unit}/transitions/finalise` would (its version checked, its deadline, its snapshot and audit), in its own transaction. Units refused (changed since, past the deadline, not in an appraisal round) are listed with why in both languages; the others are finalised all the same.",
      request: {
        params: Id,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                units: z
                  .array(z.object({ unit: z.string().max(100), version: z.number().int().min(0) }))
                  .min(1)
                  .max(5000),
                changeReason: Reason,
              }),
            },
          },
        },
      },
      responses: { 200: json("the units finalised and the units refused, with why"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { units, changeReason } = c.req.valid("json");
      return c.json(await c.var.services.finalisation.finaliseMany(c.var.actor, c.req.valid("param").id, units, changeReason), 200);
    },
  );
}
