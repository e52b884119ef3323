import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors.js";
import type { Store } from "../storage/store.js";
import { type Actor, PUBLIC, type Role } from "./actor.js";
import { hashToken } from "./tokens.js";

/** What the middleware reads and sets; narrower than AppEnv so that auth does not import the services that import it. */
type AuthEnv = { Variables: { actor: Actor; services: { store: Store } } };

/**
 * Sets `actor`: no Authorization header is the public; `Bearer <token>` must match a stored
 * token hash (401 otherwise, never silently public).
 */
export const authenticate = createMiddleware<AuthEnv>(async (c, next) => {
  const header = c.req.header("authorization");
  if (header === undefined) {
    c.set("actor", PUBLIC);
    return next();
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError("unauthenticated", { en: "the Authorization header must be `Bearer <token>`", vi: "header Authorization phải có dạng `Bearer <token>`" });
  const user = await c.var.services.store.findUserByTokenHash(hashToken(match[1]!));
  if (!user) throw new ApiError("unauthenticated", { en: "the token is not valid (unknown or revoked)", vi: "token không hợp lệ (không tồn tại hoặc đã bị thu hồi)" });
  const actor: Actor = { id: user.id, name: user.name, role: user.role, unitCode: user.unit_code };
  c.set("actor", actor);
  return next();
});

/** Throws 401 for the public and 403 for a role not in `roles`. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (actor.role === "public") throw needsToken();
  if (!roles.includes(actor.role)) throw new ApiError("forbidden", { en: `this needs the role ${roles.join(" or ")}; you are ${actor.role}`, vi: `việc này cần vai trò ${roles.join(" hoặc ")}; bạn có vai trò ${actor.role}` });
}

/** Throws unless the actor is staff (admin, scorer) or the unit user of `unitCode`. */
export function requireUnitAccess(actor: Actor, unitCode: string): void {
  if (actor.role === "public") throw needsToken();
  if (actor.role === "unit" && actor.unitCode !== unitCode) throw new ApiError("forbidden", { en: `you may only see and edit unit ${actor.unitCode ?? "(none)"}`, vi: `bạn chỉ được xem và sửa đơn vị ${actor.unitCode ?? "(không có)"}` });
}

const needsToken = () =>
  new ApiError("unauthenticated", { en: "this needs a bearer token (Authorization: Bearer <token>)", vi: "việc này cần token (Authorization: Bearer <token>)" });
