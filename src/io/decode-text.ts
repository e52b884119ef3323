import iconv from "iconv-lite";
import { type Checked, type Problem, problem } from "../problem.js";

/**
 * The bytes of a text file as people really save them. Vietnamese Windows Excel writes
 * "CSV (Comma delimited)" in Windows-1258 (tone marks as combining characters), "CSV UTF-8"
 * with a BOM, and "Unicode Text" in UTF-16LE with a BOM. So: a BOM decides (UTF-8, UTF-16LE,
 * UTF-16BE); otherwise strict UTF-8; otherwise Windows-1258, NFC-normalised, with a warning
 * naming the encoding assumed. A replacement character (U+FFFD) never reaches the data: a byte
 * that no encoding explains, or a file already damaged by an earlier conversion, is refused
 * with how to re-save it.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

export interface DecodedText {
  /** Without BOM, NFC-normalised. */
  text: string;
  encoding: TextEncodingName;
  warnings: Problem[];
}

const RESAVE_EN = 'open it in Excel and save it again as "CSV UTF-8 (Comma delimited) (*.csv)"';
const RESAVE_VI = 'hãy mở tệp bằng Excel và lưu lại dạng "CSV UTF-8 (Comma delimited) (*.csv)"';

export function decodeText(bytes: Uint8Array, fileName: string): Checked<DecodedText> {
  const bom = bomOf(bytes);
  const binary = binaryKind(bytes, bom);
  if (binary) return { ok: false, problems: [binary === "zip" ? zipAsText(fileName) : notText(fileName)] };
  let text: string;
  let encoding: TextEncodingName = bom?.encoding ?? "utf-8";
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(bom?.length ?? 0));
  } catch {
    if (bom) return { ok: false, problems: [undecodable(fileName, encoding)] };
    encoding = "windows-1258";
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows1258");
  }
  const damaged = findDamage(text, fileName, encoding);
  if (damaged) return { ok: false, problems: [damaged] };
  const warnings = encoding === "windows-1258" ? [assumedWindows1258(fileName)] : [];
  return { ok: true, value: { text: text.normalize("NFC"), encoding, warnings } };
}

/** The encoding a BOM announces, and the BOM's length in bytes. */
export function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** A zip (XLSX) or another binary file given where text is expected. */
export function binaryKind(bytes: Uint8Array, bom: { encoding: TextEncodingName } | null): "zip" | "binary" | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  if (bom?.encoding.startsWith("utf-16")) return null;
  return bytes.subarray(0, 65_536).includes(0) ? "binary" : null;
}

/** A line with a character no text file should hold: the replacement character, or a control character. */
function findDamage(text: string, fileName: string, encoding: TextEncodingName): Problem | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  const at = text.search(/[\uFFFD\u0000-\u0008\u000B\u000E-\u001F\u007F]/);
  if (at === -1) return null;
  const line = text.slice(0, at).split("\n").length;
  const replacement = text[at] === "\uFFFD";
  return problem(
    "encoding",
    `${fileName}:${line}`,
    replacement
      ? `line ${line} holds "�" (a character lost by an earlier conversion, read as ${encoding}): go back to the original file and ${RESAVE_EN}`
      : `line ${line} holds a control character, so this is not a text table as read in ${encoding}: ${RESAVE_EN}`,
    replacement
      ? `dòng ${line} có ký tự "�" (ký tự đã bị hỏng do một lần chuyển mã trước, đọc theo ${encoding}): hãy lấy lại tệp gốc, ${RESAVE_VI}`
      : `dòng ${line} có ký tự điều khiển nên đây không phải bảng văn bản (đọc theo ${encoding}): ${RESAVE_VI}`,
  );
}

export function assumedWindows1258(fileName: string): Problem {
  return problem(
    "encoding-assumed",
    fileName,
    `not UTF-8: read as Windows-1258 (Vietnamese, as Excel's "CSV (Comma delimited)" saves it); check the names, and next time save as "CSV UTF-8"`,
    `tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258 (tiếng Việt, như Excel lưu dạng "CSV (Comma delimited)"); hãy kiểm tra lại tên đơn vị, lần sau hãy lưu dạng "CSV UTF-8"`,
  );
}

function undecodable(fileName: string, encoding: TextEncodingName): Problem {
  return problem(
    "encoding",
    fileName,
    `the file starts with a ${encoding} marker (BOM) but is not valid ${encoding}: it is damaged; ${RESAVE_EN}`,
    `tệp bắt đầu bằng dấu hiệu ${encoding} (BOM) nhưng nội dung không đúng ${encoding}: tệp bị hỏng; ${RESAVE_VI}`,
  );
}

function zipAsText(fileName: string): Problem {
  return problem(
    "encoding",
    fileName,
    "this is an Excel workbook (XLSX, a zip), not a text table: name it .xlsx, or save it as CSV UTF-8",
    "đây là tệp Excel (XLSX, dạng nén), không phải bảng văn bản: hãy đặt đuôi .xlsx, hoặc lưu lại dạng CSV UTF-8",
  );
}

function notText(fileName: string): Problem {
  return problem(
    "encoding",
    fileName,
    `this is not a text table (it holds binary data, perhaps an old .xls workbook or UTF-16 without its marker): ${RESAVE_EN}`,
    `đây không phải bảng văn bản (tệp chứa dữ liệu nhị phân, có thể là tệp .xls cũ hoặc UTF-16 thiếu dấu hiệu BOM): ${RESAVE_VI}`,
  );
}

/** Decodes a byte stream chunk by chunk; throws a TypeError on bytes invalid in a strict encoding. */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/**
 * A streaming decoder. UTF-8 and UTF-16 are strict (BOM left to the caller); Windows-1258 is
 * NFC-normalised, holding back each chunk's last letter (with its marks) so a tone mark at the
 * start of the next chunk still joins it.
 */
export function createChunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  if (encoding !== "windows-1258") {
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder("windows1258");
  let held = "";
  return {
    write(chunk) {
      const text = held + decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      let cut = text.length - 1;
      while (cut > 0 && /\p{M}/u.test(text[cut]!)) cut--;
      held = text.slice(cut);
      return text.slice(0, cut).normalize("NFC");
    },
    end() {
      const text = held + (decoder.end() ?? "");
      held = "";
      return text.normalize("NFC");
    },
  };
}
