import type { Context } from "hono";
import { z } from "@hono/zod-openapi";
import { requireSignedIn } from "../auth/require-signed-in.js";
import { ApiError } from "../errors.js";

/**
 * The version an edit expects, from `If-Match: "3"` (or `W/"3"`); `If-None-Match: *` means
 * "create, it must not exist yet" (version 0). An edit with neither is refused (428).
 */
export function expectedVersion(c: Context): number {
  const ifMatch = c.req.header("if-match");
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
    if (!match)
      throw new ApiError("invalid-request", {
        en: `If-Match must be the ETag you read, e.g. "3"; got ${ifMatch}`,
        vi: `If-Match phải là ETag bạn đã đọc, ví dụ "3"; nhận được ${ifMatch}`,
      });
    return Number(match[1]);
  }
  if (c.req.header("if-none-match")?.trim() === "*") return 0;
  throw new ApiError("precondition-required", {
    en: 'this edit needs If-Match with the ETag you read (e.g. If-Match: "3"), or If-None-Match: * to create',
    vi: 'thao tác sửa cần If-Match với ETag bạn đã đọc (ví dụ If-Match: "3"), hoặc If-None-Match: * để tạo mới',
  });
}

export function setEtag(c: Context, version: number): void {
  c.header("ETag", `"${version}"`);
}

/** Any JSON: responses documented by description where a full schema would repeat the engine's types. */
export const AnyJson = z.any().openapi({ type: "object" });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "version-mismatch" }),
      message: z.string().openapi({ description: "in the language of Accept-Language: Vietnamese unless English is preferred" }),
      problems: z
        .array(z.object({ code: z.string().openapi({ example: "points-not-allowed" }), path: z.string(), message: z.string(), vi: z.string() }))
        .optional()
        .openapi({ description: "every problem: a kebab-case code, its path, the English message and the Vietnamese one" }),
      current: z.object({ version: z.number(), value: z.any() }).optional(),
    }),
  })
  .openapi("Error");

export function json(description: string, schema: z.ZodType = AnyJson) {
  return { content: { "application/json": { schema } }, description };
}

/** The error responses a route can give, all in the one envelope. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, json(ERROR_TEXT[status] ?? "error", ErrorSchema)]));
}

const ERROR_TEXT: Record<number, string> = {
  400: "invalid request (every problem listed with its path)",
  401: "missing or invalid bearer token",
  403: "the role may not do this",
  404: "not found",
  409: "wrong state, deadline passed or conflict",
  412: "stale If-Match: the current version and value are in `error.current`",
  413: "too large",
  415: "unsupported file type",
  422: "the content has problems (every problem listed with its path)",
  428: "If-Match is required",
};

export const Reason = z.string().max(2000).optional().openapi({ description: "why the change was made (kept in the audit trail)" });
const bearer = [{ bearer: [] }];
/** For a route's definition: it needs a signed-in user, checked before the request is validated (401 before 400). */
export const signedIn = { security: bearer, middleware: requireSignedIn };
