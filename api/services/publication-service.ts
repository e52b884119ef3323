import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { ApiError } from "../errors.js";
import { recordAudit } from "./audit.js";
import type { CampaignService } from "./campaign-service.js";
import type { LiveScores } from "./live-scores.js";
import type { RankingService } from "./ranking-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { staleVersion } from "./unit-service.js";

/** Publication (the administrator): every unit finalised; the ranking, from the snapshots, is stored once and never changes. */
export class PublicationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly campaigns: CampaignService,
    private readonly rankings: RankingService,
    private readonly live: LiveScores,
  ) {}

  async publish(actor: Actor, campaignId: string, expectedVersion: number, reason?: string) {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      if (campaign.version !== expectedVersion) throw staleVersion(`campaign ${campaignId}`, campaign.version, { state: campaign.state });
      const pending = (await store.listAssessments(campaignId)).filter((a) => a.state !== "finalised");
      if (pending.length > 0) {
        throw new ApiError("wrong-state", `${pending.length} unit(s) are not finalised yet`, { problems: pending.map((a) => ({ path: a.unit_code, message: `${a.unit_code} is ${a.state}` })) });
      }
      const view = await this.rankings.rank(store, campaign, true);
      this.live.forget(campaignId);
      const at = this.deps.now().toISOString();
      await store.updateCampaign(campaignId, expectedVersion, { state: "published", published_at: at, ranking: JSON.stringify(view) });
      for (const a of await store.listAssessments(campaignId)) await store.setAssessmentState(campaignId, a.unit_code, a.version, "published", at);
      await recordAudit(store, actor, this.deps.now(), { action: "campaign.publish", campaignId, before: { state: "open" }, after: { state: "published", units: view.blocks.reduce((n, b) => n + b.units.length, 0) }, reason });
      return { id: campaignId, state: "published", version: expectedVersion + 1, publishedAt: at };
    });
  }
}
