import type { Lang } from "../../../src/index.js";

const TEXT = {
  vi: { label: "Các lĩnh vực", prev: "Lĩnh vực trước", next: "Lĩnh vực sau" },
  en: { label: "Areas", prev: "Previous area", next: "Next area" },
} as const;

interface Neighbour {
  code: string;
  title: string;
}

/** Links to the previous and next area of an area page (the ward's and the scorer's); `href` builds an area's address. */
export function AreaPager(props: { lang: Lang; neighbours: { prev?: Neighbour | undefined; next?: Neighbour | undefined }; href: (code: string) => string }) {
  const t = TEXT[props.lang];
  const { prev, next } = props.neighbours;
  return (
    <nav class="pager" aria-label={t.label}>
      {prev ? (
        <a href={props.href(prev.code)}>
          ← {t.prev}: {prev.title}
        </a>
      ) : null}
      {next ? (
        <a href={props.href(next.code)}>
          {t.next}: {next.title} →
        </a>
      ) : null}
    </nav>
  );
}
