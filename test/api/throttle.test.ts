import { describe, expect, it } from "vitest";
import { createThrottle } from "../../api/auth/throttle.js";

function throttle() {
  const clock = { now: 0 };
  const t = createThrottle({ freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000, maxKeys: 4, now: () => clock.now });
  return { t, clock };
}

describe("createThrottle", () => {
  it("answers the free failures at once, then blocks for 1, 2, 4, 8, 8 s", () => {
    const { t, clock } = throttle();
    const waits: (number | null)[] = [];
    for (let i = 0; i < 8; i++) {
      const after = t.fail("10.0.0.1");
      waits.push(after.allowed ? null : after.retryAfterSeconds);
      if (!after.allowed) clock.now += after.retryAfterSeconds * 1000;
    }
    expect(waits).toEqual([null, null, null, 1, 2, 4, 8, 8]);
  });

  it.each([
    ["while blocked", 999, false],
    ["once the delay has passed", 1000, true],
  ])("check %s", (_, elapsed, allowed) => {
    const { t, clock } = throttle();
    for (let i = 0; i < 4; i++) t.fail("a");
    clock.now += elapsed;
    expect(t.check("a").allowed).toBe(allowed);
  });

  it("keys are separate; a success clears its key; old failures are forgotten", () => {
    const { t, clock } = throttle();
    for (let i = 0; i < 4; i++) t.fail("a");
    expect(t.check("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(t.check("b")).toEqual({ allowed: true });
    t.succeed("a");
    expect(t.check("a")).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) t.fail("c");
    clock.now += 60_001;
    expect(t.fail("c")).toEqual({ allowed: true });
  });

  it("remembers at most maxKeys keys, dropping the oldest", () => {
    const { t } = throttle();
    for (const key of ["k1", "k2", "k3", "k4", "k5"]) for (let i = 0; i < 4; i++) t.fail(key);
    expect(t.check("k1").allowed).toBe(true);
    expect(t.check("k5").allowed).toBe(false);
  });
});
