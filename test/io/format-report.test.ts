import { describe, expect, it } from "vitest";
import { formatRankingTable, formatReportTable, reportToCsvRows } from "../../src/io/format-report.js";
import type { RankedArea, RankedUnit, Ranking } from "../../src/ranking/types.js";
import type { LeafStatus, NodeReport, ScoreReport } from "../../src/scoring/report.js";

const leaf = (
  code: string,
  vi: string,
  points: { max: number; self: number; appraised: number | null; final: number },
  why: string,
  status: LeafStatus = "scored",
): NodeReport => ({
  code,
  title: { vi, en: `Leaf ${code}` },
  max: points.max,
  applicableMax: status === "not-applicable" ? 0 : points.max,
  self: points.self,
  appraised: points.appraised,
  final: points.final,
  subIndex: status === "not-applicable" ? null : (points.final / points.max) * 100,
  leaf: {
    kind: "manual",
    status,
    why: { vi: why, en: `because ${code}` },
    facts: {},
    evidence: [],
    decidedBy: "appraisal1",
    self: { points: points.self, status, why: { vi: why } },
    appraised: null,
    comments: [],
  },
});

function report(): ScoreReport {
  const area1: NodeReport = {
    code: "1",
    title: { vi: "Công tác chỉ đạo, điều hành", en: "Direction" },
    max: 2,
    applicableMax: 1,
    self: 1,
    appraised: 0.5,
    final: 0.5,
    subIndex: 50,
    children: [
      leaf("1.1", "Ban hành kế hoạch CCHC năm", { max: 1, self: 1, appraised: 0.5, final: 0.5 }, "ban hành muộn"),
      leaf("1.2", "Kiểm tra công tác CCHC", { max: 1, self: 0, appraised: null, final: 0 }, "không phát sinh", "not-applicable"),
    ],
  };
  return {
    engine: { name: "par-index", version: "0.1.0" },
    criteria: { family: "test-commune", version: "2025.1" },
    display: { indexDecimals: 2, pointsDecimals: 2 },
    unit: { code: "X01", name: "Xã Vĩnh Hòa", type: "xa", block: "xa" },
    year: 2025,
    survey: { included: true, respondents: 150 },
    stage: "appraised",
    areas: [area1],
    bonus: { cap: 1, claimed: 0.5, counted: 0.5, items: [leaf("T1", "Sáng kiến", { max: 0.5, self: 0.5, appraised: 0.5, final: 0.5 }, "được công nhận")] },
    penalty: null,
    totals: {
      max: 2,
      applicableMax: 1,
      self: 1,
      appraised: 0.5,
      points: 0.5,
      bonus: 0.5,
      penalty: 0,
      total: 1,
      index: 100,
      indexText: "100.00",
      indexExact: { numerator: 10000, denominator: 10000 },
      class: { code: "A", title: { vi: "Tốt", en: "Good" } },
      surveyPoints: 0,
    },
    selfGap: [{ code: "1", title: { vi: "Công tác chỉ đạo, điều hành", en: "Direction" }, self: 1, appraised: 0.5, gap: -0.5 }],
    missingEvidence: [{ code: "1.1", title: { vi: "Ban hành kế hoạch CCHC năm", en: "Annual plan" } }],
    missingFacts: [],
    gaps: [{ code: "1.1", title: { vi: "Ban hành kế hoạch CCHC năm" }, available: 0.5, hint: { vi: "ban hành trước 31/01", en: "issue it by 31 January" } }],
  };
}

describe("formatReportTable", () => {
  it.each([
    {
      lang: "vi" as const,
      lines: [
        "Đơn vị: X01 Xã Vĩnh Hòa (xã, khối xa)",
        "Năm: 2025 · Bộ tiêu chí: test-commune 2025.1 · Giai đoạn: đã thẩm định",
        "Tổng điểm: 1,00 trên tối đa áp dụng 1,00 (tối đa 2,00) = lĩnh vực 0,50 + thưởng 0,50 − trừ 0,00",
        "Chỉ số: 100,00% · Xếp loại: Tốt",
        "Điều tra xã hội học: có tính (150 phiếu)",
        "| Mã  | Nội dung                     | Tối đa | Tối đa áp dụng | Tự chấm | Thẩm định | Điểm | Chỉ số % | Căn cứ          |",
        "| 1   | Công tác chỉ đạo, điều hành  |   2,00 |           1,00 |    1,00 |      0,50 | 0,50 |    50,00 |                 |",
        "| 1.1 |   Ban hành kế hoạch CCHC năm |   1,00 |           1,00 |    1,00 |      0,50 | 0,50 |    50,00 | ban hành muộn   |",
        "| 1.2 |   Kiểm tra công tác CCHC     |   1,00 |           0,00 |    0,00 |         – | 0,00 |        – | không phát sinh |",
        "Điểm thưởng: đề nghị 0,50, được tính 0,50 (tối đa 1,00)",
        "| Mã | Lĩnh vực                    | Tự chấm | Thẩm định | Chênh lệch tự chấm – thẩm định |",
        "| 1  | Công tác chỉ đạo, điều hành |    1,00 |      0,50 |                          -0,50 |",
        "- 1.1 Ban hành kế hoạch CCHC năm",
        "| 1.1 | Ban hành kế hoạch CCHC năm |      0,50 | ban hành trước 31/01 |",
      ],
    },
    {
      lang: "en" as const,
      lines: [
        "Unit: X01 Xã Vĩnh Hòa (commune, block xa)",
        "Year: 2025 · Criteria: test-commune 2025.1 · Stage: appraised",
        "Index: 100.00% · Class: Good",
        "Survey: included (150 respondents)",
        "| Code | Title      |  Max | Appl. max | Self | Appraised | Final | Sub-index % | Why         |",
        "| 1.1  |   Leaf 1.1 | 1.00 |      1.00 | 1.00 |      0.50 |  0.50 |       50.00 | because 1.1 |",
        "- 1.1 Annual plan",
        "Missing facts:",
        "(none)",
        "| 1.1  | Ban hành kế hoạch CCHC năm |      0.50 | issue it by 31 January |",
      ],
    },
  ])("has the key lines in $lang", ({ lang, lines }) => {
    const text = formatReportTable(report(), lang);
    const actual = text.split("\n");
    for (const line of lines) expect(actual, `missing line: ${line}`).toContain(line);
  });

  it("formats points and sub-indexes at the set's display precision", () => {
    const text = formatReportTable({ ...report(), display: { indexDecimals: 1, pointsDecimals: 3 } }, "en");
    expect(text).toContain("| 1.1  |   Leaf 1.1 | 1.000 |     1.000 | 1.000 |     0.500 | 0.500 |        50.0 | because 1.1 |");
    expect(text).toContain("Total: 1.000 of an applicable 1.000 (maximum 2.000)");
  });

  it.each([
    {
      lang: "vi" as const,
      why: "| Tỷ lệ hồ sơ đúng hạn (%) = 92,5: mức 2 → 0,5 |",
      missing: "- 1.1 Ban hành kế hoạch CCHC năm: Ngày ban hành kế hoạch [plan_issued_on], initiatives",
    },
    {
      lang: "en" as const,
      why: "| on_time_rate = 92.5: tier 2 → 0.5 |",
      missing: "- 1.1 Annual plan: Date the plan was issued [plan_issued_on], initiatives",
    },
  ])("names facts by their labels in $lang: decimal comma in Vietnamese, the name kept where a sheet needs it", ({ lang, why, missing }) => {
    const base = report();
    const area = base.areas[0]!;
    const withFacts: ScoreReport = {
      ...base,
      areas: [
        {
          ...area,
          children: [
            {
              ...area.children![0]!,
              leaf: { ...area.children![0]!.leaf!, why: { vi: "on_time_rate = 92.5: mức 2 → 0.5", en: "on_time_rate = 92.5: tier 2 → 0.5" } },
            },
          ],
        },
      ],
      missingFacts: [{ code: "1.1", title: { vi: "Ban hành kế hoạch CCHC năm", en: "Annual plan" }, facts: ["plan_issued_on", "initiatives"] }],
    };
    const labels = new Map(
      lang === "vi"
        ? [
            ["on_time_rate", "Tỷ lệ hồ sơ đúng hạn (%)"],
            ["plan_issued_on", "Ngày ban hành kế hoạch"],
          ]
        : [["plan_issued_on", "Date the plan was issued"]],
    );
    const lines = formatReportTable(withFacts, lang, labels).split("\n");
    expect(lines.find((line) => line.startsWith("| 1.1 "))).toContain(why);
    expect(lines).toContain(missing);
  });

  it("leaves out adjustment sections the set has not", () => {
    const text = formatReportTable(report(), "en");
    expect(text).toContain("Bonus: claimed 0.50, counted 0.50 (cap 1.00)");
    expect(text).not.toContain("Penalty:");
  });
});

describe("reportToCsvRows", () => {
  it("has a header and one row per node, bonus items after the areas", () => {
    const rows = reportToCsvRows(report());
    expect(rows[0]).toEqual(["unit", "code", "depth", "title_vi", "max", "applicable_max", "self", "appraised", "final", "sub_index", "status", "why_vi"]);
    expect(rows.slice(1).map((row) => row[1])).toEqual(["1", "1.1", "1.2", "T1"]);
    expect(rows[1]).toEqual(["X01", "1", 0, "Công tác chỉ đạo, điều hành", "2.00", "1.00", "1.00", "0.50", "0.50", "50.00", "", ""]);
    expect(rows[3]).toEqual(["X01", "1.2", 1, "Kiểm tra công tác CCHC", "1.00", "0.00", "0.00", "", "0.00", "", "not-applicable", "không phát sinh"]);
  });
});

const area = (points: number, selfGap: number | null): RankedArea => ({
  points,
  subIndex: 50,
  self: selfGap === null ? points : points - selfGap,
  appraised: selfGap === null ? null : points,
  gap: selfGap,
});

const ranked = (rank: number, code: string, name: string, total: number, previousRank: number | null, selfGap: number | null = null): RankedUnit => ({
  rank,
  unit: { code, name, type: "xa" },
  areas: { "1": area(total / 2, selfGap), "10": area(total / 4, selfGap === null ? null : 0), "2": area(total / 4, selfGap === null ? null : 0) },
  surveyPoints: 1.5,
  self: selfGap === null ? total : total - selfGap,
  appraised: selfGap === null ? null : total,
  selfGap,
  bonus: 0.25,
  penalty: 0,
  total,
  applicableMax: 100,
  index: total,
  indexText: total.toFixed(2),
  class: total >= 80 ? { code: "A", title: { vi: "Tốt", en: "Good" } } : { code: "B", title: { vi: "Khá", en: "Fair" } },
  tieBrokenBy: null,
  previous: previousRank === null ? null : { rank: previousRank, index: 70, indexChange: total - 70, rankChange: previousRank - rank },
});

function ranking(): Ranking {
  return {
    criteria: { family: "test-commune", version: "2025.1" },
    display: { indexDecimals: 2, pointsDecimals: 2 },
    year: 2025,
    blocks: [
      {
        code: "xa",
        title: { vi: "Khối xã", en: "Communes" },
        units: [
          ranked(1, "X01", "Xã Vĩnh Hòa", 90, 3),
          ranked(2, "X02", "Xã Lạc Hòa", 85, 1, -1.5),
          ranked(2, "X03", "Xã Hòa Đông", 85, 2),
          ranked(4, "X04", "Xã Mới", 70, null),
        ],
        classCounts: [
          { code: "A", title: { vi: "Tốt", en: "Good" }, count: 3 },
          { code: "B", title: { vi: "Khá", en: "Fair" }, count: 1 },
        ],
      },
    ],
  };
}

describe("formatRankingTable", () => {
  it.each([
    {
      lang: "vi" as const,
      lines: [
        "Chỉ số CCHC năm 2025 · bộ tiêu chí test-commune 2025.1",
        "Khối xa: Khối xã (4 đơn vị)",
        "| Hạng | Mã  | Đơn vị      |     1 |     2 |    10 | Điều tra xã hội học |  Tổng | Chỉ số % | Xếp loại | Thay đổi | Chênh lệch tự chấm – thẩm định |",
        "|    1 | X01 | Xã Vĩnh Hòa | 45,00 | 22,50 | 22,50 |                1,50 | 90,00 |    90,00 | Tốt      |       ▲2 |                              – |",
        "|    2 | X02 | Xã Lạc Hòa  | 42,50 | 21,25 | 21,25 |                1,50 | 85,00 |    85,00 | Tốt      |       ▼1 |                          -1,50 |",
        "|    2 | X03 | Xã Hòa Đông | 42,50 | 21,25 | 21,25 |                1,50 | 85,00 |    85,00 | Tốt      |        = |                              – |",
        "|    4 | X04 | Xã Mới      | 35,00 | 17,50 | 17,50 |                1,50 | 70,00 |    70,00 | Khá      |        – |                              – |",
        "Xếp loại: Tốt 3 · Khá 1",
        "Bình quân khối: 82.50 % · Tốt 75.00 % · Khá 25.00 %",
      ],
    },
    { lang: "en" as const, lines: ["Block xa: Communes (4 units)", "Classes: Good 3 · Fair 1", "Block mean: 82.50 % · Good 75.00 % · Fair 25.00 %"] },
  ])("has the key lines in $lang", ({ lang, lines }) => {
    const actual = formatRankingTable(ranking(), lang).split("\n");
    for (const line of lines) expect(actual, `missing line: ${line}`).toContain(line);
  });
});
