import { createHash, randomBytes } from "node:crypto";

/** A bearer token: `par_` and 32 random bytes. Shown once; only its sha256 is stored. */
export function createToken(): string {
  return `par_${randomBytes(32).toString("base64url")}`;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
