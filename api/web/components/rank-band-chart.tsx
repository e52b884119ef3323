import { Pattern, wrapLabel } from "./bar-chart.js";
import type { ClassStyle } from "./class-style.js";

export interface RankBand {
  /** The line above the band, e.g. "1. Phường Hải Quang · Xuất sắc". */
  label: string;
  /** 5th percentile, median and 95th percentile rank (1 = best). */
  low: number;
  median: number;
  high: number;
  /** The band as the reader's locale writes it ("trung vị 2, từ 1 đến 4"). */
  valueText: string;
  /** The published class's look. */
  style: ClassStyle;
}

const ROW = 46;
const LABEL_CHARS = 42;
const LINE = 16;
const TOP = 26;
/** The bands use the left 78 % of the width, leaving room for the text after the widest band. */
const SPAN = 78;

/**
 * How sure each rank is, as server-rendered SVG (no script), drawn like the bar chart: one row per
 * unit in published order, its label above; a band from the 5th to the 95th percentile rank filled
 * with the published class's colour and pattern, a black diamond at the median rank, the band in
 * words after it. Rank 1 is on the left. One image for screen readers, with a title and a
 * description; the figures are in the table beside it.
 */
export function RankBandChart(props: { id: string; title: string; description: string; bands: RankBand[]; ranks: number; tickText: (rank: number) => string }) {
  const ranks = Math.max(1, props.ranks);
  const rows = props.bands.map((band) => wrapLabel(band.label, LABEL_CHARS));
  const tops = [TOP];
  for (const lines of rows) tops.push(tops[tops.length - 1]! + ROW + (lines.length - 1) * LINE);
  const height = tops[tops.length - 1]! + 4;
  /** The left edge of a rank's slot, as a share of the width; `ranks + 1` is the right edge of the last. */
  const at = (rank: number) => ((Math.max(1, Math.min(rank, ranks + 1)) - 1) / ranks) * SPAN;
  const pct = (value: number) => `${value.toFixed(3)}%`;
  const ticks = rankTicks(ranks);
  const styles = [...new Map(props.bands.map((band) => [band.style.pattern + band.style.colour, band.style])).values()];
  const patternId = (style: ClassStyle) => `${props.id}-${style.pattern}-${style.colour.slice(1)}`;
  return (
    <svg
      class="chart rank-band-chart"
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
      {ticks.map((rank) => (
        <g class="tick">
          <line x1={pct(at(rank + 0.5))} x2={pct(at(rank + 0.5))} y1={TOP - 6} y2={height} stroke="#b1b4b6" stroke-width="1" />
          <text x={pct(at(rank + 0.5))} y={TOP - 10} text-anchor="middle" fill="#0b0c0c">
            {props.tickText(rank)}
          </text>
        </g>
      ))}
      {props.bands.map((band, i) => {
        const lines = rows[i]!;
        const y = tops[i]! + (lines.length - 1) * LINE;
        const left = at(band.low);
        const right = at(band.high + 1);
        const median = at(band.median + 0.5);
        return (
          <g class="band">
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
            <rect
              x={pct(left)}
              y={y + 21}
              width={pct(right - left)}
              height="18"
              fill={`url(#${patternId(band.style)})`}
              stroke={band.style.colour}
              stroke-width="1"
            />
            <svg x={pct(median)} y={y + 30} overflow="visible">
              <path d="M0,-8 L6,0 L0,8 L-6,0 Z" fill="#0b0c0c" stroke="#fff" stroke-width="1.5" />
            </svg>
            <text x={pct(right + 1)} y={y + 35} fill="#0b0c0c" stroke="#fff" stroke-width="4" paint-order="stroke" class="value">
              {band.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Rank 1, the last rank and round steps between, about six ticks whatever the block's size. */
export function rankTicks(ranks: number): number[] {
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => ranks / s <= 6) ?? 1000;
  const ticks = new Set([1]);
  for (let rank = step; rank < ranks; rank += step) ticks.add(rank);
  if (ranks - [...ticks].at(-1)! >= step / 2 || ranks === 1) ticks.add(ranks);
  return [...ticks].sort((a, b) => a - b);
}
