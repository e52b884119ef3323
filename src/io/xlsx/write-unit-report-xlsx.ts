import ExcelJS from "exceljs";
import { type UnitReport, unitReportOf } from "../annex/build-unit-report.js";
import { NUMBER_FORMATS } from "./write-annex-xlsx.js";

const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };

/**
 * A unit's one-page report as a workbook: A4 portrait fitted to one page; the areas as a
 * bordered table (maximum, self-assessed, appraised, final points, sub-index), then the totals,
 * index, class, rank and change as label–value lines; numbers stored as numbers, blanks blank.
 * Pure: returns the bytes.
 */
export async function writeUnitReportXlsx(report: UnitReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(report.unit.code.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Don vi", {
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = [{ width: 52 }, { width: 11 }, { width: 11 }, { width: 11 }, { width: 11 }, { width: 13 }];
  const span = report.areaHeader.length;
  const heading = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, span);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { wrapText: true, horizontal: "center", vertical: "middle" };
    sheet.getRow(row).height = text.length > 100 ? 32 : 18;
  };
  heading(1, report.title, { bold: true, size: 14 });
  heading(2, report.basis, { italic: true });
  heading(3, `${report.unit.name} (${report.unit.code}) · ${report.block}`, { bold: true, size: 12 });

  const header = sheet.getRow(5);
  report.areaHeader.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, horizontal: "center", vertical: "middle" };
    cell.border = THIN;
  });
  header.height = 32;
  const points = NUMBER_FORMATS.points(report.decimals);
  report.areas.forEach((area, r) => {
    const row = sheet.getRow(6 + r);
    const values = [area.label, area.max, area.self, area.appraised, area.points, area.subIndex];
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      if (value !== null) cell.value = value;
      cell.border = THIN;
      cell.alignment = { wrapText: i === 0, vertical: "top" };
      if (i > 0) cell.numFmt = i === 5 ? NUMBER_FORMATS.percent(report.decimals) : points;
    });
    if (area.label.length > 52) row.height = 30;
  });

  let next = 6 + report.areas.length + 1;
  for (const line of report.lines) {
    const row = sheet.getRow(next++);
    row.getCell(1).value = line.label;
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(5);
    if (line.value !== null) cell.value = line.value;
    if (line.format !== "text") cell.numFmt = NUMBER_FORMATS[line.format](report.decimals);
    else cell.alignment = { horizontal: "right" };
    const of = unitReportOf(report, line);
    if (of !== null) row.getCell(6).value = of;
  }
  next++;
  for (const note of report.notes) {
    sheet.mergeCells(next, 1, next, span);
    sheet.getCell(next++, 1).value = note;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
