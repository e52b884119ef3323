import { randomUUID } from "node:crypto";
import { issueToken } from "../auth/tokens.js";
import type { Store } from "../storage/store.js";
import { DEFAULT_LIMITS } from "./service-deps.js";

/** Creates an administrator and returns the token (shown once). Used by the bootstrap command and the demo. */
export async function createAdministrator(
  store: Store,
  now: Date,
  name: string,
  role: "admin" | "scorer" | "unit" = "admin",
  unitCode: string | null = null,
  tokenDays = DEFAULT_LIMITS.tokenDays,
): Promise<{ id: string; token: string; expiresAt: string }> {
  const { token, hash, expiresAt } = issueToken(now, tokenDays);
  const id = randomUUID();
  await store.transaction(async (tx) => {
    await tx.insertUser({
      id,
      name,
      role,
      unit_code: unitCode,
      token_hash: hash,
      created_at: now.toISOString(),
      token_expires_at: expiresAt,
      token_revoked_at: null,
    });
    await tx.appendAudit({
      at: now.toISOString(),
      actor: "system",
      role: "system",
      action: "user.create",
      campaign_id: null,
      unit_code: unitCode,
      code: null,
      before: null,
      after: JSON.stringify({ id, name, role }),
      reason: "bootstrap",
    });
  });
  return { id, token, expiresAt };
}
