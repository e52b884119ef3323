import { describe, expect, it } from "vitest";
import { readUnitListRecords, readUnitListText } from "../../src/index.js";
import { unicodeText, windows1258 } from "./fixtures/saved-by-excel.js";

describe("readUnitListRecords", () => {
  it.each([
    ["English names", ["code", "name", "type", "block"]],
    ["Vietnamese names", ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Khối"]],
    ["capitals without diacritics", ["MA DON VI", "TEN DON VI", "LOAI DON VI", "KHOI"]],
    ["the sheet's column names", ["unit", "unit_name", "unit_type", "block"]],
  ])("reads a header of %s", (_what, header) => {
    const read = readUnitListRecords([header, ["P01", "Phường Tân Lập", "Phường", "phuong"]], "u.csv");
    expect(read).toEqual({ ok: true, value: [{ code: "P01", name: "Phường Tân Lập", type: "phuong", block: "phuong", row: 2 }] });
  });

  it.each([
    [
      "no block column: the stored block is kept",
      [
        ["code", "name", "type"],
        ["X01", "Xã A", "xã"],
      ],
      { type: "xa" },
    ],
    [
      "an empty block: by type",
      [
        ["code", "name", "type", "block"],
        ["X01", "Xã A", "đặc khu", ""],
      ],
      { block: null, type: "dac-khu" },
    ],
  ])("%s", (_what, records, expected) => {
    const read = readUnitListRecords(records, "u.csv");
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value[0]).toMatchObject(expected);
    expect("block" in read.value[0]!).toBe("block" in expected);
  });

  it.each([
    [
      "a missing column",
      [
        ["code", "name"],
        ["X01", "Xã A"],
      ],
      ["missing-column u.csv:1"],
    ],
    [
      "an empty list",
      [
        ["code", "name", "type"],
        ["", "", ""],
      ],
      ["missing-unit u.csv:2"],
    ],
    [
      "a shifted row",
      [
        ["code", "name", "type"],
        ["X01", "Xã A", "xa", "47"],
      ],
      ["extra-cell u.csv:2:D"],
    ],
    [
      "every wrong cell",
      [
        ["code", "name", "type"],
        ["X 1", "", "tỉnh"],
        ["X02", "Xã B", "xa"],
        ["X02", "Xã C", "xa"],
      ],
      ["parse u.csv:2:A (code)", "parse u.csv:2:B (name)", "parse u.csv:2:C (type)", "duplicate-code u.csv:4:A (code)"],
    ],
  ])("refuses %s with every problem at its place", (_what, records, problems) => {
    const read = readUnitListRecords(records, "u.csv");
    expect(read.ok ? [] : read.problems.map((p) => `${p.code} ${p.path}`)).toEqual(problems);
  });
});

describe("readUnitListText", () => {
  const csv = "Mã đơn vị;Tên đơn vị;Loại đơn vị\r\nX01;Xã Hưng Đạo;xã\r\n";
  it.each([
    ["UTF-8", new TextEncoder().encode(csv), []],
    ["Windows-1258", windows1258(csv), ["encoding-assumed"]],
    ["UTF-16 (Unicode Text)", unicodeText(csv.replace(/;/g, "\t")), []],
  ])("reads %s", (_what, bytes, warnings) => {
    const read = readUnitListText(new Uint8Array(bytes), "u.csv");
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value).toEqual([{ code: "X01", name: "Xã Hưng Đạo", type: "xa", row: 2 }]);
    expect((read.warnings ?? []).map((w) => w.code)).toEqual(warnings);
  });

  it("refuses a file cut in the middle of a row", () => {
    const read = readUnitListText(new TextEncoder().encode("code,name,type\nX01,Xã A,xa\nX02,Xã"), "u.csv");
    expect(read.ok ? [] : read.problems.map((p) => p.code)).toContain("truncated-file");
  });
});
