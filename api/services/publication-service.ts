import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { ApiError, notFound } from "../errors.js";
import type { Row } from "../storage/store.js";
import type { AssessmentService } from "./assessment-service.js";
import { recordAudit } from "./audit.js";
import type { CampaignService } from "./campaign-service.js";
import type { CriteriaService } from "./criteria-service.js";
import type { LiveScores } from "./live-scores.js";
import type { RankingService } from "./ranking-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { staleVersion } from "./unit-service.js";

/**
 * Publication (the administrator): every unit finalised under a published criteria set; the ranking, from the snapshots, is
 * stored once and never changes. The campaign and its assessments stay locked until commit, so one publication wins.
 */
export class PublicationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly campaigns: CampaignService,
    private readonly criteria: CriteriaService,
    private readonly assessments: AssessmentService,
    private readonly rankings: RankingService,
    private readonly live: LiveScores,
  ) {}

  async publish(actor: Actor, campaignId: string, expectedVersion: number, reason?: string) {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const locked = await store.lockCampaign(campaignId);
      if (!locked) throw notFound(`campaign ${campaignId}`);
      const stale = (row: Row<"campaigns">) => staleVersion(`campaign ${campaignId}`, row.version, { state: row.state });
      if (locked.version !== expectedVersion) throw stale(locked);
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      const set = await this.criteria.forCampaign(campaign, store);
      if (set.status !== "published") {
        const which = `${set.family} ${set.version}`;
        throw new ApiError("wrong-state", `criteria set ${which} is still a draft: publish it as a published version before publishing results`, {
          problems: [
            {
              path: "criteria",
              code: "criteria-draft",
              message: `criteria set ${which} has status "draft": upload it with "status": "published" (the signed decision) before publishing results scored with it`,
              vi: `bộ tiêu chí ${which} vẫn là bản dự thảo (status "draft"): hãy tải lên bản có "status": "published" (theo quyết định đã ký) trước khi công bố kết quả chấm theo bộ này`,
            },
          ],
        });
      }
      const assessments = await store.lockAssessments(campaignId);
      const pending = assessments.filter((a) => a.state !== "finalised");
      if (pending.length > 0) {
        throw new ApiError("wrong-state", `${pending.length} unit(s) are not finalised yet`, {
          problems: pending.map((a) => ({ path: a.unit_code, message: `${a.unit_code} is ${a.state}` })),
        });
      }
      const view = await this.rankings.rank(store, campaign, true);
      this.live.forget(campaignId);
      const at = this.deps.now().toISOString();
      if (!(await store.updateCampaign(campaignId, expectedVersion, { state: "published", published_at: at, ranking: JSON.stringify(view) })))
        throw stale((await store.getCampaign(campaignId))!);
      for (const a of assessments) await this.assessments.moveState(store, a, "published", at);
      await recordAudit(store, actor, this.deps.now(), {
        action: "campaign.publish",
        campaignId,
        before: { state: "open" },
        after: { state: "published", units: view.blocks.reduce((n, b) => n + b.units.length, 0) },
        reason,
      });
      return { id: campaignId, state: "published", version: expectedVersion + 1, publishedAt: at };
    });
  }
}
