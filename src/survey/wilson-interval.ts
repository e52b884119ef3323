/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion: `successes` out of `n`, as [low, high] in 0…1.
 * Successes may be fractional (a sum of respondents' scores in 0…1): a [0, 1] variable with
 * mean p has variance at most p(1 − p), so the interval is then conservative. n = 0 gives null.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): [number, number] | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
