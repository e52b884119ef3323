import type { Child } from "hono/jsx";
import type { ClassStyle } from "./class-style.js";

/** The row layout both charts share: a row per unit, its label above its mark. */
const ROW = 46;
/** A label longer than this wraps onto more lines (about the width of a 390 px phone at 13 px). */
const LABEL_CHARS = 42;
export const LINE = 16;
export const TOP = 26;

/** The wrapped labels, where each row starts (the last entry is where the chart ends) and the chart's height. */
export function chartRows(labels: string[]): { rows: string[][]; tops: number[]; height: number } {
  const rows = labels.map((label) => wrapLabel(label, LABEL_CHARS));
  const tops = [TOP];
  for (const lines of rows) tops.push(tops[tops.length - 1]! + ROW + (lines.length - 1) * LINE);
  return { rows, tops, height: tops[tops.length - 1]! + 4 };
}

/** The id of a class's fill pattern within one chart. */
export function patternId(chartId: string, style: ClassStyle): string {
  return `${chartId}-${style.pattern}-${style.colour.slice(1)}`;
}

/**
 * The SVG of a chart: one image for screen readers, with a title and a description (the figures
 * are in the table beside it), and the fill pattern of every class it draws.
 */
export function ChartFrame(props: { id: string; class: string; height: number; title: string; description: string; styles: ClassStyle[]; children?: Child }) {
  const styles = [...new Map(props.styles.map((style) => [style.pattern + style.colour, style])).values()];
  return (
    <svg
      class={`chart ${props.class}`}
      width="100%"
      height={props.height}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <defs>
        {styles.map((style) => (
          <Pattern id={patternId(props.id, style)} style={style} />
        ))}
      </defs>
      {props.children}
    </svg>
  );
}

/** A row's label, its lines above the row's mark at `y` (the top of the mark's line). */
export function RowLabel(props: { lines: string[]; y: number }) {
  const { lines } = props;
  return (
    <text x="0" y={props.y + 15 - (lines.length - 1) * LINE} fill="#0b0c0c" stroke="#fff" stroke-width="4" paint-order="stroke">
      {lines.map((line, n) =>
        n === 0 ? (
          <tspan>{line}</tspan>
        ) : (
          <tspan x="0" dy={LINE}>
            {line}
          </tspan>
        ),
      )}
    </text>
  );
}

/** Splits a label at spaces into lines of at most `width` characters (a longer word keeps its own line). */
export function wrapLabel(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length === 0 ? [""] : lines;
}

/** The fill of one class: its colour, overlaid with white marks unless solid. */
function Pattern(props: { id: string; style: ClassStyle }) {
  const { colour, pattern } = props.style;
  return (
    <pattern id={props.id} patternUnits="userSpaceOnUse" width="8" height="8">
      <rect width="8" height="8" fill={colour} />
      {pattern === "diagonal" ? <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" stroke-width="2" /> : null}
      {pattern === "dots" ? <circle cx="4" cy="4" r="1.6" fill="#fff" /> : null}
      {pattern === "cross" ? <path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" stroke-width="1.5" /> : null}
      {pattern === "horizontal" ? <path d="M0,4 h8" stroke="#fff" stroke-width="2" /> : null}
    </pattern>
  );
}
