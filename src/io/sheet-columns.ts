import { type Problem, problem } from "../problem.js";
import { foldText } from "../text/fold-text.js";
import { nearestName } from "../text/nearest-name.js";
import { columnLetter } from "../text/column-letter.js";

/**
 * The columns of the assessment sheet and the header names accepted for each. Headers are
 * matched trimmed, without case or diacritics, with spaces and hyphens as "_", so
 * "Mã đơn vị", "ma_don_vi" and "MA DON VI" are the same column.
 */
export const SHEET_COLUMNS = {
  unit: ["unit", "unit_code", "don_vi", "ma_don_vi", "ma_dv"],
  unit_name: ["unit_name", "ten_don_vi", "ten_dv"],
  unit_type: ["unit_type", "loai_don_vi", "loai_dv"],
  block: ["block", "khoi"],
  item: ["item", "item_code", "ma_tieu_chi", "tieu_chi", "chi_tieu"],
  self: ["self", "tu_cham", "diem_tu_cham", "tu_danh_gia"],
  appraisal1: ["appraisal1", "appraisal_1", "tham_dinh", "tham_dinh_1", "tham_dinh_lan_1", "diem_tham_dinh_1"],
  explanation: ["explanation", "giai_trinh"],
  appraisal2: ["appraisal2", "appraisal_2", "tham_dinh_2", "tham_dinh_lan_2", "diem_tham_dinh_2"],
  comment: ["comment", "ghi_chu", "nhan_xet", "y_kien"],
  evidence: ["evidence", "tai_lieu_kiem_chung", "kiem_chung", "minh_chung"],
} as const satisfies Record<string, readonly string[]>;

export type SheetColumn = keyof typeof SHEET_COLUMNS;

/**
 * Columns the downloaded scoring sheet adds for the reader's eyes (titles, maximum points,
 * allowed values) and for the upload (each row's entry versions, hidden): known, so never an
 * "unknown column", and never read as scores.
 */
export const SHEET_INFO_COLUMNS = {
  title: ["title", "noi_dung", "ten_tieu_chi", "noi_dung_tieu_chi"],
  max_points: ["max_points", "diem_toi_da"],
  allowed: ["allowed", "allowed_values", "gia_tri_cho_phep"],
  version: ["version", "phien_ban"],
} as const satisfies Record<string, readonly string[]>;

export type SheetInfoColumn = keyof typeof SHEET_INFO_COLUMNS;

const INFO_ALIASES: readonly string[] = Object.values(SHEET_INFO_COLUMNS).flat();

export const SHEET_COLUMN_NAMES = Object.keys(SHEET_COLUMNS) as SheetColumn[];

export interface SheetHeader {
  /** Index of each column found in the file. */
  columns: Partial<Record<SheetColumn, number>>;
  /** The header of every cell as written (trimmed), or its spreadsheet letter when blank. */
  labels: string[];
  /** Cells that belong to no known column (unknown or blank header). */
  ignored: Set<number>;
  problems: Problem[];
}

export function readSheetHeader(cells: string[], fileName: string): SheetHeader {
  const header: SheetHeader = { columns: {}, labels: [], ignored: new Set(), problems: [] };
  cells.forEach((raw, index) => {
    const text = raw.trim();
    header.labels.push(text === "" ? columnLetter(index) : text);
    const column = text === "" ? undefined : findColumn(text);
    if (!column && INFO_ALIASES.includes(headerKey(text))) {
      header.ignored.add(index);
      return;
    }
    if (!column) {
      header.ignored.add(index);
      if (text !== "") header.problems.push(unknownColumn(text, fileName));
      return;
    }
    const earlier = header.columns[column];
    if (earlier !== undefined) {
      header.ignored.add(index);
      const first = header.labels[earlier] ?? column;
      header.problems.push(
        problem(
          "parse",
          `${fileName}:1:${text}`,
          `column "${text}" repeats column "${first}" (both are "${column}"): keep only one of them`,
          `cột "${text}" trùng với cột "${first}" (cùng là "${column}"): chỉ giữ lại một cột`,
        ),
      );
      return;
    }
    header.columns[column] = index;
  });
  for (const column of ["unit", "item"] as const) {
    if (header.columns[column] === undefined) {
      header.problems.push(
        problem(
          "parse",
          `${fileName}:1`,
          `the header has no "${column}" column: add a column named ${column} (${describeColumn(column).en})`,
          `dòng tiêu đề thiếu cột "${column}": hãy thêm cột ${column} (${describeColumn(column).vi})`,
        ),
      );
    }
  }
  return header;
}

function findColumn(text: string): SheetColumn | undefined {
  const key = headerKey(text);
  return SHEET_COLUMN_NAMES.find((column) => (SHEET_COLUMNS[column] as readonly string[]).includes(key));
}

export function headerKey(text: string): string {
  return foldText(text).replace(/[\s-]+/g, "_");
}

function unknownColumn(text: string, fileName: string): Problem {
  const aliases = SHEET_COLUMN_NAMES.flatMap((column) => [...SHEET_COLUMNS[column]]);
  const near = nearestName(headerKey(text), aliases);
  const column = near ? SHEET_COLUMN_NAMES.find((c) => (SHEET_COLUMNS[c] as readonly string[]).includes(near)) : undefined;
  const hint = column ? ` (did you mean "${column}"?)` : "";
  const hintVi = column ? ` (có phải là "${column}"?)` : "";
  const known = SHEET_COLUMN_NAMES.join(", ");
  return problem(
    "parse",
    `${fileName}:1:${text}`,
    `unknown column "${text}"${hint}: rename it to one of ${known}, or delete the column`,
    `cột "${text}" không được nhận biết${hintVi}: hãy đổi tên thành một trong ${known}, hoặc xóa cột này`,
  );
}

export function describeColumn(column: SheetColumn): { en: string; vi: string } {
  const descriptions: Record<SheetColumn, { en: string; vi: string }> = {
    unit: { en: "the unit's code", vi: "mã đơn vị" },
    unit_name: { en: "the unit's name", vi: "tên đơn vị" },
    unit_type: { en: "xa, phuong, dac-khu or department", vi: "loại đơn vị: xa, phuong, dac-khu hoặc department" },
    block: { en: "the ranking block", vi: "khối xếp hạng" },
    item: { en: "a criterion code such as 2.1.3 or a fact name", vi: "mã tiêu chí như 2.1.3 hoặc tên số liệu" },
    self: { en: "self-assessed points", vi: "điểm tự chấm" },
    appraisal1: { en: "points of appraisal round 1", vi: "điểm thẩm định lần 1" },
    explanation: { en: "the unit's explanation as text (points go in appraisal columns)", vi: "nội dung giải trình của đơn vị (điểm ghi ở cột thẩm định)" },
    appraisal2: { en: "points of appraisal round 2", vi: "điểm thẩm định lần 2" },
    comment: { en: "a comment or the reason for KPS", vi: "ghi chú hoặc lý do không phát sinh" },
    evidence: { en: "evidence ids separated by ;", vi: "mã tài liệu kiểm chứng, cách nhau bởi dấu ;" },
  };
  return descriptions[column];
}

export { columnLetter };
