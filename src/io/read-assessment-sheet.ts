import { ASSESSMENT_FORMAT, type Assessment, type FactInput, type ItemInput, ROUNDS, type Round } from "../assessment/types.js";
import { compareCodes } from "../criteria/compare-codes.js";
import type { CriteriaSet, UnitType } from "../criteria/types.js";
import { type Checked, type Problem, problem } from "../problem.js";
import { firstLine, sniffDelimiter } from "./csv.js";
import { type SlashDateOrder, ambiguousMessage, slashDateOrder } from "./date-order.js";
import { parseUnitType } from "./parse-cell.js";
import { parseCsvRecords } from "./parse-csv-records.js";
import { swallowsRows } from "../text/swallows-rows.js";
import { extraCells, noFinalLineBreak, truncatedLastRow } from "./row-shape.js";
import { type RowEntries, readFactEntries, readItemEntries } from "./read-sheet-entries.js";
import { type SheetItemResolver, refuseSheetItem, resolveSheetItem } from "./resolve-sheet-item.js";
import { type SheetColumn, type SheetHeader, columnLetter, readSheetHeader } from "./sheet-columns.js";

/**
 * Reads the assessment sheet scorers keep today: one row per unit and item (a criterion,
 * bonus or penalty code, or a fact name), one column per round (self, appraisal1,
 * explanation, appraisal2), then comment, evidence and the unit's name, type and block.
 *
 * - Delimiter sniffed from the header ("," ";" tab); BOM stripped; text NFC-normalised;
 *   decimal comma accepted when the delimiter is not ",".
 * - "KPS", "NA" or "N/A" in an item's round cell claims "không phát sinh" in that round.
 * - A row's comment goes to the last round it has a value in (as the reason when that cell is
 *   KPS); its evidence ids (separated by ";" or "|", each kept once) to the first. A row with a comment or
 *   evidence but no value puts them on the self-assessment.
 * - Every evidence id cited is listed in the assessment's `evidence` (as `{ id }`, by id), since
 *   the sheet holds no document details.
 * - A row with a unit and no item only registers the unit (name, type, block).
 * Every problem is collected, at `file.csv:ROW:COLUMN` (header = row 1).
 */
export function readAssessmentSheet(text: string, options: { fileName: string; criteria: CriteriaSet; year: number }): Checked<Assessment[]> {
  const { fileName } = options;
  const content = (text.startsWith("\uFEFF") ? text.slice(1) : text).normalize("NFC");
  if (content.trim() === "") {
    return fail([
      problem(
        "parse",
        fileName,
        "the file is empty: it needs a header row (unit, item, self, …) and one row per unit and item",
        "tệp trống: cần có dòng tiêu đề (unit, item, self, …) và mỗi dòng cho một đơn vị và một tiêu chí",
      ),
    ]);
  }
  const delimiter = sniffDelimiter(firstLine(content));
  const records = parseCsvRecords(content, delimiter, fileName);
  if (!records.ok) return records;
  const read = readSheetRecords(records.value, { ...options, decimalComma: delimiter !== "," });
  const cut = truncatedLastRow(records.value, content, fileName);
  if (cut) return fail([...(read.ok ? [] : read.problems), cut]);
  if (!read.ok || /[\r\n]$/.test(content)) return read;
  return { ...read, warnings: [...(read.warnings ?? []), noFinalLineBreak(fileName, records.value.length)] };
}

/**
 * The same reading from records already split into cells (a CSV file, or the first worksheet
 * of an XLSX workbook).
 */
export function readSheetRecords(
  records: string[][],
  options: { fileName: string; criteria: CriteriaSet; year: number; decimalComma: boolean },
): Checked<Assessment[]> {
  const { fileName, criteria, year } = options;
  const [headerCells = [], ...rows] = records;
  const header = readSheetHeader(headerCells, fileName);
  const problems = [...header.problems];
  if (header.columns.unit === undefined || header.columns.item === undefined) return fail(problems);
  if (header.columns.unit_type === undefined) {
    problems.push(
      problem(
        "parse",
        `${fileName}:1`,
        "the header has no unit_type column: add one and give each unit's type (xa, phuong, dac-khu or department) on at least one of its rows",
        "dòng tiêu đề thiếu cột unit_type: hãy thêm cột này và ghi loại của mỗi đơn vị (xa, phuong, dac-khu hoặc department) ít nhất trên một dòng của đơn vị",
      ),
    );
  }

  const context: SheetContext = {
    fileName,
    header,
    resolve: resolveSheetItem(criteria),
    decimalComma: options.decimalComma,
    units: new Map(),
    problems,
    strayColumns: new Set(),
    slashDates: [],
    padded: isPadded(rows, headerCells.length),
  };
  rows.forEach((cells, index) => readRow(context, cells, index + 2));
  const lastRow = rows.length + 1;
  problems.push(...slashDateProblems(context.slashDates));

  const assessments: Assessment[] = [];
  for (const draft of context.units.values()) {
    const type = draft.details.unit_type?.value as UnitType | undefined;
    if (!type) {
      if (header.columns.unit_type !== undefined) {
        problems.push(
          problem(
            "parse",
            at(context, draft.firstRow, "unit_type"),
            `unit "${draft.code}" has no unit type: write xa, phuong, dac-khu or department in its unit_type cell on at least one of its rows`,
            `đơn vị "${draft.code}" chưa có loại đơn vị: hãy ghi xa, phuong, dac-khu hoặc department vào cột unit_type ít nhất trên một dòng của đơn vị`,
          ),
        );
      }
      continue;
    }
    if (draft.rounds.size > 0 && !draft.rounds.has("self")) {
      problems.push(
        problem(
          "round-order",
          header.columns.self === undefined ? `${fileName}:1` : at(context, draft.firstRow, "self"),
          `unit "${draft.code}" has values in later rounds but none in self: the rounds start with the unit's self-assessment, so fill in its self column`,
          `đơn vị "${draft.code}" có điểm ở các vòng sau nhưng chưa có điểm tự chấm: các vòng bắt đầu bằng tự chấm, hãy điền cột self của đơn vị`,
        ),
      );
      continue;
    }
    assessments.push(buildAssessment(draft, type, criteria, year));
  }
  if (problems.length > 0) return fail(problems);
  const warnings = shortLastUnit(context, lastRow);
  return warnings.length > 0 ? { ok: true, value: assessments, warnings } : { ok: true, value: assessments };
}

/**
 * A file cut at a line break loses its last unit's last rows without a trace; when that unit
 * has fewer rows than every other unit, say so (a warning: the unit may simply have fewer).
 */
function shortLastUnit(context: SheetContext, lastRow: number): Problem[] {
  const drafts = [...context.units.values()];
  const last = drafts.find((draft) => draft.lastRow === lastRow);
  const others = drafts.filter((draft) => draft !== last).map((draft) => draft.rows);
  if (!last || others.length < 2 || last.rows >= Math.min(...others)) return [];
  const fewest = Math.min(...others);
  return [
    problem(
      "truncated-file",
      `${context.fileName}:${lastRow}`,
      `unit "${last.code}" ends the file with ${last.rows} rows while every other unit has at least ${fewest}: if the file was cut, its missing rows score 0; check that the file is complete`,
      `đơn vị "${last.code}" ở cuối tệp chỉ có ${last.rows} dòng trong khi mọi đơn vị khác có ít nhất ${fewest} dòng: nếu tệp bị cắt, các dòng thiếu sẽ bị tính 0 điểm; hãy kiểm tra tệp có đầy đủ không`,
    ),
  ];
}

/** Slash dates are read day-first only when the file shows that order and never the other (see date-order.ts). */
function slashDateProblems(dates: SlashDate[]): Problem[] {
  const monthFirst = dates.find((date) => date.order === "month-first");
  const dayFirst = dates.find((date) => date.order === "day-first");
  if (dayFirst && !monthFirst) return [];
  const evidence = {
    ...(monthFirst ? { monthFirst: `${monthFirst.text} ${monthFirst.place.split(":").slice(-2).join(":")}` } : {}),
    ...(dayFirst ? { dayFirst: `${dayFirst.text} ${dayFirst.place.split(":").slice(-2).join(":")}` } : {}),
  };
  return dates
    .filter((date) => date.order === "ambiguous" || (date.order === "day-first" && monthFirst))
    .map(({ place, text, fact }) => {
      const { message, vi } = ambiguousMessage(text, evidence);
      return problem("date-order", place, `fact "${fact}": ${message}`, `số liệu "${fact}": ${vi}`);
    });
}

interface SheetContext {
  fileName: string;
  header: SheetHeader;
  resolve: SheetItemResolver;
  decimalComma: boolean;
  units: Map<string, UnitDraft>;
  problems: Problem[];
  /** Columns without a header already reported (once per column). */
  strayColumns: Set<number>;
  /** Nearly every row has a cell per header column, as spreadsheet programs write: a shorter row lost a cell. */
  padded: boolean;
  /** Every date cell written with slashes, to settle the file's day/month order. */
  slashDates: SlashDate[];
}

interface SlashDate {
  place: string;
  text: string;
  fact: string;
  order: SlashDateOrder;
}

interface Entered<T> {
  value: T;
  row: number;
}

const UNIT_DETAILS = ["unit_name", "unit_type", "block"] as const;
type UnitDetail = (typeof UNIT_DETAILS)[number];

interface UnitDraft {
  code: string;
  firstRow: number;
  lastRow: number;
  /** Rows of the unit in the file. */
  rows: number;
  /** unit_type holds a checked UnitType. */
  details: Partial<Record<UnitDetail, Entered<string>>>;
  rounds: Map<Round, { facts: Record<string, FactInput>; items: Record<string, ItemInput> }>;
  /** Row of each item or fact already read, to catch duplicates. */
  seen: Map<string, number>;
  /** Every evidence id the unit's rows cite. */
  evidence: Set<string>;
}

const fail = (problems: Problem[]): Checked<Assessment[]> => ({ ok: false, problems });

function at(context: SheetContext, row: number, column: SheetColumn | number): string {
  const index = typeof column === "number" ? column : context.header.columns[column];
  const label = index === undefined ? column : (context.header.labels[index] ?? columnLetter(index));
  return `${context.fileName}:${row}:${label}`;
}

function cellOf(context: SheetContext, cells: string[], column: SheetColumn): string {
  const index = context.header.columns[column];
  return index === undefined ? "" : (cells[index] ?? "").trim();
}

function readRow(context: SheetContext, cells: string[], row: number): void {
  if (cells.every((cell) => cell.trim() === "")) return;
  reportStrayCells(context, cells, row);
  if (!lineUp(context, cells, row)) return;
  const unitCode = cellOf(context, cells, "unit");
  if (unitCode === "") {
    context.problems.push(
      problem(
        "parse",
        at(context, row, "unit"),
        `row ${row} has no unit code: write the unit's code in the unit column, or delete the row`,
        `dòng ${row} chưa có mã đơn vị: hãy ghi mã đơn vị vào cột unit, hoặc xóa dòng này`,
      ),
    );
    return;
  }
  let draft = context.units.get(unitCode);
  if (!draft) {
    draft = { code: unitCode, firstRow: row, lastRow: row, rows: 0, details: {}, rounds: new Map(), seen: new Map(), evidence: new Set() };
    context.units.set(unitCode, draft);
  }
  draft.rows += 1;
  draft.lastRow = row;
  readUnitDetails(context, cells, row, draft);
  readItem(context, cells, row, draft);
}

/**
 * Whether a row's cells line up with the header. A row with more cells than the header had its
 * cells shifted (a decimal comma such as 47,45 in a comma-separated file, or an unquoted comma
 * in a name), so every value after the shift is in the wrong column; a line break inside a code
 * or a round's value comes from a stray quote that swallowed the following lines.
 */
function lineUp(context: SheetContext, cells: string[], row: number): boolean {
  const shifted = extraCells(cells, context.header.labels.length, row, context.fileName);
  if (shifted) {
    context.problems.push(shifted);
    return false;
  }
  const width = context.header.labels.length;
  if (context.padded && cells.length < width) {
    context.problems.push(
      problem(
        "malformed-row",
        at(context, row, cells.length),
        `row ${row} has ${cells.length} of ${width} cells while the other rows have all ${width}: a deleted cell shifted the values after it, or the line was cut; restore the row`,
        `dòng ${row} chỉ có ${cells.length} trên ${width} ô trong khi các dòng khác đủ ${width} ô: một ô bị xóa làm lệch các giá trị sau nó, hoặc dòng bị cắt; hãy khôi phục dòng này`,
      ),
    );
    return false;
  }
  const { columns } = context.header;
  const strict = new Set([columns.unit, columns.unit_type, columns.item, columns.self, columns.appraisal1, columns.appraisal2]);
  const broken = cells.findIndex((cell, index) => (strict.has(index) && /[\r\n]/.test(cell)) || swallowsRows(cell, width));
  if (broken === -1) return true;
  context.problems.push(
    problem(
      "malformed-row",
      at(context, row, broken),
      `cell ${columnLetter(broken)}${row} spans several lines: a quote (") opened in this row takes in the rows that follow; remove the stray quote or close it`,
      `ô ${columnLetter(broken)}${row} kéo dài nhiều dòng: dấu ngoặc kép (") mở ở dòng này đã nuốt các dòng sau; hãy xóa dấu ngoặc kép thừa hoặc đóng nó lại`,
    ),
  );
  return false;
}

function reportStrayCells(context: SheetContext, cells: string[], row: number): void {
  const { labels, ignored } = context.header;
  cells.forEach((cell, index) => {
    const blankHeader = index < labels.length && ignored.has(index) && labels[index] === columnLetter(index);
    if (!blankHeader || cell.trim() === "" || context.strayColumns.has(index)) return;
    context.strayColumns.add(index);
    context.problems.push(
      problem(
        "parse",
        at(context, row, index),
        `cell ${columnLetter(index)}${row} has a value but its column has no header: give the column a header (unit, item, self, …) or clear it`,
        `ô ${columnLetter(index)}${row} có dữ liệu nhưng cột không có tiêu đề: hãy đặt tiêu đề cho cột (unit, item, self, …) hoặc xóa dữ liệu`,
      ),
    );
  });
}

/** The unit's name, type and block: the first value given wins; a different one is a conflict. */
function readUnitDetails(context: SheetContext, cells: string[], row: number, draft: UnitDraft): void {
  for (const column of UNIT_DETAILS) {
    let value = cellOf(context, cells, column);
    if (value === "") continue;
    if (column === "unit_type") {
      const type = parseUnitType(value);
      if (!type.ok) {
        context.problems.push(problem("parse", at(context, row, column), type.message, type.vi));
        continue;
      }
      value = type.value;
    }
    const earlier = draft.details[column];
    if (!earlier) draft.details[column] = { value, row };
    else if (earlier.value !== value) {
      context.problems.push(
        problem(
          "parse",
          at(context, row, column),
          `unit "${draft.code}" has ${column} "${earlier.value}" on row ${earlier.row} but "${value}" here: a unit has one ${column}; make the rows agree`,
          `đơn vị "${draft.code}" có ${column} là "${earlier.value}" ở dòng ${earlier.row} nhưng là "${value}" ở đây: mỗi đơn vị chỉ có một giá trị ${column}; hãy sửa cho thống nhất`,
        ),
      );
    }
  }
}

function readItem(context: SheetContext, cells: string[], row: number, draft: UnitDraft): void {
  const itemText = cellOf(context, cells, "item");
  const entries = ROUNDS.flatMap((round) => {
    const text = cellOf(context, cells, round);
    return text === "" ? [] : [{ round, text }];
  });
  const comment = cellOf(context, cells, "comment");
  const evidence = [
    ...new Set(
      cellOf(context, cells, "evidence")
        .split(/[;|]/)
        .map((id) => id.trim())
        .filter((id) => id !== ""),
    ),
  ];
  if (itemText === "") {
    if (entries.length > 0 || comment !== "" || evidence.length > 0) {
      context.problems.push(
        problem(
          "parse",
          at(context, row, "item"),
          `row ${row} has values but no item: write the criterion code (e.g. 2.1.3) or fact name in the item column`,
          `dòng ${row} có dữ liệu nhưng chưa có tiêu chí: hãy ghi mã tiêu chí (ví dụ 2.1.3) hoặc tên số liệu vào cột item`,
        ),
      );
    }
    return;
  }
  const item = context.resolve(itemText);
  if (item.kind !== "item" && item.kind !== "fact") {
    if (entries.length > 0 || item.kind !== "branch") context.problems.push(refuseSheetItem(item, at(context, row, "item")));
    return;
  }
  if (item.kind === "fact" && item.declaration.derived) {
    if (entries.length > 0) context.problems.push(refuseSheetItem(item, at(context, row, "item")));
    return;
  }
  const key = item.kind === "item" ? item.code : item.name;
  const earlier = draft.seen.get(key);
  if (earlier !== undefined) {
    context.problems.push(
      problem(
        "duplicate-code",
        at(context, row, "item"),
        `unit "${draft.code}" already has a row for "${key}" (row ${earlier}): keep one row per unit and item`,
        `đơn vị "${draft.code}" đã có dòng cho "${key}" (dòng ${earlier}): mỗi đơn vị và tiêu chí chỉ ghi một dòng`,
      ),
    );
    return;
  }
  draft.seen.set(key, row);
  if (item.kind === "fact" && (item.declaration.type === "date" || item.declaration.type === "dates")) {
    for (const { round, text } of entries) collectSlashDates(context, item.name, text, at(context, row, round));
  }
  const rowEntries: RowEntries = {
    entries,
    comment,
    evidence,
    decimalComma: context.decimalComma,
    place: (column) => at(context, row, column),
  };
  const read = item.kind === "item" ? readItemEntries(item.code, rowEntries) : readFactEntries(item.name, item.declaration.type, rowEntries);
  context.problems.push(...read.problems);
  for (const { round, input } of read.inputs) {
    if (item.kind === "item") roundOf(draft, round).items[item.code] = input as ItemInput;
    else roundOf(draft, round).facts[item.name] = input as FactInput;
  }
  if (read.inputs.length > 0) evidence.forEach((id) => draft.evidence.add(id));
}

/** Whether the rows with content have exactly the header's width, but for one in twenty (or a single one), and at least 3 do. */
function isPadded(rows: string[][], width: number): boolean {
  const filled = rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
  const full = filled.filter((cells) => cells.length === width).length;
  return full >= 3 && filled.length - full <= Math.max(1, 0.05 * filled.length);
}

function collectSlashDates(context: SheetContext, fact: string, text: string, place: string): void {
  for (const entry of text.split(/[;|]/)) {
    const order = slashDateOrder(entry);
    if (order !== null && order !== "same") context.slashDates.push({ place, text: entry.trim(), fact, order });
  }
}

function roundOf(draft: UnitDraft, round: Round): { facts: Record<string, FactInput>; items: Record<string, ItemInput> } {
  let entry = draft.rounds.get(round);
  if (!entry) {
    entry = { facts: {}, items: {} };
    draft.rounds.set(round, entry);
  }
  return entry;
}

function buildAssessment(draft: UnitDraft, type: UnitType, criteria: CriteriaSet, year: number): Assessment {
  const rounds = ROUNDS.flatMap((round) => {
    const entry = draft.rounds.get(round);
    if (!entry) return [];
    const facts = Object.keys(entry.facts).length > 0 ? { facts: entry.facts } : {};
    const items = Object.keys(entry.items).length > 0 ? { items: entry.items } : {};
    return [{ round, ...facts, ...items }];
  });
  return {
    format: ASSESSMENT_FORMAT,
    unit: {
      code: draft.code,
      name: draft.details.unit_name?.value ?? draft.code,
      type,
      ...(draft.details.block ? { block: draft.details.block.value } : {}),
    },
    year,
    criteria: { family: criteria.family, version: criteria.version },
    ...(draft.evidence.size > 0 ? { evidence: [...draft.evidence].sort(compareCodes).map((id) => ({ id })) } : {}),
    rounds,
  };
}
