import { describe, expect, it } from "vitest";
import { createChunkDecoder, decodeText } from "../../src/io/decode-text.js";
import { unicodeText, utf16be, windows1258 } from "./fixtures/saved-by-excel.js";

const NAMES = "unit,unit_name\nDV0015,Phường Trung Phú\nDV0003,Đặc khu Côn Đảo\nDV0007,Xã Ỷ La\n";

describe("decodeText reads", () => {
  it.each([
    { name: "UTF-8 without BOM", bytes: Buffer.from(NAMES), encoding: "utf-8", warned: false },
    {
      name: "UTF-8 with BOM (Excel's CSV UTF-8)",
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NAMES)]),
      encoding: "utf-8",
      warned: false,
    },
    { name: "decomposed UTF-8 (NFD)", bytes: Buffer.from(NAMES.normalize("NFD")), encoding: "utf-8", warned: false },
    { name: "Windows-1258 (Excel's CSV (Comma delimited) on Vietnamese Windows)", bytes: windows1258(NAMES), encoding: "windows-1258", warned: true },
    { name: "UTF-16LE with BOM (Excel's Unicode Text)", bytes: unicodeText(NAMES), encoding: "utf-16le", warned: false },
    { name: "UTF-16BE with BOM", bytes: utf16be(NAMES), encoding: "utf-16be", warned: false },
  ])("$name", ({ bytes, encoding, warned }) => {
    const result = decodeText(bytes, "f.csv");
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.text).toBe(NAMES.normalize("NFC"));
    expect(result.value.encoding).toBe(encoding);
    expect(result.value.warnings.map((w) => w.code)).toEqual(warned ? ["encoding-assumed"] : []);
    if (warned) expect(result.value.warnings[0]?.message).toMatch(/read as Windows-1258.*save as "CSV UTF-8"/);
  });
});

describe("decodeText refuses, saying how to re-save", () => {
  it.each([
    {
      name: "text already damaged by a conversion (U+FFFD)",
      bytes: Buffer.from("unit,unit_name\nDV0015,Ph\uFFFD\uFFFDng Trung Ph\uFFFD\n"),
      path: "f.csv:2",
      message: /line 2 holds "�".*CSV UTF-8/,
    },
    {
      name: "a byte Windows-1258 leaves undefined",
      bytes: Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x81, 0xe9, 0x0a]),
      path: "f.csv:2",
      message: /line 2 holds "�"/,
    },
    {
      name: "an XLSX workbook named .csv",
      bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
      path: "f.csv",
      message: /Excel workbook \(XLSX, a zip\)/,
    },
    {
      name: "binary data (an old .xls)",
      bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      path: "f.csv",
      message: /not a text table/,
    },
    {
      name: "a UTF-8 BOM over bytes that are not UTF-8",
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), windows1258("Phường")]),
      path: "f.csv",
      message: /BOM.*not valid utf-8/,
    },
    { name: "a control character", bytes: Buffer.from("unit\nDV\u0001\n"), path: "f.csv:2", message: /control character/ },
  ])("$name", ({ bytes, path, message }) => {
    const result = decodeText(bytes, "f.csv");
    expect(result.ok).toBe(false);
    const [found] = result.ok ? [] : result.problems;
    expect(found?.code).toBe("encoding");
    expect(found?.path).toBe(path);
    expect(found?.message).toMatch(message);
    expect(found?.vi.length).toBeGreaterThan(20);
  });
});

describe("createChunkDecoder", () => {
  it("joins a Windows-1258 tone mark to its letter across any chunk boundary", () => {
    const bytes = windows1258(NAMES);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = createChunkDecoder("windows-1258");
      const text = decoder.write(bytes.subarray(0, cut)) + decoder.write(bytes.subarray(cut)) + decoder.end();
      expect(text).toBe(NAMES.normalize("NFC"));
    }
  });

  it("throws on bytes that are not UTF-8 (so the caller can read again as Windows-1258)", () => {
    const decoder = createChunkDecoder("utf-8");
    expect(() => decoder.write(windows1258("Phường"))).toThrow(TypeError);
  });
});
