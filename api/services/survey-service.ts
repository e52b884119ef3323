import { readSurveyResults } from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { ApiError } from "../errors.js";
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
      // Locked: a unit being finalised at the same time keeps the survey result its snapshot scored.
      const states = new Map((await store.lockAssessments(campaignId)).map((a) => [a.unit_code, a.state]));
      const problems = [...read.value.keys()].flatMap((code) => {
        const state = states.get(code);
        if (state === undefined) return [{ path: `survey.csv: unit ${code}`, message: `unit ${code} is not in campaign ${campaignId}` }];
        return state === "finalised" || state === "published"
          ? [{ path: `survey.csv: unit ${code}`, message: `unit ${code} is ${state}; its survey result can no longer change` }]
          : [];
      });
      if (problems.length > 0) throw new ApiError("invalid-input", `the survey file has ${problems.length} problem(s)`, { problems });
      const at = this.deps.now().toISOString();
      for (const [code, results] of read.value) {
        const before = (await store.listSurveys(campaignId, code))[0];
        await store.putSurvey({ campaign_id: campaignId, unit_code: code, content: JSON.stringify(results), updated_at: at });
        await recordAudit(store, actor, this.deps.now(), {
          action: "survey.import",
          campaignId,
          unitCode: code,
          before: before ? JSON.parse(before.content) : null,
          after: results,
          reason,
        });
      }
      return { units: read.value.size };
    });
  }
}
