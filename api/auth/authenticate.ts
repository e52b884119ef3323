import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors.js";
import type { AppEnv } from "../app-env.js";
import { type Actor, PUBLIC, type Role } from "./actor.js";
import { clientAddress } from "./client-address.js";
import { hashToken } from "./tokens.js";

/**
 * Sets `actor`: no Authorization header is the public; `Bearer <token>` must match a stored
 * token hash that is neither expired nor revoked (401 otherwise, never silently public).
 * Failures are counted per client address: after a few, that address gets 429 with
 * Retry-After, for longer each time, before any token is looked at.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  if (header === undefined) {
    c.set("actor", PUBLIC);
    return next();
  }
  const { store, deps, authThrottle } = c.var.services;
  const address = clientAddress(c);
  const verdict = authThrottle.check(address);
  if (!verdict.allowed) throw tooManyFailures(c, verdict.retryAfterSeconds);
  const refuse = (message: string) => {
    const after = authThrottle.fail(address);
    return after.allowed ? new ApiError("unauthenticated", message) : tooManyFailures(c, after.retryAfterSeconds);
  };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw refuse("the Authorization header must be `Bearer <token>`");
  const user = await store.findUserByTokenHash(hashToken(match[1]!));
  if (!user) throw refuse("the token is not valid (unknown, or replaced by a newer one)");
  if (user.token_revoked_at !== null) throw refuse(`the token was revoked at ${user.token_revoked_at}: ask an administrator for a new one (POST /users/{id}/token)`);
  if (user.token_expires_at !== null && deps.now().toISOString() >= user.token_expires_at) {
    throw refuse(`the token expired at ${user.token_expires_at}: ask an administrator for a new one (POST /users/{id}/token)`);
  }
  authThrottle.succeed(address);
  const actor: Actor = { id: user.id, name: user.name, role: user.role as Role, unitCode: user.unit_code };
  c.set("actor", actor);
  return next();
});

function tooManyFailures(c: { header(name: string, value: string): void }, seconds: number): ApiError {
  c.header("Retry-After", String(seconds));
  return new ApiError("too-many-requests", `too many failed sign-ins from this address: try again in ${seconds} s`);
}

/**
 * For routes that need a signed-in user: runs before the request is validated, so the public
 * gets 401 rather than the body's problems. What the user may do is decided by the services.
 */
export const requireSignedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.actor.role === "public") throw new ApiError("unauthenticated", "this needs a bearer token (Authorization: Bearer <token>)");
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
