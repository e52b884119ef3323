import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import type { Lang, Problem } from "../index.js";
import { type CsvCell, toCsv } from "../io/csv.js";
import { writeXlsx } from "../io/xlsx/write-xlsx.js";
import { usageError } from "./cli-error.js";

export type Format = "table" | "json" | "csv";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Writes a result to --out (CSV with a BOM so spreadsheet programs read Vietnamese) or stdout. */
export function emit(io: Io, text: string, out: string | undefined, format: Format, lang: Lang): void {
  if (out) {
    writeFileSync(out, format === "csv" ? `\uFEFF${text}` : text);
    io.stderr(writtenLine(out, lang));
  } else {
    io.stdout(text);
  }
}

export function writtenLine(path: string, lang: Lang): string {
  return lang === "vi"
    ? `Đã ghi: ${path}
`
    : `Written: ${path}
`;
}

/** Spreadsheet files par cannot write: refused instead of writing text Excel cannot open. */
const UNWRITABLE = [".xls", ".xlsm", ".xlsb", ".ods", ".numbers"];

/**
 * Writes a result where the user asks: `--out name.xlsx` writes a real workbook (`xlsx` when the
 * command has its own, such as the ranking's annex; else of the CSV layout; refused with --format
 * json), another spreadsheet extension is refused, anything else gets the text of --format.
 */
export async function emitResult(
  io: Io,
  out: string | undefined,
  format: Format,
  lang: Lang,
  value: { json: () => unknown; csv: () => CsvCell[][]; table: () => string; sheetName: string; xlsx?: () => Promise<Uint8Array> },
): Promise<void> {
  const extension = out ? extname(out).toLowerCase() : "";
  if (UNWRITABLE.includes(extension)) {
    throw usageError({
      vi: `Không ghi được tệp ${extension} (--out ${out}). Hãy ghi .xlsx (sổ tính Excel), .csv hoặc .json.`,
      en: `Cannot write ${extension} files (--out ${out}). Write .xlsx (an Excel workbook), .csv or .json instead.`,
    });
  }
  if (out && extension === ".xlsx") {
    if (format === "json") {
      throw usageError({
        vi: `--out ${out} là sổ tính Excel nhưng --format là json: bỏ --format (sổ tính theo bố cục CSV), hoặc ghi tệp .json.`,
        en: `--out ${out} is an Excel workbook but --format is json: drop --format (the workbook holds the CSV layout), or write a .json file.`,
      });
    }
    writeFileSync(out, value.xlsx ? await value.xlsx() : await writeXlsx(value.csv(), value.sheetName));
    io.stderr(writtenLine(out, lang));
    return;
  }
  emit(io, render(format, value), out, format, lang);
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

/**
 * Every failing input's problems, a problem shared by several inputs listed once with the count
 * of units it applies to (a wrong `--year` is one problem of 40 units, not 40 problems).
 */
export function formatFailures(failures: { file: string; problems: Problem[] }[], lang: Lang): string {
  const key = (p: Problem) => JSON.stringify([p.code, p.path, p.message, p.vi]);
  const sources = new Map<string, { problem: Problem; files: string[] }>();
  for (const failure of failures) {
    for (const problem of failure.problems) {
      const entry = sources.get(key(problem)) ?? { problem, files: [] };
      if (!entry.files.includes(failure.file)) entry.files.push(failure.file);
      sources.set(key(problem), entry);
    }
  }
  const shared = new Map<string, { problems: Problem[]; files: string[] }>();
  for (const { problem, files } of sources.values()) {
    if (files.length < 2) continue;
    const group = shared.get(files.join("\n")) ?? { problems: [], files };
    group.problems.push(problem);
    shared.set(files.join("\n"), group);
  }
  const sharedKeys = new Set([...shared.values()].flatMap((group) => group.problems.map(key)));
  const text = [...shared.values()].map((group) => formatProblems(sharedLabel(group.files, lang), group.problems, lang));
  for (const failure of failures) {
    const own = failure.problems.filter((p) => !sharedKeys.has(key(p)));
    if (own.length > 0) text.push(formatProblems(failure.file, own, lang));
  }
  return text.join("");
}

/** "sheet.csv (DV0001, DV0002, …, DV0040)" when the units come from one file, else the sources themselves. */
function sharedLabel(files: string[], lang: Lang): string {
  const parts = files.map((file) => /^(.*) \(([^()]+)\)$/.exec(file));
  const head = parts[0]?.[1];
  const sameFile = head !== undefined && parts.every((part) => part?.[1] === head);
  const names = sameFile ? parts.map((part) => part![2]!) : files;
  const shown = names.length > 3 ? `${names.slice(0, 2).join(", ")}, …, ${names.at(-1)}` : names.join(", ");
  const list = sameFile ? `${head} (${shown})` : shown;
  return lang === "vi" ? `chung cho ${files.length} đơn vị: ${list}` : `shared by ${files.length} units: ${list}`;
}
