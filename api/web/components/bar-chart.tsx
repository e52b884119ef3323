import { ChartFrame, LINE, RowLabel, TOP, chartRows, patternId } from "./chart-frame.js";
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
  const { rows, tops, height } = chartRows(props.bars.map((bar) => bar.label));
  const x = (value: number) => `${((Math.max(0, Math.min(value, max)) / max) * SPAN).toFixed(3)}%`;
  return (
    <ChartFrame id={props.id} class="bar-chart" height={height} title={props.title} description={props.description} styles={props.bars.map((bar) => bar.style)}>
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
            <RowLabel lines={lines} y={y} />
            <rect
              x="0"
              y={y + 21}
              width={x(bar.value)}
              height="18"
              fill={`url(#${patternId(props.id, bar.style)})`}
              stroke={bar.style.colour}
              stroke-width="1"
            />
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
    </ChartFrame>
  );
}
