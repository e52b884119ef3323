import type { Child } from "hono/jsx";

/** One ranking block of a results, robustness or what-if page: a section headed by the block's title and its number of units. */
export function RankingBlock(props: { code: string; title: string; units: number; unitsWord: string; children?: Child }) {
  const id = `block-${props.code}`;
  return (
    <section id={id} aria-labelledby={`${id}-heading`} class="results-block">
      <h2 id={`${id}-heading`}>
        {props.title}{" "}
        <span class="muted">
          ({props.units} {props.unitsWord})
        </span>
      </h2>
      {props.children}
    </section>
  );
}
