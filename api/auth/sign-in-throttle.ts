/**
 * Slows password guessing on the sign-in form: failed sign-ins are counted per login name and
 * per client address over a sliding window; past the limit further attempts are refused until
 * the oldest failure in the window leaves it (the answer carries Retry-After). A success clears
 * the login's count, not the address's (one address guessing many logins stays throttled).
 * Kept in memory with an injected clock: one process serves the app; a restart forgets counts,
 * which costs an attacker a restart per window.
 */
export interface ThrottleLimits {
  /** Failures allowed per login name within the window. */
  perLogin: number;
  /** Failures allowed per client address within the window. */
  perAddress: number;
  windowMs: number;
  /** Most keys remembered; the oldest are forgotten first beyond it (bounded memory). */
  maxKeys: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perLogin: 5, perAddress: 20, windowMs: 15 * 60_000, maxKeys: 10_000 };

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; by: "login" | "address" };

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {}

  /** Whether a sign-in for `login` from `address` may be tried now. */
  check(login: string, address: string): ThrottleVerdict {
    const byLogin = this.wait(`login:${normaliseLogin(login)}`, this.limits.perLogin);
    const byAddress = this.wait(`address:${address}`, this.limits.perAddress);
    if (byLogin === 0 && byAddress === 0) return { allowed: true };
    const by = byLogin >= byAddress ? "login" : "address";
    return { allowed: false, retryAfterSeconds: Math.ceil(Math.max(byLogin, byAddress) / 1000), by };
  }

  recordFailure(login: string, address: string): void {
    for (const key of [`login:${normaliseLogin(login)}`, `address:${address}`]) {
      const times = this.recent(key);
      times.push(this.now().getTime());
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    while (this.failures.size > this.limits.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(login: string): void {
    this.failures.delete(`login:${normaliseLogin(login)}`);
  }

  /** Milliseconds until one more attempt is allowed for `key` (0: allowed now). */
  private wait(key: string, limit: number): number {
    const times = this.recent(key);
    if (times.length < limit) return 0;
    return times[times.length - limit]! + this.limits.windowMs - this.now().getTime();
  }

  private recent(key: string): number[] {
    const since = this.now().getTime() - this.limits.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }
}

export function normaliseLogin(login: string): string {
  return login.normalize("NFC").trim().toLowerCase();
}
