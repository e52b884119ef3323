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

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
