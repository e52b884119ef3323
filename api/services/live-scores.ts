import {
  type Assessment,
  type Checked,
  type CriteriaSet,
  type ScoreReport,
  type ScoreSummary,
  type Variation,
  compileScorer,
  listVariation,
  reportLeaves,
  summariseReport,
} from "../../src/index.js";
import { notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import type { StoredInputs } from "./assemble-assessment.js";

const MAX_LIVE_UNITS = 20_000;
/** Full reports kept for the unit pages (a scorer's or a ward's next click on the same unit): a few, each ~80 KB of explanations. */
const RECENT_REPORTS = 16;

/**
 * What the worklist, the live ranking and the robustness analysis read of one unit's report: the
 * summary (areas and totals), the per-item tallies the worklist shows, and what may vary in a
 * robustness replicate. A few hundred bytes where the full report with every explanation is
 * hundreds of kilobytes.
 */
export interface LiveFigures {
  summary: ScoreSummary;
  /** Items scored in both stages whose appraised points differ from the self-assessed ones (not the survey's). */
  disputed: number;
  /** Items that earn points (or claim not applicable) citing none of the evidence the set expects (`missingEvidence`). */
  missingEvidence: number;
  /** Survey items and disputed items (`listVariation` with disputes). */
  variation: Variation;
}

/** The figures of a full report (a live score or a finalised snapshot). */
export function figuresOf(set: CriteriaSet, report: ScoreReport): LiveFigures {
  const leaves = reportLeaves([...report.areas, ...(report.bonus?.items ?? []), ...(report.penalty?.items ?? [])]);
  const disputed = leaves.filter(({ leaf }) => {
    if (!leaf || leaf.kind === "survey") return false;
    return leaf.self?.status === "scored" && leaf.appraised?.status === "scored" && leaf.self.points !== leaf.appraised.points;
  }).length;
  return { summary: summariseReport(report), disputed, missingEvidence: report.missingEvidence.length, variation: listVariation(set, report, true) };
}

/**
 * Live scores of open campaigns: per campaign and unit, the figures of the last report with the
 * inputs it came from, so a ranking, a worklist or an analysis rescores only the units whose inputs
 * changed (the set of a campaign never changes). Each unit's report is explained once per change of
 * its inputs (`explain`) and only its figures are kept; a page that shows the explanation (the
 * unit's report) asks for the full report (`report`; the last few kept). Shared by reports, rankings and publication.
 */
export class LiveScores {
  private readonly figures = new Map<string, { inputs: string; figures: LiveFigures }>();
  /** The last few full reports asked for (the units someone is working on), oldest dropped first. */
  private readonly recent = new Map<string, { inputs: string; report: ScoreReport }>();

  /** The unit's figures, from the last report while its inputs are unchanged. */
  score(campaign: Pick<Row<"campaigns">, "id">, set: CriteriaSet, assessment: Assessment): Checked<LiveFigures> {
    const key = `${campaign.id}\n${assessment.unit.code}`;
    const inputs = JSON.stringify(assessment);
    const last = this.figures.get(key);
    if (last?.inputs === inputs) return { ok: true, value: last.figures };
    const scored = this.explain(key, inputs, set, assessment);
    return scored.ok ? { ok: true, value: this.figures.get(key)!.figures } : scored;
  }

  /** The full report with every explanation (the unit's pages); its figures are kept for the others. */
  report(campaign: Pick<Row<"campaigns">, "id">, set: CriteriaSet, assessment: Assessment): Checked<ScoreReport> {
    const key = `${campaign.id}\n${assessment.unit.code}`;
    const inputs = JSON.stringify(assessment);
    const last = this.recent.get(key);
    this.recent.delete(key);
    if (last?.inputs === inputs) {
      this.recent.set(key, last);
      return { ok: true, value: last.report };
    }
    const scored = this.explain(key, inputs, set, assessment);
    if (scored.ok) {
      if (this.recent.size >= RECENT_REPORTS) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(key, { inputs, report: scored.value });
    }
    return scored;
  }

  forget(campaignId: string): void {
    for (const cache of [this.figures, this.recent]) for (const key of cache.keys()) if (key.startsWith(`${campaignId}\n`)) cache.delete(key);
  }

  private explain(key: string, inputs: string, set: CriteriaSet, assessment: Assessment): Checked<ScoreReport> {
    const scored = compileScorer(set).explain(assessment);
    if (scored.ok) {
      if (this.figures.size >= MAX_LIVE_UNITS) this.figures.clear();
      this.figures.set(key, { inputs, figures: figuresOf(set, scored.value) });
    }
    return scored;
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
