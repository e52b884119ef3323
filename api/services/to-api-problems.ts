import type { Problem } from "../../src/index.js";
import type { ApiProblem } from "../errors.js";

export function toApiProblems(problems: Problem[], rewritePath: (path: string) => string = (p) => p): ApiProblem[] {
  return problems.map((p) => ({ path: rewritePath(p.path), message: p.message, vi: p.vi, code: p.code }));
}
