import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writeAssessmentSheet } from "../../src/io/write-assessment-sheet.js";
import { writeSurveyResults } from "../../src/io/read-survey-results.js";
import { generateDemoProvince } from "../../src/synthetic/generate-demo-province.js";
import { loadShippedSet } from "../fixtures/shipped-sets.js";

/**
 * The demo province shipped in criteria/examples/demo-province is exactly what the seeded
 * generator makes; `npm run demo:data` (UPDATE_DEMO=1) rewrites it after an intended change.
 */
const folder = new URL("../../criteria/examples/demo-province/", import.meta.url);
const years = generateDemoProvince([loadShippedSet("reference-commune/2025.1.json"), loadShippedSet("reference-commune/2026.1.json")], {
  units: 40,
  seed: 2025,
});

describe("demo province", () => {
  it.each(years.map((year) => ({ year: year.set.appliesTo.years[0]!, ...year })))(
    "$year: the shipped sheets match the generator",
    ({ year, set, assessments, survey }) => {
      const files = {
        [`assessments-${year}.csv`]: writeAssessmentSheet(assessments, set),
        [`survey-${year}.csv`]: writeSurveyResults(survey, set),
      };
      for (const [name, text] of Object.entries(files)) {
        const url = new URL(name, folder);
        if (process.env.UPDATE_DEMO) writeFileSync(url, text);
        expect(existsSync(url), `${name} is missing: run npm run demo:data`).toBe(true);
        expect(readFileSync(url, "utf8")).toBe(text);
      }
    },
  );

  it("keeps the same units across the years", () => {
    expect(years[1]!.assessments.map((a) => a.unit)).toEqual(years[0]!.assessments.map((a) => a.unit));
  });
});
