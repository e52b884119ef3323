import { describe, expect, it } from "vitest";
import { formatDate, formatDecimal, formatInstant, formatTimeLeft } from "../../src/i18n/format-locale.js";
import { GLOSSARY, ROUND_NAMES, STATE_NAMES, nameIn, term } from "../../src/i18n/glossary.js";

describe("formatDecimal", () => {
  it.each([
    [81.33, 2, "vi", "81,33"],
    [81.33, 2, "en", "81.33"],
    [1250.5, 1, "vi", "1.250,5"],
    [1250.5, 1, "en", "1,250.5"],
    [0.125, 2, "vi", "0,13"],
    [-0.5, 2, "vi", "-0,50"],
    [-0.001, 2, "vi", "0,00"],
    [100, 0, "vi", "100"],
    [1_000_000, 0, "vi", "1.000.000"],
  ] as const)("%s with %i decimals in %s is %s", (value, decimals, lang, expected) => {
    expect(formatDecimal(value, decimals, lang)).toBe(expected);
  });
});

describe("dates and instants", () => {
  it("shows a calendar date day-first in Vietnamese and as ISO in English", () => {
    expect(formatDate("2026-01-20", "vi")).toBe("20/01/2026");
    expect(formatDate("2026-01-20", "en")).toBe("2026-01-20");
  });

  it("shows instants in Vietnam time (UTC+7), across midnight", () => {
    const instant = new Date("2026-03-31T20:30:00Z");
    expect(formatInstant(instant, "vi")).toBe("01/04/2026 03:30");
    expect(formatInstant(instant, "en")).toBe("2026-04-01 03:30 (UTC+7)");
  });

  it.each([
    ["2026-03-31T10:00:00Z", "2026-03-28T06:00:00Z", "vi", "còn 3 ngày 4 giờ"],
    ["2026-03-31T10:00:00Z", "2026-03-31T09:15:00Z", "vi", "còn 45 phút"],
    ["2026-03-31T10:00:00Z", "2026-03-31T12:00:00Z", "vi", "quá hạn 2 giờ"],
    ["2026-03-31T10:00:00Z", "2026-03-30T10:00:00Z", "en", "1 day left"],
  ] as const)("deadline %s seen at %s (%s): %s", (deadline, now, lang, expected) => {
    expect(formatTimeLeft(new Date(deadline), new Date(now), lang)).toBe(expected);
  });
});

describe("glossary", () => {
  it("gives every term in both languages, capitalised on request", () => {
    for (const [key, text] of Object.entries(GLOSSARY)) {
      expect(text.vi.length, key).toBeGreaterThan(0);
      expect(text.en.length, key).toBeGreaterThan(0);
    }
    expect(term("selfPoints", "vi", true)).toBe("Điểm tự chấm");
    expect(term("fact", "vi")).toBe("số liệu");
  });

  it("names rounds and states, and falls back to the key for an unknown one", () => {
    expect(nameIn(ROUND_NAMES, "appraisal1", "vi")).toBe("Thẩm định lần 1");
    expect(nameIn(STATE_NAMES, "finalised", "en")).toBe("Finalised");
    expect(nameIn(STATE_NAMES, "constructor", "vi")).toBe("constructor");
  });
});
