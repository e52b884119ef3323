import { readSurveyResults, type SurveyResults } from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { ApiError } from "../errors.js";
import type { Store } from "../storage/store.js";
import { recordAudit } from "./audit.js";
import type { CampaignService } from "./campaign-service.js";
import type { CriteriaService } from "./criteria-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";

/** Survey results of an open campaign (staff): imported per unit until the unit is finalised. */
export class SurveyService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly campaigns: CampaignService,
  ) {}

  /** Imports survey results (CSV: unit, respondents, one column per indicator) for units not yet finalised. */
  async importSurvey(actor: Actor, campaignId: string, csv: string, reason?: string): Promise<{ units: number }> {
    requireRole(actor, "admin", "scorer");
    return this.deps.store.transaction(async (store) => {
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      const set = await this.criteria.forCampaign(campaign, store);
      const read = readSurveyResults(csv, { fileName: "survey.csv", criteria: set });
      if (!read.ok) throw new ApiError("invalid-input", `the survey file has ${read.problems.length} problem(s)`, { problems: toApiProblems(read.problems) });
      return this.saveResults(store, actor, campaignId, read.value, "survey.csv", reason);
    });
  }

  /**
   * Saves each unit's results, all or nothing, inside the caller's transaction: every unit must be in the campaign and not
   * yet finalised (its assessment rows stay locked, so a unit finalised at the same time keeps the survey its snapshot scored).
   */
  async saveResults(store: Store, actor: Actor, campaignId: string, results: Map<string, SurveyResults>, fileName: string, reason?: string) {
    const states = new Map((await store.lockAssessments(campaignId)).map((a) => [a.unit_code, a.state]));
    const problems = [...results.keys()].flatMap((code) => {
      const state = states.get(code);
      const path = `${fileName}: unit ${code}`;
      if (state === undefined)
        return [{ code: "unknown-unit", path, message: `unit ${code} is not in campaign ${campaignId}`, vi: `đơn vị ${code} không thuộc đợt ${campaignId}` }];
      return state === "finalised" || state === "published"
        ? [
            {
              code: "unit-finalised",
              path,
              message: `unit ${code} is ${state}; its survey result can no longer change`,
              vi: `đơn vị ${code} đã ${state === "published" ? "công bố" : "chốt điểm"}; không thể thay đổi kết quả khảo sát của đơn vị này nữa`,
            },
          ]
        : [];
    });
    if (problems.length > 0) throw new ApiError("invalid-input", `the survey file has ${problems.length} problem(s)`, { problems });
    const at = this.deps.now().toISOString();
    for (const [code, result] of results) {
      const before = (await store.listSurveys(campaignId, code))[0];
      await store.putSurvey({ campaign_id: campaignId, unit_code: code, content: JSON.stringify(result), updated_at: at });
      await recordAudit(store, actor, this.deps.now(), {
        action: "survey.import",
        campaignId,
        unitCode: code,
        before: before ? JSON.parse(before.content) : null,
        after: result,
        reason,
      });
    }
    return { units: results.size };
  }
}
