// The survey engine as it was before the hot path was tuned (main 6464f64), kept only as the reference of
// survey-import-differential.test.ts: the tuned engine must give the same results and problems, byte for byte.
import type { CriteriaSet } from "../../src/criteria/types.js";
import { swallowsRows } from "../../src/text/swallows-rows.js";
import { columnLetter } from "../../src/text/column-letter.js";
import { type Checked, type Problem, problem } from "../../src/problem.js";
import { normaliseText } from "../../src/text/normalise-text.js";
import { type CompiledScale, EXCLUDED, OFF_SCALE, compileScale, compileSelectMany, remember } from "../../src/survey/read-answer.js";
import { createRespondentSet } from "../../src/survey/respondent-set.js";
import { type ColumnPlan, resolveColumns } from "../../src/survey/resolve-columns.js";
import { SURVEY_RESULTS_FORMAT, type SurveyImportResult, type SurveyQuality } from "../../src/survey/result-types.js";
import { summariseUnit } from "../../src/survey/summarise-unit.js";
import { type SurveyMapping, type SurveyUnit, isSelectMany } from "../../src/survey/types.js";
import { type UnitTally, createUnitTally } from "../../src/survey/unit-tally.js";
import { unknownUnitProblems } from "../../src/survey/unknown-unit-problems.js";

export interface SurveyImportOptions {
  mapping: SurveyMapping;
  criteria: CriteriaSet;
  /** The units the survey may name; without them any code is taken and sample sizes are unknown. */
  units?: SurveyUnit[];
  /** Shown in problem paths: `file.csv:ROW:COLUMN`. */
  fileName: string;
  /** How many issues of each kind to list with their place (the rest are counted). Default 20. */
  listPerKind?: number;
  /** Every row has a cell per header column (CSV; an XLSX row leaves out its trailing empty cells), so a shorter row was cut. */
  fullRows?: boolean;
}

/** A survey import fed one record at a time: the header, then each row, then finish. */
export interface SurveyImport {
  /** Resolves the columns; problems here stop the import. */
  header(cells: string[]): Problem[];
  /** One data row; `row` is its row number as a spreadsheet shows it (the header is row 1). */
  row(cells: string[], row: number): void;
  finish(): Checked<SurveyImportResult>;
}

/**
 * The survey engine: pure, streaming, memory bounded by units × questions (plus 16–32 bytes per
 * distinct respondent id for duplicate detection). Rows are excluded when incomplete, rejected,
 * without a unit, or a repeated respondent id (the first one is kept); answers on no scale are
 * left out and reported with their place. Nothing is dropped silently: every exclusion is
 * counted in the data-quality summary.
 */
export function createReferenceSurveyImport(options: SurveyImportOptions): SurveyImport {
  const { mapping, criteria, fileName } = options;
  const listPerKind = options.listPerKind ?? 20;
  const groupCodes = Object.keys(mapping.groups);
  const groupCount = groupCodes.length;
  const questionGroup = mapping.questions.map((question) => groupCodes.indexOf(question.group));
  const overallGroups = mapping.overall.groups.map((code) => groupCodes.indexOf(code));
  const compiled = new Map<string, CompiledScale>();
  const scales = mapping.questions.map((question) => {
    if (isSelectMany(question)) return null;
    let scale = compiled.get(question.scale);
    if (!scale) compiled.set(question.scale, (scale = compileScale(mapping.scales[question.scale]!)));
    return scale;
  });
  const selects = mapping.questions.map((question) => (isSelectMany(question) ? compileSelectMany(question) : null));
  const rejected = new Set((mapping.columns.status?.rejected ?? []).map(normaliseText));
  const unfinished = new Set((mapping.columns.status?.incomplete ?? []).map(normaliseText));
  const statusVerdict = new Map<string, "rejected" | "incomplete" | "ok">();
  let lastStatus: string | null = null;
  let lastVerdict: "rejected" | "incomplete" | "ok" = "ok";
  const incompleteWhenNotSubmitted = mapping.columns.submitted?.emptyMeans === "incomplete";

  const register = options.units ? new Map(options.units.map((unit) => [unit.code, unit])) : null;
  const registerUpper = options.units ? new Map(options.units.map((unit) => [unit.code.toUpperCase(), unit])) : null;
  /** Each unit named by a used row, by its code, with its running sums; and the same slots by the text the export writes (first 4,096 spellings). */
  const slots = new Map<string, { code: string; tally: UnitTally | null }>();
  const slotByText = new Map<string, { code: string; tally: UnitTally | null }>();
  const unknownUnits = new Map<string, { rows: number; firstRow: number }>();
  const respondents = createRespondentSet();
  const groupValid = new Float64Array(groupCodes.length);
  const groupSatisfied = new Float64Array(groupCodes.length);
  let plan: ColumnPlan | null = null;
  /** Per question: the column of a scale question's answer, or -1 for a select-many question. */
  let scaleColumns: Int32Array | null = null;
  /** Columns that never hold a line break: codes, ids, times, status, scale answers. */
  let strictColumns: number[] = [];

  const quality: SurveyQuality = {
    rows: 0,
    used: 0,
    duplicates: 0,
    incomplete: 0,
    rejected: 0,
    missingUnit: 0,
    malformed: 0,
    outOfScale: 0,
    excludedAnswers: 0,
    unitsBelowSample: [],
    notes: [],
    issues: [],
    notListed: 0,
  };
  const listed = new Map<string, number>();
  /** Counts an issue of this kind; true when it is to be listed (so its text is only built then). */
  const listing = (code: Problem["code"]): boolean => {
    const count = listed.get(code) ?? 0;
    listed.set(code, count + 1);
    if (count < listPerKind) return true;
    quality.notListed += 1;
    return false;
  };
  const issue = (code: Problem["code"], path: string, message: string, vi: string) => void quality.issues.push(problem(code, path, message, vi));
  const place = (row: number, column: number) => `${fileName}:${row}:${plan!.header[column] ?? column + 1}`;

  return {
    header(cells) {
      const resolved = resolveColumns(
        mapping,
        cells.map((cell) => cell.trim()),
        fileName,
      );
      if (!resolved.ok) return resolved.problems;
      plan = resolved.value;
      scaleColumns = Int32Array.from(plan.questions, (question, q) => (scales[q] ? question.column! : -1));
      strictColumns = [plan.unit, plan.respondent, plan.submitted, plan.status, ...scaleColumns].filter((c): c is number => c !== null && c >= 0);
      if (plan.respondent === null)
        quality.notes.push({
          en: "no respondent id column: duplicates cannot be detected",
          vi: "không có cột mã người trả lời: không thể phát hiện phiếu trùng",
        });
      if (plan.submitted === null && plan.status === null)
        quality.notes.push({
          en: "no submission time or status column: every response is taken as complete",
          vi: "không có cột thời điểm nộp hay trạng thái: mọi phiếu được coi là đã hoàn thành",
        });
      return [];
    },

    row(cells, row) {
      if (!plan) throw new Error("survey import: row() before header()");
      if (isBlank(cells)) return;
      quality.rows += 1;
      if (misaligned(cells, row)) return;
      if (plan.status !== null) {
        const raw = cells[plan.status] ?? "";
        // most rows repeat the previous row's status: a string comparison instead of a hash lookup
        const verdict =
          raw === lastStatus
            ? lastVerdict
            : (statusVerdict.get(raw) ??
              remember(statusVerdict, raw, rejected.has(normaliseText(raw)) ? "rejected" : unfinished.has(normaliseText(raw)) ? "incomplete" : "ok"));
        lastStatus = raw;
        lastVerdict = verdict;
        if (verdict !== "ok") {
          const isRejected = verdict === "rejected";
          if (isRejected) quality.rejected += 1;
          else quality.incomplete += 1;
          const kind = isRejected ? "rejected-response" : "incomplete-response";
          if (listing(kind))
            issue(
              kind,
              place(row, plan.status),
              `response excluded: status "${cells[plan.status]!.trim()}"`,
              `phiếu bị loại: trạng thái "${cells[plan.status]!.trim()}"`,
            );
          return;
        }
      }
      if (incompleteWhenNotSubmitted && plan.submitted !== null && isBlankCell(cells[plan.submitted] ?? "")) {
        quality.incomplete += 1;
        if (listing("incomplete-response"))
          issue(
            "incomplete-response",
            place(row, plan.submitted),
            "response excluded: not submitted (empty submission time), so it is incomplete",
            "phiếu bị loại: chưa nộp (thời điểm nộp để trống) nên chưa hoàn thành",
          );
        return;
      }
      const code = trimCell(cells[plan.unit] ?? "");
      if (code === "") {
        quality.missingUnit += 1;
        if (listing("missing-unit")) issue("missing-unit", place(row, plan.unit), "response excluded: no unit code", "phiếu bị loại: thiếu mã đơn vị");
        return;
      }
      let slot = slotByText.get(code);
      if (!slot) {
        let unitCode = code;
        if (register) {
          const unit = register.get(code) ?? registerUpper!.get(code.toUpperCase());
          if (!unit) {
            const seen = unknownUnits.get(code);
            if (seen) seen.rows += 1;
            else unknownUnits.set(code, { rows: 1, firstRow: row });
            return;
          }
          unitCode = unit.code;
        }
        slot = slots.get(unitCode);
        if (!slot) slots.set(unitCode, (slot = { code: unitCode, tally: null }));
        remember(slotByText, code, slot);
      }
      if (plan.respondent !== null) {
        const id = trimCell(cells[plan.respondent] ?? "");
        if (id !== "" && !respondents.add(id)) {
          quality.duplicates += 1;
          if (listing("duplicate-response"))
            issue(
              "duplicate-response",
              place(row, plan.respondent),
              `duplicate response dropped: respondent "${id}" was already counted (the first one is kept)`,
              `đã bỏ phiếu trùng: người trả lời "${id}" đã được tính (giữ phiếu đầu tiên)`,
            );
          return;
        }
      }
      const tally = slot.tally ?? (slot.tally = createUnitTally(mapping, groupCount));
      quality.used += 1;
      tally.respondents += 1;
      for (let g = 0; g < groupCount; g++) {
        groupValid[g] = 0;
        groupSatisfied[g] = 0;
      }
      const columns = scaleColumns!;
      for (let q = 0; q < columns.length; q++) {
        const column = columns[q]!;
        if (column === -1) {
          readSelectMany(q, plan.questions[q]!, cells, row, tally);
          continue;
        }
        const scale = scales[q]!;
        const cell = cells[column] ?? "";
        const answer = scale.read(cell);
        if (answer >= 0) {
          const satisfied = scale.satisfied[answer]!;
          tally.answered[q]! += 1;
          tally.satisfied[q]! += satisfied;
          tally.valueSum[q]! += scale.values[answer]!;
          const g = questionGroup[q]!;
          groupValid[g]! += 1;
          groupSatisfied[g]! += satisfied;
        } else if (answer === EXCLUDED) {
          tally.excluded[q]! += 1;
          quality.excludedAnswers += 1;
        } else if (answer === OFF_SCALE) {
          quality.outOfScale += 1;
          if (listing("answer-out-of-scale"))
            issue(
              "answer-out-of-scale",
              place(row, column),
              `answer "${cell.trim()}" is on no scale of question ${mapping.questions[q]!.code}: left out; correct it or add it to the mapping's scale`,
              `câu trả lời "${cell.trim()}" không thuộc thang đo của câu ${mapping.questions[q]!.code}: không được tính; hãy sửa hoặc bổ sung vào thang đo`,
            );
        }
      }
      let overallSum = 0;
      let overallCount = 0;
      for (let g = 0; g < groupCount; g++) {
        if (groupValid[g] === 0) continue;
        tally.groupSum[g]! += groupSatisfied[g]! / groupValid[g]!;
        tally.groupN[g]! += 1;
      }
      for (const g of overallGroups) {
        if (groupValid[g] === 0) continue;
        overallSum += groupSatisfied[g]! / groupValid[g]!;
        overallCount += 1;
      }
      if (overallCount > 0) {
        tally.overallSum += overallSum / overallCount;
        tally.overallN += 1;
      }
    },

    finish() {
      if (!plan) throw new Error("survey import: finish() before header()");
      if (unknownUnits.size > 0)
        return { ok: false, problems: unknownUnitProblems(unknownUnits, options.units ?? [], fileName, plan.header[plan.unit] ?? "unit") };
      const units = [...slots.values()]
        .filter((slot) => slot.tally !== null)
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
        .map(({ code, tally }) => summariseUnit(mapping, criteria, code, register?.get(code), tally!));
      for (const unit of units) {
        if (unit.sample.enough !== false) continue;
        quality.unitsBelowSample.push(unit.unit);
        if (listing("sample-too-small"))
          issue(
            "sample-too-small",
            `${fileName} (${unit.unit})`,
            `unit ${unit.unit} has ${unit.respondents} usable responses, fewer than the ${unit.sample.required} required: its result is flagged`,
            `đơn vị ${unit.unit} có ${unit.respondents} phiếu hợp lệ, ít hơn cỡ mẫu yêu cầu ${unit.sample.required}: kết quả được đánh dấu`,
          );
      }
      return {
        ok: true,
        value: {
          format: SURVEY_RESULTS_FORMAT,
          mapping: { id: mapping.id, version: mapping.version },
          criteria: { family: criteria.family, version: criteria.version },
          source: { file: fileName, kind: plan.kind },
          method: {
            en: "satisfied = answer ≥ the scale's satisfiedFrom; question % = satisfied / valid answers; group % = mean over respondents of their share of satisfied answers in the group; overall % = mean over respondents of their group scores; 95% Wilson score intervals (n = valid answers, or respondents for groups and overall, where the interval is conservative)",
            vi: "hài lòng = câu trả lời ≥ satisfiedFrom của thang đo; % câu hỏi = số hài lòng / số trả lời hợp lệ; % nhóm = trung bình theo người trả lời của tỷ lệ câu hài lòng trong nhóm; % chung = trung bình theo người trả lời của điểm các nhóm; khoảng tin cậy 95% Wilson",
          },
          quality,
          units,
        },
      };
    },
  };

  /**
   * A row whose cells do not line up with the header is excluded with its place: more cells than
   * the header (a decimal comma or an unquoted comma shifted the answers), fewer in a CSV (the
   * line was cut: 8 of 29 cells is no full response), or a line break inside a code, id or
   * scale answer (a stray quote swallowed the following rows, which then vanish into one cell).
   */
  function misaligned(cells: string[], row: number): boolean {
    const width = plan!.header.length;
    const beyond = cells.length > width && cells.slice(width).some((cell) => cell.trim() !== "");
    const shifted = beyond || (options.fullRows === true && cells.length > width);
    const short = options.fullRows === true && cells.length < width;
    // the hot path: most rows have the header's width and no cell over several lines
    if (!shifted && !short && !hasLineBreak(cells)) return false;
    const multiline = (column: number) => /[\r\n]/.test(cells[column] ?? "");
    // a cell over several lines in a misaligned row is the cause: the quote that opened it
    let broken = strictColumns.find(multiline) ?? -1;
    if (broken === -1 && (shifted || short)) broken = cells.findIndex((_, column) => multiline(column));
    if (broken === -1) broken = cells.findIndex((cell) => swallowsRows(cell, width));
    if (!shifted && !short && broken === -1) return false;
    quality.malformed += 1;
    if (!listing("malformed-row")) return true;
    if (broken !== -1) {
      const lines = (cells[broken] ?? "").split(/\r\n|\r|\n/).length;
      issue(
        "malformed-row",
        place(row, broken),
        `response excluded: this cell spans ${lines} lines, so a stray quote (") took in the rows that follow; remove the quote and import again`,
        `phiếu bị loại: ô này kéo dài ${lines} dòng, do một dấu ngoặc kép (") thừa đã nuốt các dòng sau; hãy xóa dấu ngoặc kép và nhập lại`,
      );
    } else if (shifted) {
      issue(
        "malformed-row",
        `${fileName}:${row}:${columnLetter(width)}`,
        `response excluded: row ${row} has ${cells.length} cells but the header has ${width}, so its answers are shifted (a decimal comma, or a comma in a text answer without quotes)`,
        `phiếu bị loại: dòng ${row} có ${cells.length} ô nhưng dòng tiêu đề có ${width} ô nên các câu trả lời bị lệch cột (dấu phẩy thập phân, hoặc dấu phẩy trong câu trả lời không có ngoặc kép)`,
      );
    } else {
      issue(
        "malformed-row",
        `${fileName}:${row}:${columnLetter(cells.length)}`,
        `response excluded: row ${row} has ${cells.length} of ${width} cells, so it is not a full response (the line was cut)`,
        `phiếu bị loại: dòng ${row} chỉ có ${cells.length} trên ${width} ô nên không phải phiếu đầy đủ (dòng bị cắt)`,
      );
    }
    return true;
  }

  function readSelectMany(q: number, columns: ColumnPlan["questions"][number], cells: string[], row: number, tally: UnitTally): void {
    const select = selects[q]!;
    const chosen = tally.chosen[q]!;
    if (columns.column !== null) {
      const cell = cells[columns.column] ?? "";
      const read = select.readCell(cell);
      if (read === null) return;
      if (!Array.isArray(read)) {
        quality.outOfScale += 1;
        if (listing("answer-out-of-scale"))
          issue(
            "answer-out-of-scale",
            place(row, columns.column),
            `"${read.unknown}" is no option of question ${mapping.questions[q]!.code}: answer left out`,
            `"${read.unknown}" không phải lựa chọn của câu ${mapping.questions[q]!.code}: không được tính`,
          );
        return;
      }
      tally.answered[q]! += 1;
      for (const option of read) chosen[option]! += 1;
      return;
    }
    const flags: number[] = [];
    let answered = false;
    for (const [o, column] of columns.optionColumns!.entries()) {
      if (column === null) continue;
      const flag = select.readFlag(cells[column] ?? "");
      if (flag === null) {
        quality.outOfScale += 1;
        if (listing("answer-out-of-scale"))
          issue(
            "answer-out-of-scale",
            place(row, column),
            `"${(cells[column] ?? "").trim()}" is not 0/1: write 1 when the option is chosen, 0 or nothing when not`,
            `"${(cells[column] ?? "").trim()}" không phải 0/1: ghi 1 nếu chọn, 0 hoặc để trống nếu không`,
          );
        return;
      }
      if ((cells[column] ?? "").trim() !== "") answered = true;
      if (flag) flags.push(o);
    }
    if (!answered) return;
    tally.answered[q]! += 1;
    for (const option of flags) chosen[option]! += 1;
  }
}

/** The hot path reads every row: most cells start and end with a printable ASCII character, so they need no trim. */
const plain = (c: number) => c > 32 && c < 127;

function trimCell(cell: string): string {
  return cell.length > 0 && plain(cell.charCodeAt(0)) && plain(cell.charCodeAt(cell.length - 1)) ? cell : cell.trim();
}

function isBlankCell(cell: string): boolean {
  return cell.length === 0 || (!plain(cell.charCodeAt(0)) && cell.trim() === "");
}

function hasLineBreak(cells: string[]): boolean {
  for (const cell of cells) if (cell.indexOf("\n") !== -1 || cell.indexOf("\r") !== -1) return true;
  return false;
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (!isBlankCell(cell)) return false;
  return true;
}
