import { foldText } from "../text/fold-text.js";
import { nearestName } from "../text/nearest-name.js";
import { type Problem, problem } from "../problem.js";
import type { SurveyUnit } from "./types.js";

/**
 * One problem per unit value that is not a known unit code, with how many rows name it and the
 * nearest unit by code or by name ("did you mean DV0015 Phường Trung Phú?").
 */
export function unknownUnitProblems(
  unknown: Map<string, { rows: number; firstRow: number }>,
  units: SurveyUnit[],
  fileName: string,
  column: string,
): Problem[] {
  const byName = new Map(units.filter((u) => u.name).map((u) => [foldText(u.name!), u]));
  const codes = units.map((u) => u.code);
  return [...unknown.entries()]
    .sort(([, a], [, b]) => a.firstRow - b.firstRow)
    .map(([value, { rows, firstRow }]) => {
      const folded = foldText(value);
      const nameHit = nearestName(folded, [...byName.keys()]);
      const codeHit = nearestName(value, codes);
      const near = nameHit ? byName.get(nameHit) : codeHit ? units.find((u) => u.code === codeHit) : undefined;
      const hint = near ? `${near.code}${near.name ? ` (${near.name})` : ""}` : null;
      const rowsText = rows === 1 ? `row ${firstRow}` : `${rows} rows, first ${firstRow}`;
      const rowsVi = rows === 1 ? `dòng ${firstRow}` : `${rows} dòng, đầu tiên ở dòng ${firstRow}`;
      return problem(
        "unknown-unit",
        `${fileName}:${firstRow}:${column}`,
        `unit "${value}" (${rowsText}) is not in the units list${hint ? `: did you mean ${hint}?` : ""} Units are matched by code: write the unit code`,
        `đơn vị "${value}" (${rowsVi}) không có trong danh sách đơn vị${hint ? `: có phải ${hint}?` : ""} Đơn vị được nhận diện theo mã: hãy ghi mã đơn vị`,
      );
    });
}
