import type { CriteriaSet } from "../../../src/index.js";
import { isSurveyArea } from "../../../src/index.js";

/** An area of the set as a results table shows it: code, name, maximum, and whether it is the survey. */
export interface AreaColumn {
  code: string;
  title: CriteriaSet["areas"][number]["title"];
  max: number;
  /** Every item of the area is scored from the survey: the area's column is the survey column. */
  survey: boolean;
}

export function areaColumns(set: CriteriaSet): AreaColumn[] {
  return set.areas.map((area) => ({ code: area.code, title: area.title, max: area.max, survey: isSurveyArea(area) }));
}
