import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/io/csv.js";
import { splitCsvRecords } from "../../src/io/survey/split-csv-records.js";

function split(text: string, chunkSize: number, delimiter: "," | ";" = ",") {
  const records: string[][] = [];
  const splitter = splitCsvRecords(delimiter, (cells) => records.push(cells));
  for (let i = 0; i < text.length; i += chunkSize) splitter.push(text.slice(i, i + chunkSize));
  return { records, unclosed: splitter.end() };
}

describe("splitCsvRecords", () => {
  it.each([
    {
      text: 'a,b\n"x, y","say ""hi"""\n',
      records: [
        ["a", "b"],
        ["x, y", 'say "hi"'],
      ],
    },
    {
      text: "\uFEFFa;b\r\n1;2\r\n",
      delimiter: ";" as const,
      records: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
    { text: 'a,b\n"two\nlines",c\n\nlast', records: [["a", "b"], ["two\nlines", "c"], [""], ["last"]] },
    { text: 'a,5" screen,c\n', records: [["a", '5" screen', "c"]] },
    {
      text: "a,\n,b,\n",
      records: [
        ["a", ""],
        ["", "b", ""],
      ],
    },
  ])("splits $text", ({ text, records, delimiter }) => {
    for (const size of [1, 2, 3, 1000]) expect(split(text, size, delimiter).records).toEqual(records);
  });

  it("reports a quoted cell that is never closed, by record", () => {
    expect(split('a,b\n1,2\n"open,3\n', 4)).toEqual({
      records: [
        ["a", "b"],
        ["1", "2"],
      ],
      unclosed: { unclosedAt: 2 },
    });
  });

  it("says which records hold a line break in a cell, in any chunking", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", "1") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 20 }), (rows, size) => {
        const flags: boolean[] = [];
        const records: string[][] = [];
        const splitter = splitCsvRecords(",", (cells, _, multiline) => {
          records.push(cells);
          flags.push(multiline);
        });
        const text = toCsv(rows);
        for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
        splitter.end();
        expect(flags).toEqual(records.map((cells) => cells.some((c) => c.includes("\n") || c.includes("\r"))));
      }),
      { numRuns: 200 },
    );
  });

  it("reads what toCsv writes, as csv-parse does, in any chunking", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "ệ", ",", '"', "\n", " ", "1") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 20 }), (rows, size) => {
        const text = toCsv(rows);
        const expected = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
        expect(split(text, size).records).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
