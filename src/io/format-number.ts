import { formatScaled, formatUnits, toUnits } from "../points.js";
import type { Lang } from "../i18n/lang.js";

/**
 * Numbers as tables and CSV files show them: points and percentages with fixed decimals (2
 * unless the set's display precision is known), a decimal point, "–" for nothing.
 */
export function formatPoints(points: number | null, decimals = 2): string {
  return points === null ? "–" : formatUnits(toUnits(points), decimals);
}

/** Points with a sign: "+0.50", "-1.00", "0.00". */
export function formatSignedPoints(points: number, decimals = 2): string {
  const text = formatPoints(points, decimals);
  return points > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** A percentage already rounded by the engine, with fixed decimals ("81.30"). */
export function formatPercent(value: number | null, decimals = 2): string {
  return value === null ? "–" : formatScaled(Math.round(value * 10 ** decimals), decimals);
}

/** Change of rank from last year: "▲2" (up), "▼1" (down), "=" (same), "–" (not ranked then). */
export function formatRankChange(rank: number, previousRank: number | null): string {
  if (previousRank === null) return "–";
  const change = previousRank - rank;
  return change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : "=";
}

/** Machine decimal text ("81.33", "-0.50") as a reader of `lang` writes it: the decimal comma in Vietnamese ("81,33"). */
export function localiseDecimal(text: string, lang: Lang): string {
  return lang === "vi" ? text.replace(/(\d)\.(\d)/, "$1,$2") : text;
}

/** A number in its shortest form, with the decimal comma in Vietnamese ("28,1"). */
export function formatNumberIn(value: number, lang: Lang): string {
  return localiseDecimal(String(value), lang);
}
