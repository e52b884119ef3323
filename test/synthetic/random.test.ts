import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed } from "../../src/synthetic/random.js";

describe("createRandom", () => {
  it.each([
    { seed: 0, first: [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197] },
    { seed: 1, first: [0.6270739405881613, 0.002735721180215478, 0.5274470399599522] },
    { seed: 2026, first: [0.45540769933722913, 0.30849614599719644, 0.6611574492417276] },
  ])("gives the mulberry32 sequence for seed $seed", ({ seed, first }) => {
    const random = createRandom(seed);
    const drawn = first.map(() => random.next());
    expect(drawn).toEqual(first);
  });

  it("stays within the bounds it is asked for", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const random = createRandom(seed);
        for (let i = 0; i < 20; i++) {
          const next = random.next();
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThan(1);
          const int = random.int(min, min + span);
          expect(Number.isInteger(int) && int >= min && int <= min + span).toBe(true);
        }
      }),
    );
  });

  it("samples without replacement", () => {
    fc.assert(
      fc.property(fc.integer(), fc.uniqueArray(fc.integer()), fc.nat(20), (seed, items, count) => {
        const sample = createRandom(seed).sample(items, count);
        expect(sample.length).toBe(Math.min(count, items.length));
        expect(new Set(sample).size).toBe(sample.length);
        for (const item of sample) expect(items).toContain(item);
      }),
    );
  });

  it("refuses to pick from an empty list", () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});

describe("deriveSeed", () => {
  it("gives different streams for different items and seeds", () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 20; seed++) for (let n = 0; n < 50; n++) seeds.add(deriveSeed(seed, n));
    expect(seeds.size).toBe(1000);
  });
});
