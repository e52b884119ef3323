import { createHash, randomBytes } from "node:crypto";

/** A bearer token: `par_` and 32 random bytes. Shown once; only its sha256 is stored. */
export function createToken(): string {
  return `par_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token, the hash to store and when it expires (`days` after `now`). */
export function issueToken(now: Date, days: number): { token: string; hash: string; expiresAt: string } {
  const token = createToken();
  return { token, hash: hashToken(token), expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString() };
}
