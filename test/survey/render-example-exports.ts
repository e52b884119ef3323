import ExcelJS from "exceljs";
import mapping from "../../criteria/survey/reference-sipas/2026.1.json" with { type: "json" };
import { toCsv } from "../../src/io/csv.js";
import { type Answer, CHANNELS, type Response, SCALE_QUESTIONS, answerOf, exampleResponses } from "./example-responses.js";

const channels = mapping.questions.find((q) => q.code === "channels")!;
const labelOf = (code: string) => mapping.questions.find((q) => q.code === code)!.headers[2]!;
const LABELS = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];
const optionLabel = (code: string) => channels.select!.options.find((o) => o.code === code)!.match[1]!;
const time = (i: number) => `2026-05-${String(10 + (i % 18)).padStart(2, "0")}T0${i % 10}:15:00.000+07:00`;

function answerText(answer: Answer, style: "number" | "code" | "label"): string {
  if (answer === "na") return style === "number" ? "99" : style === "code" ? "A99" : "Không biết";
  if (answer === "oos") return style === "number" ? "6" : style === "code" ? "A6" : "Hài lòng lắm";
  return style === "number" ? String(answer) : style === "code" ? `A${answer}` : LABELS[answer - 1]!;
}

/** KoboToolbox, XML names with group paths, "," and a BOM; select-many as codes plus 0/1 columns. */
export function koboXmlCsv(): string {
  const rows = exampleResponses();
  const header = [
    "start",
    "grp_info/unit_code",
    ...SCALE_QUESTIONS.map((q) => `grp_${q.group}/${q.code}`),
    "channels",
    ...CHANNELS.map((c) => `channels/${c}`),
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_index",
  ];
  const line = (r: Response, i: number, status = "validation_status_approved", uuid = r.id) => [
    time(i),
    r.unit,
    ...SCALE_QUESTIONS.map((q) => answerText(answerOf(r, q), "number")),
    r.channels.join(" "),
    ...CHANNELS.map((c) => (r.channels.includes(c) ? 1 : 0)),
    1000 + i,
    uuid,
    time(i).slice(0, 19),
    status,
    i + 1,
  ];
  const body = rows.map((r, i) => line(r, i));
  body.splice(5, 0, line(rows[1]!, 1)); // the same submission exported twice
  body.push(line({ ...rows[12]!, groups: [1, 1, 1, 1, 1] }, 40, "validation_status_not_approved", "kb-rejected-01"));
  return `\uFEFF${toCsv([header, ...body])}`;
}

/** KoboToolbox, label headers, ";" and label answers; select-many only as 0/1 columns. */
export function koboLabelsCsv(): string {
  const rows = exampleResponses();
  const header = [
    "Mã đơn vị",
    ...SCALE_QUESTIONS.map((q) => labelOf(q.code)),
    ...CHANNELS.map((c) => `${channels.headers[2]}/${optionLabel(c)}`),
    "_uuid",
    "_submission_time",
    "_validation_status",
  ];
  const line = (r: Response, i: number, status = "", uuid = r.id) => [
    r.unit,
    ...SCALE_QUESTIONS.map((q) => answerText(answerOf(r, q), "label")),
    ...CHANNELS.map((c) => (r.channels.includes(c) ? 1 : 0)),
    uuid,
    time(i).slice(0, 19),
    status,
  ];
  const body = rows.map((r, i) => line(r, i, i % 2 === 0 ? "Approved" : ""));
  body.push(line(rows[20]!, 20)); // duplicate _uuid
  body.push(line({ ...rows[3]!, groups: [5, 5, 5, 5, 5] }, 33, "Not Approved", "kb-rejected-02"));
  return toCsv([header, ...body], ";");
}

/** LimeSurvey: question codes with sub-questions Q1[SQ001], answer codes A1…A5, empty submitdate = incomplete. */
export function limeSurveyCsv(): string {
  const rows = exampleResponses();
  const header = [
    "id",
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "UNIT",
    ...SCALE_QUESTIONS.map((q) => q.headers[1]!),
    ...channels.select!.options.map((o) => `Q6[${o.match[0]}]`),
  ];
  const line = (r: Response, i: number, submitted = true) => [
    String(i + 1),
    submitted ? `2026-05-12 0${i % 10}:20:00` : "",
    submitted ? "3" : "1",
    "vi",
    String(7000 + i),
    r.unit,
    ...SCALE_QUESTIONS.map((q, k) => (submitted || k < 4 ? answerText(answerOf(r, q), "code") : "")),
    ...CHANNELS.map((c) => (r.channels.includes(c) ? "Y" : "")),
  ];
  const body = rows.map((r, i) => line(r, i));
  body.splice(8, 0, line({ ...rows[8]!, groups: [1, 1, 1, 1, 1] }, 90, false));
  return toCsv([header, ...body]);
}

/** Google Forms: "Timestamp", question-text headers, label answers, checkboxes joined by ", ". */
export function googleFormsCsv(): string {
  const rows = exampleResponses();
  const header = ["Timestamp", "Mã phiếu", "Mã đơn vị", ...SCALE_QUESTIONS.map((q) => labelOf(q.code)), channels.headers[2]!];
  const line = (r: Response, i: number) => [
    `2026/05/${String(10 + (i % 18)).padStart(2, "0")} 9:${String(i % 60).padStart(2, "0")}:00 AM GMT+7`,
    r.id.replace("kb-", "GF-"),
    r.unit,
    ...SCALE_QUESTIONS.map((q, k) => {
      const text = answerText(answerOf(r, q), "label").replace("Không biết", "Không biết / không áp dụng");
      return k % 3 === 0 ? text.normalize("NFD") : text;
    }),
    r.channels.map(optionLabel).join(", "),
  ];
  const body = rows.map((r, i) => line(r, i));
  body.push(line({ ...rows[0]!, groups: [1, 1, 1, 1, 1] }, 45)); // sent again later: the first is kept
  return toCsv([header, ...body]);
}

/** A typed spreadsheet: numbers as numbers, a "status" column, decomposed (NFD) Vietnamese. */
export async function sheetXlsx(): Promise<Buffer> {
  const rows = exampleResponses();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date("2026-05-31T00:00:00Z");
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet("Phiếu khảo sát");
  sheet.addRow(["unit_code", "respondent_id", "submitted", "status", ...SCALE_QUESTIONS.map((q) => q.code), "channels"]);
  const line = (r: Response, i: number, status = "ok", id = r.id) => [
    r.unit,
    id,
    time(i).slice(0, 10),
    status,
    ...SCALE_QUESTIONS.map((q) => {
      const answer = answerOf(r, q);
      return answer === "na" ? "Không áp dụng".normalize("NFD") : answer === "oos" ? 6 : answer;
    }),
    r.channels.join(" "),
  ];
  rows.forEach((r, i) => sheet.addRow(line(r, i)));
  sheet.addRow(line({ ...rows[30]!, groups: [2, 2, 2, 2, 2] }, 50, "rejected", "xl-rejected-01"));
  sheet.addRow(line(rows[15]!, 15));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const EXAMPLE_EXPORTS = {
  "kobo-xml.csv": koboXmlCsv,
  "kobo-labels.csv": koboLabelsCsv,
  "limesurvey.csv": limeSurveyCsv,
  "google-forms.csv": googleFormsCsv,
} as const;

export const UNITS_CSV = "unit,unit_name,unit_type,population\nDV0001,Xã Minh Hòa,xa,10\nDV0002,Phường 15,phuong,226\nDV0003,Xã Thuận Tây,xa,12\n";
