import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { referenceMapping, writeText } from "./survey-fixtures.js";

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const MAPPING = "criteria/survey/reference-sipas/2026.1.json";
const EXAMPLES = "criteria/examples/survey";

describe("par survey import", () => {
  it("writes the results CSV that par score --survey reads, and a data-quality summary", async () => {
    const out = writeText("results.csv", "");
    const result = await run(
      "survey",
      "import",
      join(EXAMPLES, "google-forms.csv"),
      "--mapping",
      MAPPING,
      "--units",
      join(EXAMPLES, "units.csv"),
      "--out",
      out,
      "--lang",
      "en",
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/google-forms\.csv \(google-forms\): 33 rows, 32 used; excluded: 1 duplicate/);
    expect(result.stderr).toMatch(/below the required sample: DV0002/);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\n").slice(0, 2)).toEqual([
      "\uFEFFunit,respondents,sipas_access,sipas_procedure,sipas_civil_servant,sipas_result,sipas_feedback,satisfaction_overall",
      "DV0001,10,77.5,80,90,100,77.78,84.5",
    ]);

    const scored = await run(
      "score",
      "--criteria",
      "criteria/reference-commune/2026.1.json",
      "criteria/examples/demo-province/assessments-2026.csv",
      "--survey",
      out,
    );
    expect(scored.code).toBe(0);
    const reports = JSON.parse(scored.stdout) as { unit: { code: string }; totals: { surveyPoints: number }; survey: { respondents?: number } }[];
    const dv1 = reports.find((r) => r.unit.code === "DV0001")!;
    expect(dv1.totals.surveyPoints).toBe(25.028);
    expect(dv1.survey.respondents).toBe(10);
  });

  it("--out results.xlsx writes the same results as a workbook", async () => {
    const out = writeText("results.xlsx", "");
    const result = await run(
      "survey",
      "import",
      join(EXAMPLES, "google-forms.csv"),
      "--mapping",
      MAPPING,
      "--units",
      join(EXAMPLES, "units.csv"),
      "--out",
      out,
    );
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const rows = workbook.worksheets[0]!.getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      "unit",
      "respondents",
      "sipas_access",
      "sipas_procedure",
      "sipas_civil_servant",
      "sipas_result",
      "sipas_feedback",
      "satisfaction_overall",
    ]);
    expect(rows[1]).toEqual(["DV0001", 10, 77.5, 80, 90, 100, 77.78, 84.5]);
  });

  it("--format json and --report give everything: questions, groups, intervals, points, quality", async () => {
    const report = writeText("report.json", "");
    const result = await run(
      "survey",
      "import",
      join(EXAMPLES, "sheet.xlsx"),
      "--mapping",
      MAPPING,
      "--units",
      join(EXAMPLES, "units.csv"),
      "--format",
      "json",
      "--report",
      report,
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { format: string; units: { unit: string; points: { total: number } }[]; quality: { rejected: number } };
    expect(JSON.parse(readFileSync(report, "utf8"))).toEqual(json);
    expect(json.format).toBe("par-survey-results/1");
    expect(json.units[0]).toMatchObject({ unit: "DV0001", points: { total: 25.028 } });
    expect(json.quality.rejected).toBe(1);
  });

  it("--survey also reads the --report JSON: the same scores as from the CSV, with the mapping and export as the source", async () => {
    const csv = writeText("for-score.csv", "");
    const report = writeText("for-score.json", "");
    const imported = await run("survey", "import", join(EXAMPLES, "kobo-xml.csv"), "--mapping", MAPPING, "--out", csv, "--report", report);
    expect(imported.code).toBe(0);
    const score = async (survey: string) => {
      const result = await run(
        "score",
        "--criteria",
        "criteria/reference-commune/2026.1.json",
        "criteria/examples/demo-province/assessments-2026.csv",
        "--survey",
        survey,
      );
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { unit: { code: string }; totals: unknown; survey: { included: boolean; respondents?: number; source?: string } }[];
    };
    const fromCsv = await score(csv);
    const fromReport = await score(report);
    expect(fromReport.map((r) => r.totals)).toEqual(fromCsv.map((r) => r.totals));
    const dv1 = fromReport.find((r) => r.unit.code === "DV0001")!;
    expect(dv1.survey).toEqual({
      ...fromCsv.find((r) => r.unit.code === "DV0001")!.survey,
      source: `reference-sipas 2026.1: ${join(EXAMPLES, "kobo-xml.csv")}`,
    });
    expect(dv1.survey.included).toBe(true);

    const other = await run(
      "score",
      "--criteria",
      "criteria/reference-commune/2025.1.json",
      "criteria/examples/demo-province/assessments-2025.csv",
      "--survey",
      report,
      "--lang",
      "en",
    );
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /for-score\.json:criteria {2}\[criteria-mismatch\]\n {4}the survey report is for reference-commune 2026.1, not reference-commune 2025.1/,
    );
  });

  it("the 2025.1 mapping imports a survey for the 2025 demo year (its set found from the mapping)", async () => {
    const csv = writeText("results-2025.csv", "");
    const imported = await run("survey", "import", join(EXAMPLES, "limesurvey.csv"), "--mapping", "criteria/survey/reference-sipas/2025.1.json", "--out", csv);
    expect(imported.code, imported.stderr).toBe(0);
    const scored = await run(
      "score",
      "--criteria",
      "criteria/reference-commune/2025.1.json",
      "criteria/examples/demo-province/assessments-2025.csv",
      "--survey",
      csv,
    );
    expect(scored.code, scored.stderr).toBe(0);
    const reports = JSON.parse(scored.stdout) as { unit: { code: string }; survey: { included: boolean } }[];
    expect(reports.find((r) => r.unit.code === "DV0001")!.survey.included).toBe(true);
  });

  it.each([
    { args: ["survey"], code: 2, stderr: /Thiếu lệnh sau "par survey". Các lệnh: import/ },
    { args: ["survey", "imprt", "--lang", "en"], code: 2, stderr: /Unknown command "par survey imprt". Did you mean "import"\? Expected one of: import/ },
    { args: ["survey", "import", join(EXAMPLES, "kobo-xml.csv")], code: 2, stderr: /Thiếu --mapping <bảng-ánh-xạ\.json>/ },
    { args: ["survey", "import", join(EXAMPLES, "kobo-xml.csv"), "--lang", "en"], code: 2, stderr: /Give --mapping <mapping\.json>: the instrument mapping/ },
    { args: ["survey", "import", "nope.csv", "--mapping", MAPPING], code: 2, stderr: /Không tìm thấy tệp: nope.csv/ },
    {
      args: [
        "survey",
        "import",
        join(EXAMPLES, "kobo-xml.csv"),
        "--mapping",
        MAPPING,
        "--units",
        writeText("two-units.csv", "unit,unit_name\nDV0001,Xã Minh Hòa\nDV0002,Phường 15\n"),
      ],
      code: 1,
      stderr: /kobo-xml\.csv:\d+:grp_info\/unit_code {2}\[unknown-unit\]\n {4}đơn vị "DV0003" \(12 dòng/,
    },
  ])("exit $code: $stderr", async ({ args, code, stderr }) => {
    const result = await run(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(stderr);
  });
});

describe("par validate with survey mappings", () => {
  const mappingFile = (name: string, edit: (m: Record<string, unknown>) => void = () => {}) => {
    const mapping = referenceMapping() as unknown as Record<string, unknown>;
    edit(mapping);
    return writeText(name, JSON.stringify(mapping));
  };

  it("checks a mapping against the shipped criteria set it names, next to criteria sets", async () => {
    const result = await run("validate", "criteria/reference-commune/2026.1.json", MAPPING, "criteria/survey/reference-sipas/2025.1.json", "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "✓ criteria/survey/reference-sipas/2025.1.json: survey mapping reference-sipas 2025.1 (published): 20 questions in 6 groups, 6 indicators; feeds reference-commune 2025.1",
    );
    expect(result.stdout).toMatch(/✓ criteria\/reference-commune\/2026.1.json: reference-commune 2026.1 \(published\)/);
    expect(result.stdout).toContain(
      `✓ ${MAPPING}: survey mapping reference-sipas 2026.1 (published): 20 questions in 6 groups, 6 indicators; feeds reference-commune 2026.1`,
    );
    const vi = await run("validate", MAPPING);
    expect(vi.stdout).toContain(
      `✓ ${MAPPING}: bảng ánh xạ phiếu điều tra reference-sipas 2026.1 (đã ban hành): 20 câu hỏi trong 6 nhóm, 6 chỉ tiêu; dùng cho reference-commune 2026.1`,
    );
  });

  it("lists every problem of a broken mapping, including those against the criteria set", async () => {
    const broken = mappingFile("broken-mapping.json", (m) => {
      (m.questions as { group: string }[])[0]!.group = "acess";
      (m.indicators as Record<string, string>).sipas_acess = "group:access";
      m.decimals = "2";
    });
    const result = await run("validate", broken, "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ .*broken-mapping.json: 3 problems/);
    expect(result.stdout).toMatch(/questions\[0\]\.group {2}\[unknown-group\]\n {4}group "acess" is not declared in "groups" \(did you mean "access"\?\)/);
    expect(result.stdout).toMatch(/indicators\.sipas_acess {2}\[unknown-indicator\]/);
    expect(result.stdout).toMatch(/decimals {2}\[schema\]/);
  });

  it.each([
    {
      name: "--criteria names another set",
      args: ["--criteria", "criteria/reference-commune/2025.1.json"],
      code: 1,
      out: /criteria {2}\[criteria-mismatch\]\n {4}the mapping is for reference-commune 2026.1, not reference-commune 2025.1/,
    },
    {
      name: "the named set is not shipped",
      edit: (m: Record<string, unknown>) => void (m.criteria = { family: "province-x", version: "2026.1" }),
      code: 0,
      out: /survey mapping reference-sipas 2026.1 \(published\).*; indicators not checked: province-x 2026.1 is not shipped \(give --criteria <set.json>\)/,
    },
    {
      name: "the format names another version",
      edit: (m: Record<string, unknown>) => void (m.format = "par-survey-mapping/2"),
      code: 1,
      out: /format {2}\[schema\]/,
    },
  ])("$name: exit $code", async ({ args = [], edit, code, out }) => {
    const result = await run("validate", mappingFile("mapping.json", edit), ...args, "--lang", "en");
    expect(result.code, result.stdout + result.stderr).toBe(code);
    expect(result.stdout).toMatch(out);
  });

  it("--format json says which kind each file is", async () => {
    const result = await run("validate", MAPPING, "criteria/reference-commune/2026.1.json", "--format", "json");
    expect((JSON.parse(result.stdout) as { kind: string; ok: boolean }[]).map((r) => `${r.kind} ${r.ok}`)).toEqual(["survey-mapping true", "criteria true"]);
  });
});
