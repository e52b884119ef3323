import type { FactInput, FactValue, ItemInput, Round } from "../assessment/types.js";
import type { FactType } from "../criteria/types.js";
import { type Problem, problem } from "../problem.js";
import { isNotApplicableMarker, parseFactValue, parseNumber } from "./parse-cell.js";
import type { SheetColumn } from "./sheet-columns.js";

/** The round cells of one sheet row that hold something, in round order. */
export type RoundEntry = { round: Round; text: string };

export interface RowEntries {
  entries: RoundEntry[];
  comment: string;
  evidence: string[];
  decimalComma: boolean;
  /** The problem path of a cell of this row. */
  place: (column: SheetColumn) => string;
}

export type EntriesRead<T> = { inputs: { round: Round; input: T }[]; problems: Problem[] };

/**
 * An item row's rounds: points, or a KPS claim; the explanation cell is the unit's reply as text
 * (points or KPS there are a problem). The comment goes to the last round entered
 * (as the reason when that cell is KPS), the evidence to the first; with no round entered they
 * go on the self-assessment. Nothing is returned for a row with a bad cell.
 */
export function readItemEntries(code: string, row: RowEntries): EntriesRead<ItemInput> {
  const inputs: { round: Round; input: ItemInput }[] = [];
  const problems: Problem[] = [];
  let explained: string | null = null;
  for (const { round, text } of row.entries) {
    if (round === "explanation") {
      if (isNotApplicableMarker(text) || parseNumber(text, row.decimalComma).ok) problems.push(pointsInExplanation(code, text, row));
      else explained = text;
      continue;
    }
    if (isNotApplicableMarker(text)) {
      inputs.push({ round, input: { notApplicable: true } });
      continue;
    }
    const points = parseNumber(text, row.decimalComma);
    if (points.ok) inputs.push({ round, input: { points: points.value } });
    else {
      problems.push(
        problem(
          "parse",
          row.place(round),
          `${points.message}; enter the points of ${code}, or KPS if it did not arise (không phát sinh)`,
          `${points.vi}; hãy ghi điểm của ${code}, hoặc KPS nếu không phát sinh`,
        ),
      );
    }
  }
  if (problems.length > 0) return { inputs: [], problems };
  if (inputs.length === 0 && (row.comment !== "" || row.evidence.length > 0)) inputs.push({ round: "self", input: {} });
  const first = inputs[0];
  const last = inputs[inputs.length - 1];
  if (first && row.evidence.length > 0) first.input.evidence = row.evidence;
  if (last && row.comment !== "") {
    if (last.input.notApplicable) last.input.reason = row.comment;
    else last.input.comment = row.comment;
  }
  if (explained !== null) {
    const at = inputs.findIndex((entry) => entry.round !== "self" && entry.round !== "appraisal1");
    inputs.splice(at === -1 ? inputs.length : at, 0, { round: "explanation", input: { comment: explained } });
  }
  return { inputs, problems };
}

/**
 * The explanation round is the unit's reply (comments and evidence): only an appraisal changes
 * points, so points or KPS typed there would be ignored without a word.
 */
function pointsInExplanation(name: string, text: string, row: RowEntries): Problem {
  return problem(
    "points-in-explanation",
    row.place("explanation"),
    `"${text}" in the explanation column of ${name} would be ignored: the explanation round carries the unit's comments and evidence, and only an appraisal changes points or facts; put points in appraisal1 or appraisal2, or write the explanation as text`,
    `"${text}" ở cột giải trình của ${name} sẽ không được tính: vòng giải trình chỉ gồm ý kiến và tài liệu kiểm chứng của đơn vị, chỉ vòng thẩm định mới thay đổi điểm hoặc số liệu; hãy ghi điểm vào cột appraisal1 hoặc appraisal2, hoặc ghi nội dung giải trình bằng chữ`,
  );
}

/** A fact row's rounds: values typed by the fact's declaration; comment and evidence as for items. */
export function readFactEntries(name: string, type: FactType, row: RowEntries): EntriesRead<FactInput> {
  const values: { round: Round; value: FactValue }[] = [];
  const problems: Problem[] = [];
  for (const { round, text } of row.entries) {
    if (round === "explanation") {
      problems.push(pointsInExplanation(name, text, row));
      continue;
    }
    const parsed = isNotApplicableMarker(text)
      ? {
          ok: false as const,
          message: `"${text}" is not a value: KPS applies to criteria, not to facts; enter the value or leave the cell empty`,
          vi: `"${text}" không phải là giá trị: KPS chỉ dùng cho tiêu chí, không dùng cho số liệu; hãy ghi giá trị hoặc để trống`,
        }
      : parseFactValue(text, type, row.decimalComma);
    if (parsed.ok) values.push({ round, value: parsed.value });
    else {
      problems.push(problem("fact-invalid", row.place(round), `fact "${name}" (${type}): ${parsed.message}`, `số liệu "${name}" (${type}): ${parsed.vi}`));
    }
  }
  if (problems.length > 0) return { inputs: [], problems };
  if (values.length === 0 && (row.comment !== "" || row.evidence.length > 0)) {
    problems.push(
      problem(
        "fact-invalid",
        row.place("item"),
        `fact "${name}" has a comment or evidence but no value: enter its value in a round column (self, appraisal1, …)`,
        `số liệu "${name}" có ghi chú hoặc tài liệu kiểm chứng nhưng chưa có giá trị: hãy ghi giá trị vào cột của vòng chấm (self, appraisal1, …)`,
      ),
    );
  }
  const inputs = values.map(({ round, value }, index) => {
    const evidence = index === 0 && row.evidence.length > 0 ? { evidence: row.evidence } : {};
    const comment = index === values.length - 1 && row.comment !== "" ? { comment: row.comment } : {};
    const input: FactInput = "evidence" in evidence || "comment" in comment ? { value, ...evidence, ...comment } : value;
    return { round, input };
  });
  return { inputs, problems };
}
