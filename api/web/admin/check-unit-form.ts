import { type Lang, type UnitListRow, readUnitListRecords } from "../../../src/index.js";
import type { FormError } from "../form-parts.js";

/** The unit form's fields, by the unit list column each one is. */
export const UNIT_FIELDS = { code: "unit-code", name: "unit-name", type: "unit-type", block: "unit-block" } as const;

/**
 * A unit typed into the form, checked by the very rules of a unit list import (one row of
 * code, name, type, block), so a unit registered by hand and one imported are held to the same.
 */
export function checkUnitForm(
  values: { code: string; name: string; type: string; block: string },
  lang: Lang,
): { ok: true; unit: UnitListRow } | { ok: false; errors: FormError[] } {
  const read = readUnitListRecords(
    [
      ["code", "name", "type", "block"],
      [values.code, values.name, values.type, values.block],
    ],
    "form",
  );
  if (read.ok && read.value[0]) return { ok: true, unit: read.value[0] };
  const problems = read.ok ? [] : read.problems;
  const missingCode =
    values.code.trim() === ""
      ? [{ field: UNIT_FIELDS.code, message: lang === "vi" ? "Nhập mã đơn vị, ví dụ DV0012" : "Enter the unit code, e.g. DV0012" }]
      : [];
  return {
    ok: false,
    errors: [...missingCode, ...problems.filter((p) => missingCode.length === 0 || !p.path.endsWith("(code)"))].map((p) => {
      if (!("path" in p)) return p;
      const column = /\((code|name|type|block)\)$/.exec(p.path)?.[1] as keyof typeof UNIT_FIELDS | undefined;
      return { field: UNIT_FIELDS[column ?? "code"], message: lang === "vi" ? p.vi : p.message };
    }),
  };
}
