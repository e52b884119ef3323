import { formatScaled, formatUnits, toUnits } from "../points.js";

/**
 * Numbers as tables and CSV files show them: points with 2 decimals ("68.32"), percentages with
 * 2 decimals, a decimal point, "–" for nothing.
 */
export function formatPoints(points: number | null): string {
  return points === null ? "–" : formatUnits(toUnits(points), 2);
}

/** Points with a sign: "+0.50", "-1.00", "0.00". */
export function formatSignedPoints(points: number): string {
  const text = formatPoints(points);
  return points > 0 && text !== "0.00" ? `+${text}` : text;
}

export function formatPercent(value: number | null): string {
  return value === null ? "–" : formatScaled(Math.round(value * 100), 2);
}

/** Change of rank from last year: "▲2" (up), "▼1" (down), "=" (same), "–" (not ranked then). */
export function formatRankChange(rank: number, previousRank: number | null): string {
  if (previousRank === null) return "–";
  const change = previousRank - rank;
  return change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : "=";
}
