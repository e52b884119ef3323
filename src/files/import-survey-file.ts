import { extname } from "node:path";
import { type Checked, createSurveyImport, type Problem, problem, type SurveyImportOptions, type SurveyImportResult } from "../index.js";
import { streamCsvRecords } from "./stream-csv-records.js";
import { streamXlsxRecords } from "./stream-xlsx-records.js";

export interface ImportProgress {
  /** Called every `every` data rows with the rows read so far. */
  onProgress?: (rows: number) => void;
  every?: number;
}

/**
 * Imports a survey export from a file: CSV (any of KoboToolbox, ODK, LimeSurvey, Google Forms,
 * a typed sheet) or XLSX (first worksheet), streamed row by row into the survey engine.
 */
export async function importSurveyFile(path: string, options: Omit<SurveyImportOptions, "fileName"> & { fileName?: string }, progress: ImportProgress = {}): Promise<Checked<SurveyImportResult>> {
  const engine = createSurveyImport({ ...options, fileName: options.fileName ?? path });
  const every = progress.every ?? 100_000;
  let headerProblems: Problem[] | null = null;
  const onRecord = (cells: string[], index: number) => {
    if (index === 0) headerProblems = engine.header(cells.map((cell) => cell.normalize("NFC")));
    if (index === 0 || headerProblems === null || headerProblems.length > 0) return;
    engine.row(cells, index + 1);
    if (progress.onProgress && index % every === 0) progress.onProgress(index);
  };
  const streamed = extname(path).toLowerCase() === ".xlsx" ? await streamXlsxRecords(path, onRecord) : await streamCsvRecords(path, onRecord);
  if (!streamed.ok) return streamed;
  const found = headerProblems as Problem[] | null;
  if (found === null) return { ok: false, problems: [problem("parse", `${options.fileName ?? path}:1`, "the file is empty: export the responses with a header row", "tệp trống: hãy xuất dữ liệu kèm dòng tiêu đề")] };
  return found.length > 0 ? { ok: false, problems: found } : engine.finish();
}
