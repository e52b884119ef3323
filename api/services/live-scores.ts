import type { Assessment } from "../../src/index.js";
import type { CriteriaSet } from "../../src/index.js";
import type { Checked } from "../../src/index.js";
import type { ScoreReport } from "../../src/index.js";
import { compileScorer } from "../../src/index.js";
import { notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import type { StoredInputs } from "./assemble-assessment.js";

const MAX_LIVE_REPORTS = 20_000;

/**
 * Live scores of open campaigns: per campaign and unit, the last report with the inputs it came
 * from, so a ranking or report rescores only the units whose inputs changed (the set of a
 * campaign never changes). Reports come from the set's compiled scorer (`explain`): rankings,
 * worklists and the robustness analysis read the full reports. Shared by reports, rankings and
 * publication.
 */
export class LiveScores {
  private readonly reports = new Map<string, { inputs: string; report: ScoreReport }>();

  score(campaign: Pick<Row<"campaigns">, "id">, set: CriteriaSet, assessment: Assessment): Checked<ScoreReport> {
    const key = `${campaign.id}\n${assessment.unit.code}`;
    const inputs = JSON.stringify(assessment);
    const last = this.reports.get(key);
    if (last?.inputs === inputs) return { ok: true, value: last.report };
    const scored = compileScorer(set).explain(assessment);
    if (scored.ok) {
      if (this.reports.size >= MAX_LIVE_REPORTS) this.reports.clear();
      this.reports.set(key, { inputs, report: scored.value });
    }
    return scored;
  }

  forget(campaignId: string): void {
    for (const key of this.reports.keys()) if (key.startsWith(`${campaignId}\n`)) this.reports.delete(key);
  }
}

/** One unit's stored inputs in a campaign (404 when the unit does not exist). */
export async function gatherInputs(store: Store, campaign: Row<"campaigns">, unitCode: string): Promise<StoredInputs> {
  const [unit, entries, evidence, surveys] = await Promise.all([
    store.getUnit(unitCode),
    store.listEntries(campaign.id, unitCode),
    store.listEvidence(campaign.id, unitCode),
    store.listSurveys(campaign.id, unitCode),
  ]);
  if (!unit) throw notFound(`unit ${unitCode}`);
  return { unit, campaign, entries, evidence, survey: surveys[0] };
}
