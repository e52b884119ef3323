import { describe, expect, it } from "vitest";
import { importSurveyFile } from "../../src/files/import-survey-file.js";
import type { Problem } from "../../src/problem.js";
import { KOBO_HEADER, UNITS, criteria, koboRow, referenceMapping, writeExport, writeText } from "./survey-fixtures.js";

const importFile = (path: string) => importSurveyFile(path, { mapping: referenceMapping(), criteria, units: UNITS, fileName: "export.csv" });

/** Inputs that stop the import: every problem listed with its place. */
describe("survey import: problems that stop it", () => {
  it.each([
    {
      name: "a missing question column, with the nearest header",
      path: () => writeExport([koboRow("r1")], { header: KOBO_HEADER.map((h) => (h === "p2" ? "p_2" : h)) }),
      code: "missing-column",
      at: "export.csv:1",
      message: /no column for question p2: expected a header named "p2" or "Q2\[SQ002\]" or .*\(found "p_2"/,
    },
    {
      name: "a missing unit column",
      path: () => writeExport([koboRow("r1")], { header: KOBO_HEADER.map((h) => (h === "unit_code" ? "don_vi" : h)) }),
      code: "missing-column",
      at: "export.csv:1",
      message: /no column for the unit code/,
    },
    {
      name: "an unknown unit, with the near match by name",
      path: () => writeExport([koboRow("r1"), koboRow("r2", { unit_code: "Phuong 15" }), koboRow("r3", { unit_code: "Phuong 15" })]),
      code: "unknown-unit",
      at: "export.csv:3:unit_code",
      message: /unit "Phuong 15" \(2 rows, first 3\) is not in the units list: did you mean DV0002 \(Phường 15\)\?/,
    },
    {
      name: "an unknown unit code, with the near code",
      path: () => writeExport([koboRow("r1", { unit_code: "DV001" })]),
      code: "unknown-unit",
      at: "export.csv:2:unit_code",
      message: /unit "DV001" \(row 2\).*did you mean DV0001 \(Xã Minh Hòa\)/,
    },
    {
      name: "an unclosed quote",
      path: () => writeText("quote.csv", `${KOBO_HEADER.join(",")}\n${koboRow("r1").join(",")}\n"DV0001,4\n`),
      code: "parse",
      at: "export.csv:3",
      message: /quoted cell that starts on row 3 is never closed/,
    },
    {
      name: "an empty file",
      path: () => writeText("empty.csv", ""),
      code: "parse",
      at: "export.csv:1",
      message: /the file is empty/,
    },
  ])("$name", async ({ path, code, at, message }) => {
    const result = await importFile(path());
    expect(result.ok).toBe(false);
    const problems: Problem[] = result.ok ? [] : result.problems;
    const found = problems.find((p) => p.code === code);
    expect(found, JSON.stringify(problems)).toBeDefined();
    if (typeof at === "string") expect(found!.path).toBe(at);
    else expect(found!.path).toMatch(at);
    expect(found!.message).toMatch(message);
    expect(found!.vi.length).toBeGreaterThan(10);
  });
});

/** Rows and answers that are excluded: counted, listed with file:row:column, never silent. */
describe("survey import: data quality", () => {
  it.each([
    {
      name: "a duplicate respondent",
      rows: [koboRow("r1"), koboRow("r2"), koboRow("r1", { a1: "1" })],
      count: "duplicates",
      code: "duplicate-response",
      at: "export.csv:4:_uuid",
      message: /duplicate response dropped: respondent "r1" was already counted/,
    },
    {
      name: "a rejected response",
      rows: [koboRow("r1"), koboRow("r2", { _validation_status: "validation_status_not_approved" })],
      count: "rejected",
      code: "rejected-response",
      at: "export.csv:3:_validation_status",
      message: /response excluded: status "validation_status_not_approved"/,
    },
    {
      name: "an incomplete response (empty submission time)",
      rows: [koboRow("r1"), koboRow("r2", { _submission_time: "" })],
      count: "incomplete",
      code: "incomplete-response",
      at: "export.csv:3:_submission_time",
      message: /not submitted \(empty submission time\)/,
    },
    {
      name: "a response without unit",
      rows: [koboRow("r1"), koboRow("r2", { unit_code: " " })],
      count: "missingUnit",
      code: "missing-unit",
      at: "export.csv:3:unit_code",
      message: /no unit code/,
    },
    {
      name: "an answer on no scale",
      rows: [koboRow("r1"), koboRow("r2", { r3: "7" })],
      count: "outOfScale",
      code: "answer-out-of-scale",
      at: "export.csv:3:r3",
      message: /answer "7" is on no scale of question r3: left out/,
    },
    {
      name: "a select-many answer that is no option",
      rows: [koboRow("r1", { channels: "counter radio" })],
      count: "outOfScale",
      code: "answer-out-of-scale",
      at: "export.csv:2:channels",
      message: /"radio" is no option of question channels/,
    },
  ])("$name", async ({ rows, count, code, at, message }) => {
    const result = await importFile(writeExport(rows));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const quality = result.value.quality as unknown as Record<string, number>;
    expect(quality[count]).toBe(1);
    const found = result.value.quality.issues.find((p) => p.code === code);
    expect(found?.path).toBe(at);
    expect(found?.message).toMatch(message);
  });

  it("a unit below the required sample is flagged (n = N / (1 + N·e²))", async () => {
    const result = await importFile(writeExport([koboRow("r1", { unit_code: "DV0002" })]));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.units[0]!.sample).toEqual({ required: 145, enough: false });
    expect(result.value.quality.unitsBelowSample).toEqual(["DV0002"]);
    expect(result.value.quality.issues.find((p) => p.code === "sample-too-small")?.message).toMatch(
      /unit DV0002 has 1 usable responses, fewer than the 145 required/,
    );
  });

  it("lists 20 issues of a kind and counts the rest", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => koboRow(`r${i}`, { a1: "x" }));
    const result = await importFile(writeExport(rows));
    if (!result.ok) throw new Error("not ok");
    expect(result.value.quality.outOfScale).toBe(25);
    expect(result.value.quality.issues.filter((p) => p.code === "answer-out-of-scale")).toHaveLength(20);
    expect(result.value.quality.notListed).toBe(5);
  });

  it("reads ';', a BOM and decomposed Vietnamese (NFD) the same as ',' and NFC", async () => {
    const rows = [koboRow("r1", { a1: "Rất hài lòng".normalize("NFD"), a2: "Không biết".normalize("NFD") })];
    const plain = await importFile(writeExport([koboRow("r1", { a1: "5", a2: "99" })]));
    const variant = await importFile(writeExport(rows, { delimiter: ";", bom: true }));
    if (!plain.ok || !variant.ok) throw new Error("not ok");
    expect(variant.value.units).toEqual(plain.value.units);
    expect(variant.value.quality.excludedAnswers).toBe(1);
  });

  it("notes a missing respondent id column: duplicates cannot be detected", async () => {
    const header = KOBO_HEADER.filter((h) => h !== "_uuid");
    const result = await importFile(writeExport([koboRow("r1").filter((_, i) => KOBO_HEADER[i] !== "_uuid")], { header }));
    if (!result.ok) throw new Error("not ok");
    expect(result.value.quality.notes.map((n) => n.en)).toContain("no respondent id column: duplicates cannot be detected");
  });
});
