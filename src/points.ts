/**
 * Exact point arithmetic. Points are kept as integer ten-thousandths ("units"), so sums of
 * 0.25 or 0.1 never drift; ratios are computed once and rounded half-up only for display.
 */
export const UNITS_PER_POINT = 10_000;

export function isWholeUnits(points: number): boolean {
  const scaled = points * UNITS_PER_POINT;
  return Number.isFinite(scaled) && Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export function toUnits(points: number): number {
  return Math.round(points * UNITS_PER_POINT);
}

export function fromUnits(units: number): number {
  return units / UNITS_PER_POINT;
}

/** `numerator / denominator × 100`, rounded half-up to `decimals`, as an exact scaled integer. */
export function percentScaled(numerator: number, denominator: number, decimals: number): number {
  if (denominator <= 0) return 0;
  const factor = 100 * 10 ** decimals;
  const sign = numerator < 0 ? -1 : 1;
  const magnitude = Math.abs(numerator) * factor;
  return sign * Math.floor((2 * magnitude + denominator) / (2 * denominator));
}

/** The percentage as a plain number rounded to `decimals` (e.g. 81.33). */
export function percent(numerator: number, denominator: number, decimals: number): number {
  return percentScaled(numerator, denominator, decimals) / 10 ** decimals;
}

/** Units rounded half-up to `decimals` of a point, as text with fixed decimals ("68.32"). */
export function formatUnits(units: number, decimals: number): string {
  return formatScaled(roundUnits(units, decimals), decimals);
}

/** Units rounded half-up to `decimals` of a point, still in units (186_650 at 2 decimals → 186_700). */
export function roundUnitsTo(units: number, decimals: number): number {
  const step = UNITS_PER_POINT / 10 ** decimals;
  return step <= 1 ? units : roundUnits(units, decimals) * step;
}

export function roundUnits(units: number, decimals: number): number {
  const step = UNITS_PER_POINT / 10 ** decimals;
  if (step <= 1) return units * (10 ** decimals / UNITS_PER_POINT);
  const sign = units < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(units) + step / 2) / step);
}

/** An integer scaled by 10^decimals, as fixed-point text. */
export function formatScaled(scaled: number, decimals: number): string {
  const negative = scaled < 0;
  const digits = Math.abs(scaled)
    .toString()
    .padStart(decimals + 1, "0");
  const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fraction = decimals === 0 ? "" : `.${digits.slice(-decimals)}`;
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
