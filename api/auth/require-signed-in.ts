import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors.js";
import type { Actor } from "./actor.js";

/**
 * For routes that need a signed-in user: runs before the request is validated, so the public
 * gets 401 rather than the body's problems. What the user may do is decided by the services.
 */
export const requireSignedIn = createMiddleware<{ Variables: { actor: Actor } }>(async (c, next) => {
  if (c.var.actor.role === "public")
    throw new ApiError("unauthenticated", {
      en: "this needs a bearer token (Authorization: Bearer <token>)",
      vi: "việc này cần token (Authorization: Bearer <token>)",
    });
  return next();
});
