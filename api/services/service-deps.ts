import type { Store } from "../storage/store.js";

export interface Limits {
  /** Largest evidence file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest JSON or CSV request body, in bytes. */
  maxBodyBytes: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileBytes: 10 * 1024 * 1024, maxBodyBytes: 2 * 1024 * 1024 };

/** What the services need from outside: storage, a clock (tests pass a fixed one) and limits. */
export interface ServiceDeps {
  store: Store;
  now: () => Date;
  limits: Limits;
}
