import ExcelJS from "exceljs";
import type { Checked } from "../index.js";
import { checkXlsxFile, xlsxProblem } from "./check-xlsx-file.js";

/**
 * Streams the rows of the first worksheet of an XLSX file to `onRecord` as text cells (record
 * 0 is the header row). Numbers are written as plain digits, dates as ISO text (a date without
 * time as YYYY-MM-DD), rich text and formulas by their text and result. Empty rows in the sheet
 * keep their row numbers. A damaged workbook (cut, not a zip, no worksheet, a sheet that ends
 * before the rows it declares) is an input problem, never a shorter sheet.
 */
export async function streamXlsxRecords(
  path: string,
  onRecord: (cells: string[], index: number) => void,
  fileName = path,
): Promise<Checked<{ records: number }>> {
  const checked = await checkXlsxFile(path, fileName);
  if (!checked.ok) return checked;
  let records = 0;
  /** An error of `onRecord` (the caller's) is not the workbook's: it is thrown on. */
  let ownError: { error: unknown } | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: "cache",
      worksheets: "emit",
      styles: "ignore",
      hyperlinks: "ignore",
      entries: "ignore",
    });
    for await (const worksheet of reader) {
      let expected = 1;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        try {
          for (; expected < row.number; expected++) onRecord([], expected - 1);
          onRecord(cells, row.number - 1);
        } catch (error) {
          ownError = { error };
          throw error;
        }
        expected = row.number + 1;
        records = row.number;
      }
      break;
    }
  } catch (error) {
    if (ownError) throw ownError.error;
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        xlsxProblem(
          fileName,
          `the workbook cannot be read (${detail}): open it in Excel and save it again as Excel Workbook (.xlsx)`,
          `không đọc được tệp Excel (${detail}): hãy mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx)`,
        ),
      ],
    };
  }
  const { lastRow } = checked.value;
  if (lastRow !== null && records < lastRow) {
    return {
      ok: false,
      problems: [
        xlsxProblem(
          `${fileName}:${records + 1}`,
          `the worksheet declares rows up to ${lastRow} but ends after row ${records}: the sheet was cut; take the complete file`,
          `trang tính khai báo đến dòng ${lastRow} nhưng chỉ có đến dòng ${records}: trang tính đã bị cắt; hãy dùng tệp đầy đủ`,
        ),
      ],
    };
  }
  return { ok: true, value: { records } };
}

/** Every record of the first worksheet (for small sheets, such as assessment sheets). */
export async function readXlsxRecords(path: string, fileName = path): Promise<Checked<string[][]>> {
  const records: string[][] = [];
  const streamed = await streamXlsxRecords(path, (cells) => records.push(cells), fileName);
  return streamed.ok ? { ok: true, value: records } : streamed;
}

/** A cell's value as the text a sheet reader sees. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().replace(/T00:00:00\.000Z$/, "");
  if (typeof value === "object") {
    const object = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join("");
    if (object.result !== undefined) return cellText(object.result);
    if (typeof object.text === "string") return object.text;
    if (object.error !== undefined) return String(object.error);
  }
  return String(value);
}
