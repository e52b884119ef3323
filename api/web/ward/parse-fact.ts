import type { FactDeclaration, FactType } from "../../../src/criteria/types.js";
import type { FactValue } from "../../../src/assessment/types.js";
import type { Lang } from "../../../src/i18n/lang.js";

export type Parsed = { ok: true; value: FactValue } | { ok: false; message: string };

const MESSAGES: Record<Exclude<FactType, "boolean">, { vi: string; en: string }> = {
  integer: { vi: "Nhập một số nguyên, ví dụ 12", en: "Enter a whole number, for example 12" },
  number: { vi: "Nhập một số, ví dụ 12 hoặc 12,5", en: "Enter a number, for example 12 or 12.5" },
  rate: { vi: "Nhập tỷ lệ phần trăm, ví dụ 85 hoặc 85,5", en: "Enter a percentage, for example 85 or 85.5" },
  date: { vi: "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 20/01/2026", en: "Enter a date as day/month/year, for example 20/01/2026" },
  dates: { vi: "Nhập mỗi ngày theo dạng ngày/tháng/năm, ví dụ 20/01/2026", en: "Enter each date as day/month/year, for example 20/01/2026" },
};

/**
 * A fact as typed into a form: numbers with the Vietnamese decimal comma (and `.` between
 * thousands) or a decimal point, yes/no, dates from a date picker (YYYY-MM-DD) or typed
 * dd/mm/yyyy. An empty field is "not entered" (null). Range checks are the engine's (the
 * service checks the value against the set).
 */
export function parseFact(fact: FactDeclaration, raw: string[], lang: Lang): Parsed {
  const texts = raw.map((r) => r.trim());
  const fail = (): Parsed => ({ ok: false, message: MESSAGES[fact.type as Exclude<FactType, "boolean">][lang] });
  if (fact.type === "dates") {
    if (texts.every((t) => t === "")) return { ok: true, value: null };
    const dates = texts.map((t) => (t === "" ? null : parseDate(t)));
    return dates.includes(undefined) ? fail() : { ok: true, value: dates as (string | null)[] };
  }
  const text = texts[0] ?? "";
  if (text === "") return { ok: true, value: null };
  switch (fact.type) {
    case "boolean":
      return text === "true" || text === "false" ? { ok: true, value: text === "true" } : { ok: true, value: null };
    case "date": {
      const date = parseDate(text);
      return date === undefined ? fail() : { ok: true, value: date };
    }
    case "integer": {
      const digits = text.replace(/[\s.]/g, "");
      return /^-?\d{1,15}$/.test(digits) ? { ok: true, value: Number(digits) } : fail();
    }
    default: {
      const decimal = text.includes(",") ? text.replace(/[\s.]/g, "").replace(",", ".") : text.replace(/\s/g, "").replace(/%$/, "");
      return /^-?\d{1,15}(\.\d{1,10})?$/.test(decimal) ? { ok: true, value: Number(decimal) } : fail();
    }
  }
}

/** `YYYY-MM-DD` or `dd/mm/yyyy` (a real calendar date) as `YYYY-MM-DD`. */
function parseDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : vn ? [vn[3]!, vn[2]!.padStart(2, "0"), vn[1]!.padStart(2, "0")] : [];
  if (!y) return undefined;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}` ? undefined : `${y}-${m}-${d}`;
}
