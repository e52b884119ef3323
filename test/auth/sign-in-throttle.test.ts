import { describe, expect, it } from "vitest";
import { SignInThrottle } from "../../api/auth/sign-in-throttle.js";

const LIMITS = { perLogin: 3, perAddress: 5, windowMs: 60_000, maxKeys: 100 };

function throttle() {
  const clock = { now: new Date("2026-03-01T00:00:00Z") };
  return { clock, t: new SignInThrottle(() => clock.now, LIMITS), advance: (ms: number) => (clock.now = new Date(clock.now.getTime() + ms)) };
}

describe("SignInThrottle", () => {
  it.each([
    [
      "under the login limit",
      [
        ["ward", "a"],
        ["ward", "a"],
      ],
      ["ward", "a"],
      { allowed: true },
    ],
    [
      "at the login limit",
      [
        ["ward", "a"],
        ["ward", "b"],
        ["ward", "c"],
      ],
      ["ward", "d"],
      { allowed: false, retryAfterSeconds: 60, by: "login" },
    ],
    [
      "login names compared case-insensitively",
      [
        ["Ward", "a"],
        ["WARD ", "a"],
        ["ward", "a"],
      ],
      ["ward", "z"],
      { allowed: false, retryAfterSeconds: 60, by: "login" },
    ],
    [
      "at the address limit, another login",
      [
        ["a", "x"],
        ["b", "x"],
        ["c", "x"],
        ["d", "x"],
        ["e", "x"],
      ],
      ["f", "x"],
      { allowed: false, retryAfterSeconds: 60, by: "address" },
    ],
    [
      "at the address limit, another address",
      [
        ["a", "x"],
        ["b", "x"],
        ["c", "x"],
        ["d", "x"],
        ["e", "x"],
      ],
      ["f", "y"],
      { allowed: true },
    ],
  ] as const)("%s", (_, failures, attempt, verdict) => {
    const { t } = throttle();
    for (const [login, address] of failures) t.recordFailure(login, address);
    expect(t.check(attempt[0], attempt[1])).toEqual(verdict);
  });

  it("lets the next attempt through once the oldest failure leaves the window, and says when", () => {
    const { t, advance } = throttle();
    t.recordFailure("ward", "a");
    advance(20_000);
    t.recordFailure("ward", "a");
    t.recordFailure("ward", "a");
    expect(t.check("ward", "a")).toEqual({ allowed: false, retryAfterSeconds: 40, by: "login" });
    advance(40_000);
    expect(t.check("ward", "a")).toEqual({ allowed: true });
  });

  it("forgets a login's failures on success, but not the address's", () => {
    const { t } = throttle();
    for (const login of ["ward", "ward", "p1", "p2", "p3"]) t.recordFailure(login, "x");
    t.recordSuccess("ward");
    expect(t.check("ward", "y")).toEqual({ allowed: true });
    expect(t.check("ward", "x")).toMatchObject({ allowed: false, by: "address" });
  });

  it("remembers at most maxKeys keys", () => {
    const clock = { now: new Date("2026-03-01T00:00:00Z") };
    const t = new SignInThrottle(() => clock.now, { ...LIMITS, perLogin: 1, maxKeys: 3 });
    for (const login of ["a", "b", "c"]) t.recordFailure(login, "x");
    expect(t.check("a", "y")).toEqual({ allowed: true });
    expect(t.check("c", "y")).toMatchObject({ allowed: false });
  });
});
