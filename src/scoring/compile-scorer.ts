import { checkAssessment } from "../assessment/check-assessment.js";
import type { Assessment, RoundInput } from "../assessment/types.js";
import { blockOf } from "../criteria/block-of.js";
import { indexCriteriaSet } from "../criteria/criteria-index.js";
import { factDomain } from "../criteria/fact-domain.js";
import { rangeContains } from "../criteria/range.js";
import type { CriteriaSet } from "../criteria/types.js";
import { formatScaled, fromUnits, percent, percentScaled, toUnits } from "../points.js";
import type { Checked } from "../problem.js";
import { ENGINE } from "../version.js";
import { type CompiledLeaf, compileLeaf, readsNothingArose } from "./compile-leaf.js";
import { NOTHING_AROSE, type ResolvedFact } from "./evaluate-leaf.js";
import { type AreaSummary, type ScoreReport, type ScoreSummary, summariseReport } from "./report.js";
import { scoreAssessment } from "./score-assessment.js";

/**
 * A criteria set compiled once into a scorer: the tree flattened into a list of leaves with
 * their top-level area, every rule built into a closure, points, tiers and caps in integer units.
 * `score` gives the same figures as `scoreAssessment` (a property test compares them on the
 * goldens, the demo province and random assessments) without writing a word of explanation;
 * `explain` gives the full report from the same inputs when someone reads it. Whatever the fast
 * path cannot settle alone (a rule that fails, a derived fact out of its domain) it hands to the
 * full evaluation, so problems are the same too.
 */
export interface CompiledScorer {
  readonly set: CriteriaSet;
  /** Checks the input like `scoreAssessment`, then scores it. */
  score(input: unknown): Checked<ScoreSummary>;
  /** Scores an assessment that already passed `checkAssessment` against this set (stored entries, a checked file). */
  scoreChecked(assessment: Assessment): Checked<ScoreSummary>;
  /** The full report: every leaf's rule, facts, evidence and reasons (`scoreAssessment`). */
  explain(input: unknown): Checked<ScoreReport>;
  /** Each leaf compiled, by code (the robustness analysis re-scores survey items with them). */
  readonly leaves: ReadonlyMap<string, CompiledLeaf>;
}

interface Derived {
  name: string;
  numerator: string;
  denominator: string;
  factor: number;
  whenZero: number | typeof NOTHING_AROSE;
  min: number;
  max: number;
}

/**
 * One stage's inputs after its rounds: facts by name (derived ones included), and per leaf (by its
 * index in the compiled list) the points entered (NaN: none) and whether it was declared not
 * applicable (1) or not (0).
 */
interface Stage {
  facts: FactTable;
  points: number[];
  notApplicable: number[];
}

const cache = new WeakMap<CriteriaSet, CompiledScorer>();

/** Compiles a checked criteria set, once per set object. */
export function compileScorer(set: CriteriaSet): CompiledScorer {
  let scorer = cache.get(set);
  if (!scorer) {
    scorer = buildScorer(set);
    cache.set(set, scorer);
  }
  return scorer;
}

function buildScorer(set: CriteriaSet): CompiledScorer {
  const index = indexCriteriaSet(set);
  const areaOf = new Map(set.areas.map((area, i) => [area.code, i]));
  const leaves = [...index.leaves.values()].map((indexed) => compileLeaf(set, indexed, indexed.section === "areas" ? areaOf.get(indexed.area)! : -1));
  const derived: Derived[] = Object.entries(set.facts).flatMap(([name, declaration]) => {
    if (!declaration.derived) return [];
    const { numerator, denominator } = declaration.derived.ratio;
    const whenZero = declaration.derived.whenZero === "not-applicable" ? NOTHING_AROSE : declaration.derived.whenZero;
    return [{ name, numerator, denominator, factor: declaration.type === "rate" ? 100 : 1, whenZero, ...factDomain(declaration) }];
  });
  const caps = { bonus: set.bonus ? toUnits(set.bonus.cap) : 0, penalty: set.penalty ? toUnits(set.penalty.cap) : 0 };
  const rescale = set.survey?.whenAbsent !== "zero";
  const decimals = set.display.indexDecimals;
  const leafIndex = new Map(leaves.map((leaf, i) => [leaf.code, i]));
  const factIndex = new Map(Object.keys(set.facts).map((name, i) => [name, i]));

  const scoreChecked = (assessment: Assessment): Checked<ScoreSummary> => {
    const stages = accumulate(assessment.rounds, derived, leafIndex, factIndex);
    if (stages === undefined) return fallback(assessment);
    const { self, appraised } = stages;
    const survey = assessment.survey?.indicators ?? null;
    const areaCount = set.areas.length;
    const final = new Array<number>(areaCount).fill(0);
    const applicable = new Array<number>(areaCount).fill(0);
    const selfSum = new Array<number>(areaCount).fill(0);
    const appraisedSum = new Array<number>(areaCount).fill(0);
    const claimed = { bonus: 0, penalty: 0 };
    let surveyUnits = 0;
    for (let i = 0; i < leaves.length; i++) {
      const leaf = leaves[i]!;
      let own = 0;
      let last = 0;
      let lastApplicable = 0;
      if (self) {
        last = own = stageUnits(leaf, i, self, survey);
        lastApplicable = applicableOfLast;
      }
      const other = appraised ? stageUnits(leaf, i, appraised, survey) : 0;
      if (Number.isNaN(own) || Number.isNaN(other)) return fallback(assessment);
      if (appraised) {
        last = other;
        lastApplicable = applicableOfLast;
      }
      if (leaf.survey) surveyUnits += last;
      if (leaf.area < 0) {
        claimed[leaf.section as "bonus" | "penalty"] += last;
        continue;
      }
      final[leaf.area]! += last;
      applicable[leaf.area]! += lastApplicable;
      selfSum[leaf.area]! += own;
      appraisedSum[leaf.area]! += other;
    }

    const areas = set.areas.map(
      (area, i): AreaSummary => ({
        code: area.code,
        title: area.title,
        max: area.max,
        applicableMax: fromUnits(applicable[i]!),
        self: self ? fromUnits(selfSum[i]!) : null,
        appraised: appraised ? fromUnits(appraisedSum[i]!) : null,
        final: fromUnits(final[i]!),
        subIndex: applicable[i]! > 0 ? percent(final[i]!, applicable[i]!, decimals) : null,
      }),
    );
    let applicableTotal = 0;
    let points = 0;
    let selfTotal = 0;
    let appraisedTotal = 0;
    for (let i = 0; i < areaCount; i++) {
      applicableTotal += applicable[i]!;
      points += final[i]!;
      selfTotal += selfSum[i]!;
      appraisedTotal += appraisedSum[i]!;
    }
    const bonus = set.bonus ? Math.min(claimed.bonus, caps.bonus) : 0;
    const penalty = set.penalty ? Math.min(claimed.penalty, caps.penalty) : 0;
    const total = points + bonus - penalty;
    const indexScaled = percentScaled(total, applicableTotal, decimals);
    const indexValue = indexScaled / 10 ** decimals;
    const band = set.classes.find((c) => rangeContains(c.index, indexValue));
    const surveyInput = assessment.survey;
    const surveyOut: ScoreSummary["survey"] = { included: surveyInput !== undefined && index.hasSurvey };
    if (surveyInput?.respondents !== undefined) surveyOut.respondents = surveyInput.respondents;
    if (surveyInput?.source !== undefined) surveyOut.source = surveyInput.source;
    return {
      ok: true,
      value: {
        engine: { ...ENGINE },
        criteria: { family: set.family, version: set.version },
        display: { ...set.display },
        unit: { ...assessment.unit, block: blockOf(set, assessment.unit)!.code },
        year: assessment.year,
        survey: surveyOut,
        stage: appraised ? "appraised" : "self-assessed",
        areas,
        totals: {
          max: set.totalMax,
          applicableMax: fromUnits(applicableTotal),
          self: self ? fromUnits(selfTotal) : null,
          appraised: appraised ? fromUnits(appraisedTotal) : null,
          points: fromUnits(points),
          bonus: fromUnits(bonus),
          penalty: fromUnits(penalty),
          total: fromUnits(total),
          index: indexValue,
          indexText: formatScaled(indexScaled, decimals),
          indexExact: { numerator: total, denominator: applicableTotal },
          class: band ? { code: band.code, title: band.title } : null,
          surveyPoints: fromUnits(surveyUnits),
        },
      },
    };
  };

  /** The share of the maximum of the leaf `stageUnits` scored last (beside its result, so scoring a leaf allocates nothing). */
  let applicableOfLast = 0;
  /** One leaf's points in one stage, its share of the maximum in `applicableOfLast`; NaN when only the full evaluation can tell. */
  const stageUnits = (leaf: CompiledLeaf, at: number, stage: Stage, survey: Readonly<Record<string, number>> | null): number => {
    const nothingArose = leaf.reads.length > 0 && readsNothingArose(leaf, stage.facts);
    if (leaf.notApplicable && (stage.notApplicable[at] === 1 || nothingArose)) {
      applicableOfLast = leaf.notApplicable === "full" ? leaf.max : 0;
      return applicableOfLast;
    }
    if (nothingArose) return Number.NaN;
    if (leaf.survey && survey === null) {
      applicableOfLast = rescale ? 0 : leaf.max;
      return 0;
    }
    applicableOfLast = leaf.section === "areas" ? leaf.max : 0;
    const entered = stage.points[at]!;
    return leaf.evaluate(stage.facts, Number.isNaN(entered) ? undefined : entered, survey);
  };

  const fallback = (assessment: Assessment): Checked<ScoreSummary> => {
    const scored = scoreAssessment(set, assessment);
    return scored.ok ? { ok: true, value: summariseReport(scored.value) } : scored;
  };

  return {
    set,
    leaves: new Map(leaves.map((leaf) => [leaf.code, leaf])),
    scoreChecked,
    score(input) {
      const checked = checkAssessment(input, set);
      return checked.ok ? scoreChecked(checked.value) : checked;
    },
    explain: (input) => scoreAssessment(set, input),
  };
}

/**
 * Both stages' facts and entries in one pass over the rounds: the self round alone, then the self
 * round and the appraisal rounds, each overriding what it enters; null when a stage has no round;
 * undefined when a derived fact falls outside its domain (a problem the full evaluation words) or
 * an item or fact is not one of the set's (the check refuses it first).
 */
function accumulate(
  rounds: RoundInput[],
  derived: Derived[],
  leafIndex: ReadonlyMap<string, number>,
  factIndex: ReadonlyMap<string, number>,
): { self: Stage | null; appraised: Stage | null } | undefined {
  const stage: Stage = {
    facts: new FactTable(factIndex, new Array(factIndex.size).fill(undefined)),
    points: new Array<number>(leafIndex.size).fill(Number.NaN),
    notApplicable: new Array<number>(leafIndex.size).fill(0),
  };
  const facts = stage.facts;
  let self: Stage | null | undefined = null;
  let appraisal = false;
  for (const round of rounds) {
    if (round.round === "explanation") continue;
    if (round.round !== "self" && !appraisal) {
      appraisal = true;
      if (self)
        self = derive(
          { facts: new FactTable(factIndex, facts.values.slice()), points: stage.points.slice(), notApplicable: stage.notApplicable.slice() },
          derived,
        );
      if (self === undefined) return undefined;
    }
    const entered = round.facts;
    if (entered) {
      for (const name in entered) {
        const input = entered[name]!;
        if (!facts.set(name, input !== null && typeof input === "object" && !Array.isArray(input) ? input.value : input)) return undefined;
      }
    }
    const claimed = round.items;
    if (claimed) {
      for (const code in claimed) {
        const at = leafIndex.get(code);
        if (at === undefined) return undefined;
        const input = claimed[code]!;
        if (input.points !== undefined) stage.points[at] = input.points;
        if (input.notApplicable !== undefined) stage.notApplicable[at] = input.notApplicable ? 1 : 0;
      }
    }
    if (round.round === "self") self = stage;
  }
  if (!appraisal) {
    const alone = self && derive(self, derived);
    return alone === undefined ? undefined : { self: alone, appraised: null };
  }
  const appraised = derive(stage, derived);
  return appraised === undefined ? undefined : { self, appraised };
}

/**
 * One stage's facts by name, in a list by the set's declaration order (the names' positions are
 * resolved once per compiled set): building and copying a stage is then a list, not a Map.
 */
class FactTable {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    readonly values: (ResolvedFact | null | undefined)[],
  ) {}

  get(name: string): ResolvedFact | null | undefined {
    const at = this.index.get(name);
    return at === undefined ? undefined : this.values[at];
  }

  /** False when the set declares no such fact (the check refuses it first). */
  set(name: string, value: ResolvedFact | null): boolean {
    const at = this.index.get(name);
    if (at === undefined) return false;
    this.values[at] = value;
    return true;
  }
}

/** Derived ratios from the stage's entered counts (see `resolveFacts`); undefined when one is out of its domain. */
function derive(stage: Stage, derived: Derived[]): Stage | undefined {
  const facts = stage.facts;
  for (const fact of derived) {
    const numerator = facts.get(fact.numerator);
    const denominator = facts.get(fact.denominator);
    if (typeof numerator !== "number" || typeof denominator !== "number") continue;
    const value = denominator === 0 ? fact.whenZero : (numerator * fact.factor) / denominator;
    if (typeof value === "number" && (value < fact.min || value > fact.max)) return undefined;
    facts.set(fact.name, value);
  }
  return stage;
}
