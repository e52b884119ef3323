import { formatDate } from "./format-locale.js";
import type { Lang } from "./lang.js";

/**
 * The engine writes its explanations ("why" texts, gap hints) with machine numbers, ISO dates and
 * fact names, so JSON and CSV stay exact and greppable. For a Vietnamese reader this rewrites such
 * a text: the decimal comma (`28.1` → `28,1`), `dd/mm/yyyy` dates, ranges in words as decisions
 * write them (`≥ 20 và ≤ 35` → `từ 20 đến 35`, `> 35` → `trên 35`), and each fact name replaced by
 * its label (see `factLabels`), except where a hint quotes the title and gives the name to type
 * (`nhập "Ngày ban hành" (plan_issued_on)`). English text is returned unchanged.
 */
export function localiseExplanation(text: string, lang: Lang, labels: ReadonlyMap<string, string> = new Map()): string {
  if (lang === "en") return text;
  const withNumbers = text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (date) => formatDate(date, "vi")).replace(/(?<![\w.,])(\d+)\.(\d+)(?![\w.])/g, "$1,$2");
  const withRanges = RANGE_WORDS.reduce((result, [pattern, words]) => result.replace(pattern, words), withNumbers);
  const names = [...labels.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (names.length === 0) return withRanges;
  const pattern = new RegExp(`(?<!" \\()(?<![\\w/.-])(${names.join("|")})(?![\\w-])`, "g");
  return withRanges.replace(pattern, (name) => labels.get(name) ?? name);
}

const NUMBER = String.raw`(-?\d+(?:,\d+)?)`;

/** Edges as `describeRange` writes them (`≥ 70 và < 90`), in the words of a decision; two-sided first. */
const RANGE_WORDS: [RegExp, string][] = [
  [new RegExp(`≥ ${NUMBER} và < ${NUMBER}`, "g"), "từ $1 đến dưới $2"],
  [new RegExp(`≥ ${NUMBER} và ≤ ${NUMBER}`, "g"), "từ $1 đến $2"],
  [new RegExp(`> ${NUMBER} và < ${NUMBER}`, "g"), "trên $1 đến dưới $2"],
  [new RegExp(`> ${NUMBER} và ≤ ${NUMBER}`, "g"), "trên $1 đến $2"],
  [new RegExp(`lên ≥ ${NUMBER}`, "g"), "lên ít nhất $1"],
  [new RegExp(`≥ ${NUMBER}`, "g"), "từ $1 trở lên"],
  [new RegExp(`> ${NUMBER}`, "g"), "trên $1"],
  [new RegExp(`< ${NUMBER}`, "g"), "dưới $1"],
  [new RegExp(`≤ ${NUMBER}`, "g"), "không quá $1"],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
