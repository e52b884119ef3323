import { checkAssessment } from "../assessment/check-assessment.js";
import type { Assessment } from "../assessment/types.js";
import { compareCodes } from "../criteria/compare-codes.js";
import { type IndexedLeaf, indexCriteriaSet } from "../criteria/criteria-index.js";
import { factDomain } from "../criteria/fact-domain.js";
import { rangeContains } from "../criteria/range.js";
import { type CriteriaNode, type CriteriaSet, type LocalizedText, isLeaf } from "../criteria/types.js";
import { formatScaled, formatUnits, fromUnits, percent, percentScaled, roundUnitsTo, toUnits as units } from "../points.js";
import { type Checked, type Problem, problem } from "../problem.js";
import { type LeafOutcome, NOTHING_AROSE, evaluateLeaf, isProblem } from "./evaluate-leaf.js";
import { ENGINE } from "../version.js";
import { type StageState, accumulateStage } from "./accumulate-rounds.js";
import { describeGap } from "./describe-gap.js";
import { type LeafStage, type Scored, collectCitations, explainLeaf, finalOf } from "./explain-leaf.js";
import type { AdjustmentReport, GapItem, LeafExplanation, NodeReport, ScoreReport } from "./report.js";
import { blockOf } from "../criteria/block-of.js";

/**
 * Scores one unit's assessment: every leaf in the self and appraised stages, sums up the tree,
 * applies survey, bonus and penalty policies, and explains each number. Pure: same inputs,
 * same report.
 */
export function scoreAssessment(set: CriteriaSet, input: unknown): Checked<ScoreReport> {
  const checked = checkAssessment(input, set);
  if (!checked.ok) return checked;
  const assessment = checked.value;
  const index = indexCriteriaSet(set);
  // Checking the assessment guarantees a self round or an appraisal round, so one stage at least.
  const self = accumulateStage(set, assessment, "self");
  const appraised = accumulateStage(set, assessment, "appraised");
  const problems = [...(self ? checkDerivedFacts(set, self, "self") : []), ...(appraised ? checkDerivedFacts(set, appraised, "appraised") : [])];

  const scored = new Map<string, Scored>();
  for (const [code, indexed] of index.leaves) {
    const selfStage = self ? scoreLeaf(set, indexed, self, assessment) : null;
    const appraisedStage = appraised ? scoreLeaf(set, indexed, appraised, assessment) : null;
    for (const outcome of [selfStage, appraisedStage]) if (outcome && isProblem(outcome)) problems.push(outcome);
    if ((selfStage && isProblem(selfStage)) || (appraisedStage && isProblem(appraisedStage))) continue;
    scored.set(code, { self: selfStage, appraised: appraisedStage });
  }
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };

  const finalState = (appraised ?? self)!;
  const citations = collectCitations(assessment);
  const explanations = new Map<string, LeafExplanation>();
  for (const [code, indexed] of index.leaves) explanations.set(code, explainLeaf(indexed, scored.get(code)!, citations, finalState));
  const explain = (leafCode: string): LeafExplanation => explanations.get(leafCode)!;
  const areas = set.areas.map((area) => reportNode(area, scored, explain, set.display.indexDecimals));
  const bonus = reportAdjustment(set, "bonus", scored, explain);
  const penalty = reportAdjustment(set, "penalty", scored, explain);

  const sum = (pick: (n: NodeReport) => number) => areas.reduce((total, area) => total + pick(area), 0);
  const applicable = sum((n) => units(n.applicableMax));
  const points = sum((n) => units(n.final));
  const total = points + units(bonus?.counted ?? 0) - units(penalty?.counted ?? 0);
  const decimals = set.display.indexDecimals;
  const indexScaled = percentScaled(total, applicable, decimals);
  const indexValue = indexScaled / 10 ** decimals;
  const band = set.classes.find((c) => rangeContains(c.index, indexValue));
  const surveyUnits = [...index.leaves.values()]
    .filter((l) => l.leaf.scoring.kind === "survey")
    .reduce((s, l) => s + finalOf(scored.get(l.leaf.code)!).units, 0);
  const block = blockOf(set, assessment.unit)!.code;

  const report: ScoreReport = {
    engine: { ...ENGINE },
    criteria: { family: set.family, version: set.version },
    display: { ...set.display },
    unit: { ...assessment.unit, block },
    year: assessment.year,
    survey: {
      included: assessment.survey !== undefined && index.hasSurvey,
      ...(assessment.survey?.respondents !== undefined ? { respondents: assessment.survey.respondents } : {}),
      ...(assessment.survey?.source !== undefined ? { source: assessment.survey.source } : {}),
    },
    stage: appraised ? "appraised" : "self-assessed",
    areas,
    bonus,
    penalty,
    totals: {
      max: set.totalMax,
      applicableMax: fromUnits(applicable),
      self: self ? fromUnits(sum((n) => units(n.self ?? 0))) : null,
      appraised: appraised ? fromUnits(sum((n) => units(n.appraised ?? 0))) : null,
      points: fromUnits(points),
      bonus: bonus?.counted ?? 0,
      penalty: penalty?.counted ?? 0,
      total: fromUnits(total),
      index: indexValue,
      indexText: formatScaled(indexScaled, decimals),
      indexExact: { numerator: total, denominator: applicable },
      class: band ? { code: band.code, title: band.title } : null,
      surveyPoints: fromUnits(surveyUnits),
    },
    selfGap: self
      ? areas.map((area) => ({
          code: area.code,
          title: area.title,
          self: area.self ?? 0,
          appraised: area.appraised ?? area.self ?? 0,
          gap: fromUnits(units(area.appraised ?? area.self ?? 0) - units(area.self ?? 0)),
        }))
      : [],
    missingEvidence: [],
    missingFacts: [],
    gaps: [],
  };
  for (const [code, indexed] of index.leaves) {
    const leaf = indexed.leaf;
    const outcome = finalOf(scored.get(code)!);
    const explanation = explain(code);
    if (outcome.status === "missing-facts") {
      report.missingFacts.push({ code, title: leaf.title, facts: Object.keys(outcome.facts).filter((f) => outcome.facts[f] === null) });
    }
    if (leaf.evidence && leaf.scoring.kind !== "survey" && explanation.evidence.length === 0 && (outcome.units > 0 || outcome.status === "not-applicable")) {
      report.missingEvidence.push({ code, title: leaf.title });
    }
    if (indexed.section === "areas" && outcome.applicable > outcome.units) {
      report.gaps.push(gapItem(set, indexed, outcome, finalState, assessment));
    }
  }
  report.gaps.sort((a, b) => units(b.available) - units(a.available) || compareCodes(a.code, b.code));
  return { ok: true, value: report };
}

function scoreLeaf(set: CriteriaSet, indexed: IndexedLeaf, state: StageState, assessment: Assessment): LeafStage | Problem {
  const { leaf } = indexed;
  const max = units(leaf.max);
  const item = state.items.get(leaf.code);
  const naPolicy = leaf.notApplicable?.policy;
  const nothingArose = indexed.reads.filter((name) => state.facts.get(name) === NOTHING_AROSE);
  if (naPolicy && (item?.notApplicable === true || nothingArose.length > 0)) {
    const because: LocalizedText = item?.notApplicable
      ? { vi: `không phát sinh${item.reason ? `: ${item.reason}` : ""}`, en: `not applicable${item.reason ? `: ${item.reason}` : ""}` }
      : { vi: `không phát sinh (${nothingArose.join(", ")} có mẫu số bằng 0)`, en: `nothing arose (${nothingArose.join(", ")} has a zero denominator)` };
    return naPolicy === "full"
      ? {
          status: "not-applicable",
          units: max,
          applicable: max,
          why: { vi: `${because.vi} → đạt tối đa ${leaf.max}`, en: `${because.en} → full ${leaf.max}` },
          facts: {},
        }
      : {
          status: "not-applicable",
          units: 0,
          applicable: 0,
          why: { vi: `${because.vi} → không tính vào điểm tối đa`, en: `${because.en} → left out of the maximum` },
          facts: {},
        };
  }
  if (leaf.scoring.kind === "survey" && !assessment.survey) {
    const rescale = set.survey?.whenAbsent !== "zero";
    return {
      status: "survey-absent",
      units: 0,
      applicable: rescale ? 0 : max,
      why: rescale
        ? {
            vi: "không có kết quả điều tra xã hội học → không tính vào điểm tối đa (quy về thang 100)",
            en: "no survey result → left out of the maximum (rescaled to 100)",
          }
        : { vi: "không có kết quả điều tra xã hội học → 0 điểm", en: "no survey result → 0 points" },
      facts: {},
    };
  }
  const outcome = evaluateLeaf(set, leaf, { facts: state.facts, points: item?.points, survey: assessment.survey?.indicators ?? null });
  if (isProblem(outcome)) return outcome;
  return { ...roundPerCriterion(set, outcome), applicable: indexed.section === "areas" ? max : 0 };
}

/** Under `display.rounding: "criterion"` an item's points are rounded before they are summed, and the reason says so. */
function roundPerCriterion(set: CriteriaSet, outcome: LeafOutcome): LeafOutcome {
  if (set.display.rounding !== "criterion") return outcome;
  const rounded = roundUnitsTo(outcome.units, set.display.pointsDecimals);
  if (rounded === outcome.units) return outcome;
  const shown = formatUnits(rounded, set.display.pointsDecimals);
  return { ...outcome, units: rounded, why: { vi: `${outcome.why.vi}, làm tròn ${shown}`, en: `${outcome.why.en}, rounded to ${shown}` } };
}

/** A node and its subtree, summed exactly; sub-indices rounded to the set's index precision. */
function reportNode(node: CriteriaNode, scored: Map<string, Scored>, explain: (code: string) => LeafExplanation, decimals: number): NodeReport {
  if (isLeaf(node)) {
    const s = scored.get(node.code)!;
    const final = finalOf(s);
    return {
      code: node.code,
      title: node.title,
      max: node.max,
      applicableMax: fromUnits(final.applicable),
      self: s.self ? fromUnits(s.self.units) : null,
      appraised: s.appraised ? fromUnits(s.appraised.units) : null,
      final: fromUnits(final.units),
      subIndex: subIndex(final.units, final.applicable, decimals),
      leaf: explain(node.code),
    };
  }
  const children = node.children.map((child) => reportNode(child, scored, explain, decimals));
  const total = (pick: (n: NodeReport) => number) => children.reduce((sum, child) => sum + units(pick(child)), 0);
  const appraised = children.every((c) => c.appraised !== null) ? fromUnits(total((c) => c.appraised ?? 0)) : null;
  const final = total((c) => c.final);
  const applicable = total((c) => c.applicableMax);
  return {
    code: node.code,
    title: node.title,
    max: node.max,
    applicableMax: fromUnits(applicable),
    self: children.every((c) => c.self !== null) ? fromUnits(total((c) => c.self ?? 0)) : null,
    appraised,
    final: fromUnits(final),
    subIndex: subIndex(final, applicable, decimals),
    children,
  };
}

function reportAdjustment(
  set: CriteriaSet,
  section: "bonus" | "penalty",
  scored: Map<string, Scored>,
  explain: (code: string) => LeafExplanation,
): AdjustmentReport | null {
  const adjustment = set[section];
  if (!adjustment) return null;
  const items = adjustment.items.map((item) => reportNode(item, scored, explain, set.display.indexDecimals));
  const claimed = items.reduce((sum, item) => sum + units(item.final), 0);
  return { cap: adjustment.cap, claimed: fromUnits(claimed), counted: fromUnits(Math.min(claimed, units(adjustment.cap))), items };
}

function gapItem(set: CriteriaSet, indexed: IndexedLeaf, outcome: LeafStage, state: StageState, assessment: Assessment): GapItem {
  const available = outcome.applicable - outcome.units;
  return {
    code: indexed.leaf.code,
    title: indexed.leaf.title,
    available: fromUnits(available),
    hint: describeGap(set, indexed.leaf, {
      status: outcome.status,
      units: outcome.units,
      available,
      facts: state.facts,
      survey: assessment.survey?.indicators ?? null,
    }),
  };
}

function checkDerivedFacts(set: CriteriaSet, state: StageState, stage: string): Problem[] {
  const problems: Problem[] = [];
  for (const [name, declaration] of Object.entries(set.facts)) {
    const value = state.facts.get(name);
    if (!declaration.derived || typeof value !== "number") continue;
    const { min, max } = factDomain(declaration);
    if (value < min || value > max) {
      const { numerator, denominator } = declaration.derived.ratio;
      problems.push(
        problem(
          "fact-invalid",
          `facts.${name}`,
          `${name} = ${numerator} / ${denominator} = ${Math.round(value * 100) / 100} in the ${stage} stage, outside ${min}…${max}: check ${numerator} (${String(state.facts.get(numerator))}) and ${denominator} (${String(state.facts.get(denominator))})`,
          `${name} = ${numerator} / ${denominator} = ${Math.round(value * 100) / 100} nằm ngoài khoảng ${min}…${max}: kiểm tra lại ${numerator} (${String(state.facts.get(numerator))}) và ${denominator} (${String(state.facts.get(denominator))})`,
        ),
      );
    }
  }
  return problems;
}

function subIndex(points: number, applicable: number, decimals: number): number | null {
  return applicable > 0 ? percent(points, applicable, decimals) : null;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
