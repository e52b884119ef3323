/**
 * Dates written with slashes are read day-first (DD/MM/YYYY, the Vietnamese order), but a file
 * saved by an Excel set to US English writes them month-first (M/D/YYYY), and `1/10/2026`
 * then means 10 January, not 1 October. A slash date tells its order only when one part is
 * over 12: 25/3/2026 is day-first, 3/25/2026 month-first; 1/10/2026 reads both ways. So a
 * file's slash dates are taken day-first only when the file shows that order (some date with
 * a day over 12) and never the other; otherwise each date that reads both ways is a problem
 * asking for YYYY-MM-DD.
 */
export type SlashDateOrder = "day-first" | "month-first" | "ambiguous" | "same";

const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** The order a slash date shows, or null for text that is no slash date valid either way. */
export function slashDateOrder(text: string): SlashDateOrder | null {
  const match = SLASH.exec(text.trim());
  if (!match) return null;
  const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayFirst = isCalendarDate(year, second, first);
  const monthFirst = isCalendarDate(year, first, second);
  if (dayFirst && monthFirst) return first === second ? "same" : "ambiguous";
  if (dayFirst) return "day-first";
  return monthFirst ? "month-first" : null;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The slash date as ISO, read in the order given. */
export function slashDateToIso(text: string, order: "day-first" | "month-first"): string {
  const [a = "", b = "", year = ""] = text.trim().split("/");
  const [day, month] = order === "day-first" ? [a, b] : [b, a];
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** Why a slash date that only reads month-first is refused, in both languages. */
export function monthFirstMessage(text: string): { message: string; vi: string } {
  const iso = slashDateToIso(text, "month-first");
  return {
    message: `"${text.trim()}" is no date day-first (DD/MM/YYYY), only month-first (M/D/YYYY, ${iso}): the file was probably saved by an Excel set to US English; write dates as YYYY-MM-DD (${iso})`,
    vi: `"${text.trim()}" không phải ngày theo thứ tự ngày/tháng (DD/MM/YYYY) mà theo thứ tự tháng/ngày (M/D/YYYY, ${iso}): có thể tệp được lưu bởi Excel cài đặt tiếng Anh (Mỹ); hãy ghi ngày dạng YYYY-MM-DD (${iso})`,
  };
}

/** Why a slash date that reads both ways is refused, with what else the file shows. */
export function ambiguousMessage(text: string, evidence: { monthFirst?: string; dayFirst?: string }): { message: string; vi: string } {
  const dayFirst = slashDateToIso(text, "day-first");
  const monthFirst = slashDateToIso(text, "month-first");
  const { monthFirst: m, dayFirst: d } = evidence;
  const why =
    m && d ? `the file mixes both orders (${d} and ${m})` : m ? `the file writes dates month-first elsewhere (${m})` : "no date in the file shows the order";
  const whyVi =
    m && d
      ? `tệp dùng lẫn cả hai thứ tự (${d} và ${m})`
      : m
        ? `tệp ghi ngày theo thứ tự tháng/ngày ở chỗ khác (${m})`
        : "không có ngày nào trong tệp cho biết thứ tự";
  return {
    message: `"${text.trim()}" reads both as ${dayFirst} (day first) and ${monthFirst} (month first), and ${why}: write it as YYYY-MM-DD`,
    vi: `"${text.trim()}" có thể hiểu là ${dayFirst} (ngày trước) hoặc ${monthFirst} (tháng trước), và ${whyVi}: hãy ghi dạng YYYY-MM-DD`,
  };
}

/**
 * One date value given alone (an API body): ISO as it is; a slash date only when it reads one
 * way day-first. Anything else is left to the caller's own check.
 */
export function isoFromDayFirst(text: string): { ok: true; value: string } | { ok: false; message: string; vi: string } | null {
  const order = slashDateOrder(text);
  if (order === null) return null;
  if (order === "day-first" || order === "same") return { ok: true, value: slashDateToIso(text, "day-first") };
  return { ok: false, ...(order === "month-first" ? monthFirstMessage(text) : ambiguousMessage(text, {})) };
}

/**
 * A fact entered alone (an API body: the value, or `{ value, evidence, comment }`) with its date
 * or dates as ISO: DD/MM/YYYY is accepted as the sheets accept it, when it reads one way.
 */
export function isoDatesInFact(input: unknown, type: string): { ok: true; value: unknown } | { ok: false; message: string; vi: string } {
  if (type !== "date" && type !== "dates") return { ok: true, value: input };
  const wrapped = input !== null && typeof input === "object" && !Array.isArray(input) && "value" in input;
  const value = wrapped ? (input as { value: unknown }).value : input;
  const convert = (text: unknown) => (typeof text === "string" ? isoFromDayFirst(text) : null);
  const dates = Array.isArray(value) ? value : [value];
  const converted: unknown[] = [];
  for (const date of dates) {
    const read = convert(date);
    if (read && !read.ok) return read;
    converted.push(read ? read.value : date);
  }
  const result = Array.isArray(value) ? converted : converted[0];
  return { ok: true, value: wrapped ? { ...(input as object), value: result } : result };
}
