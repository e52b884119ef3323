import { ASSESSMENT_FORMAT, type Assessment, type SurveyResults, type Unit } from "../assessment/types.js";
import { indicatorDomain } from "../criteria/fact-domain.js";
import type { CriteriaSet, UnitType } from "../criteria/types.js";
import { listLeaves } from "../criteria/walk-criteria.js";
import { collectFactUses } from "./collect-fact-uses.js";
import { generateFacts } from "./generate-facts.js";
import { type UnitProfile, lean } from "./unit-profile.js";
import { generateReviewRounds } from "./generate-review-rounds.js";
import { generateSelfRound } from "./generate-self-round.js";
import { nameUnit } from "./name-unit.js";
import { type Random, createRandom, deriveSeed } from "./random.js";

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Default: the last year the set applies to. */
  year?: number;
  /** Unit codes are the prefix and a 4-digit number: "X0001". Default "X". */
  unitPrefix?: string;
  /** Unit names by unit number (e.g. a province's real list); generated beyond its end, unique within one call. */
  names?: readonly string[];
  /** Number of the first unit, from 0: a large population can be generated in parts. */
  first?: number;
}

/** How common each unit type is in a province (communes outnumber wards; few special zones). */
const TYPE_WEIGHTS: Record<UnitType, number> = { xa: 6, phuong: 3, "dac-khu": 0.3, department: 1, huyen: 1, "thi-xa": 0.3, "thanh-pho": 0.2, "thi-tran": 1 };

/**
 * Realistic synthetic assessments for any criteria set, the same for the same seed: each unit
 * draws one quality that drives its facts, points, claims, appraisal and survey, so units differ
 * the way real ones do and a ranking spreads out. Unit n does not depend on the count asked for
 * (only its generated name may, as names are kept unique within one call).
 */
export function generateAssessments(set: CriteriaSet, options: GenerateOptions): Assessment[] {
  const uses = collectFactUses(set);
  const year = options.year ?? set.appliesTo.years.at(-1)!;
  const prefix = options.unitPrefix ?? "X";
  const hasSurvey = listLeaves(set).some(({ node }) => node.scoring.kind === "survey");
  const usedNames = new Set<string>();
  const assessments: Assessment[] = [];
  const first = options.first ?? 0;
  for (let n = first; n < first + options.count; n++) {
    const random = createRandom(deriveSeed(options.seed, n));
    const profile: UnitProfile = { quality: drawQuality(random), size: random.next(), random, year };
    const type = drawUnitType(set.appliesTo.unitTypes, random);
    const name = options.names?.[n] ?? nameUnit(type, random, usedNames);
    usedNames.add(name);
    const unit: Unit = { code: `${prefix}${String(n + 1).padStart(4, "0")}`, name, type };
    const facts = generateFacts(set, uses, profile);
    const self = generateSelfRound(set, unit, facts, profile);
    const review = generateReviewRounds(set, uses, unit, self.round, facts, profile);
    const survey = hasSurvey && random.chance(0.9) ? drawSurvey(set, unit, profile) : undefined;
    assessments.push({
      format: ASSESSMENT_FORMAT,
      unit,
      year,
      criteria: { family: set.family, version: set.version },
      evidence: [...self.evidence, ...review.evidence],
      rounds: [self.round, ...review.rounds],
      ...(survey ? { survey } : {}),
    });
  }
  return assessments;
}

/** Mostly good units, a long tail of weak ones: the mean of two draws, stretched to 0.2…1. */
function drawQuality(random: Random): number {
  return 0.2 + 0.8 * Math.sqrt((random.next() + random.next()) / 2);
}

function drawUnitType(types: readonly UnitType[], random: Random): UnitType {
  const total = types.reduce((sum, type) => sum + TYPE_WEIGHTS[type], 0);
  let draw = random.next() * total;
  for (const type of types) {
    draw -= TYPE_WEIGHTS[type];
    if (draw < 0) return type;
  }
  return types.at(-1)!;
}

function drawSurvey(set: CriteriaSet, unit: Unit, profile: UnitProfile): SurveyResults {
  const indicators: Record<string, number> = {};
  for (const [name, indicator] of Object.entries(set.survey?.indicators ?? {})) {
    const { min, max } = indicatorDomain(indicator);
    const value = Math.round((60 + 38 * lean(profile)) * 10) / 10;
    indicators[name] = Math.min(max, Math.max(min, value));
  }
  const quota = unit.type === "phuong" ? 200 : unit.type === "department" ? 100 : 150;
  return { indicators, respondents: quota + profile.random.int(-12, 25), source: `Khảo sát SIPAS năm ${profile.year} (KoboToolbox)` };
}
