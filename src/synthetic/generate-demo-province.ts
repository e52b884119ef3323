import type { Assessment, SurveyResults } from "../assessment/types.js";
import type { CriteriaSet } from "../criteria/types.js";
import { generateAssessments } from "./generate-assessments.js";

export interface DemoYear {
  set: CriteriaSet;
  assessments: Assessment[];
  /** Survey results by unit code, kept apart as a survey import delivers them. */
  survey: Map<string, SurveyResults>;
}

/**
 * A demo province over consecutive years: the same units (codes, names, types) assessed each
 * year under that year's criteria set, with fresh results each year so ranks move.
 */
export function generateDemoProvince(sets: CriteriaSet[], options: { units: number; seed: number }): DemoYear[] {
  let identities: Assessment["unit"][] | null = null;
  return sets.map((set, i) => {
    const generated = generateAssessments(set, { count: options.units, seed: options.seed + i, unitPrefix: "DV" });
    identities ??= generated.map((a) => a.unit);
    const assessments = generated.map((assessment, n): Assessment => {
      const unit = identities![n]!;
      const { survey: _survey, ...rest } = { ...assessment, unit };
      return rest;
    });
    const survey = new Map(generated.flatMap((a, n) => (a.survey ? [[identities![n]!.code, a.survey] as const] : [])));
    return { set, assessments, survey };
  });
}
