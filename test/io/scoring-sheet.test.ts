import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import type { Assessment, ItemInput } from "../../src/assessment/types.js";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import { SCORING_SHEET_COLUMNS, buildScoringSheet } from "../../src/io/build-scoring-sheet.js";
import { readAssessmentSheet } from "../../src/io/read-assessment-sheet.js";
import { writeScoringSheetXlsx } from "../../src/io/xlsx/write-scoring-sheet-xlsx.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";

/**
 * The downloaded scoring sheet: Vietnamese headers the CLI reads, titles and maximum points,
 * locked except for the scorer's columns; filled in as Excel would and given to `par score`,
 * it scores as the same entries do.
 */
const CRITERIA = "criteria/reference-commune/2026.1.json";
const dir = mkdtempSync(join(tmpdir(), "par-scoring-sheet-"));
let set: CriteriaSet;
let assessments: Assessment[];

const column = (name: string) => SCORING_SHEET_COLUMNS.findIndex((c) => c.column === name) + 1;

beforeAll(() => {
  const loaded = loadCriteriaSet(JSON.parse(readFileSync(CRITERIA, "utf8")));
  if (!loaded.ok) throw new Error("criteria");
  set = loaded.value;
  const read = readAssessmentSheet(readFileSync("criteria/examples/demo-province/assessments-2026.csv", "utf8"), {
    fileName: "demo.csv",
    criteria: set,
    year: 2026,
  });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  assessments = read.value.slice(0, 3);
});

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("the scoring sheet", () => {
  it("has a row per fact, area and criterion of every unit, with titles and maximum points", () => {
    const sheet = buildScoringSheet(assessments, set);
    const unit = assessments[0]!.unit.code;
    const rows = sheet.rows.filter((row) => row.cells[0] === unit);
    const area = set.areas[0]!;
    const areaRow = rows.find((row) => row.kind === "area" && row.cells[column("item") - 1] === area.code);
    expect(areaRow?.cells.slice(column("title") - 1, column("max_points"))).toEqual([area.title.vi, area.max]);
    expect(rows.filter((row) => row.kind === "fact").length).toBe(Object.values(set.facts).filter((fact) => !fact.derived).length);
    expect(sheet.rows.every((row) => row.cells.length === SCORING_SHEET_COLUMNS.length)).toBe(true);
    expect(sheet.header.slice(0, 5)).toEqual(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Khối", "Mã tiêu chí"]);
  });

  it("locks everything but the appraisal columns, freezes the header and holds no formula", async () => {
    const bytes = await writeScoringSheetXlsx(buildScoringSheet(assessments, set), { title: "Thử", editable: ["appraisal1", "appraisal2", "comment"] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const worksheet = workbook.worksheets[0]!;
    expect(worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect((worksheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const itemRow = worksheet
      .getRows(2, worksheet.rowCount - 1)!
      .find((row) => row.getCell(column("max_points")).value !== "" && row.getCell(column("allowed")).value !== "")!;
    expect(itemRow.getCell(column("appraisal1")).protection?.locked).toBe(false);
    expect(itemRow.getCell(column("title")).protection?.locked).not.toBe(false);
    expect(itemRow.getCell(column("self")).protection?.locked).not.toBe(false);
    let formulas = 0;
    worksheet.eachRow((row) => row.eachCell((cell) => (formulas += cell.formula ? 1 : 0)));
    expect(formulas).toBe(0);
  });

  it("filled in as Excel would, `par score` reads it and scores the entries", async () => {
    const bytes = await writeScoringSheetXlsx(buildScoringSheet(assessments, set), { title: "Thử", editable: ["appraisal1", "appraisal2", "comment"] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const worksheet = workbook.worksheets[0]!;
    const target = assessments[1]!;
    const manual = set.areas.flatMap(function leaves(node): string[] {
      return "children" in node ? node.children.flatMap(leaves) : node.scoring.kind === "manual" ? [node.code] : [];
    });
    const marked = manual.slice(0, 2);
    worksheet.eachRow((row) => {
      if (row.getCell(column("unit")).value === target.unit.code && marked.includes(String(row.getCell(column("item")).value))) {
        row.getCell(column("appraisal1")).value = 0;
        row.getCell(column("comment")).value = "Thiếu văn bản";
      }
    });
    const path = join(dir, "downloaded.xlsx");
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));

    const result = await run("score", "--criteria", CRITERIA, "--year", "2026", path, "--format", "json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const reports = JSON.parse(result.stdout) as { unit: { code: string }; totals: unknown }[];
    expect(reports.map((report) => report.unit.code)).toEqual(assessments.map((a) => a.unit.code));

    const items: Record<string, ItemInput> = Object.fromEntries(marked.map((code) => [code, { points: 0, comment: "Thiếu văn bản" }]));
    const others = target.rounds.filter((round) => round.round !== "appraisal1");
    const earlier = target.rounds.find((round) => round.round === "appraisal1");
    const appraisal1 = { ...earlier, round: "appraisal1" as const, items: { ...earlier?.items, ...items } };
    const appraised: Assessment = { ...target, rounds: [others[0]!, appraisal1, ...others.slice(1)] };
    const expected = scoreAssessment(set, appraised);
    if (!expected.ok) throw new Error(JSON.stringify(expected.problems));
    expect(reports[1]!.totals).toEqual(expected.value.totals);
    const before = scoreAssessment(set, target);
    expect(before.ok && before.value.totals).not.toEqual(expected.value.totals);
    const untouched = scoreAssessment(set, assessments[0]!);
    if (!untouched.ok) throw new Error("score");
    expect(reports[0]!.totals).toEqual(untouched.value.totals);
  });
});
