import { type Problem, type UnitListRow, readUnitListRecords, readUnitListText } from "../../src/index.js";
import type { EdgeProblem } from "../errors.js";
import type { Row } from "../storage/store.js";
import { readXlsxBytes } from "./read-xlsx-bytes.js";
import { toApiProblems } from "./to-api-problems.js";

/** What importing a unit list does, unit by unit: the preview a person confirms, and what was applied. */
export interface UnitImport {
  fileName: string;
  /** What was assumed to read the file (an encoding), to show with the preview. */
  warnings: EdgeProblem[];
  create: UnitListRow[];
  change: { row: UnitListRow; before: Row<"units"> }[];
  unchanged: string[];
  /** Each unit's stored version when the preview was made (0: not stored), for the apply step. */
  versions: Record<string, number>;
  applied: boolean;
}

/** Spreadsheet files not read, and what to save them as. */
const UNREADABLE = [".xls", ".xlsm", ".xlsb", ".ods", ".numbers"];

/** The units of an uploaded CSV, tab-separated text or XLSX file, or every problem with its `file:ROW:COLUMN`. */
export async function readUnitFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ ok: true; rows: UnitListRow[]; warnings: EdgeProblem[] } | { ok: false; problems: EdgeProblem[] }> {
  const extension = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
  if (UNREADABLE.includes(extension))
    return {
      ok: false,
      problems: [
        {
          code: "unsupported-format",
          path: fileName,
          message: `${extension} files are not read: save the list in Excel as "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited) (*.csv)"`,
          vi: `không đọc được tệp ${extension}: hãy lưu danh sách trong Excel dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8 (Comma delimited) (*.csv)"`,
        },
      ],
    };
  if (extension === ".xlsx") {
    const workbook = await readXlsxBytes(bytes, fileName);
    if (!workbook.ok) return { ok: false, problems: [workbook.problem] };
    return fromChecked(readUnitListRecords(workbook.records, fileName));
  }
  return fromChecked(readUnitListText(bytes, fileName));
}

function fromChecked(read: { ok: true; value: UnitListRow[]; warnings?: Problem[] } | { ok: false; problems: Problem[] }) {
  return read.ok
    ? { ok: true as const, rows: read.value, warnings: toApiProblems(read.warnings ?? []) }
    : { ok: false as const, problems: toApiProblems(read.problems) };
}

/** Which units of the file are new, which differ from the stored ones (name, type, and block when the file has that column), which are the same. */
export function planUnitImport(fileName: string, rows: UnitListRow[], stored: Row<"units">[], warnings: EdgeProblem[]): UnitImport {
  const byCode = new Map(stored.map((unit) => [unit.code, unit]));
  const plan: UnitImport = { fileName, warnings, create: [], change: [], unchanged: [], versions: {}, applied: false };
  for (const row of rows) {
    const before = byCode.get(row.code);
    plan.versions[row.code] = before?.version ?? 0;
    if (!before) plan.create.push(row);
    else if (before.name !== row.name || before.type !== row.type || (row.block !== undefined && before.block !== row.block)) plan.change.push({ row, before });
    else plan.unchanged.push(row.code);
  }
  return plan;
}

/** The rows whose stored unit changed since the preview (`expected`: each code's version then, 0 when it was not stored). */
export function staleSincePreview(plan: UnitImport, rows: UnitListRow[], expected: Record<string, number>): EdgeProblem[] {
  return rows.flatMap((row) => {
    const now = plan.versions[row.code] ?? 0;
    if (expected[row.code] === now) return [];
    return [
      {
        code: "stale-row",
        path: `${plan.fileName}:${row.row}`,
        message: `unit ${row.code} was registered or changed by someone else since the preview: look at the new preview and apply again`,
        vi: `đơn vị ${row.code} vừa được người khác đăng ký hoặc sửa sau khi xem trước: hãy xem bản xem trước mới rồi áp dụng lại`,
      },
    ];
  });
}
