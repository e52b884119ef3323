import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Assessment } from "../../src/assessment/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { setsUnderTest } from "../fixtures/shipped-sets.js";

/**
 * Whole score reports of three generated units per criteria set, kept as JSON next to this file
 * and reviewed in diffs. After an intended change, rewrite them with
 * `UPDATE_GOLDEN=1 npx vitest run test/golden` and read the diff before committing.
 */
const UPDATE = process.env["UPDATE_GOLDEN"] === "1";
const SEED = 20_260_101;

interface Golden {
  criteria: string;
  seed: number;
  assessment: Assessment;
  report: ScoreReport;
}

function goldenFile(name: string, code: string): URL {
  return new URL(`./${name.replace(/\//g, "-")}-${code}.json`, import.meta.url);
}

describe.each(setsUnderTest())("golden reports for $name", ({ name, set }) => {
  const assessments = generateAssessments(set, { count: 3, seed: SEED, unitPrefix: "G" });

  it.each(assessments.map((assessment) => ({ code: assessment.unit.code, assessment })))("$code scores as recorded", ({ code, assessment }) => {
    const file = goldenFile(name, code);
    const scored = scoreAssessment(set, assessment);
    if (!scored.ok) throw new Error(`the generated assessment ${code} does not score: ${JSON.stringify(scored.problems)}`);
    if (UPDATE) {
      const golden: Golden = { criteria: `${set.family} ${set.version}`, seed: SEED, assessment, report: scored.value };
      writeFileSync(file, `${JSON.stringify(golden, null, 2)}\n`);
      return;
    }
    if (!existsSync(file)) throw new Error(`golden file ${file.pathname} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden and review it`);
    const golden = JSON.parse(readFileSync(file, "utf8")) as Golden;
    const recorded = scoreAssessment(set, golden.assessment);
    expect(recorded.ok && recorded.value, "the recorded assessment no longer scores as recorded (UPDATE_GOLDEN=1 rewrites it)").toEqual(golden.report);
    expect(assessment, "the generator no longer produces the recorded assessment (UPDATE_GOLDEN=1 rewrites it)").toEqual(golden.assessment);
  });
});
