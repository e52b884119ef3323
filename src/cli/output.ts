import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { type CsvCell, toCsv } from "../io/csv.js";
import { writeXlsx } from "../io/xlsx/write-xlsx.js";
import type { Problem } from "../problem.js";
import { usageError } from "./cli-error.js";
import type { Format, Lang } from "./options.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Writes a result to --out (CSV with a BOM so spreadsheet programs read Vietnamese) or stdout. */
export function emit(io: Io, text: string, out: string | undefined, format: Format): void {
  if (out) {
    writeFileSync(out, format === "csv" ? `\uFEFF${text}` : text);
    io.stderr(`Đã ghi / written: ${out}\n`);
  } else {
    io.stdout(text);
  }
}

/** Spreadsheet files par cannot write: refused instead of writing text Excel cannot open. */
const UNWRITABLE = [".xls", ".xlsm", ".xlsb", ".ods", ".numbers"];

/**
 * Writes a result where the user asks: `--out name.xlsx` writes a real workbook of the CSV
 * layout (refused with --format json), another spreadsheet extension is refused, anything else
 * gets the text of --format.
 */
export async function emitResult(
  io: Io,
  out: string | undefined,
  format: Format,
  value: { json: () => unknown; csv: () => CsvCell[][]; table: () => string; sheetName: string },
): Promise<void> {
  const extension = out ? extname(out).toLowerCase() : "";
  if (UNWRITABLE.includes(extension)) throw usageError(`Cannot write ${extension} files (--out ${out}). Write .xlsx (an Excel workbook), .csv or .json instead.`);
  if (out && extension === ".xlsx") {
    if (format === "json") throw usageError(`--out ${out} is an Excel workbook but --format is json: drop --format (the workbook holds the CSV layout), or write a .json file.`);
    writeFileSync(out, await writeXlsx(value.csv(), value.sheetName));
    io.stderr(`Đã ghi / written: ${out}\n`);
    return;
  }
  emit(io, render(format, value), out, format);
}

export function render(format: Format, value: { json: () => unknown; csv: () => CsvCell[][]; table: () => string }): string {
  if (format === "json") return `${JSON.stringify(value.json(), null, 2)}\n`;
  if (format === "csv") return toCsv(value.csv());
  return value.table();
}

/** What was assumed to read a file (an encoding, a date order): the result stands, the reader should check. */
export function formatWarnings(file: string, problems: Problem[], lang: Lang): string {
  const lines = problems.map((p) => `  ${p.path}  [${p.code}]\n    ${lang === "vi" ? p.vi : p.message}`);
  return `⚠ ${file}: ${lang === "vi" ? `${problems.length} cảnh báo` : `${problems.length} warning${problems.length === 1 ? "" : "s"}`}\n${lines.join("\n")}\n`;
}

export function formatProblems(file: string, problems: Problem[], lang: Lang): string {
  const lines = problems.map((p) => `  ${p.path}  [${p.code}]\n    ${lang === "vi" ? p.vi : p.message}`);
  const count = lang === "vi" ? `${problems.length} lỗi` : `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return `✗ ${file}: ${count}\n${lines.join("\n")}\n`;
}
