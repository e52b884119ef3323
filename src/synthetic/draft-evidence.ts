import type { EvidenceDocument } from "../assessment/types.js";
import type { UnitType } from "../criteria/types.js";
import { addDays } from "../rules/dates.js";
import type { Random } from "./random.js";

const KINDS: [RegExp, string][] = [
  [/kế hoạch/i, "KH"],
  [/báo cáo/i, "BC"],
  [/quyết định/i, "QĐ"],
  [/thông báo/i, "TB"],
  [/biên bản/i, "BB"],
];

/**
 * A document record as a unit would cite it: "12/KH-UBND" for a plan of a commune People's
 * Committee, dated `date` or some day of the year.
 */
export function draftEvidence(
  id: string,
  title: string,
  unit: { name: string; type: UnitType },
  year: number,
  random: Random,
  date?: string,
): EvidenceDocument {
  const kind = KINDS.find(([pattern]) => pattern.test(title))?.[1];
  const issuer = unit.type === "department" ? initials(unit.name) : "UBND";
  const number = `${random.int(1, 320)}/${kind ? `${kind}-${issuer}` : `${issuer}-VP`}`;
  return {
    id,
    title,
    number,
    date: date ?? addDays(`${year}-01-01`, random.int(0, 364)),
    issuer: unit.type === "department" ? unit.name : `UBND ${unit.name}`,
  };
}

/** "Sở Giáo dục và Đào tạo" → "SGDĐT", as departments abbreviate themselves in document numbers. */
function initials(name: string): string {
  return name
    .split(/[\s,]+/)
    .filter((word) => word !== "" && word !== "và")
    .map((word) => word[0]!.toUpperCase())
    .join("");
}
