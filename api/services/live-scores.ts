import type { Assessment } from "../../src/index.js";
import type { CriteriaSet } from "../../src/index.js";
import type { Checked } from "../../src/index.js";
import type { ScoreReport, ScoreSummary } from "../../src/index.js";
import { compileScorer, summariseReport } from "../../src/index.js";
import { notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import type { StoredInputs } from "./assemble-assessment.js";

const MAX_LIVE_REPORTS = 20_000;

/**
 * Live scores of open campaigns: per campaign and unit, the last scores with the inputs they came
 * from, so a ranking or report rescores only the units whose inputs changed (the set of a
 * campaign never changes). A ranking needs only each unit's summary, which the set's compiled
 * scorer gives; the full report with its explanations is written when a report is read. Shared
 * by reports, rankings and publication.
 */
export class LiveScores {
  private readonly scores = new Map<string, { inputs: string; summary: ScoreSummary; report?: ScoreReport }>();

  /** The unit's full report, every explanation included. */
  score(campaign: Pick<Row<"campaigns">, "id">, set: CriteriaSet, assessment: Assessment): Checked<ScoreReport> {
    const { key, inputs, last } = this.lookup(campaign, assessment);
    if (last?.report) return { ok: true, value: last.report };
    const scored = compileScorer(set).explain(assessment);
    if (scored.ok) this.remember(key, { inputs, summary: last?.summary ?? summariseReport(scored.value), report: scored.value });
    return scored;
  }

  /** The unit's figures for a ranking (the same as its report's), from the compiled scorer. */
  summarise(campaign: Pick<Row<"campaigns">, "id">, set: CriteriaSet, assessment: Assessment): Checked<ScoreSummary> {
    const { key, inputs, last } = this.lookup(campaign, assessment);
    if (last) return { ok: true, value: last.summary };
    const scored = compileScorer(set).score(assessment);
    if (scored.ok) this.remember(key, { inputs, summary: scored.value });
    return scored;
  }

  forget(campaignId: string): void {
    for (const key of this.scores.keys()) if (key.startsWith(`${campaignId}\n`)) this.scores.delete(key);
  }

  private lookup(campaign: Pick<Row<"campaigns">, "id">, assessment: Assessment) {
    const key = `${campaign.id}\n${assessment.unit.code}`;
    const inputs = JSON.stringify(assessment);
    const last = this.scores.get(key);
    return { key, inputs, last: last?.inputs === inputs ? last : undefined };
  }

  private remember(key: string, entry: { inputs: string; summary: ScoreSummary; report?: ScoreReport }): void {
    if (this.scores.size >= MAX_LIVE_REPORTS && !this.scores.has(key)) this.scores.clear();
    this.scores.set(key, entry);
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
