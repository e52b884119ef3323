import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors.js";
import type { AppEnv } from "../app-env.js";
import { type Actor, PUBLIC, type Role } from "./actor.js";
import { hashToken } from "./tokens.js";

/**
 * Sets `actor`: a bearer token wins; without an Authorization header a valid session cookie
 * (the web pages) sets the person and `session`, else the caller is the public; `Bearer <token>` must match a stored
 * token hash (401 otherwise, never silently public).
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
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
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError("unauthenticated", "the Authorization header must be `Bearer <token>`");
  const user = await c.var.services.store.findUserByTokenHash(hashToken(match[1]!));
  if (!user) throw new ApiError("unauthenticated", "the token is not valid (unknown or revoked)");
  const actor: Actor = { id: user.id, name: user.name, role: user.role as Role, unitCode: user.unit_code };
  c.set("actor", actor);
  return next();
});

/** Throws 401 for the public and 403 for a role not in `roles`. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (actor.role === "public") throw new ApiError("unauthenticated", "this needs a bearer token (Authorization: Bearer <token>)");
  if (!roles.includes(actor.role)) throw new ApiError("forbidden", `this needs the role ${roles.join(" or ")}; you are ${actor.role}`);
}

/** Throws unless the actor is staff (admin, scorer) or the unit user of `unitCode`. */
export function requireUnitAccess(actor: Actor, unitCode: string): void {
  if (actor.role === "public") throw new ApiError("unauthenticated", "this needs a bearer token (Authorization: Bearer <token>)");
  if (actor.role === "unit" && actor.unitCode !== unitCode) throw new ApiError("forbidden", `you may only see and edit unit ${actor.unitCode ?? "(none)"}`);
}

export const SESSION_COOKIE = "par_session";

/**
 * The signed-in person of a session cookie. A cookie-authenticated change (anything but GET and
 * HEAD) from another site is refused: SameSite=Lax already keeps the cookie off cross-site posts,
 * and the Origin check covers browsers that do not; forms also carry the session's CSRF token.
 */
async function sessionOf(c: Context<AppEnv>) {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id || id.length > 100) return undefined;
  const found = await c.var.services.accounts.session(id);
  if (found && !["GET", "HEAD"].includes(c.req.method) && !sameOrigin(c)) throw new ApiError("forbidden", "a signed-in change must come from this site's own pages");
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
