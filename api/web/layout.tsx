import type { Child } from "hono/jsx";
import type { Actor } from "../auth/actor.js";
import { ROLE_NAMES, nameIn } from "../../src/index.js";
import type { Lang } from "../../src/index.js";
import { ASSET_PATHS } from "./assets/assets.js";

export interface PageProps {
  lang: Lang;
  title: string;
  /** The signed-in person, or the public. */
  actor: Actor;
  /** The current path and query, for the language switch. */
  path: string;
  /** CSRF token for the sign-out form (present when someone is signed in). */
  csrf?: string | undefined;
  children?: Child;
}

const TEXT = {
  vi: {
    app: "Chỉ số CCHC",
    skip: "Bỏ qua, đến nội dung chính",
    home: "Trang chủ",
    signIn: "Đăng nhập",
    signOut: "Đăng xuất",
    switchTo: "English",
    switchLang: "en",
    footer: "par-index: chấm điểm, thẩm định và công bố Chỉ số cải cách hành chính.",
  },
  en: {
    app: "PAR index",
    skip: "Skip to main content",
    home: "Home",
    signIn: "Sign in",
    signOut: "Sign out",
    switchTo: "Tiếng Việt",
    switchLang: "vi",
    footer: "par-index: self-assessment, appraisal and publication of the PAR index.",
  },
} as const;

/**
 * The one page layout: a skip link, a header with the service name, who is signed in and the
 * language switch, the main content, a footer. Mobile first; the stylesheet and the small
 * enhancement script are served by the app itself (no CDN).
 */
export function Layout(props: PageProps) {
  const t = TEXT[props.lang];
  const signedIn = props.actor.role !== "public";
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t.app}`}</title>
        <link rel="stylesheet" href={ASSET_PATHS.styles} />
        <script src={ASSET_PATHS.script} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skip}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href="/">
              {t.app}
            </a>
            <nav aria-label={props.lang === "vi" ? "Tài khoản và ngôn ngữ" : "Account and language"} class="header-nav">
              <a href={withLang(props.path, t.switchLang)} lang={t.switchLang} hreflang={t.switchLang}>
                {t.switchTo}
              </a>
              {signedIn ? (
                <form method="post" action="/sign-out" class="inline-form">
                  <input type="hidden" name="csrf" value={props.csrf ?? ""} />
                  <span class="who">
                    {props.actor.name} · {nameIn(ROLE_NAMES, props.actor.role, props.lang)}
                  </span>
                  <button type="submit" class="link-button">
                    {t.signOut}
                  </button>
                </form>
              ) : (
                <a href="/sign-in">{t.signIn}</a>
              )}
            </nav>
          </div>
        </header>
        <main id="main" class="container" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">{t.footer}</div>
        </footer>
      </body>
    </html>
  );
}

/** The same path and query with `lang` set (the language switch). */
export function withLang(path: string, lang: string): string {
  const url = new URL(path, "http://local");
  url.searchParams.set("lang", lang);
  return url.pathname + url.search;
}
