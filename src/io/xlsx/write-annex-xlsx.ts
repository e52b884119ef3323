import ExcelJS from "exceljs";
import type { Annex, AnnexColumn, AnnexFormat } from "../annex/build-annex.js";

const HEADER_ROW = 4;
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/**
 * The annex as a workbook a province can print and sign under: one sheet per block, the title,
 * the decision and the block above a bordered table (header frozen and repeated on every printed
 * page), numbers stored as numbers with the set's decimals, blank cells left empty, columns as
 * wide as their content, A4 landscape fitted to the page width; the block's mean, class shares
 * and the notes below. Formula-free. Pure: returns the bytes.
 */
export async function writeAnnexXlsx(annex: Annex): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const block of annex.blocks) {
    const sheet = workbook.addWorksheet(sheetName(block.title, used), {
      views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 3 }],
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: annex.lang === "vi" ? "Trang &P/&N" : "Page &P of &N" },
    });
    const columns = annex.columns;
    const widths = columns.map((column) => widthOf(column, block.rows));
    sheet.columns = widths.map((width) => ({ width }));
    const last = columns.length;
    line(sheet, 1, annex.title, last, { bold: true, size: 14 });
    line(sheet, 2, annex.basis, last, { italic: true });
    line(sheet, 3, block.heading, last, { bold: true });

    const header = sheet.getRow(HEADER_ROW);
    columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = column.header;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      cell.border = THIN;
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
    });
    header.height = 14 * Math.max(...columns.map((column, i) => linesOf(column.header, widths[i]!)));

    block.rows.forEach((values, r) => {
      const row = sheet.getRow(HEADER_ROW + 1 + r);
      columns.forEach((column, i) => {
        const cell = row.getCell(i + 1);
        const value = values[column.key] ?? null;
        if (value !== null) cell.value = value;
        cell.border = THIN;
        if (column.format !== "text") cell.numFmt = NUMBER_FORMATS[column.format](annex.decimals);
        cell.alignment = column.key === "note" ? { wrapText: true, vertical: "top" } : { vertical: "top" };
      });
      const note = values.note;
      if (typeof note === "string") row.height = 15 * linesOf(note, widths[columns.findIndex((c) => c.key === "note")]!);
    });

    let next = HEADER_ROW + block.rows.length + 2;
    for (const text of [...block.summary, ...annex.notes]) line(sheet, next++, text, last, {});
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const NUMBER_FORMATS: Record<Exclude<AnnexFormat, "text">, (decimals: Annex["decimals"]) => string> = {
  integer: () => "0",
  points: (d) => fixed(d.points),
  percent: (d) => fixed(d.index),
  change: () => "+0;-0;0",
};

function fixed(decimals: number): string {
  return decimals === 0 ? "0" : `0.${"0".repeat(decimals)}`;
}

/** A line of text across the table's width (merged), wrapped, as tall as its text needs. */
function line(sheet: ExcelJS.Worksheet, row: number, text: string, columns: number, font: Partial<ExcelJS.Font>): void {
  sheet.mergeCells(row, 1, row, columns);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { wrapText: true, vertical: "middle", horizontal: row <= 3 ? "center" : "left" };
  const width = sheet.columns.reduce((sum, column) => sum + (column.width ?? 9), 0);
  sheet.getRow(row).height = (font.size ?? 11) * 1.4 * linesOf(text, width);
}

/**
 * Characters wide: text columns as wide as their longest value (names are never cut), number
 * columns as wide as their longest header word, so headers wrap by words and numbers fit.
 */
function widthOf(column: AnnexColumn, rows: Record<string, unknown>[]): number {
  const longestWord = Math.max(...column.header.split(/\s+/).map((word) => word.length));
  if (column.key === "note") return 36;
  if (column.format !== "text") return column.header.length > 24 ? 11 : Math.max(8, Math.min(longestWord + 2, 12));
  const longestValue = Math.max(0, ...rows.map((row) => String(row[column.key] ?? "").length));
  return Math.min(Math.max(longestValue, longestWord) + 2, 40);
}

/** Lines a text takes wrapped at `width` characters (a rough count by words). */
function linesOf(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (used > 0 && used + 1 + word.length > width - 1) {
      lines++;
      used = word.length;
    } else used += (used > 0 ? 1 : 0) + word.length;
  }
  return lines;
}

/** A worksheet name: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const base =
    title
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31)
      .trim() || "Khoi";
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  used.add(name.toLowerCase());
  return name;
}
