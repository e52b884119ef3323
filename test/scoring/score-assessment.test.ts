import { describe, expect, it } from "vitest";
import type { Assessment, RoundInput } from "../../src/assessment/types.js";
import type { BranchNode, CriteriaSet, LeafNode } from "../../src/criteria/types.js";
import type { ProblemCode } from "../../src/problem.js";
import type { NodeReport, ScoreReport } from "../../src/scoring/report.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { miniSet } from "../fixtures/mini-set.js";

const SELF_FACTS = {
  plan_issued_on: { value: "2026-01-20", evidence: ["KH-01"] },
  superior_plan_on: "2026-01-10",
  reports_sent_on: ["2026-03-10", "2026-06-10", "2026-09-10", "2026-12-10"],
  inspected: true,
  dossiers_settled: 200,
  dossiers_on_time: 190,
  initiatives: 3,
};

function assessment(rounds: RoundInput[], extra: Partial<Assessment> = {}): Assessment {
  return {
    unit: { code: "X01", name: "Xã Tân Hòa", type: "xa" },
    year: 2026,
    criteria: { family: "mini", version: "2026.1" },
    evidence: [{ id: "KH-01", number: "12/KH-UBND", date: "2026-01-20" }],
    rounds,
    survey: { indicators: { overall: 90, feedback: 85 } },
    ...extra,
  };
}

function selfRound(facts: Record<string, unknown> = {}, items: RoundInput["items"] = {}): RoundInput {
  return {
    round: "self",
    facts: { ...SELF_FACTS, ...facts } as NonNullable<RoundInput["facts"]>,
    items: { "2.2": { points: 1 }, "2.3": { points: 1 }, ...items },
  };
}

function score(input: Assessment, set: CriteriaSet = miniSet()): ScoreReport {
  const result = scoreAssessment(set, input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

function node(report: ScoreReport, code: string): NodeReport {
  const find = (nodes: NodeReport[]): NodeReport | undefined => {
    for (const n of nodes) {
      if (n.code === code) return n;
      const inner = n.children && find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const found = find([...report.areas, ...(report.bonus?.items ?? []), ...(report.penalty?.items ?? [])]);
  if (!found) throw new Error(`no node ${code}`);
  return found;
}

describe("scoreAssessment: rule shapes", () => {
  it.each([
    { rate: [181, 200], points: 2, why: /tier 1 \(> 90\)/ },
    { rate: [180, 200], points: 1, why: /on_time_rate = 90: tier 2 \(≥ 70 and ≤ 90\)/ },
    { rate: [140, 200], points: 1, why: /tier 2/ },
    { rate: [139, 200], points: 0, why: /tier 3 \(< 70\)/ },
  ])("tiers with explicit edges: $rate.0/$rate.1 → $points", ({ rate, points, why }) => {
    const report = score(assessment([selfRound({ dossiers_on_time: rate[0], dossiers_settled: rate[1] })]));
    expect(node(report, "2.1").final).toBe(points);
    expect(node(report, "2.1").leaf!.why.en).toMatch(why);
    expect(node(report, "2.1").leaf!.facts).toMatchObject({ dossiers_on_time: rate[0], dossiers_settled: rate[1] });
  });

  it.each([
    { date: "2026-01-31", points: 2, why: /on time/ },
    { date: "2026-02-20", points: 1, why: /20 days late/ },
    { date: "2026-03-03", points: 0, why: /31 days late .*beyond 30 days/ },
    { date: null, points: 0, why: /not done/ },
  ])("deadline with a fixed date: $date → $points", ({ date, points, why }) => {
    const report = score(assessment([selfRound({ plan_issued_on: date })]));
    expect(node(report, "1.1").final).toBe(points);
    expect(node(report, "1.1").leaf!.why.en).toMatch(why);
  });

  it("deadline relative to another date and per-item deadlines", () => {
    const report = score(assessment([selfRound({ superior_plan_on: "2026-01-01", reports_sent_on: ["2026-03-12", "2026-06-13", null, "2026-12-01"] })]));
    expect(node(report, "1.2").leaf!.why.en).toMatch(/due 2026-01-16/);
    expect(node(report, "1.2").final).toBe(0.5);
    expect(node(report, "1.3").final).toBe(0.6);
  });

  it("boolean and JSON Logic rules", () => {
    const report = score(assessment([selfRound({ inspected: false, initiatives: 1 })]));
    expect(node(report, "1.4").final).toBe(0);
    expect(node(report, "1.5").final).toBe(0.5);
    expect(node(report, "1.5").leaf!.why.en).toMatch(/initiatives = 1 → 0.5/);
  });

  it("survey indicators: linear and tiers", () => {
    const report = score(assessment([selfRound()], { survey: { indicators: { overall: 87.3, feedback: 79.99 } } }));
    expect(node(report, "3.1").final).toBe(5.968);
    expect(node(report, "3.2").final).toBe(1);
    expect(report.totals.surveyPoints).toBe(6.968);
  });
});

describe("scoreAssessment: not applicable, survey policy, bonus and penalty", () => {
  it("reproduces the published example: 68.32 points of an applicable 84 → 81.33 %", () => {
    const set: CriteriaSet = {
      ...miniSet(),
      totalMax: 100,
      areas: [
        {
          code: "1",
          title: { vi: "Lĩnh vực" },
          max: 100,
          children: [
            { code: "1.1", title: { vi: "A" }, max: 84, scoring: { kind: "manual" } },
            { code: "1.2", title: { vi: "B" }, max: 16, scoring: { kind: "manual" }, notApplicable: { policy: "exclude" } },
          ],
        },
      ],
      survey: undefined,
      ranking: { ...miniSet().ranking, ties: { breakers: [] } },
    } as unknown as CriteriaSet;
    delete set.survey;
    const report = score(
      {
        ...assessment([{ round: "self", items: { "1.1": { points: 68.32 }, "1.2": { notApplicable: true, reason: "không phát sinh" } } }]),
        survey: undefined,
      } as unknown as Assessment,
      set,
    );
    expect(report.totals).toMatchObject({ applicableMax: 84, total: 68.32, index: 81.33, indexText: "81.33", class: { code: "tot" } });
  });

  it("a not-applicable claim under the exclude policy leaves the maximum; under full it earns the maximum", () => {
    const report = score(
      assessment([selfRound({ dossiers_settled: 0, dossiers_on_time: 0 }, { "2.3": { notApplicable: true, reason: "Không có phản ánh" } })]),
    );
    expect(node(report, "2.1")).toMatchObject({ applicableMax: 0, final: 0, leaf: { status: "not-applicable" } });
    expect(node(report, "2.1").leaf!.why.en).toMatch(/zero denominator/);
    expect(node(report, "2.3")).toMatchObject({ applicableMax: 1, final: 1, leaf: { status: "not-applicable", notApplicableReason: "Không có phản ánh" } });
    expect(report.totals.applicableMax).toBe(18);
  });

  it.each([
    { policy: "rescale" as const, applicable: 10, index: 85 },
    { policy: "zero" as const, applicable: 20, index: 42.5 },
  ])("without a survey result the survey is handled by policy: $policy", ({ policy, applicable, index }) => {
    const set = miniSet();
    set.survey!.whenAbsent = policy;
    const input = assessment([selfRound({ plan_issued_on: "2026-02-02" })]);
    delete input.survey;
    const report = score(input, set);
    expect(report.survey.included).toBe(false);
    expect(node(report, "3.1").leaf!.status).toBe("survey-absent");
    expect(report.totals).toMatchObject({ applicableMax: applicable, index });
  });

  it("caps bonus and penalty points", () => {
    const report = score(assessment([selfRound({}, { T1: { points: 1.5 }, P1: { points: 2.5 } })]));
    expect(report.bonus).toMatchObject({ cap: 1, claimed: 1.5, counted: 1 });
    expect(report.penalty).toMatchObject({ cap: 2, claimed: 2.5, counted: 2 });
    expect(report.totals.total).toBe(report.totals.points + 1 - 2);
  });

  it("keeps exact decimal sums (no 0.1 + 0.2 drift)", () => {
    const set = miniSet();
    const area = set.areas[1] as BranchNode;
    (area.children[1] as LeafNode).scoring = { kind: "manual" };
    const report = score(assessment([selfRound({ dossiers_on_time: 180 }, { "2.2": { points: 0.1 }, "2.3": { points: 0.2 } })]), set);
    expect(node(report, "2").final).toBe(1.3);
  });
});

describe("scoreAssessment: rounds", () => {
  const rounds: RoundInput[] = [
    selfRound(),
    { round: "appraisal1", items: { "2.2": { points: 0.5, comment: "Niêm yết chưa đầy đủ" } }, facts: { dossiers_on_time: 150 } },
    { round: "explanation", items: { "2.2": { points: 1, comment: "Đã bổ sung ảnh chụp", evidence: ["KH-01"] } } },
    { round: "appraisal2", items: { "2.2": { points: 1 } } },
  ];

  it("the last appraisal decides; the explanation only adds evidence and comments", () => {
    const report = score(assessment(rounds.slice(0, 3)));
    expect(report.stage).toBe("appraised");
    expect(node(report, "2.2")).toMatchObject({ self: 1, appraised: 0.5, final: 0.5, leaf: { decidedBy: "appraisal1", evidence: ["KH-01"] } });
    expect(node(report, "2.2").leaf!.comments.map((c) => c.round)).toEqual(["appraisal1", "explanation"]);
    expect(node(report, "2.1")).toMatchObject({ self: 2, appraised: 1, leaf: { decidedBy: "appraisal1" } });
    const final = score(assessment(rounds));
    expect(node(final, "2.2")).toMatchObject({ final: 1, leaf: { decidedBy: "appraisal2" } });
  });

  it("reports the self-vs-appraised gap per area", () => {
    const report = score(assessment(rounds.slice(0, 2)));
    expect(report.selfGap.find((g) => g.code === "2")).toMatchObject({ self: 4, appraised: 2.5, gap: -1.5 });
  });

  it("before any appraisal the final points are the self-assessment", () => {
    const report = score(assessment([selfRound()]));
    expect(report.stage).toBe("self-assessed");
    expect(report.totals.appraised).toBeNull();
    expect(node(report, "2.2")).toMatchObject({ appraised: null, final: 1, leaf: { decidedBy: "self" } });
  });

  it("lists missing facts, missing evidence and the gap list with what would earn the points", () => {
    const input = assessment([selfRound({ inspected: null, dossiers_on_time: 150, plan_issued_on: { value: "2026-01-20" } })]);
    const report = score(input);
    expect(report.missingFacts).toEqual([{ code: "1.4", title: { vi: "Tự kiểm tra" }, facts: ["inspected"] }]);
    expect(report.missingEvidence.map((m) => m.code)).toEqual(["1.1", "2.1"]);
    const gap = report.gaps.find((g) => g.code === "2.1");
    expect(gap).toMatchObject({ available: 1, hint: { en: "raise on_time_rate from 75 to > 90: +1" } });
    expect(report.gaps.map((g) => g.available)).toEqual([...report.gaps.map((g) => g.available)].sort((a, b) => b - a));
  });
});

describe("scoreAssessment: problems", () => {
  const cases: { name: string; input: () => unknown; set?: () => CriteriaSet; code: ProblemCode; path: string; message: RegExp }[] = [
    { name: "not an assessment", input: () => ({ unit: "X" }), code: "schema", path: "unit", message: /must be of type object/ },
    {
      name: "wrong criteria version",
      input: () => assessment([selfRound()], { criteria: { family: "mini", version: "2025.1" } }),
      code: "criteria-mismatch",
      path: "criteria",
      message: /for mini 2025.1 but is being scored with mini 2026.1/,
    },
    {
      name: "year outside the set",
      input: () => assessment([selfRound()], { year: 2027 }),
      code: "criteria-mismatch",
      path: "year",
      message: /applies to 2026, not 2027/,
    },
    {
      name: "rounds out of order",
      input: () => assessment([selfRound(), { round: "appraisal2" }, { round: "appraisal1" }]),
      code: "round-order",
      path: "rounds[2].round",
      message: /out of order/,
    },
    {
      name: "unknown item",
      input: () => assessment([selfRound({}, { "2.4": { points: 1 } })]),
      code: "unknown-code",
      path: 'rounds[0].items["2.4"]',
      message: /"2.4" is not an item .*did you mean "1.4"/,
    },
    {
      name: "points not allowed",
      input: () => assessment([selfRound({}, { "2.2": { points: 0.75 } })]),
      code: "points-not-allowed",
      path: 'rounds[0].items["2.2"].points',
      message: /0.75 is not allowed for "2.2". Expected one of: 0, 0.5, 1/,
    },
    {
      name: "points above max",
      input: () => assessment([selfRound({}, { "2.3": { points: 2 } })]),
      code: "points-out-of-range",
      path: 'rounds[0].items["2.3"].points',
      message: /outside 0…1/,
    },
    {
      name: "points on a computed item",
      input: () => assessment([selfRound({}, { "2.1": { points: 2 } })]),
      code: "points-on-computed-item",
      path: 'rounds[0].items["2.1"].points',
      message: /computed from the facts \(on_time_rate, dossiers_on_time, dossiers_settled\)/,
    },
    {
      name: "not-applicable not allowed",
      input: () => assessment([selfRound({}, { "2.2": { notApplicable: true } })]),
      code: "not-applicable-not-allowed",
      path: 'rounds[0].items["2.2"]',
      message: /cannot be declared not applicable/,
    },
    {
      name: "unknown fact",
      input: () => assessment([selfRound({ dossier_settled: 3 })]),
      code: "unknown-fact",
      path: "rounds[0].facts.dossier_settled",
      message: /did you mean "dossiers_settled"/,
    },
    {
      name: "fact of the wrong type",
      input: () => assessment([selfRound({ dossiers_settled: 2.5 })]),
      code: "fact-invalid",
      path: "rounds[0].facts.dossiers_settled",
      message: /must be a whole number, got 2.5/,
    },
    {
      name: "derived fact entered",
      input: () => assessment([selfRound({ on_time_rate: 95 })]),
      code: "fact-invalid",
      path: "rounds[0].facts.on_time_rate",
      message: /computed from dossiers_on_time \/ dossiers_settled/,
    },
    {
      name: "derived rate above 100 %",
      input: () => assessment([selfRound({ dossiers_on_time: 250 })]),
      code: "fact-invalid",
      path: "facts.on_time_rate",
      message: /= 125 .*outside 0…100/,
    },
    {
      name: "bad date",
      input: () => assessment([selfRound({ plan_issued_on: "20/01/2026" })]),
      code: "fact-invalid",
      path: "rounds[0].facts.plan_issued_on",
      message: /a date YYYY-MM-DD/,
    },
    {
      name: "unlisted evidence",
      input: () => assessment([selfRound({ inspected: { value: true, evidence: ["BB-9"] } })]),
      code: "unknown-evidence",
      path: "rounds[0].facts.inspected.evidence[0]",
      message: /"BB-9" is cited but not listed/,
    },
    {
      name: "unknown survey indicator",
      input: () => assessment([selfRound()], { survey: { indicators: { overall: 90, feedback: 80, speed: 70 } } }),
      code: "unknown-indicator",
      path: "survey.indicators.speed",
      message: /"speed" is not in the criteria set/,
    },
    {
      name: "indicator out of range",
      input: () => assessment([selfRound()], { survey: { indicators: { overall: 190, feedback: 80 } } }),
      code: "indicator-out-of-range",
      path: "survey.indicators.overall",
      message: /190 is outside 0…100/,
    },
    {
      name: "indicator missing",
      input: () => assessment([selfRound()], { survey: { indicators: { overall: 90 } } }),
      code: "unknown-indicator-value",
      path: "survey.indicators",
      message: /lack indicator "feedback"/,
    },
    {
      name: "rule result is not a finite number",
      set: () => {
        const set = miniSet();
        ((set.areas[0] as BranchNode).children[4] as LeafNode).scoring = { kind: "logic", rule: { "/": [{ var: "initiatives" }, { var: "initiatives" }] } };
        return set;
      },
      input: () => assessment([selfRound({ initiatives: 0 })]),
      code: "rule-result-invalid",
      path: 'items["1.5"]',
      message: /rule of "1.5" failed: the rule returned NaN, expected a number from 0 to 1 \(facts read: initiatives = 0\)/,
    },
  ];

  it.each(cases)("$name", ({ input, set, code, path, message }) => {
    const result = scoreAssessment(set ? set() : miniSet(), input());
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const found = problems.find((p) => p.code === code && p.path === path);
    expect(found, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(found!.message).toMatch(message);
    expect(found!.vi).not.toBe(found!.message);
  });
});
