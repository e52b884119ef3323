import { gzipSync } from "node:zlib";
import { type CriteriaSet, type Lang, type Ranking, annexToCsvRows, annexToDataCsvRows, buildAnnex, toCsv, writeAnnexXlsx } from "../../src/index.js";
import type { RankingView } from "./ranking-view.js";

const UTF8 = new TextEncoder();

/**
 * `json`: the ranking as data; `csv`: the annex table for scripts (snake_case headers);
 * `annex-csv`: the annex table with its headers in words (Vietnamese, or English when asked); `xlsx`: the annex workbook (a sheet per
 * block, title, decision, print setup). CSVs carry a BOM so spreadsheet programs read Vietnamese.
 */
export const RANKING_FORMATS = ["json", "csv", "annex-csv", "xlsx"] as const;
export type RankingFormat = (typeof RANKING_FORMATS)[number];

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

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The ranking in `format`; the annex's titles, headers, classes and notes in `lang` (its figures the same in both). */
export async function encodeRanking(view: RankingView, set: CriteriaSet, format: RankingFormat, name: string, lang: Lang = "vi"): Promise<RankingFile> {
  const annex = () => buildAnnex(view as Ranking, set, lang);
  const csv = (text: string, fileName: string) => ({ body: UTF8.encode(`\uFEFF${text}`), contentType: "text/csv; charset=utf-8", fileName });
  if (format === "csv") return csv(toCsv(annexToDataCsvRows(annex())), `${name}.csv`);
  if (format === "annex-csv") return csv(toCsv(annexToCsvRows(annex())), lang === "vi" ? `${name}-phu-luc.csv` : `${name}-annex.csv`);
  if (format === "xlsx") return { body: new Uint8Array(await writeAnnexXlsx(annex())), contentType: XLSX_TYPE, fileName: `${name}.xlsx` };
  return { body: UTF8.encode(JSON.stringify(view)), contentType: "application/json", fileName: null };
}
