import { type CriteriaNode, type CriteriaSet, type LeafNode, isLeaf } from "../criteria/types.js";
import { toUnits } from "../points.js";
import { type ScoreReport, reportLeaves } from "../scoring/report.js";

/** A survey item of one unit: the indicator it reads, the value the report used and the points it gave. */
export interface SurveyItem {
  leaf: LeafNode;
  /** Index of the top-level area that holds the item. */
  area: number;
  indicator: string;
  units: number;
}

/** An item whose appraised points still differ from the self-assessed ones: it may land anywhere between. */
export interface DisputedItem {
  code: string;
  area: number;
  low: number;
  high: number;
  /** The points the report counted (the appraised ones), in units. */
  units: number;
}

/** What a replicate may change in one unit's report. */
export interface Variation {
  /** Indicator values as scored (the indicators the survey items read). */
  indicators: Record<string, number>;
  respondents: number | undefined;
  survey: SurveyItem[];
  disputed: DisputedItem[];
}

/**
 * Reads from a score report what is uncertain: the scored survey items (their indicator values
 * are in the leaf's explanation) and, when asked, the area items scored in both stages whose
 * appraised points differ from the self-assessment. Items not applicable, not entered or whose
 * stages differ in status are left as they are: moving them would change the maximum too.
 */
export function listVariation(set: CriteriaSet, report: ScoreReport, disputes: boolean): Variation {
  const leaves = new Map<string, LeafNode>();
  set.areas.forEach(function collect(node: CriteriaNode) {
    if (isLeaf(node)) leaves.set(node.code, node);
    else node.children.forEach(collect);
  });
  const variation: Variation = { indicators: {}, respondents: report.survey.respondents, survey: [], disputed: [] };
  report.areas.forEach((area, index) => {
    for (const node of reportLeaves([area])) {
      const leaf = leaves.get(node.code);
      const explained = node.leaf;
      if (!leaf || !explained || explained.status !== "scored") continue;
      if (leaf.scoring.kind === "survey") {
        const value = explained.facts[leaf.scoring.indicator];
        if (!report.survey.included || typeof value !== "number") continue;
        variation.indicators[leaf.scoring.indicator] = value;
        variation.survey.push({ leaf, area: index, indicator: leaf.scoring.indicator, units: toUnits(node.final) });
      } else if (disputes && explained.appraised && explained.appraised.status === "scored" && explained.self?.status === "scored") {
        const self = toUnits(explained.self.points);
        const appraised = toUnits(explained.appraised.points);
        if (self !== appraised) {
          variation.disputed.push({
            code: node.code,
            area: index,
            low: Math.min(self, appraised),
            high: Math.max(self, appraised),
            units: toUnits(node.final),
          });
        }
      }
    }
  });
  return variation;
}
