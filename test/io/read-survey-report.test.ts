import { describe, expect, it } from "vitest";
import { readSurveyReport } from "../../src/io/read-survey-report.js";
import { miniSet } from "../fixtures/mini-set.js";

const report = (units: unknown[], criteria = { family: "mini", version: "2026.1" }) => ({
  format: "par-survey-results/1",
  mapping: { id: "mini-sipas", version: "2026.1" },
  criteria,
  source: { file: "export.csv", kind: "kobo" },
  units,
});
const read = (json: unknown) => readSurveyReport(json, { fileName: "report.json", criteria: miniSet() });

describe("readSurveyReport", () => {
  it("reads each unit's indicators and respondents, and names the mapping and export as the source", () => {
    const result = read(
      report([
        { unit: "X1", respondents: 150, indicators: { overall: 87.5, feedback: 80 }, questions: [] },
        { unit: "X2", respondents: 3, indicators: {} },
      ]),
    );
    expect(result).toEqual({
      ok: true,
      value: new Map([
        ["X1", { indicators: { overall: 87.5, feedback: 80 }, respondents: 150, source: "mini-sipas 2026.1: export.csv" }],
        ["X2", { indicators: {}, respondents: 3, source: "mini-sipas 2026.1: export.csv" }],
      ]),
    });
  });

  it.each([
    {
      name: "not a report",
      json: { units: [] },
      code: "parse",
      path: "report.json:format",
      message: /not a survey report: expected "format": "par-survey-results\/1"/,
    },
    {
      name: "another criteria set",
      json: report([], { family: "mini", version: "2025.1" }),
      code: "criteria-mismatch",
      path: "report.json:criteria",
      message: /for mini 2025.1, not mini 2026.1/,
    },
    {
      name: "an unknown indicator",
      json: report([{ unit: "X1", respondents: 1, indicators: { overal: 80 } }]),
      code: "unknown-indicator",
      path: "report.json:units[0].indicators.overal",
      message: /did you mean "overall"/,
    },
    {
      name: "a value that is no number",
      json: report([{ unit: "X1", respondents: 1, indicators: { overall: "80" } }]),
      code: "parse",
      path: "report.json:units[0].indicators.overall",
      message: /"80" is not a number/,
    },
    {
      name: "a unit twice",
      json: report([
        { unit: "X1", respondents: 1, indicators: {} },
        { unit: "X1", respondents: 1, indicators: {} },
      ]),
      code: "duplicate-code",
      path: "report.json:units[1].unit",
      message: /unit X1 is listed twice/,
    },
  ])("reports $name", ({ json, code, path, message }) => {
    const result = read(json);
    expect(result.ok).toBe(false);
    const found = result.ok ? undefined : result.problems.find((p) => p.code === code && p.path === path);
    expect(found, JSON.stringify(result)).toBeDefined();
    expect(found!.message).toMatch(message);
  });
});
