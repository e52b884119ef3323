import { loadCriteriaSet } from "../criteria/load-criteria-set.js";
import { type ClassBand, type CriteriaNode, type CriteriaSet, type LeafNode, type NotApplicablePolicy, isLeaf } from "../criteria/types.js";
import { fromUnits, toUnits } from "../points.js";
import { type Checked, problem } from "../problem.js";

/** A changed policy for a what-if: each field left out keeps the set's own rule. */
export interface Policy {
  /** Total points of the survey items; each item keeps its share of the survey, the maxima above follow. */
  surveyWeight?: number;
  /** A unit without a survey: leave the survey out and rescale, or score it 0. */
  missingSurvey?: "rescale" | "zero";
  /** Every item that may be declared not applicable: leave it out of the maximum, or give it full points. */
  notApplicable?: NotApplicablePolicy;
  /** Lower edges of the classes from the top class down (one fewer than the classes), strictly decreasing. */
  classEdges?: number[];
}

/**
 * The criteria set with a changed policy, as data: the policy lives in the set, so a what-if is
 * the same engine on a derived set, checked by `loadCriteriaSet` like any set. Survey items are
 * scaled in exact units (the last item takes the rounding remainder) with their tier points.
 */
export function derivePolicySet(set: CriteriaSet, policy: Policy): Checked<CriteriaSet> {
  const derived: CriteriaSet = structuredClone(set);
  if (policy.surveyWeight !== undefined) {
    const leaves = surveyLeaves(derived.areas);
    const total = leaves.reduce((sum, leaf) => sum + toUnits(leaf.max), 0);
    if (total === 0 || !(policy.surveyWeight >= 0)) {
      return {
        ok: false,
        problems: [
          problem(
            "range-invalid",
            "surveyWeight",
            `the set has no survey items to weigh, or the weight ${policy.surveyWeight} is negative`,
            `bộ tiêu chí không có tiêu chí khảo sát, hoặc trọng số ${policy.surveyWeight} âm`,
          ),
        ],
      };
    }
    const target = toUnits(policy.surveyWeight);
    let given = 0;
    leaves.forEach((leaf, i) => {
      const old = toUnits(leaf.max);
      const units = i === leaves.length - 1 ? target - given : Math.round((old * target) / total);
      given += units;
      if (leaf.scoring.kind === "survey" && "tiers" in leaf.scoring) {
        for (const tier of leaf.scoring.tiers) tier.points = fromUnits(Math.min(units, Math.round((toUnits(tier.points) * units) / old)));
      }
      leaf.max = fromUnits(units);
    });
    derived.areas.forEach(resum);
    derived.totalMax = fromUnits(derived.areas.reduce((sum, area) => sum + toUnits(area.max), 0));
  }
  if (policy.missingSurvey && derived.survey) derived.survey.whenAbsent = policy.missingSurvey;
  if (policy.notApplicable) {
    for (const leaf of allLeaves(derived)) if (leaf.notApplicable) leaf.notApplicable = { policy: policy.notApplicable };
  }
  if (policy.classEdges) {
    const edges = policy.classEdges;
    if (edges.length !== derived.classes.length - 1 || edges.some((edge, i) => i > 0 && !(edge < edges[i - 1]!))) {
      return {
        ok: false,
        problems: [
          problem(
            "range-invalid",
            "classEdges",
            `give ${derived.classes.length - 1} lower edges, highest first and strictly decreasing (got ${edges.join(", ")})`,
            `cần ${derived.classes.length - 1} ngưỡng dưới, từ cao xuống thấp, giảm dần (đang là ${edges.join(", ")})`,
          ),
        ],
      };
    }
    derived.classes = derived.classes.map((band, i): ClassBand => {
      const { gte: _gte, gt: _gt, lt: _lt, lte: _lte, ...rest } = band.index;
      const upper =
        i === 0
          ? { ...(band.index.lt !== undefined ? { lt: band.index.lt } : {}), ...(band.index.lte !== undefined ? { lte: band.index.lte } : {}) }
          : { lt: edges[i - 1]! };
      const lower =
        i < edges.length
          ? { gte: edges[i]! }
          : { ...(band.index.gte !== undefined ? { gte: band.index.gte } : {}), ...(band.index.gt !== undefined ? { gt: band.index.gt } : {}) };
      return { ...band, index: { ...rest, ...lower, ...upper } };
    });
  }
  return loadCriteriaSet(derived);
}

/**
 * The set's own policy in the terms of a what-if, so a form can show what is changed from what:
 * the survey items' total maximum (when it has survey items), the missing-survey rule, the
 * not-applicable policy when every item that may be declared not applicable shares one, and the
 * classes' lower edges when each class but the last has one.
 */
export function currentPolicy(set: CriteriaSet): Policy {
  const survey = surveyLeaves(set.areas);
  const naPolicies = new Set(allLeaves(set).flatMap((leaf) => (leaf.notApplicable ? [leaf.notApplicable.policy] : [])));
  const edges = set.classes.slice(0, -1).map((band) => band.index.gte ?? band.index.gt);
  return {
    ...(survey.length > 0 ? { surveyWeight: fromUnits(survey.reduce((sum, leaf) => sum + toUnits(leaf.max), 0)) } : {}),
    ...(set.survey ? { missingSurvey: set.survey.whenAbsent } : {}),
    ...(naPolicies.size === 1 ? { notApplicable: [...naPolicies][0]! } : {}),
    ...(edges.every((edge) => edge !== undefined) ? { classEdges: edges as number[] } : {}),
  };
}

function surveyLeaves(nodes: CriteriaNode[]): LeafNode[] {
  return nodes.flatMap((node) => (isLeaf(node) ? (node.scoring.kind === "survey" ? [node] : []) : surveyLeaves(node.children)));
}

function allLeaves(set: CriteriaSet): LeafNode[] {
  const walk = (nodes: CriteriaNode[]): LeafNode[] => nodes.flatMap((node) => (isLeaf(node) ? [node] : walk(node.children)));
  return [...walk(set.areas), ...(set.bonus?.items ?? []), ...(set.penalty?.items ?? [])];
}

/** A branch's maximum as the sum of its children's, after the survey items were re-weighed. */
function resum(node: CriteriaNode): number {
  if (isLeaf(node)) return toUnits(node.max);
  const units = node.children.reduce((sum, child) => sum + resum(child), 0);
  node.max = fromUnits(units);
  return units;
}
