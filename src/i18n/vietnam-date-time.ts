import { VIETNAM_OFFSET_MINUTES, vietnamTime } from "./format-locale.js";
import type { Bilingual } from "./lang.js";

/**
 * A deadline as a Vietnamese official types it: the date as day/month/year ("31/03/2027") and the
 * time on the 24-hour clock ("17:00"), both in Vietnam time. Two plain text fields instead of the
 * browser's date picker, which an English browser shows as mm/dd/yyyy with AM/PM. English pages use
 * the same format: one format is simpler than two. Pure: text in, an instant or problems out.
 */
export interface DateTimeParts {
  /** "31/03/2027" */
  date: string;
  /** "17:00" */
  time: string;
}

export type DateTimePart = keyof DateTimeParts;

export type ParsedDateTime = { ok: true; instant: Date } | { ok: false; problems: { part: DateTimePart; message: Bilingual }[] };

const two = (n: number) => String(n).padStart(2, "0");

/** An instant as the two fields show it, in Vietnam time. */
export function toDateTimeParts(instant: Date): DateTimeParts {
  const t = vietnamTime(instant);
  return { date: `${two(t.day)}/${two(t.month)}/${t.year}`, time: `${two(t.hour)}:${two(t.minute)}` };
}

/** Day/month/year with `/`, `.` or `-` between, day and month with one or two digits, a four-digit year. */
const DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
/** Hours and minutes with `:`, `.` or `h` between ("17:00", "7.30", "17h00"), or a whole hour ("17h", "17"). */
const TIME = /^(\d{1,2})(?:\s*(?:[:.hH]|giờ)\s*(\d{2})?)?$/;

/** Reads the two fields as an instant in Vietnam time; every part that is wrong gets its own problem. */
export function parseDateTimeParts(parts: DateTimeParts): ParsedDateTime {
  const problems: { part: DateTimePart; message: Bilingual }[] = [];
  const dateText = parts.date.trim();
  const timeText = parts.time.trim();
  const date = DATE.exec(dateText);
  let day = 0;
  let month = 0;
  let year = 0;
  if (!date) {
    problems.push({
      part: "date",
      message: {
        vi: dateText ? `“${dateText}”: ngày phải có dạng ngày/tháng/năm, ví dụ 31/03/2027` : "Nhập ngày dạng ngày/tháng/năm, ví dụ 31/03/2027",
        en: dateText ? `“${dateText}”: the date must be day/month/year, e.g. 31/03/2027` : "Enter the date as day/month/year, e.g. 31/03/2027",
      },
    });
  } else {
    [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 31/02 over to March: a date that does not come back the same is not a real date.
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
      const shown = `${two(day)}/${two(month)}/${year}`;
      problems.push({ part: "date", message: { vi: `${shown} không phải là ngày có thật`, en: `${shown} is not a real date` } });
    }
  }
  const time = TIME.exec(timeText);
  const hour = Number(time?.[1]);
  const minute = Number(time?.[2] ?? 0);
  if (!time || hour > 23 || minute > 59) {
    problems.push({
      part: "time",
      message: {
        vi: `${timeText ? `“${timeText}”: ` : ""}giờ phải có dạng giờ:phút, ví dụ 17:00`,
        en: `${timeText ? `“${timeText}”: ` : ""}the time must be hours:minutes on the 24-hour clock, e.g. 17:00`,
      },
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, instant: new Date(Date.UTC(year, month - 1, day, hour, minute) - VIETNAM_OFFSET_MINUTES * 60_000) };
}
