import type { CsvCell } from "../csv.js";
import type { Annex, AnnexColumn } from "./build-annex.js";

/**
 * The annex as one CSV table for people: a header row of the published table's Vietnamese
 * headers after "Khối" (in English with --lang en), then every block's rows in ranked order. Numbers keep the decimal point
 * (as every CSV of par does, so a spreadsheet in any locale reads them the same way); a blank
 * cell is empty.
 */
export function annexToCsvRows(annex: Annex): CsvCell[][] {
  const columns = annex.columns;
  return [
    [annex.dataColumns[0]!.header, ...columns.map((c) => c.header)],
    ...annex.blocks.flatMap((block) => block.rows.map((row) => [block.title, ...cells(columns, row)])),
  ];
}

/**
 * The same table for scripts: snake_case headers (`block`, `stt`, `unit_code`, `area_1`…,
 * `total`, `index`, `rank`, `rank_change`…), the block by its code, and what a script needs
 * besides the published columns (`class_code`, `previous_rank`, `stage`, `survey_included`).
 */
export function annexToDataCsvRows(annex: Annex): CsvCell[][] {
  const columns = annex.dataColumns;
  return [columns.map((c) => c.key), ...annex.blocks.flatMap((block) => block.rows.map((row) => cells(columns, row)))];
}

function cells(columns: AnnexColumn[], row: Record<string, CsvCell>): CsvCell[] {
  return columns.map((c) => row[c.key] ?? null);
}
