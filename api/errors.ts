import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A problem with a request body or file, at a path a person can find (`points`, `areas[0].max`). */
export interface ApiProblem {
  path: string;
  message: string;
  vi?: string;
  code?: string;
}

/** The one error code list; each code has one status. */
export const ERROR_STATUS = {
  "invalid-request": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "wrong-state": 409,
  "deadline-passed": 409,
  "criteria-in-use": 409,
  "version-mismatch": 412,
  "payload-too-large": 413,
  "quota-exceeded": 413,
  "unsupported-media-type": 415,
  "invalid-input": 422,
  "precondition-required": 428,
  "too-many-requests": 429,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetails {
  problems?: ApiProblem[];
  /** For version-mismatch: the version and value now stored, so the client can merge and retry. */
  current?: { version: number; value: unknown };
}

/** The one error the service throws on purpose; the app's error handler turns it into the envelope. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

/** The one JSON error envelope: `{ error: { code, message, problems?, current? } }`. */
export function errorEnvelope(code: ErrorCode, message: string, details: ErrorDetails = {}) {
  return { error: { code, message, ...details } };
}

export const notFound = (what: string) => new ApiError("not-found", `${what} does not exist`);
