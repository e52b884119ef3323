import type { ScoreReport } from "../../src/index.js";
import { markAppraised, scoreAssessment } from "../../src/index.js";
import { ENGINE } from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, notFound } from "../errors.js";
import type { Row } from "../storage/store.js";
import { assembleAssessment } from "./assemble-assessment.js";
import type { AssessmentService } from "./assessment-service.js";
import { recordAudit } from "./audit.js";
import type { CriteriaService } from "./criteria-service.js";
import { type LiveScores, gatherInputs } from "./live-scores.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";

export interface UnitReport {
  source: "snapshot" | "live";
  report: ScoreReport;
  snapshot?: { criteria: { family: string; version: string }; engine: string; createdAt: string; createdBy: string };
}

/**
 * One unit's score report, always recomputed by the engine from the stored inputs; finalisation
 * stores it once, as an immutable snapshot with the criteria and engine versions.
 */
export class ReportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly assessments: AssessmentService,
    private readonly live: LiveScores,
  ) {}

  /** The finalised snapshot (anyone, once published), or a live score (staff and the unit, while open). */
  async report(actor: Actor, campaignId: string, unitCode: string): Promise<UnitReport> {
    const campaign = await this.deps.store.getCampaign(campaignId);
    if (!campaign || (actor.role === "public" && campaign.state !== "published")) throw notFound(`campaign ${campaignId}`);
    if (campaign.state !== "published") requireUnitAccess(actor, unitCode);
    const snapshot = await this.deps.store.getSnapshot(campaignId, unitCode);
    if (snapshot) return fromSnapshot(snapshot);
    if (campaign.state === "published") throw notFound(`a published report of ${unitCode} in ${campaignId}`);
    const inputs = await gatherInputs(this.deps.store, campaign, unitCode);
    const scored = this.live.report(campaign, await this.criteria.forCampaign(campaign), assembleAssessment(inputs));
    if (!scored.ok) throw new ApiError("invalid-input", `the stored inputs of ${unitCode} cannot be scored yet`, { problems: toApiProblems(scored.problems) });
    return { source: "live", report: scored.value };
  }

  /** Finalises one unit (the scorer): scores it and stores the report as an immutable snapshot, in the transition's transaction. */
  finalise(actor: Actor, campaignId: string, unitCode: string, expectedVersion: number, reason?: string) {
    return this.assessments.transition(actor, campaignId, unitCode, "finalise", expectedVersion, reason, async (store, campaign) => {
      const set = await this.criteria.forCampaign(campaign, store);
      // Finalised means appraised: an appraisal that changed nothing still gives the appraised stage (appraised = self).
      const scored = scoreAssessment(set, markAppraised(assembleAssessment(await gatherInputs(store, campaign, unitCode))));
      if (!scored.ok)
        throw new ApiError("invalid-input", `${unitCode} cannot be finalised: its inputs have ${scored.problems.length} problem(s)`, {
          problems: toApiProblems(scored.problems),
        });
      const at = this.deps.now().toISOString();
      await store.insertSnapshot({
        campaign_id: campaignId,
        unit_code: unitCode,
        report: JSON.stringify(scored.value),
        criteria_family: set.family,
        criteria_version: set.version,
        engine_version: ENGINE.version,
        created_by: actor.id,
        created_at: at,
      });
      await recordAudit(store, actor, this.deps.now(), {
        action: "snapshot.create",
        campaignId,
        unitCode,
        after: { index: scored.value.totals.index, total: scored.value.totals.total, engine: ENGINE.version },
      });
    });
  }
}

function fromSnapshot(row: Row<"snapshots">): UnitReport {
  return {
    source: "snapshot",
    report: JSON.parse(row.report) as ScoreReport,
    snapshot: {
      criteria: { family: row.criteria_family, version: row.criteria_version },
      engine: row.engine_version,
      createdAt: row.created_at,
      createdBy: row.created_by,
    },
  };
}
