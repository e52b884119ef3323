import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSurveyImport } from "../../src/survey/create-survey-import.js";
import { KOBO_HEADER, UNITS, criteria, koboRow, referenceMapping } from "./survey-fixtures.js";

const mapping = referenceMapping();
const QUESTIONS = KOBO_HEADER.slice(1, 20);

function runImport(rows: string[][]) {
  const engine = createSurveyImport({ mapping, criteria, units: UNITS, fileName: "x.csv" });
  expect(engine.header(KOBO_HEADER)).toEqual([]);
  rows.forEach((row, i) => engine.row(row, i + 2));
  const result = engine.finish();
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const response = fc.record({
  unit: fc.constantFrom("DV0001", "DV0002"),
  answers: fc.array(fc.constantFrom("1", "2", "3", "4", "5", "99", "", "x"), { minLength: 19, maxLength: 19 }),
});
const responses = fc
  .array(response, { minLength: 1, maxLength: 30 })
  .map((list) => list.map((r, i) => koboRow(`id-${i}`, { unit_code: r.unit, ...Object.fromEntries(QUESTIONS.map((q, k) => [q, r.answers[k]!])) })));

describe("survey import properties", () => {
  it("results do not depend on the order of the rows", () => {
    fc.assert(
      fc.property(responses, fc.integer(), (rows, seed) => {
        const shuffled = [...rows].sort((a, b) => hash(a.join(), seed) - hash(b.join(), seed));
        expect(runImport(shuffled).units).toEqual(runImport(rows).units);
      }),
      { numRuns: 60 },
    );
  });

  it("a duplicate is never counted twice", () => {
    fc.assert(
      fc.property(responses, fc.array(fc.nat(), { maxLength: 10 }), (rows, picks) => {
        const copies = picks.map((p) => rows[p % rows.length]!);
        const result = runImport([...rows, ...copies]);
        expect(result.units).toEqual(runImport(rows).units);
        expect(result.quality.duplicates).toBe(copies.length);
        expect(result.units.reduce((sum, u) => sum + u.respondents, 0)).toBe(rows.length);
      }),
      { numRuns: 60 },
    );
  });

  it("every percentage lies within its interval, and both within 0…100", () => {
    fc.assert(
      fc.property(responses, (rows) => {
        for (const unit of runImport(rows).units) {
          for (const e of [unit.overall, ...unit.groups, ...unit.questions.filter((q) => "percent" in q)] as {
            percent: number | null;
            ci95: [number, number] | null;
          }[]) {
            if (e.percent === null) continue;
            expect(e.ci95![0]).toBeLessThanOrEqual(e.percent + 1e-9);
            expect(e.ci95![1]).toBeGreaterThanOrEqual(e.percent - 1e-9);
            expect(e.ci95![0]).toBeGreaterThanOrEqual(0);
            expect(e.ci95![1]).toBeLessThanOrEqual(100);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
