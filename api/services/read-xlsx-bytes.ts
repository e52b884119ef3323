import ExcelJS from "exceljs";
import { cellText } from "../../src/files/index.js";
import type { EdgeProblem } from "../errors.js";

/**
 * The rows of an uploaded workbook's first worksheet as text cells (record 0 is the header; blank
 * rows keep their numbers), or the problem that it cannot be read as a workbook.
 */
export async function readXlsxBytes(bytes: Uint8Array, fileName: string): Promise<{ ok: true; records: string[][] } | { ok: false; problem: EdgeProblem }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    return {
      ok: false,
      problem: {
        code: "xlsx-damaged",
        path: fileName,
        message: "this is not a readable XLSX workbook: upload the .xlsx downloaded from the service, saved in Excel as Excel Workbook (.xlsx)",
        vi: "đây không phải tệp Excel (.xlsx) đọc được: hãy tải lên tệp .xlsx đã tải về từ hệ thống, lưu bằng Excel dạng Excel Workbook (.xlsx)",
      },
    };
  }
  const sheet = workbook.worksheets[0];
  const records: string[][] = [];
  sheet?.eachRow((row, number) => {
    while (records.length < number - 1) records.push([]);
    const values = row.values as unknown[];
    records.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1])));
  });
  return { ok: true, records };
}
