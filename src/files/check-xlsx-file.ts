import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { type Checked, type Problem, problem } from "../index.js";

/** What the streaming reader needs to know it read the whole first worksheet. */
export interface XlsxSheetCheck {
  /** The worksheet's path in the zip. */
  sheet: string;
  /** The last row of the sheet's declared used range (`<dimension ref="A1:X35"/>`), if declared. */
  lastRow: number | null;
}

/**
 * Checks that a file is a whole XLSX workbook before its rows are trusted: a zip with its
 * central directory (a download cut short has none), every part inflating to the size and
 * checksum the directory records (a changed byte otherwise changes an answer without a word),
 * and a first worksheet whose XML ends with `</worksheet>` (a sheet cut and re-zipped
 * otherwise reads as a shorter sheet). Reads each part once, streaming; keeps only the sheet's
 * first and last bytes.
 */
export async function checkXlsxFile(path: string, fileName: string): Promise<Checked<XlsxSheetCheck>> {
  const damaged = (en: string, vi: string): Checked<XlsxSheetCheck> => ({ ok: false, problems: [xlsxProblem(fileName, en, vi)] });
  const handle = await open(path, "r");
  let entries: ZipEntry[] | null = null;
  let kind: "empty" | "text" | "zip" | "binary";
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 512));
    await handle.read(head, 0, head.length, 0);
    kind = size === 0 ? "empty" : size >= 22 && head.readUInt32LE(0) === 0x04034b50 ? "zip" : looksLikeText(head) ? "text" : "binary";
    if (kind === "zip") entries = await listEntries(handle, size);
  } finally {
    await handle.close();
  }
  if (kind === "empty") return damaged("the file is empty (0 bytes): export the workbook again", "tệp trống (0 byte): hãy xuất lại tệp Excel");
  if (kind === "text")
    return damaged(
      "this is a text file (CSV?) named .xlsx: name it .csv, or open it in Excel and save it as an Excel Workbook (.xlsx)",
      "đây là tệp văn bản (CSV?) nhưng mang đuôi .xlsx: hãy đổi đuôi thành .csv, hoặc mở bằng Excel và lưu dạng Excel Workbook (.xlsx)",
    );
  if (kind === "binary")
    return damaged(
      "this is not an XLSX workbook (no zip signature; an old .xls?): save it in Excel as Excel Workbook (.xlsx) or as CSV UTF-8",
      "đây không phải tệp XLSX (không có chữ ký zip; có thể là tệp .xls cũ): hãy lưu lại bằng Excel dạng Excel Workbook (.xlsx) hoặc CSV UTF-8",
    );
  if (entries === null)
    return damaged(
      "the workbook is incomplete: its zip directory is missing or damaged (a download or copy cut short); take the complete file",
      "tệp Excel không đầy đủ: thiếu hoặc hỏng mục lục zip (tải về hoặc sao chép bị ngắt giữa chừng); hãy dùng tệp đầy đủ",
    );
  const entry = entries.find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (!entry) return damaged("the workbook holds no worksheet: export the responses again", "tệp Excel không có trang tính nào: hãy xuất lại dữ liệu");
  for (const other of entries) {
    if (other === entry || other.name.endsWith("/")) continue;
    const read = await inflateEnds(path, other);
    if (!read.ok || read.size !== other.size || read.crc !== other.crc) {
      return damaged(
        `the part ${other.name} of the workbook is damaged (its data does not match its checksum): take the complete file`,
        `phần ${other.name} của tệp Excel bị hỏng (dữ liệu không khớp mã kiểm tra): hãy dùng tệp đầy đủ`,
      );
    }
  }
  const read = await inflateEnds(path, entry);
  if (!read.ok || read.size !== entry.size || read.crc !== entry.crc || !/<\/(\w+:)?worksheet>\s*$/.test(read.tail)) {
    return damaged(
      `the worksheet ${entry.name} is cut or damaged inside the workbook (${read.ok ? `${read.size} of ${entry.size} bytes, ${read.tail.trimEnd().endsWith(">") ? "no end tag" : "ends mid-row"}` : "its data does not inflate"}): take the complete file`,
      `trang tính ${entry.name} trong tệp Excel bị cắt hoặc bị hỏng: hãy dùng tệp đầy đủ`,
    );
  }
  const dimension = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(read.head);
  return { ok: true, value: { sheet: entry.name, lastRow: dimension?.[1] ? Number(dimension[1]) : null } };
}

export function xlsxProblem(fileName: string, en: string, vi: string): Problem {
  return problem("xlsx-damaged", fileName, en, vi);
}

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

/** Text (in any of the encodings people save) has no control bytes besides tab and line breaks. */
function looksLikeText(head: Buffer): boolean {
  return head.every((byte) => byte === 9 || byte === 10 || byte === 13 || (byte >= 32 && byte !== 127));
}

/** The entries of the zip's central directory, or null when there is none or it does not hold together. */
async function listEntries(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<ZipEntry[] | null> {
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  await handle.read(tail, 0, tailLength, size - tailLength);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryStart = tail.readUInt32LE(eocd + 16);
  if (directoryStart + directorySize > size) return null;
  const directory = Buffer.alloc(directorySize);
  await handle.read(directory, 0, directorySize, directoryStart);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const name = directory.toString("utf8", at + 46, at + 46 + nameLength);
    const local = Buffer.alloc(30);
    const offset = directory.readUInt32LE(at + 42);
    if (offset + 30 > size) return null;
    await handle.read(local, 0, 30, offset);
    if (local.readUInt32LE(0) !== 0x04034b50) return null;
    const compressedSize = directory.readUInt32LE(at + 20);
    const dataStart = offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (dataStart + compressedSize > size) return null;
    entries.push({
      name,
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize,
      size: directory.readUInt32LE(at + 24),
      dataStart,
    });
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates an entry's data, keeping its first 4 KB and last 256 bytes as text. */
async function inflateEnds(path: string, entry: ZipEntry): Promise<{ ok: boolean; head: string; tail: string; size: number; crc: number }> {
  let crc = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let size = 0;
  if (entry.method !== 0 && entry.method !== 8) return { ok: false, head: "", tail: "", size: 0, crc };
  if (entry.compressedSize === 0) return { ok: true, head: "", tail: "", size: 0, crc };
  const input = createReadStream(path, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1 });
  const stream = entry.method === 8 ? input.pipe(createInflateRaw()) : input;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      crc = crc32(chunk, crc);
      if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
      tail = Buffer.concat([tail, chunk]).subarray(-256);
    }
  } catch {
    return { ok: false, head: head.toString("utf8"), tail: tail.toString("utf8"), size, crc };
  } finally {
    input.destroy();
  }
  return { ok: true, head: head.toString("utf8"), tail: tail.toString("utf8"), size, crc };
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 (the zip checksum), continued over chunks. */
function crc32(bytes: Uint8Array, previous: number): number {
  let c = ~previous;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
