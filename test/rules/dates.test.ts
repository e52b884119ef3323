import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/rules/dates.js";

/** What isCalendarDate meant when it built a Date: the text parses, and prints back the same day. */
function byDate(text: string): boolean {
  if (!/^(\d{4})-(\d{2})-(\d{2})$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

describe("isCalendarDate", () => {
  it("agrees with a Date round trip on every month and day number of leap, century and ordinary years", () => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    let real = 0;
    for (const year of [0, 1, 100, 400, 1900, 1999, 2000, 2024, 2025, 2026, 2100, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(isCalendarDate(text), text).toBe(byDate(text));
          if (byDate(text)) real++;
        }
      }
    }
    expect(real).toBe(12 * 365 + 4); // leap years here: 0, 400, 2000, 2024
  });

  it.each(["2026-1-01", "2026-01-01T00:00", " 2026-01-01", "2026/01/01", "", "२०२६-01-01", "2026-01-01\n"])("refuses %j", (text) => {
    expect(isCalendarDate(text)).toBe(false);
    expect(byDate(text)).toBe(false);
  });
});
