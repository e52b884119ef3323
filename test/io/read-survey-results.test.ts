import { describe, expect, it } from "vitest";
import { readSurveyResults, writeSurveyResults } from "../../src/io/read-survey-results.js";
import { miniSet } from "../fixtures/mini-set.js";

const read = (text: string) => readSurveyResults(text, { fileName: "survey.csv", criteria: miniSet() });

describe("readSurveyResults", () => {
  it("reads one row per unit, with a BOM, semicolons and decimal commas", () => {
    const result = read("\uFEFFunit;respondents;overall;feedback\nX1;150;87,5;80\nX2;;90;\n");
    expect(result).toEqual({
      ok: true,
      value: new Map([
        ["X1", { indicators: { overall: 87.5, feedback: 80 }, respondents: 150 }],
        ["X2", { indicators: { overall: 90 } }],
      ]),
    });
  });

  it("writes what it reads", () => {
    const results = new Map([["X1", { indicators: { overall: 87.5, feedback: 80 }, respondents: 150 }]]);
    expect(read(writeSurveyResults(results, miniSet()))).toEqual({ ok: true, value: results });
  });

  it.each([
    {
      text: "unit,overal\nX1,80\n",
      code: "unknown-indicator",
      path: "survey.csv:1:overal",
      message: /column "overal" is not a survey indicator .*did you mean "overall"/,
    },
    { text: "code,overall\nX1,80\n", code: "parse", path: "survey.csv:1", message: /no "unit" column/ },
    { text: "unit,overall\nX1,80\nX1,81\n", code: "duplicate-code", path: "survey.csv:3:unit", message: /unit X1 has two rows/ },
    { text: "unit,overall\nX1,tám mươi\n", code: "parse", path: "survey.csv:2:overall", message: /"tám mươi" is not a number/ },
    // the file: "TU,,33,25" (33,25 with a decimal comma) was read as 33
    { text: "unit,respondents,overall\nTU,,33,25\n", code: "extra-cell", path: "survey.csv:2:D", message: /row 2 has 4 cells but the header has 3/ },
    {
      text: "unit,respondents,overall\nX1,150,87.5\nX2,15",
      code: "truncated-file",
      path: "survey.csv:3",
      message: /ends in the middle of row 3 \(2 of 3 cells/,
    },
  ])("reports $code at $path", ({ text, code, path, message }) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    const found = result.ok ? undefined : result.problems.find((p) => p.code === code && p.path === path);
    expect(found, JSON.stringify(result)).toBeDefined();
    expect(found!.message).toMatch(message);
  });
});
