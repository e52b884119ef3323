import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import type { Checked, SurveyImportOptions, SurveyImportResult } from "../index.js";
import { importSurveyFile } from "./import-survey-file.js";

/**
 * Imports an uploaded survey export held in memory (the API's upload), exactly as `par survey
 * import` reads a file: the bytes go to a private temporary file (named by the upload's
 * extension, `.xlsx` or else CSV), are streamed through the same readers (encoding detection,
 * XLSX checks, row shapes) and the file is removed whatever happens.
 */
export async function importSurveyBytes(bytes: Uint8Array, options: SurveyImportOptions): Promise<Checked<SurveyImportResult>> {
  const dir = await mkdtemp(join(tmpdir(), "par-survey-"));
  try {
    const path = join(dir, extname(options.fileName).toLowerCase() === ".xlsx" ? "export.xlsx" : "export.csv");
    await writeFile(path, bytes, { mode: 0o600 });
    return await importSurveyFile(path, options);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
