import { describe, expect, it } from "vitest";
import { classStyle } from "../../api/web/components/class-style.js";
import { RankBandChart, rankTicks } from "../../api/web/components/rank-band-chart.js";

describe("rankTicks", () => {
  it.each([
    [1, [1]],
    [2, [1, 2]],
    [5, [1, 2, 3, 4, 5]],
    [11, [1, 4, 6, 8, 10]],
    [29, [1, 5, 10, 15, 20, 25, 29]],
    [300, [1, 50, 100, 150, 200, 250, 300]],
  ])("%i ranks: %j", (ranks, ticks) => {
    expect(rankTicks(ranks)).toEqual(ticks);
  });
});

describe("RankBandChart", () => {
  const render = (bands: Parameters<typeof RankBandChart>[0]["bands"]) =>
    String(RankBandChart({ id: "r", title: "Khoảng hạng", description: "Hai đơn vị", bands, ranks: 4, tickText: String }));
  const band = (low: number, median: number, high: number) => ({ label: "x", low, median, high, valueText: `${median}: ${low}–${high}`, style: classStyle(0) });

  it("is one accessible image with a title and description, each band written out", () => {
    const svg = render([band(1, 1, 2), band(2, 3, 4)]);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="r-title r-desc"/);
    expect(svg).toContain('<title id="r-title">Khoảng hạng</title><desc id="r-desc">Hai đơn vị</desc>');
    expect(svg).toContain("1: 1–2");
    expect(svg).toContain("3: 2–4");
    expect(svg).not.toMatch(/style=/);
  });

  // 4 ranks over 96 % of the width from 1 %: each rank's slot is 24 % wide
  it.each([
    { low: 1, median: 1, high: 1, x: "1.000%", width: "24.000%", marker: "13.000%", text: 'x="26.000%" y="61" text-anchor="start"' },
    { low: 2, median: 3, high: 4, x: "25.000%", width: "72.000%", marker: "61.000%", text: 'x="24.000%" y="61" text-anchor="end"' },
    { low: 1, median: 2, high: 4, x: "1.000%", width: "96.000%", marker: "37.000%", text: 'x="38.500%" y="61" text-anchor="start"' },
  ])("draws ranks $low–$high from $x, $width wide, the median at $marker", ({ low, median, high, x, width, marker, text }) => {
    const svg = render([band(low, median, high)]);
    expect(svg).toContain(`<rect x="${x}" y="47" width="${width}"`);
    expect(svg).toContain(`<line x1="${marker}" x2="${marker}" y1="42" y2="70" stroke="#fff"`);
    expect(svg).toContain(text);
  });
});
