import type { Store } from "../storage/store.js";

/** Sizes, quotas and lifetimes the service enforces. */
export interface Limits {
  /** Largest evidence file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest JSON or CSV request body, in bytes. */
  maxBodyBytes: number;
  /** Evidence files of one unit in one campaign, in bytes altogether. */
  evidenceQuotaBytes: number;
  /** Days a bearer token is valid after it is issued or rotated. */
  tokenDays: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileBytes: 10 * 1024 * 1024, maxBodyBytes: 2 * 1024 * 1024, evidenceQuotaBytes: 100 * 1024 * 1024, tokenDays: 90 };

/** What the services need from outside: storage, a clock (tests pass a fixed one) and limits. */
export interface ServiceDeps {
  store: Store;
  now: () => Date;
  limits: Limits;
}
