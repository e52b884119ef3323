import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors.js";
import type { Store } from "../storage/store.js";
import { type Actor, PUBLIC, type Role } from "./actor.js";
import { clientAddress } from "./client-address.js";
import type { Throttle } from "./throttle.js";
import { hashToken } from "./tokens.js";
import type { WebSession } from "./web-session.js";

/** What the middleware reads and sets; narrower than AppEnv so that auth does not import the services that import it. */
type AuthEnv = {
  Variables: {
    actor: Actor;
    session: WebSession | null;
    services: {
      store: Store;
      deps: { now(): Date };
      authThrottle: Throttle;
      accounts: { session(id: string): Promise<{ actor: Actor; session: WebSession } | undefined> };
    };
  };
};

/**
 * Sets `actor`: a bearer token wins; without an Authorization header a valid session cookie
 * (the web pages) sets the person and `session`, else the caller is the public; `Bearer <token>` must match a
 * stored token hash that is neither expired nor revoked (401 otherwise, never silently public).
 * Failed tokens are counted per client address: after a few, that address gets 429 with
 * Retry-After, for longer each time, before any token is looked at.
 */
export const authenticate = createMiddleware<AuthEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  c.set("session", null);
  if (header === undefined) {
    c.set("actor", PUBLIC);
    const signedIn = await sessionOf(c);
    if (signedIn) {
      c.set("actor", signedIn.actor);
      c.set("session", signedIn.session);
    }
    return next();
  }
  const { store, deps, authThrottle } = c.var.services;
  const address = clientAddress(c);
  const verdict = authThrottle.check(address);
  if (!verdict.allowed) throw tooManyFailures(c, verdict.retryAfterSeconds);
  const refuse = (message: { en: string; vi: string }) => {
    const after = authThrottle.fail(address);
    return after.allowed ? new ApiError("unauthenticated", message) : tooManyFailures(c, after.retryAfterSeconds);
  };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw refuse({ en: "the Authorization header must be `Bearer <token>`", vi: "header Authorization phải có dạng `Bearer <token>`" });
  const user = await store.findUserByTokenHash(hashToken(match[1]!));
  if (!user)
    throw refuse({
      en: "the token is not valid (unknown, or replaced by a newer one)",
      vi: "token không hợp lệ (không tồn tại, hoặc đã được thay bằng token mới)",
    });
  if (user.deactivated_at !== null)
    throw refuse({
      en: `the user was deactivated at ${user.deactivated_at}: ask an administrator to reactivate them`,
      vi: `người dùng đã bị khóa lúc ${user.deactivated_at}: hãy đề nghị quản trị mở lại`,
    });
  if (user.token_revoked_at !== null) {
    throw refuse({
      en: `the token was revoked at ${user.token_revoked_at}: ask an administrator for a new one (POST /users/{id}/token)`,
      vi: `token đã bị thu hồi lúc ${user.token_revoked_at}: hãy đề nghị quản trị cấp token mới (POST /users/{id}/token)`,
    });
  }
  if (user.token_expires_at !== null && deps.now().toISOString() >= user.token_expires_at) {
    throw refuse({
      en: `the token expired at ${user.token_expires_at}: ask an administrator for a new one (POST /users/{id}/token)`,
      vi: `token đã hết hạn lúc ${user.token_expires_at}: hãy đề nghị quản trị cấp token mới (POST /users/{id}/token)`,
    });
  }
  authThrottle.succeed(address);
  const actor: Actor = { id: user.id, name: user.name, role: user.role, unitCode: user.unit_code };
  c.set("actor", actor);
  return next();
});

function tooManyFailures(c: { header(name: string, value: string): void }, seconds: number): ApiError {
  c.header("Retry-After", String(seconds));
  return new ApiError("too-many-requests", {
    en: `too many failed sign-ins from this address: try again in ${seconds} s`,
    vi: `đăng nhập sai quá nhiều lần từ địa chỉ này: hãy thử lại sau ${seconds} giây`,
  });
}

/** Throws 401 for the public and 403 for a role not in `roles`. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (actor.role === "public") throw needsToken();
  if (!roles.includes(actor.role))
    throw new ApiError("forbidden", {
      en: `this needs the role ${roles.join(" or ")}; you are ${actor.role}`,
      vi: `việc này cần vai trò ${roles.join(" hoặc ")}; bạn có vai trò ${actor.role}`,
    });
}

/** Throws unless the actor is staff (admin, scorer) or the unit user of `unitCode`. */
export function requireUnitAccess(actor: Actor, unitCode: string): void {
  if (actor.role === "public") throw needsToken();
  if (actor.role === "unit" && actor.unitCode !== unitCode)
    throw new ApiError("forbidden", {
      en: `you may only see and edit unit ${actor.unitCode ?? "(none)"}`,
      vi: `bạn chỉ được xem và sửa đơn vị ${actor.unitCode ?? "(không có)"}`,
    });
}

const needsToken = () =>
  new ApiError("unauthenticated", {
    en: "this needs a bearer token (Authorization: Bearer <token>)",
    vi: "việc này cần token (Authorization: Bearer <token>)",
  });

export const SESSION_COOKIE = "par_session";

/**
 * The signed-in person of a session cookie. A cookie-authenticated change (anything but GET and
 * HEAD) from another site is refused: SameSite=Lax already keeps the cookie off cross-site posts,
 * and the Origin check covers browsers that do not; forms also carry the session's CSRF token.
 */
async function sessionOf(c: Context<AuthEnv>) {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id || id.length > 100) return undefined;
  const found = await c.var.services.accounts.session(id);
  if (found && !["GET", "HEAD"].includes(c.req.method) && !sameOrigin(c))
    throw new ApiError("forbidden", "a signed-in change must come from this site's own pages");
  return found;
}

/** Whether the request's Origin (when the browser sends one) is this site. */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header("origin");
  if (origin === undefined) return c.req.header("sec-fetch-site") !== "cross-site";
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
