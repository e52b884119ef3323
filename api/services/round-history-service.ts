import type { Actor } from "../auth/actor.js";
import { requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, notFound } from "../errors.js";
import type { ScoreReport } from "../../src/index.js";
import { assembleAssessment } from "./assemble-assessment.js";
import type { CriteriaService } from "./criteria-service.js";
import { type LiveScores, gatherInputs } from "./live-scores.js";
import { type RoundHistory, buildRoundHistory } from "./round-history.js";
import { markedDownCodes, markedDownItems } from "./score-rounds.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";

/**
 * Every round's points and comments per item of one unit (staff and the unit itself, open or
 * published), from the entries stored per round, never from the audit trail.
 */
export class RoundHistoryService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly live: LiveScores,
  ) {}

  async history(actor: Actor, campaignId: string, unitCode: string): Promise<RoundHistory & { campaignId: string }> {
    requireUnitAccess(actor, unitCode);
    const { store } = this.deps;
    const [campaign, assessment] = await Promise.all([store.getCampaign(campaignId), store.getAssessment(campaignId, unitCode)]);
    if (!campaign || !assessment)
      throw notFound({ en: `assessment of unit ${unitCode} in campaign ${campaignId}`, vi: `bản đánh giá của đơn vị ${unitCode} trong đợt ${campaignId}` });
    const [set, inputs, snapshot] = await Promise.all([
      this.criteria.forCampaign(campaign),
      gatherInputs(store, campaign, unitCode),
      store.getSnapshot(campaignId, unitCode),
    ]);
    const built = buildRoundHistory(set, assembleAssessment(inputs), assessment.state, snapshot ? (JSON.parse(snapshot.report) as ScoreReport) : undefined);
    if (!built.ok)
      throw new ApiError(
        "invalid-input",
        { en: `the stored inputs of ${unitCode} cannot be scored yet`, vi: `chưa tính điểm được từ dữ liệu đã lưu của ${unitCode}` },
        { problems: toApiProblems(built.problems) },
      );
    return { campaignId, ...built.value };
  }

  /**
   * The codes of the items appraisal round 1 marked down (`markedDownItems`): the ones the unit explains,
   * and the ones every page flags, whatever round 2 changed since.
   */
  async markedDown(actor: Actor, campaignId: string, unitCode: string): Promise<Set<string>> {
    requireUnitAccess(actor, unitCode);
    const { store } = this.deps;
    const campaign = await store.getCampaign(campaignId);
    if (!campaign) throw notFound({ en: `campaign ${campaignId}`, vi: `đợt ${campaignId}` });
    const [set, inputs] = await Promise.all([this.criteria.forCampaign(campaign), gatherInputs(store, campaign, unitCode)]);
    const assessment = assembleAssessment(inputs);
    // Before the explanation round the assessment is as round 1 left it: its live report (kept for the unit's pages) is the report after round 1.
    const asRound1Left = assessment.rounds.every((r) => r.round === "self" || r.round === "appraisal1");
    const live = asRound1Left ? this.live.report(campaign, set, assessment) : undefined;
    const down = live?.ok ? { ok: true as const, value: markedDownCodes(live.value) } : markedDownItems(set, assessment);
    if (!down.ok)
      throw new ApiError(
        "invalid-input",
        { en: `the stored inputs of ${unitCode} cannot be scored yet`, vi: `chưa tính điểm được từ dữ liệu đã lưu của ${unitCode}` },
        { problems: toApiProblems(down.problems) },
      );
    return down.value;
  }
}
