import { describe, expect, it } from "vitest";
import { parseDateTimeParts, toDateTimeParts } from "../../src/i18n/vietnam-date-time.js";

describe("deadlines typed as day/month/year and 24-hour time, Vietnam time", () => {
  it.each([
    ["31/03/2027", "17:00", "2027-03-31T10:00:00.000Z", "31/03/2027", "17:00"],
    ["1/1/2027", "03:30", "2026-12-31T20:30:00.000Z", "01/01/2027", "03:30"],
    ["29/02/2028", "0:00", "2028-02-28T17:00:00.000Z", "29/02/2028", "00:00"],
    [" 07.04.2026 ", "17h00", "2026-04-07T10:00:00.000Z", "07/04/2026", "17:00"],
    ["15-05-2026", "17h", "2026-05-15T10:00:00.000Z", "15/05/2026", "17:00"],
    ["31/12/2026", "23:59", "2026-12-31T16:59:00.000Z", "31/12/2026", "23:59"],
    ["31/12/2026", "8 giờ 30", "2026-12-31T01:30:00.000Z", "31/12/2026", "08:30"],
  ])("reads %j %j as %s and shows it back as %s %s", (date, time, utc, shownDate, shownTime) => {
    const parsed = parseDateTimeParts({ date, time });
    expect(parsed.ok && parsed.instant.toISOString()).toBe(utc);
    expect(toDateTimeParts(new Date(utc))).toEqual({ date: shownDate, time: shownTime });
  });

  it.each([
    ["31/02/2027", "17:00", [["date", "31/02/2027 không phải là ngày có thật", "31/02/2027 is not a real date"]]],
    ["29/02/2027", "17:00", [["date", "29/02/2027 không phải là ngày có thật", "29/02/2027 is not a real date"]]],
    ["00/03/2027", "17:00", [["date", "00/03/2027 không phải là ngày có thật", "00/03/2027 is not a real date"]]],
    ["31/13/2027", "17:00", [["date", "31/13/2027 không phải là ngày có thật", "31/13/2027 is not a real date"]]],
    [
      "2027-03-31",
      "17:00",
      [["date", "“2027-03-31”: ngày phải có dạng ngày/tháng/năm, ví dụ 31/03/2027", "“2027-03-31”: the date must be day/month/year, e.g. 31/03/2027"]],
    ],
    [
      "",
      "",
      [
        ["date", "Nhập ngày dạng ngày/tháng/năm, ví dụ 31/03/2027", "Enter the date as day/month/year, e.g. 31/03/2027"],
        ["time", "giờ phải có dạng giờ:phút, ví dụ 17:00", "the time must be hours:minutes on the 24-hour clock, e.g. 17:00"],
      ],
    ],
    [
      "31/03/2027",
      "5:00 PM",
      [["time", "“5:00 PM”: giờ phải có dạng giờ:phút, ví dụ 17:00", "“5:00 PM”: the time must be hours:minutes on the 24-hour clock, e.g. 17:00"]],
    ],
    [
      "31/03/2027",
      "24:00",
      [["time", "“24:00”: giờ phải có dạng giờ:phút, ví dụ 17:00", "“24:00”: the time must be hours:minutes on the 24-hour clock, e.g. 17:00"]],
    ],
    [
      "31/03/2027",
      "17:60",
      [["time", "“17:60”: giờ phải có dạng giờ:phút, ví dụ 17:00", "“17:60”: the time must be hours:minutes on the 24-hour clock, e.g. 17:00"]],
    ],
  ])("refuses %j %j, saying which part is wrong", (date, time, expected) => {
    const parsed = parseDateTimeParts({ date, time });
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.part, p.message.vi, p.message.en])).toEqual(expected);
  });
});
