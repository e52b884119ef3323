import ExcelJS from "exceljs";
import type { CsvCell } from "../csv.js";

/**
 * A table as an XLSX workbook of one worksheet, for whoever asks for an `.xlsx` file: the same
 * rows as the CSV, the first row bold and frozen, numbers (and cells written as plain decimal
 * numbers) stored as numbers so Excel can sum and sort them. Pure: returns the bytes.
 */
export async function writeXlsx(rows: CsvCell[][], sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1");
  const [header = [], ...body] = rows;
  sheet.addRow(header).font = { bold: true };
  for (const row of body) sheet.addRow(row.map((cell) => (typeof cell === "string" && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
