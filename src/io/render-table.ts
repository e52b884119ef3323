/**
 * A plain-text table for the terminal, with ASCII borders:
 *
 *   +------+-------+
 *   | Code | Title |
 *   +------+-------+
 *   | 1    | …     |
 *   +------+-------+
 *
 * Headers align like their column. Widths count characters of the NFC text, so precomposed Vietnamese letters ("ệ") are one
 * column wide and stray combining marks none. Line breaks in cells become spaces. No trailing
 * newline.
 */
export interface TableColumn {
  header: string;
  align?: "left" | "right";
}

export function renderTable(columns: TableColumn[], rows: string[][]): string {
  const clean = (text: string) => text.normalize("NFC").replace(/\r?\n/g, " ");
  const headers = columns.map((column) => clean(column.header));
  const body = rows.map((row) => columns.map((_, i) => clean(row[i] ?? "")));
  const widths = columns.map((_, i) => Math.max(textWidth(headers[i] ?? ""), ...body.map((row) => textWidth(row[i] ?? ""))));
  const rule = `+${widths.map((width) => "-".repeat(width + 2)).join("+")}+`;
  const line = (cells: string[]) => `| ${cells.map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.align ?? "left")).join(" | ")} |`;
  return [rule, line(headers), rule, ...body.map(line), ...(body.length > 0 ? [rule] : [])].join("\n");
}

/** Columns a string takes in a terminal: code points of its NFC form, combining marks excluded. */
export function textWidth(text: string): number {
  return [...text.normalize("NFC").replace(/\p{M}/gu, "")].length;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - textWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/** The text cut to `max` columns, ending in "…" when cut. */
export function shorten(text: string, max: number): string {
  const chars = [...text.normalize("NFC")];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}
