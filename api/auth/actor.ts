import type { Role } from "../domain.js";

export { ROLES, type Role } from "../domain.js";

/** Who is asking: a signed-in user, or the public (no token). */
export type Actor = { id: string; name: string; role: Role; unitCode: string | null } | { id: "public"; name: "public"; role: "public"; unitCode: null };

export const PUBLIC: Actor = { id: "public", name: "public", role: "public", unitCode: null };

export function isStaff(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "scorer";
}
