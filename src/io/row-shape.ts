import { type Problem, problem } from "../problem.js";
import { columnLetter } from "./sheet-columns.js";

/**
 * Rows that do not line up with their header. A row with more cells than the header had its
 * cells shifted: a decimal comma (47,45) in a comma-separated file, or an unquoted comma in a
 * name, splits one cell in two and every value after it lands in the wrong column. The cell
 * past the header may well be empty, so the count of cells is what tells.
 */
export function extraCells(cells: string[], width: number, row: number, fileName: string): Problem | null {
  if (cells.length <= width) return null;
  return problem(
    "extra-cell",
    `${fileName}:${row}:${columnLetter(width)}`,
    `row ${row} has ${cells.length} cells but the header has ${width}, so its values are shifted: a decimal comma (47,45) in a comma-separated file or a comma in a name splits a cell; write decimals with a point (47.45), put quotes around text with commas, or save with ";" as separator`,
    `dòng ${row} có ${cells.length} ô nhưng dòng tiêu đề có ${width} ô nên các giá trị bị lệch cột: ` +
      "dấu phẩy thập phân (47,45) trong tệp ngăn cột bằng dấu phẩy hoặc dấu phẩy trong tên đã tách một ô thành hai; " +
      'hãy viết số thập phân bằng dấu chấm (47.45), đặt chữ có dấu phẩy trong ngoặc kép, hoặc lưu tệp với dấu ";" ngăn cột',
  );
}

/** A text that ends in the middle of a row (no line break, fewer cells than the header) was cut. */
export function truncatedLastRow(records: string[][], text: string, fileName: string): Problem | null {
  if (records.length < 2) return null;
  return truncatedRow(records[records.length - 1] ?? [], records[0]?.length ?? 0, records.length, /[\r\n]$/.test(text), fileName);
}

/** The same, for a streamed file: its last record, the header's width, the row number and how the text ended. */
export function truncatedRow(last: string[], width: number, row: number, endsWithLineBreak: boolean, fileName: string): Problem | null {
  if (endsWithLineBreak || last.length >= width || last.every((cell) => cell.trim() === "")) return null;
  return problem(
    "truncated-file",
    `${fileName}:${row}`,
    `the file ends in the middle of row ${row} (${last.length} of ${width} cells, no line break): it was cut while copying or saving; take the complete file`,
    `tệp kết thúc giữa dòng ${row} (${last.length} trên ${width} ô, không có dấu xuống dòng): tệp đã bị cắt khi sao chép hoặc lưu; hãy dùng tệp đầy đủ`,
  );
}

/** Spreadsheet programs end a CSV with a line break: a file without one may have been cut after a whole cell. */
export function noFinalLineBreak(fileName: string, row: number): Problem {
  return problem(
    "truncated-file",
    `${fileName}:${row}`,
    `the file does not end with a line break, as saved files do: if it was cut while copying, the rows after row ${row} are missing; check that it is complete`,
    `tệp không kết thúc bằng dấu xuống dòng như các tệp được lưu thông thường: nếu tệp bị cắt khi sao chép thì các dòng sau dòng ${row} đã bị mất; hãy kiểm tra tệp có đầy đủ không`,
  );
}
