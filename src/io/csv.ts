/**
 * CSV text helpers. Output is RFC 4180 (a cell is quoted when it holds the delimiter, a quote,
 * a line break or leading/trailing spaces; quotes are doubled), lines end in "\n" and the last
 * line too. Text only: the CLI adds a UTF-8 BOM when it writes a file for Excel.
 */
export type CsvCell = string | number | null;

export type Delimiter = "," | ";" | "\t";

export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

export function toCsv(rows: CsvCell[][], delimiter: Delimiter = ","): string {
  return rows.map((row) => row.map((cell) => quoteCell(cell, delimiter)).join(delimiter) + "\n").join("");
}

function quoteCell(cell: CsvCell, delimiter: Delimiter): string {
  if (cell === null) return "";
  const text = typeof cell === "number" ? String(cell) : cell;
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || (text.length > 0 && text.trim() !== text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The delimiter a header line uses: whichever of "," ";" tab occurs most often outside quotes
 * (ties and a line with none give ","). Spreadsheets in Vietnamese locales save with ";".
 */
export function sniffDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter)) counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ",";
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** The text up to the first line break, without a UTF-8 BOM. */
export function firstLine(text: string): string {
  const withoutBom = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const end = withoutBom.search(/\r?\n/);
  return end === -1 ? withoutBom : withoutBom.slice(0, end);
}
