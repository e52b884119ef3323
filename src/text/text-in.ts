import type { LocalizedText } from "../criteria/types.js";

export type Lang = "vi" | "en";

/** A title in the language asked for, falling back to Vietnamese. */
export function textIn(text: LocalizedText, lang: Lang): string {
  return lang === "en" ? (text.en ?? text.vi) : text.vi;
}
