import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { type Problem, problem } from "../index.js";
import { firstLine, sniffDelimiter } from "../io/csv.js";
import { type TextEncodingName, binaryKind, bomOf, createChunkDecoder, decodeText } from "../io/decode-text.js";
import { splitCsvRecords } from "../io/survey/split-csv-records.js";

/** The longest record read: a line with no break is refused here instead of being parsed for minutes. */
export const MAX_RECORD_CHARS = 1 << 20;

export type Streamed =
  | { ok: true; value: { records: number; encoding: TextEncodingName; endsWithLineBreak: boolean } }
  | { ok: false; problems: Problem[]; notUtf8?: true };

/**
 * Streams the records of a CSV file to `onRecord` (record 0 is the header; record i is row
 * i + 1 as a spreadsheet shows it; `multiline` says whether one of its cells holds a line break). The delimiter ("," ";" or tab) is sniffed from the first
 * line. The encoding is the BOM's (UTF-8, UTF-16LE/BE), else `encoding` (UTF-8 by default,
 * strict: bytes that are not UTF-8 stop the stream with `notUtf8`, so the caller can start
 * again as Windows-1258). Memory stays flat: records are handed over one at a time, and a
 * record longer than MAX_RECORD_CHARS stops the stream.
 */
export async function streamCsvRecords(
  path: string,
  onRecord: (cells: string[], index: number, multiline: boolean) => void,
  options: { fileName?: string; encoding?: TextEncodingName } = {},
): Promise<Streamed> {
  const fileName = options.fileName ?? path;
  const head = await readHead(path);
  const bom = bomOf(head);
  const binary = binaryKind(head, bom);
  if (binary) {
    const decoded = decodeText(head, fileName);
    return { ok: false, problems: decoded.ok ? [] : decoded.problems };
  }
  const encoding = bom?.encoding ?? options.encoding ?? "utf-8";
  const decoder = createChunkDecoder(encoding);
  let headText = "";
  try {
    headText = createChunkDecoder(encoding).write(head.subarray(bom?.length ?? 0));
  } catch {
    // invalid bytes in the head: the stream below reports them
  }
  const delimiter = sniffDelimiter(firstLine(headText));
  let records = 0;
  let last = "";
  const splitter = splitCsvRecords(delimiter, (cells, index, multiline) => {
    records = index + 1;
    onRecord(cells, index, multiline);
  });
  const input = createReadStream(path, { highWaterMark: 1 << 20, start: bom?.length ?? 0 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.write(chunk);
      } catch {
        const problems = [notEncoded(fileName, encoding, splitter.count() + 1)];
        return bom || encoding !== "utf-8" ? { ok: false, problems } : { ok: false, problems, notUtf8: true };
      }
      const damage = damageIn(text, fileName, encoding, splitter.count() + 1);
      if (damage) return { ok: false, problems: [damage] };
      if (text.length > 0) last = text;
      splitter.push(text);
      if (splitter.pending() > MAX_RECORD_CHARS) return { ok: false, problems: [tooLong(fileName, splitter.count() + 1)] };
    }
    const tail = decoder.end();
    if (tail.length > 0) last = tail;
    splitter.push(tail);
  } finally {
    input.destroy();
  }
  const unclosed = splitter.end();
  if (unclosed) {
    const row = unclosed.unclosedAt + 1;
    return {
      ok: false,
      problems: [
        problem(
          "parse",
          `${fileName}:${row}`,
          `a quoted cell that starts on row ${row} is never closed: add the closing quote (") or remove the opening one`,
          `ô có dấu ngoặc kép bắt đầu ở dòng ${row} không được đóng: hãy thêm dấu " đóng hoặc bỏ dấu " mở`,
        ),
      ],
    };
  }
  return { ok: true, value: { records, encoding, endsWithLineBreak: /[\r\n]$/.test(last) || records === 0 } };
}

/** The first 64 KiB of a file, for the BOM and the delimiter. */
async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function notEncoded(fileName: string, encoding: TextEncodingName, row: number): Problem {
  return problem(
    "encoding",
    `${fileName}:${row}`,
    `from about row ${row} the file is not valid ${encoding}: it is damaged or mixes encodings; open it in Excel and save it again as "CSV UTF-8 (Comma delimited) (*.csv)"`,
    `từ khoảng dòng ${row} tệp không đúng bảng mã ${encoding}: tệp bị hỏng hoặc lẫn nhiều bảng mã; hãy mở bằng Excel và lưu lại dạng "CSV UTF-8 (Comma delimited) (*.csv)"`,
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const DAMAGE = /[\uFFFD\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function damageIn(text: string, fileName: string, encoding: TextEncodingName, row: number): Problem | null {
  if (!DAMAGE.test(text)) return null;
  return problem(
    "encoding",
    `${fileName}:${row}`,
    `near row ${row} the file holds "�" or a control character (read as ${encoding}): it was damaged by an earlier conversion, or is not a table; go back to the original and save it as "CSV UTF-8"`,
    `gần dòng ${row} tệp có ký tự "�" hoặc ký tự điều khiển (đọc theo ${encoding}): tệp đã bị hỏng do một lần chuyển mã trước, hoặc không phải bảng dữ liệu; hãy lấy lại tệp gốc và lưu dạng "CSV UTF-8"`,
  );
}

function tooLong(fileName: string, row: number): Problem {
  return problem(
    "line-too-long",
    `${fileName}:${row}`,
    `row ${row} runs past ${MAX_RECORD_CHARS / (1 << 20)} MB without ending: a line break is missing or a quote (") is never closed; the file is not a table as exported`,
    `dòng ${row} dài quá ${MAX_RECORD_CHARS / (1 << 20)} MB mà chưa kết thúc: thiếu dấu xuống dòng hoặc dấu ngoặc kép (") không được đóng; tệp không còn đúng dạng bảng như khi xuất`,
  );
}
