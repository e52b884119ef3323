import { formatDecimal } from "../../../src/i18n/format-locale.js";
import type { Lang } from "../../../src/i18n/lang.js";

/** Points as few decimals as they need: "1", "0,5", "1,25" (vi) / "0.5" (en). */
export function formatPoints(points: number, lang: Lang): string {
  const text = formatDecimal(points, 4, lang);
  const separator = lang === "vi" ? "," : ".";
  return text.includes(separator) ? text.replace(/0+$/, "").replace(/[.,]$/, "") : text;
}

/** An index with the set's decimals and a percent sign: "81,33 %". */
export function formatIndex(index: number, decimals: number, lang: Lang): string {
  return `${formatDecimal(index, decimals, lang)} %`;
}

/** The change between two indices, signed: "+1,23" / "−0,50" / "±0". */
export function formatChange(before: number, after: number, decimals: number, lang: Lang): string {
  const change = Math.round((after - before) * 10 ** decimals) / 10 ** decimals;
  if (change === 0) return "±0";
  return `${change > 0 ? "+" : "−"}${formatDecimal(Math.abs(change), decimals, lang)}`;
}
