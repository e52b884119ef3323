import { CsvError, parse } from "csv-parse/sync";
import { type Checked, problem } from "../problem.js";
import type { Delimiter } from "./csv.js";

/**
 * The records of a CSV text, one per spreadsheet row: blank lines stay as records, so record
 * i is row i + 1 as a spreadsheet shows it. Rows may have fewer or more cells than the header;
 * a stray quote inside a cell is kept as text. The text must already be without BOM.
 */
export function parseCsvRecords(text: string, delimiter: Delimiter, fileName: string): Checked<string[][]> {
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return { ok: true, value: records };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = (typeof error.records === "number" ? error.records : 0) + 1;
    const unclosed = error.code === "CSV_QUOTE_NOT_CLOSED";
    return {
      ok: false,
      problems: [
        unclosed
          ? problem(
              "parse",
              `${fileName}:${row}`,
              `a quoted cell that starts on row ${row} is never closed: add the closing quote (") or remove the opening one`,
              `ô có dấu ngoặc kép bắt đầu ở dòng ${row} không được đóng: hãy thêm dấu " đóng hoặc bỏ dấu " mở`,
            )
          : problem(
              "parse",
              `${fileName}:${row}`,
              `row ${row} is not valid CSV: check the quotes (") and the separators on that row`,
              `dòng ${row} không đúng định dạng CSV: hãy kiểm tra dấu ngoặc kép (") và dấu ngăn cột trên dòng đó`,
            ),
      ],
    };
  }
}
