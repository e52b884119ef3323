import { ChartFrame, LINE, RowLabel, TOP, chartRows, patternId } from "./chart-frame.js";
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

/** The bands use all but a small margin at each side; the band in words goes on whichever side of it has more room. */
const LEFT = 1;
const SPAN = 96;

/**
 * How sure each rank is, as server-rendered SVG (no script), drawn like the bar chart: one row per
 * unit in published order, its label above; a band from the 5th to the 95th percentile rank filled
 * with the published class's colour and pattern, a black bar (white-edged) at the median rank, the band in
 * words beside it (`placeWords`, so it fits a phone). Rank 1 is on the left. One image for screen readers, with a title and a
 * description; the figures are in the table beside it.
 */
export function RankBandChart(props: { id: string; title: string; description: string; bands: RankBand[]; ranks: number; tickText: (rank: number) => string }) {
  const ranks = Math.max(1, props.ranks);
  const { rows, tops, height } = chartRows(props.bands.map((band) => band.label));
  /** The left edge of a rank's slot, as a share of the width; `ranks + 1` is the right edge of the last. */
  const at = (rank: number) => LEFT + ((Math.max(1, Math.min(rank, ranks + 1)) - 1) / ranks) * SPAN;
  const pct = (value: number) => `${value.toFixed(3)}%`;
  const ticks = rankTicks(ranks);
  return (
    <ChartFrame
      id={props.id}
      class="rank-band-chart"
      height={height}
      title={props.title}
      description={props.description}
      styles={props.bands.map((band) => band.style)}
    >
      {ticks.map((rank, i) => (
        <g class="tick">
          <line x1={pct(at(rank + 0.5))} x2={pct(at(rank + 0.5))} y1={TOP - 6} y2={height} stroke="#b1b4b6" stroke-width="1" />
          <text
            x={pct(at(rank + 0.5))}
            y={TOP - 10}
            text-anchor={ticks.length === 1 ? "middle" : i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
            fill="#0b0c0c"
          >
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
        const words = placeWords(left, right, median);
        return (
          <g class="band">
            <RowLabel lines={lines} y={y} />
            <rect
              x={pct(left)}
              y={y + 21}
              width={pct(right - left)}
              height="18"
              fill={`url(#${patternId(props.id, band.style)})`}
              stroke={band.style.colour}
              stroke-width="1"
            />
            <line x1={pct(median)} x2={pct(median)} y1={y + 16} y2={y + 44} stroke="#fff" stroke-width="8" />
            <line x1={pct(median)} x2={pct(median)} y1={y + 17} y2={y + 43} stroke="#0b0c0c" stroke-width="4" />
            <text x={pct(words.x)} y={y + 35} text-anchor={words.anchor} fill="#0b0c0c" stroke="#fff" stroke-width="4" paint-order="stroke" class="value">
              {band.valueText}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/**
 * Where the band in words goes: after the band or before it, whichever side has more room, if
 * that is a quarter of the width (about 90 px on a phone); else over the band beside the median
 * (the text's white outline keeps it readable there).
 */
export function placeWords(left: number, right: number, median: number): { x: number; anchor: "start" | "end" } {
  const after = 100 - right;
  if (after >= left && after >= 25) return { x: right + 1, anchor: "start" };
  if (left >= 25) return { x: left - 1, anchor: "end" };
  return median <= 50 ? { x: median + 1.5, anchor: "start" } : { x: median - 1.5, anchor: "end" };
}

/** Rank 1, round steps and the last rank, about six ticks whatever the block's size, none closer than half a step. */
export function rankTicks(ranks: number): number[] {
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => ranks / s <= 6) ?? 1000;
  const ticks = [1];
  const add = (rank: number) => {
    if (rank - ticks[ticks.length - 1]! > step / 2) ticks.push(rank);
  };
  for (let rank = step; rank < ranks; rank += step) add(rank);
  add(ranks);
  return ticks;
}
