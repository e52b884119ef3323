import type { ClassStyle } from "./class-style.js";

export interface Bar {
  /** The line above the bar, e.g. "1. Phường Hải Quang · Xuất sắc". */
  label: string;
  /** 0…max; drawn clamped to that range. */
  value: number;
  /** The value as the reader's locale writes it ("96,28"). */
  valueText: string;
  style: ClassStyle;
}

const ROW = 46;
/** A label longer than this wraps onto more lines (about the width of a 390 px phone at 13 px). */
const LABEL_CHARS = 42;
const LINE = 16;
const TOP = 26;
/** The bars use the left 82 % of the width, leaving room for the value after the longest bar. */
const SPAN = 82;

/**
 * A horizontal bar chart as server-rendered SVG, no script: one row per bar (its label above it,
 * so long Vietnamese names are never cut), the value written after the bar, gridlines with
 * their values, optionally a dashed line at a reference value (the caption says which). Positions are percentages of the width and text keeps its size, so the chart
 * reads the same on a 390 px phone and a desktop, and prints. For screen readers it is one
 * image with a title and a description; the figures themselves are in the table beside it.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  max?: number;
  ticks?: number[];
  tickText: (value: number) => string;
  marker?: number;
}) {
  const max = props.max ?? 100;
  const ticks = props.ticks ?? [0, 20, 40, 60, 80, 100];
  const rows = props.bars.map((bar) => wrapLabel(bar.label, LABEL_CHARS));
  /** Where each row starts; the last entry is where the chart ends. */
  const tops = [TOP];
  for (const lines of rows) tops.push(tops[tops.length - 1]! + ROW + (lines.length - 1) * LINE);
  const height = tops[tops.length - 1]! + 4;
  const x = (value: number) => `${((Math.max(0, Math.min(value, max)) / max) * SPAN).toFixed(3)}%`;
  const styles = [...new Map(props.bars.map((bar) => [bar.style.pattern + bar.style.colour, bar.style])).values()];
  const patternId = (style: ClassStyle) => `${props.id}-${style.pattern}-${style.colour.slice(1)}`;
  return (
    <svg
      class="chart bar-chart"
      width="100%"
      height={height}
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <defs>
        {styles.map((style) => (
          <Pattern id={patternId(style)} style={style} />
        ))}
      </defs>
      {ticks.map((tick) => (
        <g class="tick">
          <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height} stroke="#b1b4b6" stroke-width="1" />
          <text x={x(tick)} y={TOP - 10} text-anchor={tick === 0 ? "start" : "middle"} fill="#0b0c0c">
            {props.tickText(tick)}
          </text>
        </g>
      ))}
      {props.marker !== undefined ? (
        <g class="marker">
          <line x1={x(props.marker)} x2={x(props.marker)} y1={TOP} y2={height} stroke="#0b0c0c" stroke-width="2" stroke-dasharray="6 4" />
        </g>
      ) : null}
      {props.bars.map((bar, i) => {
        const lines = rows[i]!;
        const y = tops[i]! + (lines.length - 1) * LINE;
        return (
          <g class="bar">
            <text x="0" y={y + 15 - (lines.length - 1) * LINE} fill="#0b0c0c" stroke="#fff" stroke-width="4" paint-order="stroke">
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
            <rect x="0" y={y + 21} width={x(bar.value)} height="18" fill={`url(#${patternId(bar.style)})`} stroke={bar.style.colour} stroke-width="1" />
            <text
              x={`${((Math.max(0, Math.min(bar.value, max)) / max) * SPAN + 1).toFixed(3)}%`}
              y={y + 35}
              fill="#0b0c0c"
              stroke="#fff"
              stroke-width="4"
              paint-order="stroke"
              class="value"
            >
              {bar.valueText}
            </text>
          </g>
        );
      })}
    </svg>
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
export function Pattern(props: { id: string; style: ClassStyle }) {
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
