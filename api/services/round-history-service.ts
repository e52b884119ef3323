import type { Actor } from "../auth/actor.js";
import { requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, notFound } from "../errors.js";
import type { ScoreReport } from "../../src/index.js";
import { assembleAssessment } from "./assemble-assessment.js";
import type { CriteriaService } from "./criteria-service.js";
import { gatherInputs } from "./live-scores.js";
import { type RoundHistory, buildRoundHistory } from "./round-history.js";
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

  /** The codes of the items appraisal round 1 marked down: the ones the unit explains. */
  async markedDown(actor: Actor, campaignId: string, unitCode: string): Promise<string[]> {
    const history = await this.history(actor, campaignId, unitCode);
    return history.sections.flatMap((s) => s.rows.filter((r) => r.markedDown).map((r) => r.code));
  }
}
