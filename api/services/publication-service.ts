import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import type { CriteriaSet } from "../../src/index.js";
import { ApiError, type EdgeProblem, notFound } from "../errors.js";
import type { Row } from "../storage/store.js";
import type { AssessmentService } from "./assessment-service.js";
import { recordAudit } from "./audit.js";
import { type CampaignService, type CampaignView, toCampaignView } from "./campaign-service.js";
import type { CriteriaService } from "./criteria-service.js";
import type { LiveScores } from "./live-scores.js";
import type { RankingService } from "./ranking-service.js";
import type { RankingView } from "./ranking-view.js";
import type { ServiceDeps } from "./service-deps.js";
import { staleVersion } from "./unit-service.js";

export interface PublicationPreview {
  campaign: CampaignView;
  /** The ranking publication would store (snapshots of the finalised units), or the published one. */
  ranking: RankingView;
  /** Units not finalised yet: publication waits for every one. */
  pending: { unit: string; state: string }[];
  /** Why publishing is refused now (empty: it may go ahead). */
  refusals: EdgeProblem[];
}

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

  /**
   * What publishing would do now (the administrator): the ranking it would store, from the finalised units' snapshots;
   * the units not finalised yet and a draft criteria set, each of which refuses publication.
   */
  async preview(actor: Actor, campaignId: string): Promise<PublicationPreview> {
    requireRole(actor, "admin");
    const { store } = this.deps;
    const campaign = await store.getCampaign(campaignId);
    if (!campaign) throw notFound({ en: `campaign ${campaignId}`, vi: `đợt đánh giá ${campaignId}` });
    const set = await this.criteria.forCampaign(campaign);
    const pending = campaign.state === "published" ? [] : notFinalised(await store.listAssessments(campaignId));
    const refusals = [...(set.status === "published" ? [] : [criteriaDraft(set)]), ...pending.map((a) => notFinalisedProblem(a))];
    return {
      campaign: toCampaignView(campaign),
      ranking: campaign.state === "published" ? (await this.rankings.ranking(actor, campaignId)).view : await this.rankings.rank(store, campaign, true),
      pending,
      refusals,
    };
  }

  async publish(actor: Actor, campaignId: string, expectedVersion: number, reason?: string) {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const locked = await store.lockCampaign(campaignId);
      if (!locked) throw notFound(`campaign ${campaignId}`);
      const stale = (row: Row<"campaigns">) => staleVersion(`campaign ${campaignId}`, row.version, { state: row.state });
      if (locked.version !== expectedVersion) throw stale(locked);
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      const set = await this.criteria.forCampaign(campaign, store);
      if (set.status !== "published")
        throw new ApiError(
          "wrong-state",
          `criteria set ${set.family} ${set.version} is still a draft: publish it as a published version before publishing results`,
          { problems: [criteriaDraft(set)] },
        );
      const assessments = await store.lockAssessments(campaignId);
      const pending = notFinalised(assessments);
      if (pending.length > 0) {
        throw new ApiError("wrong-state", `${pending.length} unit(s) are not finalised yet`, {
          problems: pending.map((a) => ({ path: a.unit, message: `${a.unit} is ${a.state}` })),
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

function notFinalised(assessments: Row<"assessments">[]): { unit: string; state: string }[] {
  return assessments.filter((a) => a.state !== "finalised" && a.state !== "published").map((a) => ({ unit: a.unit_code, state: a.state }));
}

function notFinalisedProblem(a: { unit: string; state: string }): EdgeProblem {
  return {
    code: "not-finalised",
    path: a.unit,
    message: `${a.unit} is ${a.state}, not finalised`,
    vi: `${a.unit} đang ở trạng thái ${a.state}, chưa chốt điểm`,
  };
}

function criteriaDraft(set: CriteriaSet): EdgeProblem {
  const which = `${set.family} ${set.version}`;
  return {
    path: "criteria",
    code: "criteria-draft",
    message: `criteria set ${which} has status "draft": upload it with "status": "published" (the signed decision) before publishing results scored with it`,
    vi: `bộ tiêu chí ${which} vẫn là bản dự thảo (status "draft"): hãy tải lên bản có "status": "published" (theo quyết định đã ký) trước khi công bố kết quả chấm theo bộ này`,
  };
}
