import { describe, expect, it } from "vitest";
import { renderTable, shorten, textWidth } from "../../src/io/render-table.js";

describe("renderTable", () => {
  it("draws borders, pads cells and aligns right where asked", () => {
    const table = renderTable(
      [{ header: "Code" }, { header: "Points", align: "right" }],
      [
        ["1.1", "0.50"],
        ["1.10", "12.00"],
      ],
    );
    expect(table.split("\n")).toEqual([
      "+------+--------+",
      "| Code | Points |",
      "+------+--------+",
      "| 1.1  |   0.50 |",
      "| 1.10 |  12.00 |",
      "+------+--------+",
    ]);
  });

  it("counts precomposed Vietnamese letters as one column, whatever the input normalisation", () => {
    const nfd = "Cải cách thủ tục hành chính".normalize("NFD");
    const lines = renderTable(
      [{ header: "Tên" }, { header: "x" }],
      [
        [nfd, "1"],
        ["Xã", "2"],
      ],
    ).split("\n");
    const widths = new Set(lines.map(textWidth));
    expect(widths.size).toBe(1);
    expect(lines[3]).toBe("| Cải cách thủ tục hành chính | 1 |");
    expect(lines[4]).toBe("| Xã                          | 2 |");
  });

  it("fills missing cells and flattens line breaks", () => {
    const lines = renderTable([{ header: "a" }, { header: "b" }], [["x\ny"]]).split("\n");
    expect(lines[3]).toBe("| x y |   |");
  });

  it("draws only the header of an empty table", () => {
    expect(renderTable([{ header: "a" }], []).split("\n")).toHaveLength(3);
  });
});

describe("shorten", () => {
  it.each([
    { text: "Chỉ số", max: 10, expected: "Chỉ số" },
    { text: "Cải cách hành chính", max: 8, expected: "Cải các…" },
    { text: "Điều tra".normalize("NFD"), max: 4, expected: "Điề…" },
  ])("$text to $max", ({ text, max, expected }) => {
    expect(shorten(text, max)).toBe(expected);
  });
});
