import type { Child } from "hono/jsx";

/**
 * A table that may scroll sideways on a phone: the scrolling box is a named region (a labelled
 * section) that takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1).
 */
export function TableWrap(props: { label: string; children?: Child }) {
  return (
    <section class="table-wrap" aria-label={props.label} tabindex={0}>
      {props.children}
    </section>
  );
}
