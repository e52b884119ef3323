import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A message in both languages the service speaks. */
export interface Bilingual {
  en: string;
  vi: string;
}

/**
 * A problem with a request body or file, at a path a person can find (`points`, `areas[0].max`):
 * a kebab-case code, the English message and the Vietnamese one. Every problem leaves the service
 * in this shape; a problem given without code or vi takes the error's code and its English text.
 */
export interface ApiProblem {
  code?: string;
  path: string;
  message: string;
  vi?: string;
}
export type EdgeProblem = Required<ApiProblem>;

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

/** What each kind of error means, in Vietnamese: the message of an error thrown with English text only. */
const MEANING_VI: Partial<Record<ErrorCode, string>> = {
  "invalid-request": "Yêu cầu không hợp lệ",
  unauthenticated: "Chưa xác thực",
  forbidden: "Không có quyền thực hiện",
  "not-found": "Không tìm thấy",
  conflict: "Dữ liệu đã tồn tại",
  "wrong-state": "Trạng thái hiện tại không cho phép thao tác này",
  "deadline-passed": "Đã quá hạn",
  "criteria-in-use": "Bộ tiêu chí đang được sử dụng",
  "version-mismatch": "Dữ liệu đã thay đổi kể từ khi bạn đọc",
  "payload-too-large": "Dữ liệu gửi lên quá lớn",
  "unsupported-media-type": "Loại tệp không được chấp nhận",
  "invalid-input": "Nội dung có lỗi",
  "precondition-required": "Thiếu If-Match",
  internal: "Lỗi hệ thống",
};

/** The one error the service throws on purpose; the app's error handler turns it into the envelope. */
export class ApiError extends Error {
  readonly text: Bilingual;

  constructor(
    readonly code: ErrorCode,
    message: string | Bilingual,
    readonly details: ErrorDetails = {},
  ) {
    const text = bilingual(code, message);
    super(text.en);
    this.name = "ApiError";
    this.text = text;
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

export type Lang = "vi" | "en";

/** A message in both languages; English text alone gets the error's meaning in Vietnamese before it. */
function bilingual(code: ErrorCode, message: string | Bilingual): Bilingual {
  return typeof message === "string" ? { en: message, vi: `${MEANING_VI[code] ?? "Không thực hiện được"} (${message})` } : message;
}

/**
 * The one JSON error envelope: `{ error: { code, message, problems?, current? } }`, the message
 * in the language asked for; every problem as `{ code, path, message, vi }`.
 */
export function errorEnvelope(code: ErrorCode, message: string | Bilingual, details: ErrorDetails = {}, lang: Lang = "vi") {
  const { problems, ...rest } = details;
  const shaped = problems?.map((p): EdgeProblem => ({ code: p.code ?? code, path: p.path, message: p.message, vi: p.vi ?? p.message }));
  return { error: { code, message: bilingual(code, message)[lang], ...(shaped ? { problems: shaped } : {}), ...rest } };
}

/**
 * The language of the top-level message: English when Accept-Language prefers it to Vietnamese,
 * else Vietnamese (also when the header is missing or names neither).
 */
export function preferredLanguage(header: string | undefined): Lang {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.split("-")[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry): entry is { lang: Lang; q: number } => (entry.lang === "vi" || entry.lang === "en") && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang ?? "vi";
}

/** `what` does not exist: give `what` in both languages ({ en: "unit P01", vi: "đơn vị P01" }). */
export const notFound = (what: string | Bilingual) =>
  typeof what === "string"
    ? new ApiError("not-found", `${what} does not exist`)
    : new ApiError("not-found", { en: `${what.en} does not exist`, vi: `Không tìm thấy ${what.vi}` });
