import type { FactValue } from "../assessment/types.js";
import { type FactType, type UnitType, UNIT_TYPES, UNIT_TYPE_TITLES } from "../criteria/types.js";
import { foldText } from "../text/fold-text.js";

/**
 * Cell values of the assessment sheet, read the way people type them: decimal comma where the
 * file is not comma-separated, booleans in English or Vietnamese, dates as YYYY-MM-DD or
 * DD/MM/YYYY. A failure carries the reason in both languages, to be placed in a Problem.
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string; vi: string };

const fail = (message: string, vi: string): { ok: false; message: string; vi: string } => ({ ok: false, message, vi });

/** "KPS", "NA", "N/A" (không phát sinh): the item did not arise in that round. */
export function isNotApplicableMarker(text: string): boolean {
  return /^(kps|na|n\/a|không phát sinh|khong phat sinh)$/i.test(text.trim());
}

export function parseNumber(text: string, decimalComma: boolean): CellResult<number> {
  const trimmed = text.trim();
  const pattern = decimalComma ? /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/ : /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
  if (pattern.test(trimmed)) return { ok: true, value: Number(trimmed.replace(",", ".")) };
  if (!decimalComma && /^[+-]?\d*,\d+$/.test(trimmed)) {
    return fail(
      `"${trimmed}" is not a number: this file is comma-separated, so write decimals with a point (${trimmed.replace(",", ".")})`,
      `"${trimmed}" không phải là số: tệp dùng dấu phẩy để ngăn cột nên số thập phân phải viết bằng dấu chấm (${trimmed.replace(",", ".")})`,
    );
  }
  return fail(`"${trimmed}" is not a number: write it like 2, 0.5 or 87.5`, `"${trimmed}" không phải là số: hãy ghi dạng 2, 0.5 hoặc 87.5`);
}

const TRUE_WORDS = ["true", "1", "có", "co", "yes", "x", "đúng", "dung"];
const FALSE_WORDS = ["false", "0", "không", "khong", "no", "sai"];

export function parseBoolean(text: string): CellResult<boolean> {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return { ok: true, value: true };
  if (FALSE_WORDS.includes(word)) return { ok: true, value: false };
  return fail(
    `"${text.trim()}" is not yes or no: write true/false, 1/0, có/không or yes/no`,
    `"${text.trim()}" không phải là có/không: hãy ghi có/không, 1/0, true/false hoặc yes/no`,
  );
}

/** A date as YYYY-MM-DD or DD/MM/YYYY (D/M/YYYY too), checked against the calendar. */
export function parseDate(text: string): CellResult<string> {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (year && month && day && isCalendarDate(Number(year), Number(month), Number(day))) {
    return { ok: true, value: `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}` };
  }
  return fail(
    `"${trimmed}" is not a date: write it as YYYY-MM-DD (2025-03-31) or DD/MM/YYYY (31/03/2025)`,
    `"${trimmed}" không phải là ngày hợp lệ: hãy ghi dạng YYYY-MM-DD (2025-03-31) hoặc DD/MM/YYYY (31/03/2025)`,
  );
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Dates separated by ";" or "|"; an empty entry is a missing date (null). */
export function parseDates(text: string): CellResult<(string | null)[]> {
  const values: (string | null)[] = [];
  for (const entry of text.split(/[;|]/)) {
    if (entry.trim() === "") {
      values.push(null);
      continue;
    }
    const date = parseDate(entry);
    if (!date.ok) return date;
    values.push(date.value);
  }
  return { ok: true, value: values };
}

/** A fact's value typed by its declaration. */
export function parseFactValue(text: string, type: FactType, decimalComma: boolean): CellResult<FactValue> {
  switch (type) {
    case "boolean":
      return parseBoolean(text);
    case "date":
      return parseDate(text);
    case "dates":
      return parseDates(text);
    case "rate":
      return parseNumber(text.trim().replace(/\s*%$/, ""), decimalComma);
    case "number":
      return parseNumber(text, decimalComma);
    case "integer": {
      const number = parseNumber(text, decimalComma);
      if (!number.ok || Number.isInteger(number.value)) return number;
      return fail(
        `"${text.trim()}" is not a whole number: a count has no decimals (remove any thousands separator: 1234, not 1.234)`,
        `"${text.trim()}" không phải là số nguyên: số lượng không có phần thập phân (bỏ dấu ngăn cách hàng nghìn: 1234, không phải 1.234)`,
      );
    }
  }
}

/** A unit type in the set's spelling ("dac-khu") or as people write it ("Đặc khu", "Phường"). */
export function parseUnitType(text: string): CellResult<UnitType> {
  const key = foldText(text).replace(/[\s_]+/g, "-");
  const aliases: Record<string, UnitType> = { so: "department", "so-nganh": "department", "thanh-pho-thuoc-tinh": "thanh-pho", tp: "thanh-pho" };
  const type = (UNIT_TYPES as readonly string[]).includes(key) ? (key as UnitType) : aliases[key];
  if (type) return { ok: true, value: type };
  return fail(
    `unknown unit type "${text.trim()}": write one of ${UNIT_TYPES.join(", ")}`,
    `loại đơn vị "${text.trim()}" không hợp lệ: hãy ghi một trong ${UNIT_TYPES.join(", ")} (${UNIT_TYPES.map((t) => UNIT_TYPE_TITLES[t].vi.toLowerCase()).join(", ")})`,
  );
}
