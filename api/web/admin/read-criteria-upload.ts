import type { EdgeProblem } from "../../errors.js";

/**
 * An uploaded criteria file as JSON, or the one problem that stops reading it: not UTF-8 text,
 * or not JSON (with the line and column the parser stopped at).
 */
export function readCriteriaUpload(bytes: Uint8Array, fileName: string): { ok: true; json: unknown } | { ok: false; problem: EdgeProblem } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return fail(
      fileName,
      "the file is not UTF-8 text: save the criteria file as UTF-8 JSON",
      "tệp không phải văn bản UTF-8: hãy lưu bộ tiêu chí dạng JSON UTF-8",
    );
  }
  if (text.trim() === "") return fail(fileName, "the file is empty: choose the criteria set's .json file", "tệp rỗng: hãy chọn tệp .json của bộ tiêu chí");
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    const position = Number(/position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1] ?? Number.NaN);
    if (Number.isNaN(position))
      return fail(
        fileName,
        "the file is not valid JSON: check its brackets, quotes and commas",
        "tệp không phải JSON hợp lệ: hãy kiểm tra dấu ngoặc, dấu nháy và dấu phẩy",
      );
    const before = text.slice(0, position).split("\n");
    const line = before.length;
    const column = (before.at(-1) ?? "").length + 1;
    return fail(
      `${fileName}:${line}:${column}`,
      `the file is not valid JSON at line ${line}, column ${column}: check the brackets, quotes and commas there (a comma after the last element, a missing quote…)`,
      `tệp không phải JSON hợp lệ ở dòng ${line}, cột ${column}: hãy kiểm tra dấu ngoặc, dấu nháy và dấu phẩy ở đó (dấu phẩy thừa sau phần tử cuối, thiếu dấu nháy…)`,
    );
  }
}

function fail(path: string, message: string, vi: string): { ok: false; problem: EdgeProblem } {
  return { ok: false, problem: { code: "parse", path, message, vi } };
}
