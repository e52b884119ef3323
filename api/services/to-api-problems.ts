import type { Problem } from "../../src/index.js";
import type { EdgeProblem } from "../errors.js";

/** The engine's problems as the API gives them: the same code, path and messages in both languages. */
export function toApiProblems(problems: Problem[]): EdgeProblem[] {
  return problems.map((p) => ({ code: p.code, path: p.path, message: p.message, vi: p.vi }));
}
