/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no clock or zone leaks in. */
const DAY_MS = 86_400_000;
const shifted = new Map<string, string>();

export function addDays(date: string, days: number): string {
  const key = `${date}+${days}`;
  let result = shifted.get(key);
  if (result === undefined) {
    result = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
    if (shifted.size > 10_000) shifted.clear();
    shifted.set(key, result);
  }
  return result;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real day of the (proleptic Gregorian) calendar written YYYY-MM-DD, year 0000–9999; read without building a Date. */
export function isCalendarDate(text: string): boolean {
  if (!DATE_FORM.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = (text.charCodeAt(5) - 48) * 10 + text.charCodeAt(6) - 48;
  const day = (text.charCodeAt(8) - 48) * 10 + text.charCodeAt(9) - 48;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}
