import type { UnitType } from "../criteria/types.js";
import { type Checked, type Problem, problem } from "../problem.js";
import { columnLetter } from "../text/column-letter.js";
import { foldText } from "../text/fold-text.js";
import { firstLine, sniffDelimiter } from "./csv.js";
import { decodeText } from "./decode-text.js";
import { parseUnitType } from "./parse-cell.js";
import { parseCsvRecords } from "./parse-csv-records.js";
import { extraCells, truncatedLastRow } from "./row-shape.js";

/** One unit of a unit list; `block` is absent when the file has no block column (keep what is stored). */
export interface UnitListRow {
  code: string;
  name: string;
  type: UnitType;
  block?: string | null;
  /** The spreadsheet row the unit was read from. */
  row: number;
}

/**
 * Header names accepted for each column, matched trimmed, without case or diacritics, with spaces
 * and hyphens as "_": "Mã đơn vị", "ma_don_vi" and "MA DON VI" are the same column.
 */
export const UNIT_LIST_COLUMNS = {
  code: ["code", "unit", "unit_code", "ma", "ma_don_vi", "ma_dv"],
  name: ["name", "unit_name", "ten", "ten_don_vi", "ten_dv"],
  type: ["type", "unit_type", "loai", "loai_don_vi", "loai_dv"],
  block: ["block", "khoi", "khoi_xep_hang"],
} as const;

type Column = keyof typeof UNIT_LIST_COLUMNS;
const REQUIRED: Column[] = ["code", "name", "type"];
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** A unit list saved as CSV or tab-separated text (UTF-8, UTF-16 with BOM or Windows-1258), read as `readUnitListRecords` reads rows. */
export function readUnitListText(bytes: Uint8Array, fileName: string): Checked<UnitListRow[]> {
  const decoded = decodeText(bytes, fileName);
  if (!decoded.ok) return decoded;
  const { text, warnings } = decoded.value;
  const records = parseCsvRecords(text, sniffDelimiter(firstLine(text)), fileName);
  if (!records.ok) return records;
  const cut = truncatedLastRow(records.value, text, fileName);
  const read = readUnitListRecords(records.value, fileName);
  if (!read.ok || cut) return { ok: false, problems: [...(cut ? [cut] : []), ...(read.ok ? [] : read.problems)] };
  return warnings.length > 0 ? { ...read, warnings } : read;
}

/**
 * The units of a list whose first record is the header (columns code, name, type, block; the
 * Vietnamese names too). Every problem is collected with its `file:ROW:COLUMN`; blank rows are
 * skipped. The codes follow the API's rule; the name is NFC text of at most 200 characters.
 */
export function readUnitListRecords(records: string[][], fileName: string): Checked<UnitListRow[]> {
  const [header = [], ...body] = records;
  const at: Partial<Record<Column, number>> = {};
  const problems: Problem[] = [];
  header.forEach((cell, index) => {
    const key = foldText(cell).replace(/[\s-]+/g, "_");
    const column = (Object.keys(UNIT_LIST_COLUMNS) as Column[]).find((c) => (UNIT_LIST_COLUMNS[c] as readonly string[]).includes(key));
    if (column && at[column] === undefined) at[column] = index;
  });
  for (const column of REQUIRED.filter((c) => at[c] === undefined))
    problems.push(
      problem(
        "missing-column",
        `${fileName}:1`,
        `the unit list has no "${column}" column: the header needs code, name, type (and block if any), e.g. "code,name,type,block"`,
        `danh sách đơn vị thiếu cột "${column}" (${VI_COLUMN[column]}): dòng tiêu đề cần code, name, type (và block nếu có), ví dụ "Mã đơn vị,Tên đơn vị,Loại đơn vị,Khối"`,
      ),
    );
  if (problems.length > 0) return { ok: false, problems };
  const place = (row: number, column: Column) => `${fileName}:${row}:${columnLetter(at[column]!)} (${header[at[column]!]!.trim()})`;
  const units: UnitListRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    const shifted = extraCells(cells, header.length, row, fileName);
    if (shifted) return problems.push(shifted);
    const cell = (column: Column) => (at[column] === undefined ? "" : (cells[at[column]!] ?? "").normalize("NFC").trim());
    const rowProblems: Problem[] = [];
    const code = cell("code");
    if (!CODE.test(code))
      rowProblems.push(
        problem(
          "parse",
          place(row, "code"),
          code === ""
            ? `row ${row} has no unit code: write the code (letters, digits, "_", "." or "-", up to 40)`
            : `"${code}" is not a unit code: use letters without diacritics, digits, "_", "." or "-" (up to 40), e.g. DV0012`,
          code === ""
            ? `dòng ${row} thiếu mã đơn vị: hãy ghi mã (chữ, số, "_", "." hoặc "-", tối đa 40 ký tự)`
            : `"${code}" không phải mã đơn vị hợp lệ: chỉ dùng chữ không dấu, số, "_", "." hoặc "-" (tối đa 40 ký tự), ví dụ DV0012`,
        ),
      );
    else if (seen.has(code))
      rowProblems.push(
        problem(
          "duplicate-code",
          place(row, "code"),
          `unit ${code} is listed twice (rows ${seen.get(code)} and ${row}): keep one row`,
          `đơn vị ${code} bị liệt kê hai lần (dòng ${seen.get(code)} và ${row}): chỉ giữ một dòng`,
        ),
      );
    else seen.set(code, row);
    const name = cell("name");
    if (name === "" || name.length > 200)
      rowProblems.push(
        problem(
          "parse",
          place(row, "name"),
          name === ""
            ? `unit ${code || `on row ${row}`} has no name: write its name, e.g. "Phường Tân Lập"`
            : "the name is longer than 200 characters: shorten it",
          name === "" ? `đơn vị ${code || `ở dòng ${row}`} chưa có tên: hãy ghi tên, ví dụ "Phường Tân Lập"` : "tên dài quá 200 ký tự: hãy rút gọn",
        ),
      );
    const type = parseUnitType(cell("type"));
    if (!type.ok) rowProblems.push(problem("parse", place(row, "type"), type.message, type.vi));
    const block = cell("block");
    if (block.length > 50)
      rowProblems.push(problem("parse", place(row, "block"), "the block is longer than 50 characters: use its code", "khối dài quá 50 ký tự: hãy ghi mã khối"));
    if (rowProblems.length > 0 || !type.ok) return problems.push(...rowProblems);
    units.push({ code, name, type: type.value, ...(at.block === undefined ? {} : { block: block === "" ? null : block }), row });
  });
  if (problems.length === 0 && units.length === 0)
    problems.push(
      problem("missing-unit", `${fileName}:2`, "the unit list has no unit below its header", "danh sách đơn vị không có đơn vị nào dưới dòng tiêu đề"),
    );
  return problems.length === 0 ? { ok: true, value: units } : { ok: false, problems };
}

const VI_COLUMN: Record<Column, string> = { code: "mã đơn vị", name: "tên đơn vị", type: "loại đơn vị", block: "khối" };
