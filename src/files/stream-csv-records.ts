import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { type Checked, problem } from "../index.js";
import { firstLine, sniffDelimiter } from "../io/csv.js";
import { splitCsvRecords } from "../io/survey/split-csv-records.js";

/**
 * Streams the records of a CSV file to `onRecord` (record 0 is the header; record i is row
 * i + 1 as a spreadsheet shows it). The delimiter ("," ";" or tab) is sniffed from the first
 * line, a UTF-8 BOM is skipped. Memory stays flat: records are handed over one at a time.
 */
export async function streamCsvRecords(path: string, onRecord: (cells: string[], index: number) => void): Promise<Checked<{ records: number }>> {
  const delimiter = sniffDelimiter(firstLine(readHead(path)));
  let records = 0;
  const splitter = splitCsvRecords(delimiter, (cells, index) => {
    records = index + 1;
    onRecord(cells, index);
  });
  const input = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  for await (const chunk of input) splitter.push(chunk as string);
  const unclosed = splitter.end();
  if (unclosed) {
    const row = unclosed.unclosedAt + 1;
    return {
      ok: false,
      problems: [
        problem(
          "parse",
          `${path}:${row}`,
          `a quoted cell that starts on row ${row} is never closed: add the closing quote (") or remove the opening one`,
          `ô có dấu ngoặc kép bắt đầu ở dòng ${row} không được đóng: hãy thêm dấu " đóng hoặc bỏ dấu " mở`,
        ),
      ],
    };
  }
  return { ok: true, value: { records } };
}

/** The first 64 KiB of a file as text, for sniffing the delimiter. */
function readHead(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(65_536);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
}
