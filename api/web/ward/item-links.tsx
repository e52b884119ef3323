import type { Child } from "hono/jsx";

/** A folded list of items, each a link to its card on its area page ("7 tiêu chí còn thiếu …"). */
export function ItemLinks(props: { summary: Child; items: { code: string; title: string }[]; link: (code: string) => string }) {
  return (
    <details>
      <summary>{props.summary}</summary>
      <ul>
        {props.items.map((item) => (
          <li>
            <a href={props.link(item.code)}>
              {item.code}. {item.title}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
