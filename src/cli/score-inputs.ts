import {
  type Checked,
  type CriteriaSet,
  compileScorer,
  type Problem,
  type ScoreReport,
  type ScoreSummary,
  scoreAssessment,
  summariseReport,
} from "../index.js";
import { CliError, EXIT } from "./cli-error.js";
import type { UnitInput } from "./read-inputs.js";

/** Scores every input (reports pass through); stops with the problems of every bad input (`formatFailures` lists a shared one once). */
export function scoreInputs(set: CriteriaSet, inputs: UnitInput[], progress?: (done: number, total: number) => void): ScoreReport[] {
  return scoreEach(
    inputs,
    (input) => scoreAssessment(set, input),
    (report) => report,
    progress,
  );
}

/** The figures a ranking needs of every input, from the set's compiled scorer (no explanations written). */
export function summariseInputs(set: CriteriaSet, inputs: UnitInput[]): ScoreSummary[] {
  const scorer = compileScorer(set);
  return scoreEach(inputs, (input) => scorer.score(input), summariseReport);
}

function scoreEach<T>(
  inputs: UnitInput[],
  score: (input: unknown) => Checked<T>,
  fromReport: (report: ScoreReport) => T,
  progress?: (done: number, total: number) => void,
): T[] {
  const failures: { file: string; problems: Problem[] }[] = [];
  const scored: T[] = [];
  inputs.forEach((input, i) => {
    if (input.kind === "report") {
      scored.push(fromReport(input.value));
    } else {
      const result = score(input.value);
      if (result.ok) scored.push(result.value);
      else failures.push({ file: input.source, problems: result.problems });
    }
    if (progress && (i + 1) % 1000 === 0) progress(i + 1, inputs.length);
  });
  if (failures.length > 0) {
    const message = { vi: `${failures.length}/${inputs.length} bản đánh giá có lỗi`, en: `${failures.length} of ${inputs.length} assessments have problems` };
    throw new CliError(EXIT.problems, message, failures);
  }
  return scored;
}
