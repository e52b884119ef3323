import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { DEFAULT_LANG, type Lang, isLang } from "../../src/index.js";

const LANG_COOKIE = "par_lang";

/**
 * The language of a page: `?lang=en|vi` switches (and is remembered in a cookie for a year),
 * else the cookie, else Vietnamese. Pages are Vietnamese first; English is a switch away.
 */
export function pageLang(c: Context): Lang {
  const asked = c.req.query("lang");
  if (isLang(asked)) {
    setCookie(c, LANG_COOKIE, asked, { path: "/", maxAge: 365 * 86_400, sameSite: "Lax", httpOnly: true });
    return asked;
  }
  const remembered = getCookie(c, LANG_COOKIE);
  return isLang(remembered) ? remembered : DEFAULT_LANG;
}

/** Picks the text of the page's language from a pair written side by side. */
export function pick<T>(lang: Lang, texts: { vi: T; en: T }): T {
  return texts[lang];
}
