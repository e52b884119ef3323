/**
 * Slows down guessing: per key (a client address; a sign-in form may also key by address and
 * user name), the first `freeFailures` failed attempts are answered at once; each one after that
 * blocks the key for twice as long as the one before (`baseDelayMs`, 2×, 4×… up to `maxDelayMs`).
 * While blocked, the caller answers 429 with Retry-After and does not check the credential.
 * A success clears the key; failures older than `forgetAfterMs` are forgotten. No timers: the
 * clock is read on each call (tests pass their own), and old keys are pruned when the table is full.
 */
export interface ThrottleOptions {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
  /** Keys remembered at most (memory bound); the oldest are dropped first. */
  maxKeys: number;
  now: () => number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface Throttle {
  check(key: string): ThrottleVerdict;
  /** Records a failed attempt; returns the verdict for the next one. */
  fail(key: string): ThrottleVerdict;
  succeed(key: string): void;
}

export const DEFAULT_THROTTLE: Omit<ThrottleOptions, "now"> = {
  freeFailures: 10,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 15 * 60_000,
  maxKeys: 100_000,
};

interface Record {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

export function createThrottle(options: ThrottleOptions): Throttle {
  const records = new Map<string, Record>();
  const verdict = (record: Record | undefined, now: number): ThrottleVerdict =>
    record && record.blockedUntil > now ? { allowed: false, retryAfterSeconds: Math.ceil((record.blockedUntil - now) / 1000) } : { allowed: true };
  const prune = (now: number) => {
    for (const [key, record] of records) if (now - record.lastFailure > options.forgetAfterMs && record.blockedUntil <= now) records.delete(key);
    for (const key of records.keys()) {
      if (records.size < options.maxKeys) break;
      records.delete(key);
    }
  };
  return {
    check: (key) => verdict(records.get(key), options.now()),
    fail(key) {
      const now = options.now();
      let record = records.get(key);
      if (record && now - record.lastFailure > options.forgetAfterMs) record = undefined;
      if (!record) {
        if (records.size >= options.maxKeys) prune(now);
        record = { failures: 0, lastFailure: now, blockedUntil: 0 };
      }
      records.delete(key); // re-inserted last: the map stays ordered by last failure
      record.failures++;
      record.lastFailure = now;
      const over = record.failures - options.freeFailures;
      if (over > 0) record.blockedUntil = now + Math.min(options.baseDelayMs * 2 ** Math.min(over - 1, 30), options.maxDelayMs);
      records.set(key, record);
      return verdict(record, now);
    },
    succeed(key) {
      records.delete(key);
    },
  };
}
