import { describe, expect, it } from "vitest";
import { type CsvCell, type Delimiter, sniffDelimiter, toCsv } from "../../src/io/csv.js";

describe("toCsv", () => {
  it.each<{ name: string; rows: CsvCell[][]; delimiter?: Delimiter; expected: string }>([
    {
      name: "plain cells",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
      expected: "a,b\n1,2\n",
    },
    { name: "numbers and null", rows: [[1, 0.25, null, -3]], expected: "1,0.25,,-3\n" },
    { name: "a delimiter in a cell", rows: [["Phường 2, Vĩnh Châu"]], expected: '"Phường 2, Vĩnh Châu"\n' },
    { name: "quotes doubled", rows: [['Kế hoạch "CCHC"']], expected: '"Kế hoạch ""CCHC"""\n' },
    { name: "a line break", rows: [["a\nb", "c\r\nd"]], expected: '"a\nb","c\r\nd"\n' },
    { name: "leading or trailing spaces kept", rows: [[" a", "b "]], expected: '" a","b "\n' },
    { name: "semicolon delimiter quotes ; but not ,", rows: [["0,5", "a;b"]], delimiter: ";", expected: '0,5;"a;b"\n' },
    { name: "tab delimiter", rows: [["a\tb", "c"]], delimiter: "\t", expected: '"a\tb"\tc\n' },
    { name: "no rows", rows: [], expected: "" },
  ])("$name", ({ rows, delimiter, expected }) => {
    expect(toCsv(rows, delimiter)).toBe(expected);
  });
});

describe("sniffDelimiter", () => {
  it.each<{ line: string; expected: Delimiter }>([
    { line: "unit,item,self", expected: "," },
    { line: "unit;item;self", expected: ";" },
    { line: "unit\titem\tself", expected: "\t" },
    { line: '"Đơn vị, mã";item;self', expected: ";" },
    { line: '"a;b;c",d', expected: "," },
    { line: "unit", expected: "," },
    { line: "a,b;c", expected: "," },
  ])("$line → $expected", ({ line, expected }) => {
    expect(sniffDelimiter(line)).toBe(expected);
  });
});
