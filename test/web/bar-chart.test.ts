import { describe, expect, it } from "vitest";
import { BarChart } from "../../api/web/components/bar-chart.js";
import { wrapLabel } from "../../api/web/components/chart-frame.js";
import { classStyle } from "../../api/web/components/class-style.js";

describe("wrapLabel", () => {
  it.each([
    { label: "1. Cải cách thể chế", width: 42, lines: ["1. Cải cách thể chế"] },
    {
      label: "6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
      width: 42,
      lines: ["6. Xây dựng và phát triển Chính quyền điện", "tử, Chính quyền số"],
    },
    { label: "aaaa bbbb cccc", width: 9, lines: ["aaaa bbbb", "cccc"] },
    { label: "averyveryverylongword x", width: 5, lines: ["averyveryverylongword", "x"] },
  ])("$label at $width", ({ label, width, lines }) => {
    expect(wrapLabel(label, width)).toEqual(lines);
    for (const line of lines) expect(line.length <= width || !line.includes(" ")).toBe(true);
  });
});

describe("BarChart", () => {
  const render = (props: Parameters<typeof BarChart>[0]) => String(BarChart(props));
  const bars = [
    { label: "1. Phường A · Xuất sắc", value: 96.28, valueText: "96,28", style: classStyle(0) },
    { label: "2. Phường B · Tốt", value: 85, valueText: "85,00", style: classStyle(1) },
    { label: "3. Phường C · Yếu", value: 140, valueText: "140,00", style: classStyle(9) },
  ];

  it("is one accessible image: role, title and description, the figures written out", () => {
    const svg = render({ id: "c", title: "Chỉ số", description: "Ba đơn vị", bars, tickText: (t) => `${t} %`, marker: 90 });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c-title c-desc"/);
    expect(svg).toContain('<title id="c-title">Chỉ số</title><desc id="c-desc">Ba đơn vị</desc>');
    for (const bar of bars) expect(svg).toContain(bar.valueText);
    expect(svg).toContain("stroke-dasharray");
    expect(svg).not.toMatch(/style=/);
  });

  it.each([
    { value: 96.28, width: "78.950%" },
    { value: 0, width: "0.000%" },
    { value: 140, width: "82.000%" },
    { value: -5, width: "0.000%" },
  ])("draws $value of 100 as a bar $width wide (clamped)", ({ value, width }) => {
    const svg = render({ id: "c", title: "t", description: "d", bars: [{ ...bars[0]!, value }], tickText: String });
    expect(svg).toMatch(new RegExp(`<rect x="0" y="\\d+" width="${width.replace(".", "\\.")}"`));
  });

  it("fills each class with its own pattern, defined once per chart", () => {
    const svg = render({ id: "k", title: "t", description: "d", bars: [...bars, bars[0]!], tickText: String });
    expect(svg.match(/<pattern /g)).toHaveLength(3);
    expect(svg).toContain('fill="url(#k-solid-00703c)"');
    expect(svg).toContain('fill="url(#k-diagonal-1d70b8)"');
    expect(svg).toContain('fill="url(#k-horizontal-b10e1e)"');
  });
});
