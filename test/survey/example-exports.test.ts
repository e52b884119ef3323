import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import mappingJson from "../../criteria/survey/reference-sipas/2026.1.json" with { type: "json" };
import criteriaJson from "../../criteria/reference-commune/2026.1.json" with { type: "json" };
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import { importSurveyFile } from "../../src/files/import-survey-file.js";
import { readSurveyUnits } from "../../src/io/survey/read-survey-units.js";
import { loadSurveyMapping } from "../../src/survey/load-survey-mapping.js";
import type { ScaleQuestionResult, SurveyImportResult } from "../../src/survey/result-types.js";
import type { SurveyMapping, SurveyUnit } from "../../src/survey/types.js";
import { wilsonInterval } from "../../src/survey/wilson-interval.js";
import { GROUPS, SCALE_QUESTIONS, answerOf, exampleResponses } from "./example-responses.js";
import { EXAMPLE_EXPORTS, UNITS_CSV, sheetXlsx } from "./render-example-exports.js";

const DIR = join(import.meta.dirname, "../../criteria/examples/survey");
const criteria = (loadCriteriaSet(criteriaJson) as { ok: true; value: CriteriaSet }).value;
const mapping = (loadSurveyMapping(mappingJson, criteria) as { ok: true; value: SurveyMapping }).value;
let units: SurveyUnit[];

beforeAll(async () => {
  if (process.env.UPDATE_SURVEY_EXAMPLES) {
    for (const [name, render] of Object.entries(EXAMPLE_EXPORTS)) writeFileSync(join(DIR, name), render());
    writeFileSync(join(DIR, "sheet.xlsx"), await sheetXlsx());
    writeFileSync(join(DIR, "units.csv"), UNITS_CSV);
  }
  const read = readSurveyUnits(readFileSync(join(DIR, "units.csv"), "utf8"), "units.csv");
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  units = read.value;
});

async function importExample(name: string): Promise<SurveyImportResult> {
  const result = await importSurveyFile(join(DIR, name), { mapping, criteria, units, fileName: name });
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

const round2 = (x: number) => Math.round(x * 100 + 1e-9) / 100;

/** The results worked out the plain way, from the responses behind the exports. */
function expectedUnits() {
  const responses = exampleResponses();
  return ["DV0001", "DV0002", "DV0003"].map((unit) => {
    const mine = responses.filter((r) => r.unit === unit);
    const questions = SCALE_QUESTIONS.map((q) => {
      const valid = mine.map((r) => answerOf(r, q)).filter((a): a is 1 | 2 | 3 | 4 | 5 => typeof a === "number");
      const satisfied = valid.filter((a) => a >= 4).length;
      return { code: q.code, n: valid.length, satisfied, percent: round2((satisfied / valid.length) * 100) };
    });
    const groupScores = mine.map((r) =>
      GROUPS.map((g) => {
        const valid = SCALE_QUESTIONS.filter((q) => q.group === g)
          .map((q) => answerOf(r, q))
          .filter((a) => typeof a === "number");
        return valid.length === 0 ? null : valid.filter((a) => a >= 4).length / valid.length;
      }),
    );
    const groups = GROUPS.map((g, i) => {
      const scores = groupScores.map((s) => s[i]).filter((s): s is number => s !== null);
      return { code: g, n: scores.length, percent: round2((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) };
    });
    const overallScores = groupScores.map((s) => s.filter((x): x is number => x !== null)).map((s) => s.reduce((a, b) => a + b, 0) / s.length);
    const overall = round2((overallScores.reduce((a, b) => a + b, 0) / overallScores.length) * 100);
    return { unit, respondents: mine.length, questions, groups, overall };
  });
}

const FILES = [
  { name: "kobo-xml.csv", kind: "kobo", rows: 34, duplicates: 1, rejected: 1, incomplete: 0 },
  { name: "kobo-labels.csv", kind: "kobo", rows: 34, duplicates: 1, rejected: 1, incomplete: 0 },
  { name: "limesurvey.csv", kind: "limesurvey", rows: 33, duplicates: 0, rejected: 0, incomplete: 1 },
  { name: "google-forms.csv", kind: "google-forms", rows: 33, duplicates: 1, rejected: 0, incomplete: 0 },
  { name: "sheet.xlsx", kind: "spreadsheet", rows: 34, duplicates: 1, rejected: 1, incomplete: 0 },
];

describe("example exports (criteria/examples/survey)", () => {
  it.each(Object.entries(EXAMPLE_EXPORTS))("%s is what the generator writes", (name, render) => {
    expect(readFileSync(join(DIR, name), "utf8")).toBe(render());
  });

  it.each(FILES)("$name: every exclusion counted", async ({ name, kind, ...counts }) => {
    const { source, quality } = await importExample(name);
    expect(source.kind).toBe(kind);
    expect(quality).toMatchObject({ ...counts, used: 32, missingUnit: 0, outOfScale: 1, excludedAnswers: 9, unitsBelowSample: ["DV0002"] });
    const outOfScale = quality.issues.find((p) => p.code === "answer-out-of-scale")!;
    expect(outOfScale.path).toMatch(new RegExp(`^${name.replace(".", "\\.")}:\\d+:`));
    expect(outOfScale.message).toMatch(/is on no scale of question c1: left out/);
  });

  it.each(FILES)("$name: results equal the plain computation", async ({ name }) => {
    const { units: results } = await importExample(name);
    const expected = expectedUnits();
    expect(results.map((u) => u.unit)).toEqual(expected.map((e) => e.unit));
    for (const [i, unit] of results.entries()) {
      const want = expected[i]!;
      expect(unit.respondents).toBe(want.respondents);
      const scale = unit.questions.filter((q): q is ScaleQuestionResult => "satisfied" in q);
      expect(scale.map((q) => ({ code: q.code, n: q.n, satisfied: q.satisfied, percent: q.percent }))).toEqual(want.questions);
      expect(unit.groups.filter((g) => g.code !== "other").map((g) => ({ code: g.code, n: g.n, percent: g.percent }))).toEqual(want.groups);
      expect(unit.overall.percent).toBe(want.overall);
    }
  });

  it("DV0001, worked by hand: groups, overall, intervals, points", async () => {
    const dv1 = (await importExample("kobo-xml.csv")).units[0]!;
    // access: 7.75 of 10 respondents' scores (respondent 3 is satisfied on 3 of 4 access questions)
    // feedback: 7 of 9 (respondent 7 answered "don't know" throughout)
    expect(dv1.indicators).toEqual({
      sipas_access: 77.5,
      sipas_procedure: 80,
      sipas_civil_servant: 90,
      sipas_result: 100,
      sipas_feedback: 77.78,
      satisfaction_overall: 84.5,
    });
    const a1 = dv1.questions.find((q) => q.code === "a1") as ScaleQuestionResult;
    expect([a1.satisfied, a1.n, a1.percent, a1.ci95, a1.mean]).toEqual([8, 10, 80, [49.02, 94.33], 4.1]);
    const c1 = dv1.questions.find((q) => q.code === "c1") as ScaleQuestionResult;
    expect([c1.n, c1.percent]).toEqual([9, 100]);
    const channels = dv1.questions.find((q) => q.code === "channels")!;
    expect("options" in channels && channels.options.map((o) => o.chosen)).toEqual([1, 9, 1, 1]);
    expect(dv1.sample).toEqual({ required: 10, enough: true });
    // linear 50→100 % on 5 points: 2.75 + 3 + 4 + 5 + 2.778; overall 84.5 % is in the 80–87 % tier: 7.5
    expect(dv1.points.leaves.map((l) => l.points)).toEqual([2.75, 3, 4, 5, 2.778, 7.5]);
    expect(dv1.points.total).toBe(25.028);
    const overall = wilsonInterval(8.45, 10)!;
    expect(dv1.overall.ci95).toEqual([round2(overall[0] * 100), round2(overall[1] * 100)]);
  });

  it("the committed XLSX example exists", () => {
    expect(existsSync(join(DIR, "sheet.xlsx"))).toBe(true);
  });
});
