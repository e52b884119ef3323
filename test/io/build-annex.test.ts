import { describe, expect, it } from "vitest";
import type { Assessment } from "../../src/assessment/types.js";
import { markAppraised } from "../../src/assessment/mark-appraised.js";
import type { CriteriaSet, LeafNode } from "../../src/criteria/types.js";
import { annexToCsvRows, annexToDataCsvRows } from "../../src/io/annex/annex-csv.js";
import { buildAnnex } from "../../src/io/annex/build-annex.js";
import { buildUnitReport } from "../../src/io/annex/build-unit-report.js";
import { formatRankingTable } from "../../src/io/format-ranking.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import type { Ranking } from "../../src/ranking/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

function rank(set: CriteriaSet, inputs: Assessment[], previous?: Ranking): Ranking {
  const reports = inputs.map((input) => {
    const scored = scoreAssessment(set, input);
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    return scored.value;
  });
  const ranked = rankUnits(set, reports, previous);
  if (!ranked.ok) throw new Error(JSON.stringify(ranked.problems));
  return ranked.value;
}

const unit = (code: string, overall: number) => miniAssessment(code, "xa", { p22: 1, p23: 1, overall, feedback: 90 });
const withoutSurvey = (assessment: Assessment): Assessment => {
  const { survey: _, ...rest } = assessment;
  return rest;
};
const appraised = (assessment: Assessment): Assessment => ({
  ...assessment,
  rounds: [...assessment.rounds, { round: "appraisal1", items: { "2.2": { points: 0.5 } } }],
});

/** A set whose survey items sit inside an area of other items: no area is the survey. */
function surveyInsideAnArea(): CriteriaSet {
  const set = miniSet();
  const [, area2, area3] = set.areas as [unknown, { children: LeafNode[]; max: number }, { children: LeafNode[] }];
  area2.children.push(...area3.children);
  area2.max += 10;
  set.areas.pop();
  return set;
}

describe("buildAnnex", () => {
  it.each([
    {
      case: "communes and wards",
      change: (_: CriteriaSet) => {},
      title: "Kết quả xác định Chỉ số CCHC năm 2026 của UBND các xã, phường",
      basis: "Bộ tiêu chí mini 2026.1 ban hành kèm theo Quyết định số 1/QĐ-TEST ngày 05/01/2026",
    },
    {
      case: "departments, a decision with its issuer",
      change: (set: CriteriaSet) => {
        set.appliesTo.unitTypes = ["department"];
        set.decisions[0]!.issuer = "UBND tỉnh";
      },
      title: "Kết quả xác định Chỉ số CCHC năm 2026 của các sở, ban, ngành",
      basis: "Bộ tiêu chí mini 2026.1 ban hành kèm theo Quyết định số 1/QĐ-TEST ngày 05/01/2026 của UBND tỉnh",
    },
    {
      case: "no decision recorded (none invented)",
      change: (set: CriteriaSet) => {
        set.decisions = [];
      },
      title: "Kết quả xác định Chỉ số CCHC năm 2026 của UBND các xã, phường",
      basis: "Bộ tiêu chí mini 2026.1",
    },
  ])("titles the table after the units scored and the decision that issued the set: $case", ({ change, title, basis }) => {
    const set = miniSet();
    change(set);
    const annex = buildAnnex(rank(miniSet(), [unit("X1", 90)]), set);
    expect(annex.title).toBe(title);
    expect(annex.basis).toBe(basis);
  });

  it.each([
    { case: "an area that is the survey is its one column", set: miniSet, surveyColumns: ["area_3"] },
    { case: "survey items inside an area get a column saying they are included", set: surveyInsideAnArea, surveyColumns: ["survey"] },
  ])("$case", ({ set, surveyColumns }) => {
    const annex = buildAnnex(rank(set(), [unit("X1", 90)]), set());
    const keys = annex.columns.map((c) => c.key);
    expect(keys.filter((k) => k === "survey" || k === "area_3")).toEqual(surveyColumns);
    expect(keys.slice(0, 3)).toEqual(["stt", "unit_code", "unit_name"]);
    expect(annex.columns.find((c) => c.key === "area_1")!.header).toBe("1. Chỉ đạo điều hành (6 điểm)");
  });

  it.each([
    { case: "self-assessed only", input: () => unit("X1", 90), stage: "self-assessed", note: "Chưa thẩm định: điểm tự chấm" },
    { case: "finalised without changes", input: () => markAppraised(unit("X1", 90)), stage: "appraised", note: null },
    { case: "appraised with a change", input: () => appraised(unit("X1", 90)), stage: "appraised", note: null },
    {
      case: "without a survey (rescaled)",
      input: () => markAppraised(withoutSurvey(unit("X1", 90))),
      stage: "appraised",
      note: "Không có kết quả khảo sát: phần khảo sát không tính vào điểm tối đa, chỉ số quy đổi về thang 100",
    },
  ])("tells the truth about a unit $case", ({ input, stage, note }) => {
    const row = buildAnnex(rank(miniSet(), [input()]), miniSet()).blocks.find((b) => b.code === "xa")!.rows[0]!;
    expect(row).toMatchObject({ stage, note });
    if (stage === "appraised") expect(row.appraised).not.toBeNull();
    if (note?.startsWith("Không có")) expect(row).toMatchObject({ area_3: null, survey_included: "no", applicable_max: 10 });
  });

  it("gives the change of rank as a signed number, blank when last year is not comparable", () => {
    const last = rank(miniSet(), [unit("X1", 60), unit("X2", 95)]);
    const rows = (previous: Ranking) => buildAnnex(rank(miniSet(), [unit("X1", 95), unit("X2", 60)], previous), miniSet()).blocks[1]!.rows;
    expect(rows(last).map((r) => [r.unit_code, r.rank_change])).toEqual([
      ["X1", 1],
      ["X2", -1],
    ]);
    expect(rows({ ...last, criteria: { family: "other", version: "1" } }).map((r) => r.rank_change)).toEqual([null, null]);
  });

  it("writes the same rows to both CSVs: Vietnamese headers for people, keys for scripts, blanks empty", () => {
    const annex = buildAnnex(rank(miniSet(), [unit("X1", 90), withoutSurvey(unit("X2", 90))]), miniSet());
    const people = annexToCsvRows(annex);
    const scripts = annexToDataCsvRows(annex);
    expect(people[0]!.slice(0, 3)).toEqual(["Khối", "STT", "Mã đơn vị"]);
    expect(scripts[0]!.slice(0, 3)).toEqual(["block", "stt", "unit_code"]);
    expect(people.slice(1).map((row) => row.slice(1, people[0]!.length))).toEqual(scripts.slice(1).map((row) => row.slice(1, people[0]!.length)));
    const x2 = scripts.find((row) => row[scripts[0]!.indexOf("unit_code")] === "X2")!;
    expect(x2[scripts[0]!.indexOf("area_3")]).toBeNull();
  });
});

describe("buildUnitReport", () => {
  it("gives a unit's page the figures of its annex row, in Vietnamese or English", () => {
    const ranking = rank(miniSet(), [markAppraised(unit("X1", 90)), markAppraised(unit("X2", 70))]);
    const row = buildAnnex(ranking, miniSet()).blocks[1]!.rows[1]!;
    for (const lang of ["vi", "en"] as const) {
      const report = buildUnitReport(ranking, miniSet(), "X2", lang)!;
      expect(report.areas.map((a) => a.points)).toEqual([row.area_1, row.area_2, row.area_3]);
      expect(report.lines.map((l) => l.value)).toEqual(expect.arrayContaining([row.total, row.index, row.rank]));
    }
    expect(buildUnitReport(ranking, miniSet(), "NOPE", "vi")).toBeNull();
  });
});

describe("formatRankingTable with its set", () => {
  it("prints an area that is the survey once, not again as a survey column", () => {
    const ranking = rank(miniSet(), [unit("X1", 90)]);
    expect(formatRankingTable(ranking, "en")).toMatch(/\| Survey \|/);
    expect(formatRankingTable(ranking, "en", miniSet())).not.toMatch(/\| Survey \|/);
  });
});
