import { z } from "@hono/zod-openapi";
import type { EdgeProblem } from "./errors.js";

type Issue = z.core.$ZodIssue;
const inVietnamese = z.locales.vi().localeError;

/**
 * zod's issues with a request, in the service's problem shape: the code in kebab case
 * (`too_big` → `too-big`), the path as the engine writes it (`units[0]`, `query.format`), zod's
 * English message and its Vietnamese locale's. `input` is what was validated: the Vietnamese
 * messages name what was received, which zod's issues leave out.
 */
export function zodProblems(issues: readonly Issue[], target: string, input: unknown): EdgeProblem[] {
  return issues.map((issue) => {
    const vi = inVietnamese({ ...issue, input: valueAt(input, issue.path) } as Parameters<typeof inVietnamese>[0]);
    return {
      code: issue.code.replaceAll("_", "-"),
      path: pathOf(target === "json" ? [] : [target], issue.path),
      message: issue.message,
      vi: (typeof vi === "string" ? vi : vi?.message) ?? issue.message,
    };
  });
}

function pathOf(start: string[], path: readonly PropertyKey[]): string {
  return path.reduce<string>((at, key) => (typeof key === "number" ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)), start.join("."));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
