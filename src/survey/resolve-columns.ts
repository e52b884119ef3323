import { nearestName } from "../text/nearest-name.js";
import { type Checked, type Problem, problem } from "../problem.js";
import { normaliseText } from "../text/normalise-text.js";
import { type SurveyMapping, isSelectMany } from "./types.js";

export type ExportKind = "kobo" | "limesurvey" | "google-forms" | "spreadsheet";

/** Where each field of the mapping sits in one export's header (0-based column indexes). */
export interface ColumnPlan {
  kind: ExportKind;
  header: string[];
  unit: number;
  respondent: number | null;
  submitted: number | null;
  status: number | null;
  /** Per question of the mapping, in order: its column, or for select-many its 0/1 option columns. */
  questions: { column: number | null; optionColumns: (number | null)[] | null }[];
}

/**
 * Finds the mapping's columns in a header row. A header matches a name when they are equal
 * after NFC, case and whitespace folding, or when it ends with `/name` (KoboToolbox group
 * paths such as `group_service/q1`). A select-many question without its own column is read
 * from 0/1 columns `name/option` (KoboToolbox) or `name[option]` (LimeSurvey), option being its
 * code or any of its match words. Every missing
 * required column is reported at once, with the nearest header found.
 */
export function resolveColumns(mapping: SurveyMapping, header: string[], fileName: string): Checked<ColumnPlan> {
  const keys = header.map(normaliseText);
  const problems: Problem[] = [];
  const find = (names: string[]): number | null => {
    for (const name of names) {
      const index = keys.indexOf(normaliseText(name));
      if (index !== -1) return index;
    }
    for (const name of names) {
      const suffix = `/${normaliseText(name)}`;
      const index = keys.findIndex((key) => key.endsWith(suffix));
      if (index !== -1) return index;
    }
    return null;
  };
  const absent: { what: { en: string; vi: string }; names: string[] }[] = [];
  const missing = (what: { en: string; vi: string }, names: string[]) => absent.push({ what, names });
  const report = (claimed: Set<number>) => {
    const free = header.filter((_, i) => !claimed.has(i));
    for (const { what, names } of absent) {
      const near = names.map((name) => nearestName(name, free)).find((n) => n !== null);
      problems.push(
        problem(
          "missing-column",
          `${fileName}:1`,
          `no column for ${what.en}: expected a header named ${names.map((n) => `"${n}"`).join(" or ")}${near ? ` (found "${near}": add it to the mapping's headers if it is the same)` : ""}`,
          `không có cột ${what.vi}: cần một cột có tiêu đề ${names.map((n) => `"${n}"`).join(" hoặc ")}${near ? ` (có cột "${near}": nếu đúng là cột này, hãy thêm vào headers của bảng ánh xạ)` : ""}`,
        ),
      );
    }
  };

  const unit = find(mapping.columns.unit.headers);
  if (unit === null) missing({ en: "the unit code", vi: "mã đơn vị" }, mapping.columns.unit.headers);
  const optional = (spec: { headers: string[] } | undefined) => (spec ? find(spec.headers) : null);

  const questions = mapping.questions.map((question) => {
    const column = find(question.headers);
    if (column !== null || !isSelectMany(question)) {
      if (column === null) missing({ en: `question ${question.code}`, vi: `câu hỏi ${question.code}` }, question.headers);
      return { column, optionColumns: null };
    }
    const optionColumns = question.select.options.map((option) => {
      const words = [option.code, ...(option.match ?? [])];
      const names = question.headers.flatMap((name) => words.flatMap((word) => [`${name}/${word}`, `${name}[${word}]`]));
      return find(names);
    });
    if (optionColumns.every((c) => c === null))
      missing({ en: `select-many question ${question.code}`, vi: `câu hỏi nhiều lựa chọn ${question.code}` }, question.headers);
    return { column: null, optionColumns };
  });

  if (absent.length > 0) {
    const claimed = new Set<number>([unit ?? -1, ...questions.flatMap((q) => [q.column ?? -1, ...(q.optionColumns ?? []).map((c) => c ?? -1)])]);
    report(claimed);
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      kind: detectKind(keys),
      header,
      unit: unit!,
      respondent: optional(mapping.columns.respondent),
      submitted: optional(mapping.columns.submitted),
      status: optional(mapping.columns.status),
      questions,
    },
  };
}

function detectKind(keys: string[]): ExportKind {
  if (keys.includes("_uuid") || keys.includes("_submission_time")) return "kobo";
  if (keys.includes("submitdate") && keys.includes("id")) return "limesurvey";
  if (keys.includes("timestamp") || keys.includes("dấu thời gian")) return "google-forms";
  return "spreadsheet";
}
