import ExcelJS from "exceljs";
import { describeColumn } from "../sheet-columns.js";
import { SCORING_SHEET_COLUMNS, type ScoringSheet, type ScoringSheetColumn } from "../build-scoring-sheet.js";

const WIDTHS: Partial<Record<ScoringSheetColumn, number>> = { unit_name: 24, title: 48, allowed: 20, comment: 30, evidence: 20 };

/**
 * The scoring sheet as an XLSX workbook: the sheet first (header frozen, area rows bold), every
 * cell locked but the `editable` columns of fact and criterion rows, the sheet protected without
 * a password (so nobody overwrites a title by mistake, and anybody may unprotect it); then a
 * guide sheet naming each column. Formula-free. Pure: returns the bytes.
 */
export async function writeScoringSheetXlsx(sheet: ScoringSheet, options: { title: string; editable: readonly ScoringSheetColumn[] }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet("Phieu cham diem", { views: [{ state: "frozen", ySplit: 1, xSplit: 5 }] });
  worksheet.columns = SCORING_SHEET_COLUMNS.map(({ column, header }) => ({ key: column, width: WIDTHS[column] ?? Math.max(10, header.length + 2) }));
  const headerRow = worksheet.addRow(sheet.header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: "top" };
  const editable = new Set(SCORING_SHEET_COLUMNS.flatMap(({ column }, index) => (options.editable.includes(column) ? [index + 1] : [])));
  for (const { kind, cells } of sheet.rows) {
    const row = worksheet.addRow(cells.map((cell) => (cell === null ? "" : cell)));
    if (kind === "area") row.font = { bold: true };
    for (let index = 1; index <= cells.length; index++) {
      if (kind !== "area" && editable.has(index)) {
        const cell = row.getCell(index);
        cell.protection = { locked: false };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF7D6" } };
      }
    }
  }
  worksheet.getColumn(SCORING_SHEET_COLUMNS.findIndex(({ column }) => column === "version") + 1).hidden = true;
  await worksheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
  addGuide(workbook, options.title);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addGuide(workbook: ExcelJS.Workbook, title: string): void {
  const guide = workbook.addWorksheet("Huong dan");
  guide.columns = [{ width: 24 }, { width: 18 }, { width: 70 }];
  guide.addRow([title]).font = { bold: true };
  guide.addRow(["Chỉ điền vào các ô tô màu; không đổi tên cột, không xóa cột. Ghi KPS nếu không phát sinh."]);
  guide.addRow([]);
  guide.addRow(["Cột", "Tên máy đọc", "Ý nghĩa"]).font = { bold: true };
  for (const { column, header } of SCORING_SHEET_COLUMNS) guide.addRow([header, column, meaning(column)]);
}

function meaning(column: ScoringSheetColumn): string {
  if (column === "title") return "nội dung tiêu chí hoặc số liệu (không được đọc lại)";
  if (column === "max_points") return "điểm tối đa (không được đọc lại)";
  if (column === "allowed") return "giá trị được phép nhập (không được đọc lại)";
  if (column === "version") return "cột ẩn: phiên bản của từng dòng khi tải về, để khi tải lên không ghi đè thay đổi của người khác";
  return describeColumn(column).vi;
}
