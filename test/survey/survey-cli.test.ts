import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { writeText } from "./survey-fixtures.js";

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
    const result = await run("survey", "import", join(EXAMPLES, "google-forms.csv"), "--mapping", MAPPING, "--units", join(EXAMPLES, "units.csv"), "--out", out, "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/google-forms\.csv \(google-forms\): 33 rows, 32 used; excluded: 1 duplicate/);
    expect(result.stderr).toMatch(/below the required sample: DV0002/);
    const csv = readFileSync(out, "utf8");
    expect(csv.split("\n").slice(0, 2)).toEqual([
      "\uFEFFunit,respondents,sipas_access,sipas_procedure,sipas_civil_servant,sipas_result,sipas_feedback,satisfaction_overall",
      "DV0001,10,77.5,80,90,100,77.78,84.5",
    ]);

    const scored = await run("score", "--criteria", "criteria/reference-commune/2026.1.json", "criteria/examples/demo-province/assessments-2026.csv", "--survey", out);
    expect(scored.code).toBe(0);
    const reports = JSON.parse(scored.stdout) as { unit: { code: string }; totals: { surveyPoints: number }; survey: { respondents?: number } }[];
    const dv1 = reports.find((r) => r.unit.code === "DV0001")!;
    expect(dv1.totals.surveyPoints).toBe(25.028);
    expect(dv1.survey.respondents).toBe(10);
  });

  it("--format json and --report give everything: questions, groups, intervals, points, quality", async () => {
    const report = writeText("report.json", "");
    const result = await run("survey", "import", join(EXAMPLES, "sheet.xlsx"), "--mapping", MAPPING, "--units", join(EXAMPLES, "units.csv"), "--format", "json", "--report", report);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { format: string; units: { unit: string; points: { total: number } }[]; quality: { rejected: number } };
    expect(JSON.parse(readFileSync(report, "utf8"))).toEqual(json);
    expect(json.format).toBe("par-survey-results/1");
    expect(json.units[0]).toMatchObject({ unit: "DV0001", points: { total: 25.028 } });
    expect(json.quality.rejected).toBe(1);
  });

  it.each([
    { args: ["survey"], code: 2, stderr: /Unknown subcommand "" of par survey. Expected: import/ },
    { args: ["survey", "import", join(EXAMPLES, "kobo-xml.csv")], code: 2, stderr: /Give the instrument mapping with --mapping/ },
    { args: ["survey", "import", "nope.csv", "--mapping", MAPPING], code: 2, stderr: /File not found: nope.csv/ },
    { args: ["survey", "import", join(EXAMPLES, "kobo-xml.csv"), "--mapping", MAPPING, "--units", writeText("two-units.csv", "unit,unit_name\nDV0001,Xã Minh Hòa\nDV0002,Phường 15\n")], code: 1, stderr: /kobo-xml\.csv:\d+:grp_info\/unit_code {2}\[unknown-unit\]\n {4}đơn vị "DV0003" \(12 dòng/ },
  ])("exit $code: $stderr", async ({ args, code, stderr }) => {
    const result = await run(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(stderr);
  });
});
