import ExcelJS from "exceljs";
import type { Checked } from "../index.js";

/**
 * Streams the rows of the first worksheet of an XLSX file to `onRecord` as text cells (record
 * 0 is the header row). Numbers are written as plain digits, dates as ISO text, rich text and
 * formulas by their text and result. Empty rows in the sheet keep their row numbers.
 */
export async function streamXlsxRecords(path: string, onRecord: (cells: string[], index: number) => void): Promise<Checked<{ records: number }>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: "cache", worksheets: "emit", styles: "ignore", hyperlinks: "ignore", entries: "ignore" });
  let records = 0;
  for await (const worksheet of reader) {
    let expected = 1;
    for await (const row of worksheet) {
      for (; expected < row.number; expected++) onRecord([], expected - 1);
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      onRecord(cells, row.number - 1);
      expected = row.number + 1;
      records = row.number;
    }
    break;
  }
  return { ok: true, value: { records } };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    const object = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join("");
    if (object.result !== undefined) return cellText(object.result);
    if (typeof object.text === "string") return object.text;
    if (object.error !== undefined) return String(object.error);
  }
  return String(value);
}
