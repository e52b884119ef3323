import { type Lang, formatDecimal } from "../../../src/index.js";

/** Points as written in the set, with the reader's decimal mark: 14,5 / 14.5 (up to 4 decimals, none added). */
export function formatPoints(value: number, lang: Lang): string {
  const decimals = Math.min(4, (String(value).split(".")[1] ?? "").length);
  return formatDecimal(value, decimals, lang);
}

/** A class band's index range: "≥ 80 và < 90". */
export function formatRange(range: { gt?: number; gte?: number; lt?: number; lte?: number }, lang: Lang): string {
  const parts = [
    range.gte !== undefined ? `≥ ${formatPoints(range.gte, lang)}` : "",
    range.gt !== undefined ? `> ${formatPoints(range.gt, lang)}` : "",
    range.lt !== undefined ? `< ${formatPoints(range.lt, lang)}` : "",
    range.lte !== undefined ? `≤ ${formatPoints(range.lte, lang)}` : "",
  ].filter(Boolean);
  return parts.join(lang === "vi" ? " và " : " and ");
}
