import type { LocalizedText } from "../criteria/types.js";
import type { Lang } from "../i18n/lang.js";

export type { Lang };

/** A title in the language asked for, falling back to Vietnamese. */
export function textIn(text: LocalizedText, lang: Lang): string {
  return lang === "en" ? (text.en ?? text.vi) : text.vi;
}
