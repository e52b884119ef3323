import { writeFileSync } from "node:fs";
import { type CsvCell, toCsv } from "../io/csv.js";
import type { Problem } from "../index.js";
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

export function render(format: Format, value: { json: () => unknown; csv: () => CsvCell[][]; table: () => string }): string {
  if (format === "json") return `${JSON.stringify(value.json(), null, 2)}\n`;
  if (format === "csv") return toCsv(value.csv());
  return value.table();
}

export function formatProblems(file: string, problems: Problem[], lang: Lang): string {
  const lines = problems.map((p) => `  ${p.path}  [${p.code}]\n    ${lang === "vi" ? p.vi : p.message}`);
  const count = lang === "vi" ? `${problems.length} lỗi` : `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return `✗ ${file}: ${count}\n${lines.join("\n")}\n`;
}
