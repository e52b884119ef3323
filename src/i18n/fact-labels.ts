import type { CriteriaSet } from "../criteria/types.js";
import type { Lang } from "./lang.js";

/**
 * What a reader sees for each fact and survey indicator of a set instead of its snake_case
 * name: its title with its unit, "Tỷ lệ giao dịch thanh toán trực tuyến (%)".
 */
export function factLabels(set: CriteriaSet, lang: Lang): Map<string, string> {
  const labels = new Map<string, string>();
  const declared = [...Object.entries(set.facts), ...Object.entries(set.survey?.indicators ?? {})];
  for (const [name, declaration] of declared) {
    const title = lang === "en" ? (declaration.title.en ?? declaration.title.vi) : declaration.title.vi;
    const unit = (declaration as { unit?: unknown }).unit;
    labels.set(name, typeof unit === "string" && unit !== "" ? `${title} (${unit})` : title);
  }
  return labels;
}
