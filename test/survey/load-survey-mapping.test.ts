import { describe, expect, it } from "vitest";
import { loadSurveyMapping } from "../../src/survey/load-survey-mapping.js";
import type { SurveyMapping } from "../../src/survey/types.js";
import { criteria, referenceMapping } from "./survey-fixtures.js";

describe("loadSurveyMapping", () => {
  it("accepts the shipped reference mapping with its criteria set", () => {
    expect(loadSurveyMapping(referenceMapping(), criteria).ok).toBe(true);
  });

  it.each([
    {
      name: "a schema error",
      edit: (m: SurveyMapping) => void ((m as unknown as Record<string, unknown>).decimals = "2"),
      code: "schema",
      path: "decimals",
      message: /must be of type integer/,
    },
    {
      name: "an unknown group",
      edit: (m: SurveyMapping) => void (m.questions[0]!.group = "acess"),
      code: "unknown-group",
      path: "questions[0].group",
      message: /group "acess" is not declared.*did you mean "access"/,
    },
    {
      name: "an unknown scale",
      edit: (m: SurveyMapping) => void ((m.questions[1] as { scale: string }).scale = "likert"),
      code: "unknown-scale",
      path: "questions[1].scale",
      message: /scale "likert" is not declared.*did you mean "likert5"/,
    },
    {
      name: "a repeated question code",
      edit: (m: SurveyMapping) => void (m.questions[2]!.code = "a1"),
      code: "duplicate-code",
      path: "questions[2].code",
      message: /question code "a1" is used twice/,
    },
    {
      name: "a header claimed twice",
      edit: (m: SurveyMapping) => void m.questions[3]!.headers.push("a1"),
      code: "duplicate-code",
      path: "questions[3].headers[3]",
      message: /header "a1" is already claimed by questions\[0\]/,
    },
    {
      name: "an answer with two meanings",
      edit: (m: SurveyMapping) => void m.scales.likert5!.excluded.push("Hài lòng"),
      code: "scale-invalid",
      path: "scales.likert5.excluded[10]",
      message: /answer "Hài lòng" is already listed at scales.likert5.answers\[3\]/,
    },
    {
      name: "satisfiedFrom above every answer",
      edit: (m: SurveyMapping) => void (m.scales.likert5!.satisfiedFrom = 6),
      code: "scale-invalid",
      path: "scales.likert5.satisfiedFrom",
      message: /must split the answers/,
    },
    {
      name: "an indicator the set lacks",
      edit: (m: SurveyMapping) => void (m.indicators.sipas_acess = "group:access"),
      code: "unknown-indicator",
      path: "indicators.sipas_acess",
      message: /not a survey indicator of reference-commune 2026.1 \(did you mean "sipas_access"\?\)/,
    },
    {
      name: "a set indicator not mapped",
      edit: (m: SurveyMapping) => void delete m.indicators.sipas_result,
      code: "unknown-indicator",
      path: "indicators",
      message: /"sipas_result" of the criteria set is not fed/,
    },
    {
      name: "an indicator reading a select-many question",
      edit: (m: SurveyMapping) => void (m.indicators.sipas_result = "question:channels"),
      code: "unknown-question",
      path: "indicators.sipas_result",
      message: /"channels" is not a scale question/,
    },
    {
      name: "another criteria set",
      edit: (m: SurveyMapping) => void (m.criteria.version = "2025.1"),
      code: "criteria-mismatch",
      path: "criteria",
      message: /the mapping is for reference-commune 2025.1, not reference-commune 2026.1/,
    },
  ])("reports $name at $path", ({ edit, code, path, message }) => {
    const mapping = referenceMapping();
    edit(mapping);
    const loaded = loadSurveyMapping(mapping, criteria);
    expect(loaded.ok).toBe(false);
    const found = loaded.ok ? undefined : loaded.problems.find((p) => p.code === code && p.path === path);
    expect(found, JSON.stringify(loaded)).toBeDefined();
    expect(found!.message).toMatch(message);
  });

  it("reports every problem at once", () => {
    const mapping = referenceMapping();
    mapping.questions[0]!.group = "nope";
    mapping.overall.groups.push("nope2");
    const loaded = loadSurveyMapping(mapping, criteria);
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.path)).toEqual(["questions[0].group", "overall.groups[5]"]);
  });
});
