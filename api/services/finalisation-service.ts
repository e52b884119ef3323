import type { LocalizedText } from "../../src/index.js";
import { type Actor, isStaff } from "../auth/actor.js";
import type { AssessmentState } from "../domain.js";
import { ApiError, type EdgeProblem } from "../errors.js";
import type { CampaignService, CampaignView } from "./campaign-service.js";
import type { RankingService } from "./ranking-service.js";
import type { ReportService } from "./report-service.js";
import { markedDownItems } from "./score-rounds.js";
import type { ServiceDeps } from "./service-deps.js";
import { TRANSITIONS } from "./workflow.js";

/** A unit a scorer may finalise now (in an appraisal round), with what to know before doing it. */
export interface FinaliseCandidate {
  code: string;
  name: string;
  block: LocalizedText | null;
  state: AssessmentState;
  /** The assessment's version: finalising checks it, so a unit changed since the list was read is refused, not finalised unseen. */
  version: number;
  /** The figures finalising would store (null: the inputs cannot be scored yet, so it cannot be finalised). */
  figures: { self: number | null; appraised: number | null; total: number; index: number } | null;
  /**
   * Items appraisal round 1 marked down. In round 1 they have not been explained: finalising now
   * skips the unit's explanation round, so the list does not select such a unit by itself.
   */
  markedDown: number;
  /** Selected by default: in round 2 (explained), or in round 1 with nothing marked down. */
  suggested: boolean;
}

export interface FinaliseCandidates {
  campaign: CampaignView;
  /** The decimals the set publishes points and the index with. */
  decimals: { points: number; index: number };
  units: FinaliseCandidate[];
}

/** Units to finalise, each with the version the scorer saw. */
export interface FinalisePick {
  unit: string;
  version: number;
}

export interface FinaliseOutcome {
  finalised: string[];
  /** Units not finalised, each with why (a changed version, a deadline, a state): the others are finalised all the same. */
  refused: (EdgeProblem & { unit: string })[];
}

const FINALISABLE: readonly AssessmentState[] = TRANSITIONS.finalise.from;

/**
 * Finalising many units at once (the scorer): the units in an appraisal round with their figures
 * and versions, and finalising the chosen ones, each exactly as on its own (`ReportService.finalise`:
 * role, deadline, version, snapshot, audit) in its own transaction; one refused unit never stops the others.
 */
export class FinalisationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly campaigns: CampaignService,
    private readonly rankings: RankingService,
    private readonly reports: ReportService,
  ) {}

  async candidates(actor: Actor, campaignId: string): Promise<FinaliseCandidates> {
    if (!isStaff(actor))
      throw new ApiError(actor.role === "public" ? "unauthenticated" : "forbidden", {
        en: "finalising is for scorers",
        vi: "chốt điểm chỉ dành cho cán bộ thẩm định",
      });
    const campaign = await this.campaigns.get(actor, campaignId);
    const { store } = this.deps;
    const row = (await store.getCampaign(campaign.id))!;
    const { set, assessments, reports } = await this.rankings.reports(store, row, campaign.state === "published");
    const open = assessments.filter((a) => FINALISABLE.includes(a.state));
    const units = new Map((await store.listUnits()).map((u) => [u.code, u]));
    const markedDown = new Map<string, number>();
    for await (const { unit, assessment } of this.rankings.storedAssessments(
      store,
      row,
      open.map((a) => a.unit_code),
    )) {
      const down = markedDownItems(set, assessment);
      markedDown.set(unit, down.ok ? down.value.size : 0);
    }
    return {
      campaign,
      decimals: { points: set.display.pointsDecimals, index: set.display.indexDecimals },
      units: open.map((a): FinaliseCandidate => {
        const unit = units.get(a.unit_code);
        const summary = reports.get(a.unit_code)?.summary;
        const block = summary?.unit.block ? set.ranking.blocks.find((b) => b.code === summary.unit.block) : undefined;
        const down = markedDown.get(a.unit_code) ?? 0;
        return {
          code: a.unit_code,
          name: unit?.name ?? a.unit_code,
          block: block?.title ?? null,
          state: a.state,
          version: a.version,
          figures: summary
            ? { self: summary.totals.self, appraised: summary.totals.appraised, total: summary.totals.total, index: summary.totals.index }
            : null,
          markedDown: down,
          suggested: summary !== undefined && (a.state === "appraisal2" || down === 0),
        };
      }),
    };
  }

  /** Finalises each picked unit on its own; the ones refused are listed with why, the rest are finalised. */
  async finaliseMany(actor: Actor, campaignId: string, picks: FinalisePick[], reason?: string): Promise<FinaliseOutcome> {
    if (actor.role !== TRANSITIONS.finalise.role)
      throw new ApiError(actor.role === "public" ? "unauthenticated" : "forbidden", {
        en: `finalising is done by the ${TRANSITIONS.finalise.role} role; you are ${actor.role}`,
        vi: "chốt điểm do cán bộ thẩm định thực hiện",
      });
    if (picks.length === 0)
      throw new ApiError("invalid-request", { en: "choose at least one unit to finalise", vi: "hãy chọn ít nhất một đơn vị để chốt điểm" });
    const outcome: FinaliseOutcome = { finalised: [], refused: [] };
    for (const pick of picks) {
      try {
        await this.reports.finalise(actor, campaignId, pick.unit, pick.version, reason);
        outcome.finalised.push(pick.unit);
      } catch (error) {
        // A refusal of this unit (its state, deadline, version, inputs); anything else is a fault and stops the request.
        if (!(error instanceof ApiError) || error.status >= 500) throw error;
        outcome.refused.push({ unit: pick.unit, code: error.code, path: pick.unit, message: error.text.en, vi: error.text.vi });
      }
    }
    return outcome;
  }
}
