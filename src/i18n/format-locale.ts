import type { Lang } from "./lang.js";

/**
 * Numbers, dates and instants as a reader of `lang` expects them: Vietnamese uses the decimal
 * comma, `.` between thousands, `dd/mm/yyyy`, and Vietnam time (UTC+7 all year: Vietnam keeps no
 * summer time, so no time-zone database is needed); English uses the decimal point and ISO dates.
 * Pure: the values come in, text comes out.
 */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** `value` with exactly `decimals` decimals, rounded half-up away from zero ("81,33" / "81.33"). */
export function formatDecimal(value: number, decimals: number, lang: Lang): string {
  const factor = 10 ** decimals;
  const scaled = Math.round(Math.abs(value) * factor + 1e-9);
  const whole = Math.floor(scaled / factor);
  const fraction = decimals > 0 ? String(scaled % factor).padStart(decimals, "0") : "";
  const sign = value < 0 && scaled !== 0 ? "-" : "";
  const wholeText = groupThousands(String(whole), lang === "vi" ? "." : ",");
  return sign + wholeText + (decimals > 0 ? (lang === "vi" ? "," : ".") + fraction : "");
}

/** A whole number with thousands separators ("1.250" / "1,250"). */
export function formatInteger(value: number, lang: Lang): string {
  return formatDecimal(value, 0, lang);
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A calendar date given as `YYYY-MM-DD`: "20/01/2026" in Vietnamese, unchanged in English. */
export function formatDate(isoDate: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match || lang === "en") return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** The wall-clock parts of an instant in Vietnam time. */
export function vietnamTime(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** An instant shown in Vietnam time: "31/03/2026 17:00" (vi) or "2026-03-31 17:00 (UTC+7)" (en). */
export function formatInstant(instant: Date, lang: Lang): string {
  const t = vietnamTime(instant);
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(t.hour)}:${two(t.minute)}`;
  return lang === "vi" ? `${two(t.day)}/${two(t.month)}/${t.year} ${time}` : `${t.year}-${two(t.month)}-${two(t.day)} ${time} (UTC+7)`;
}

/** Time left until a deadline, coarse as a person says it: "còn 3 ngày 4 giờ", "quá hạn 2 giờ". */
export function formatTimeLeft(deadline: Date, now: Date, lang: Lang): string {
  const ms = deadline.getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts =
    lang === "vi"
      ? [days ? `${days} ngày` : "", hours ? `${hours} giờ` : "", !days && mins ? `${mins} phút` : ""]
      : [days ? `${days} day${days > 1 ? "s" : ""}` : "", hours ? `${hours} h` : "", !days && mins ? `${mins} min` : ""];
  const span = parts.filter(Boolean).join(" ") || (lang === "vi" ? "0 phút" : "0 min");
  if (ms >= 0) return lang === "vi" ? `còn ${span}` : `${span} left`;
  return lang === "vi" ? `quá hạn ${span}` : `${span} overdue`;
}

/** Places gained (positive) or lost in a ranking: "tăng 2 bậc", "giảm 1 bậc", "giữ nguyên". */
export function formatRankChange(places: number, lang: Lang): string {
  if (lang === "vi") return places > 0 ? `tăng ${places} bậc` : places < 0 ? `giảm ${-places} bậc` : "giữ nguyên";
  return places > 0 ? `up ${places}` : places < 0 ? `down ${-places}` : "unchanged";
}
