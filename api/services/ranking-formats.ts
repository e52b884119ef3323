import { gzipSync } from "node:zlib";
import { type Ranking, rankingToCsvRows, toCsv, writeXlsx } from "../../src/index.js";
import type { RankingView } from "./ranking-view.js";

/** The annex layout as CSV, with a BOM so spreadsheet programs read Vietnamese correctly. */
export function rankingCsv(view: RankingView): string {
  return `\uFEFF${toCsv(rankingToCsvRows(view as Ranking))}`;
}

/** The same rows as the CSV, in a worksheet; numbers stay numbers. */
export async function rankingXlsx(view: RankingView): Promise<Uint8Array> {
  return writeXlsx(rankingToCsvRows(view as Ranking), `PAR ${view.year}`);
}

const UTF8 = new TextEncoder();

export type RankingFormat = "json" | "csv" | "xlsx";

/** A ranking as the bytes a client receives. */
export interface RankingFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** For `content-disposition` (CSV and XLSX are downloads). */
  fileName: string | null;
  /** The body gzipped, made once for a cached (published) file: rankings are read far more than written. */
  gzipped?: Uint8Array<ArrayBuffer>;
}

/** Adds the gzipped body (XLSX is already compressed). */
export function withGzip(file: RankingFile): RankingFile {
  if (file.contentType.startsWith("application/vnd.openxmlformats")) return file;
  return { ...file, gzipped: new Uint8Array(gzipSync(file.body)) };
}

export async function encodeRanking(view: RankingView, format: RankingFormat, name: string): Promise<RankingFile> {
  if (format === "csv") return { body: UTF8.encode(rankingCsv(view)), contentType: "text/csv; charset=utf-8", fileName: `${name}.csv` };
  if (format === "xlsx")
    return {
      body: new Uint8Array(await rankingXlsx(view)),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: `${name}.xlsx`,
    };
  return { body: UTF8.encode(JSON.stringify(view)), contentType: "application/json", fileName: null };
}
