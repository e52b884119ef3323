import { formatDate } from "./format-locale.js";
import type { Lang } from "./lang.js";

/**
 * The engine writes its explanations ("why" texts, gap hints) with machine numbers, ISO dates and
 * fact names, so JSON and CSV stay exact and greppable. For a Vietnamese reader this rewrites such
 * a text: the decimal comma (`28.1` → `28,1`), `dd/mm/yyyy` dates, and each fact name replaced by
 * its label (see `factLabels`), except where a hint quotes the title and gives the name to type
 * (`nhập "Ngày ban hành" (plan_issued_on)`). English text is returned unchanged.
 */
export function localiseExplanation(text: string, lang: Lang, labels: ReadonlyMap<string, string> = new Map()): string {
  if (lang === "en") return text;
  const withNumbers = text
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (date) => formatDate(date, "vi"))
    .replace(/(?<![\w.,])(\d+)\.(\d+)(?![\w.])/g, "$1,$2");
  const names = [...labels.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (names.length === 0) return withNumbers;
  const pattern = new RegExp(`(?<!" \\()(?<![\\w/.-])(${names.join("|")})(?![\\w-])`, "g");
  return withNumbers.replace(pattern, (name) => labels.get(name) ?? name);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
