import { type CriteriaSet, type Problem, scoreAssessment, type ScoreReport } from "../index.js";
import { CliError, EXIT } from "./cli-error.js";
import type { UnitInput } from "./read-inputs.js";

/** Scores every input (reports pass through); stops with the problems of every bad input (`formatFailures` lists a shared one once). */
export function scoreInputs(set: CriteriaSet, inputs: UnitInput[], progress?: (done: number, total: number) => void): ScoreReport[] {
  const failures: { file: string; problems: Problem[] }[] = [];
  const reports: ScoreReport[] = [];
  inputs.forEach((input, i) => {
    if (input.kind === "report") {
      reports.push(input.value);
    } else {
      const result = scoreAssessment(set, input.value);
      if (result.ok) reports.push(result.value);
      else failures.push({ file: input.source, problems: result.problems });
    }
    if (progress && (i + 1) % 1000 === 0) progress(i + 1, inputs.length);
  });
  if (failures.length > 0) {
    const message = { vi: `${failures.length}/${inputs.length} bản đánh giá có lỗi`, en: `${failures.length} of ${inputs.length} assessments have problems` };
    throw new CliError(EXIT.problems, message, failures);
  }
  return reports;
}
