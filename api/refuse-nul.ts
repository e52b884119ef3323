import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env.js";
import { ApiError } from "./errors.js";

/**
 * Refuses a NUL character (U+0000) anywhere in a request — the path, the query, a JSON string or
 * key, a CSV body — with 400, before it reaches a service: PostgreSQL text cannot hold it, and
 * no name, title or reason needs it. Evidence files (binary bodies) are not text and pass.
 */
export const refuseNul = createMiddleware<AppEnv>(async (c, next) => {
  if (/%00/i.test(c.req.url)) throw nulProblem("url");
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) {
    // JSON text cannot hold a raw NUL, only the escape: parse (again) only a body that has one.
    const text = await c.req.text();
    if (!/\\u0000/i.test(text)) return next();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return next(); // not JSON: the route's validation says so
    }
    const path = findNul(body);
    if (path !== undefined) throw nulProblem(path || "(body)");
  } else if (type.startsWith("text/") && hasNul(new Uint8Array(await c.req.arrayBuffer()))) {
    // Read as bytes, not text: the route decodes them (a Windows-1258 CSV read here as UTF-8 would reach it damaged).
    throw nulProblem("(body)");
  }
  return next();
});

function nulProblem(path: string): ApiError {
  const message = {
    en: "the request contains a NUL character (U+0000), which no field accepts: remove it and send again",
    vi: "yêu cầu có ký tự NUL (U+0000), không trường nào chấp nhận ký tự này: hãy xoá rồi gửi lại",
  };
  return new ApiError("invalid-request", message, {
    problems: [
      {
        path,
        code: "nul-character",
        message: "contains a NUL character (U+0000): remove it",
        vi: "có ký tự NUL (U+0000), ký tự này không được chấp nhận: hãy xoá ký tự đó rồi gửi lại",
      },
    ],
  });
}

interface Node {
  value: unknown;
  key: string | number | null;
  parent: Node | null;
}

/** The path of the first string or key holding a NUL, or undefined; iterative, so any depth is safe. */
export function findNul(value: unknown): string | undefined {
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value: v } = node;
    if (typeof v === "string") {
      if (v.includes("\0")) return pathOf(node);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, key: i, parent: node }));
    } else if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const child = { value: item, key, parent: node };
        if (key.includes("\0")) return pathOf(child);
        stack.push(child);
      }
    }
  }
  return undefined;
}

function pathOf(node: Node): string {
  const keys: (string | number)[] = [];
  for (let at: Node | null = node; at !== null && at.key !== null; at = at.parent) keys.unshift(at.key);
  return keys.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i > 0 ? "." : ""}${key.replaceAll("\0", "\\u0000")}`)).join("");
}

/** A NUL character in a text body: a zero byte, or a zero code unit of UTF-16 text with its BOM. */
function hasNul(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16) return bytes.includes(0);
  return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes).includes("\0");
}
