/** The two languages of every message, table and page: Vietnamese first (the default), English. */
export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "vi";

export function isLang(value: unknown): value is Lang {
  return value === "vi" || value === "en";
}

/** A text in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}
