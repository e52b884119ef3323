import { extname } from "node:path";
import { type Checked, createSurveyImport, type Problem, problem, type SurveyImportOptions, type SurveyImportResult } from "../index.js";
import { type TextEncodingName, assumedWindows1258 } from "../io/decode-text.js";
import { noFinalLineBreak, truncatedRow } from "../io/row-shape.js";
import { type Streamed, streamCsvRecords } from "./stream-csv-records.js";
import { streamXlsxRecords } from "./stream-xlsx-records.js";

export interface ImportProgress {
  /** Called every `every` data rows with the rows read so far. */
  onProgress?: (rows: number) => void;
  every?: number;
}

/**
 * Imports a survey export from a file: CSV (any of KoboToolbox, ODK, LimeSurvey, Google Forms,
 * a typed sheet; UTF-8, UTF-16 with BOM, or Windows-1258 as Vietnamese Excel saves "CSV (Comma
 * delimited)") or XLSX (first worksheet), streamed row by row into the survey engine. A CSV
 * that is not UTF-8 is read again from the start as Windows-1258, and the result says so.
 */
export async function importSurveyFile(
  path: string,
  options: Omit<SurveyImportOptions, "fileName"> & { fileName?: string },
  progress: ImportProgress = {},
): Promise<Checked<SurveyImportResult>> {
  const fileName = options.fileName ?? path;
  if (extname(path).toLowerCase() === ".xlsx") return importOnce(path, { ...options, fileName }, progress, null);
  const first = await importOnce(path, { ...options, fileName, fullRows: true }, progress, "utf-8");
  if (first.ok || !("notUtf8" in first)) return first;
  const again = await importOnce(path, { ...options, fileName, fullRows: true }, progress, "windows-1258");
  if (!again.ok) return again;
  const assumed = assumedWindows1258(fileName);
  again.value.quality.notes.unshift({ en: assumed.message, vi: assumed.vi });
  return again;
}

type Imported = Checked<SurveyImportResult> | { ok: false; problems: Problem[]; notUtf8: true };

async function importOnce(path: string, options: SurveyImportOptions, progress: ImportProgress, encoding: TextEncodingName | null): Promise<Imported> {
  const engine = createSurveyImport(options);
  const every = progress.every ?? 100_000;
  let headerProblems: Problem[] | null = null;
  let lastRecord: string[] = [];
  let width = 0;
  const onRecord = (cells: string[], index: number, multiline?: boolean) => {
    lastRecord = cells;
    if (index === 0) {
      headerProblems = engine.header(cells.map((cell) => cell.normalize("NFC")));
      width = cells.length;
    }
    if (index === 0 || headerProblems === null || headerProblems.length > 0) return;
    engine.row(cells, index + 1, multiline);
    if (progress.onProgress && index % every === 0) progress.onProgress(index);
  };
  const streamed: Streamed | Checked<{ records: number }> =
    encoding === null
      ? await streamXlsxRecords(path, onRecord, options.fileName)
      : await streamCsvRecords(path, onRecord, { fileName: options.fileName, encoding });
  if (!streamed.ok) return streamed;
  const found = headerProblems as Problem[] | null;
  if (found === null)
    return {
      ok: false,
      problems: [
        problem("parse", `${options.fileName}:1`, "the file is empty: export the responses with a header row", "tệp trống: hãy xuất dữ liệu kèm dòng tiêu đề"),
      ],
    };
  if (found.length > 0) return { ok: false, problems: found };
  let unended = false;
  if ("endsWithLineBreak" in streamed.value && streamed.value.records > 1) {
    const cut = truncatedRow(lastRecord, width, streamed.value.records, streamed.value.endsWithLineBreak, options.fileName);
    if (cut) return { ok: false, problems: [cut] };
    unended = !streamed.value.endsWithLineBreak;
  }
  const result = engine.finish();
  if (result.ok && unended) {
    const note = noFinalLineBreak(options.fileName, "records" in streamed.value ? streamed.value.records : 0);
    result.value.quality.notes.push({ en: note.message, vi: note.vi });
  }
  return result;
}
