import { describe, expect, it } from "vitest";
import { compareCodes } from "../../src/criteria/compare-codes.js";
import { type CriteriaDiff, diffCriteriaSets, hasChanges } from "../../src/criteria/diff-criteria-sets.js";
import { type BranchNode, type CriteriaNode, type CriteriaSet, type LeafNode, isLeaf } from "../../src/criteria/types.js";
import { criteriaSet } from "../io/fixtures/criteria-set.js";

function find(set: CriteriaSet, code: string): CriteriaNode {
  const all = [...set.areas, ...(set.bonus?.items ?? []), ...(set.penalty?.items ?? [])];
  const visit = (nodes: CriteriaNode[]): CriteriaNode | undefined => {
    for (const node of nodes) {
      if (node.code === code) return node;
      const found = isLeaf(node) ? undefined : visit(node.children);
      if (found) return found;
    }
    return undefined;
  };
  const node = visit(all);
  if (!node) throw new Error(`no node ${code}`);
  return node;
}
const leaf = (set: CriteriaSet, code: string) => find(set, code) as LeafNode;
const branch = (set: CriteriaSet, code: string) => find(set, code) as BranchNode;
const manual = (code: string, vi: string, max = 1): LeafNode => ({ code, title: { vi }, max, scoring: { kind: "manual" } });

type Lists = Omit<CriteriaDiff, "older" | "newer">;
const LISTS: (keyof Lists)[] = [
  "added",
  "removed",
  "moved",
  "pointsChanged",
  "scoringChanged",
  "notApplicableChanged",
  "titleChanged",
  "factsAdded",
  "factsRemoved",
  "factsChanged",
  "setChanged",
];

const cases: { name: string; change: (set: CriteriaSet) => void; expected: Partial<Lists> }[] = [
  { name: "nothing", change: () => {}, expected: {} },
  {
    name: "leaves added, in natural code order",
    change: (set) => {
      branch(set, "2").children.push(manual("2.10", "Mười"), manual("2.9", "Chín"));
      set.bonus?.items.push(manual("T3", "Thưởng ba", 0.25));
    },
    expected: {
      added: [
        { code: "2.9", title: { vi: "Chín" }, max: 1, parent: "2", leaf: true },
        { code: "2.10", title: { vi: "Mười" }, max: 1, parent: "2", leaf: true },
        { code: "T3", title: { vi: "Thưởng ba" }, max: 0.25, parent: "bonus", leaf: true },
      ],
    },
  },
  {
    name: "a branch removed with its leaves",
    change: (set) => {
      branch(set, "2").children.splice(0, 1);
    },
    expected: {
      removed: [
        { code: "2.1", title: { vi: "Giải quyết hồ sơ TTHC" }, max: 4, parent: "2", leaf: false },
        { code: "2.1.1", title: { vi: "Tỷ lệ hồ sơ giải quyết đúng hạn" }, max: 2, parent: "2.1", leaf: true },
        { code: "2.1.2", title: { vi: "Thanh toán trực tuyến" }, max: 2, parent: "2.1", leaf: true },
      ],
    },
  },
  {
    name: "a leaf renumbered (same Vietnamese title, new code) with its points changed",
    change: (set) => {
      const node = leaf(set, "1.10");
      node.code = "1.4";
      node.title = { vi: "  Sáng kiến cải cách  HÀNH CHÍNH ".normalize("NFD"), en: "Item 1.10" };
      node.max = 1.5;
    },
    expected: {
      moved: [{ code: "1.4", olderCode: "1.10", reason: "renumbered", olderParent: "1", newerParent: "1" }],
      pointsChanged: [{ code: "1.4", olderCode: "1.10", oldMax: 1, newMax: 1.5 }],
      titleChanged: [
        {
          code: "1.4",
          olderCode: "1.10",
          older: { vi: "Sáng kiến cải cách hành chính", en: "Item 1.10" },
          newer: { vi: "  Sáng kiến cải cách  HÀNH CHÍNH ".normalize("NFD"), en: "Item 1.10" },
        },
      ],
    },
  },
  {
    name: "no renumbering when the title is not unique among the changed leaves",
    change: (set) => {
      leaf(set, "1.10").code = "1.4";
      branch(set, "1").children.push(manual("1.5", "Sáng kiến cải cách hành chính"));
    },
    expected: {
      added: [
        { code: "1.4", title: { vi: "Sáng kiến cải cách hành chính", en: "Item 1.10" }, max: 1, parent: "1", leaf: true },
        { code: "1.5", title: { vi: "Sáng kiến cải cách hành chính" }, max: 1, parent: "1", leaf: true },
      ],
      removed: [{ code: "1.10", title: { vi: "Sáng kiến cải cách hành chính", en: "Item 1.10" }, max: 1, parent: "1", leaf: true }],
    },
  },
  {
    name: "the same code under another parent",
    change: (set) => {
      const t2 = set.bonus?.items.pop();
      if (t2) set.penalty?.items.push(t2);
    },
    expected: { moved: [{ code: "T2", olderCode: "T2", reason: "parent", olderParent: "bonus", newerParent: "penalty" }] },
  },
  {
    name: "points of an area and a leaf, compared exactly",
    change: (set) => {
      branch(set, "2").max = 7;
      leaf(set, "2.2").max = 3;
      leaf(set, "1.1").max = 0.1 + 0.2 + 0.7;
    },
    expected: {
      pointsChanged: [
        { code: "2", oldMax: 6, newMax: 7 },
        { code: "2.2", oldMax: 2, newMax: 3 },
      ],
    },
  },
  {
    name: "scoring: a new kind, a new threshold, a leaf split into sub-criteria; key order does not count",
    change: (set) => {
      leaf(set, "1.10").scoring = { kind: "boolean", fact: "plan_issued", yes: 1, no: 0 };
      const tiers = leaf(set, "2.1.2");
      tiers.scoring = {
        tiers: [
          { points: 2, when: { gte: 40 } },
          { when: { lt: 40 }, points: 0 },
        ],
        fact: "online_payment_rate",
        kind: "tiers",
      };
      leaf(set, "1.1").scoring = { no: 0, yes: 1, fact: "plan_issued", kind: "boolean" };
      const area = branch(set, "2");
      area.children[1] = { code: "2.2", title: { vi: "Công khai thủ tục hành chính", en: "Item 2.2" }, max: 2, children: [manual("2.2.1", "Niêm yết", 2)] };
    },
    expected: {
      added: [{ code: "2.2.1", title: { vi: "Niêm yết" }, max: 2, parent: "2.2", leaf: true }],
      scoringChanged: [
        { code: "1.10", oldKind: "manual", newKind: "boolean", older: { kind: "manual" }, newer: { kind: "boolean", fact: "plan_issued", yes: 1, no: 0 } },
        {
          code: "2.1.2",
          oldKind: "tiers",
          newKind: "tiers",
          older: {
            kind: "tiers",
            fact: "online_payment_rate",
            tiers: [
              { when: { gte: 35 }, points: 2 },
              { when: { lt: 35 }, points: 0 },
            ],
          },
          newer: {
            tiers: [
              { points: 2, when: { gte: 40 } },
              { when: { lt: 40 }, points: 0 },
            ],
            fact: "online_payment_rate",
            kind: "tiers",
          },
        },
        { code: "2.2", oldKind: "manual", newKind: null, older: { kind: "manual" }, newer: null },
      ],
      notApplicableChanged: [{ code: "2.2", older: "full", newer: null }],
    },
  },
  {
    name: "not-applicable policy",
    change: (set) => {
      leaf(set, "1.9").notApplicable = { policy: "full" };
      leaf(set, "1.10").notApplicable = { policy: "exclude" };
    },
    expected: {
      notApplicableChanged: [
        { code: "1.9", older: "exclude", newer: "full" },
        { code: "1.10", older: null, newer: "exclude" },
      ],
    },
  },
  {
    name: "titles: Vietnamese or English wording, but not normalisation or spacing",
    change: (set) => {
      branch(set, "1").title = { vi: "Công tác chỉ đạo, điều hành cải cách hành chính", en: "Direction" };
      leaf(set, "1.1").title = { vi: " Ban hành  kế hoạch CCHC năm".normalize("NFD") };
      leaf(set, "T1").title = { vi: "Sáng kiến được công nhận", en: "Recognised initiative" };
    },
    expected: {
      titleChanged: [
        {
          code: "1",
          older: { vi: "Công tác chỉ đạo, điều hành CCHC", en: "Direction" },
          newer: { vi: "Công tác chỉ đạo, điều hành cải cách hành chính", en: "Direction" },
        },
        { code: "T1", older: { vi: "Sáng kiến được công nhận", en: "Item T1" }, newer: { vi: "Sáng kiến được công nhận", en: "Recognised initiative" } },
      ],
    },
  },
  {
    name: "facts added, removed and changed",
    change: (set) => {
      delete set.facts.budget_ratio;
      set.facts.assets_reported = { type: "boolean", title: { vi: "Báo cáo tài sản công" } };
      set.facts.report_dates = { type: "dates", title: { vi: "Ngày gửi báo cáo quý" }, length: 2 };
    },
    expected: {
      factsAdded: ["assets_reported"],
      factsRemoved: ["budget_ratio"],
      factsChanged: [
        {
          name: "report_dates",
          older: { type: "dates", title: { vi: "Ngày gửi báo cáo quý" }, length: 4 },
          newer: { type: "dates", title: { vi: "Ngày gửi báo cáo quý" }, length: 2 },
        },
      ],
    },
  },
  {
    name: "set-level fields",
    change: (set) => {
      set.totalMax = 100;
      set.classes[0] = { code: "A", title: { vi: "Tốt", en: "Good" }, index: { gte: 85 } };
      set.classes[1] = { code: "B", title: { vi: "Khá", en: "Fair" }, index: { lt: 85 } };
      set.survey = { indicators: { satisfaction: { title: { vi: "Chỉ số hài lòng" } } }, whenAbsent: "zero" };
      if (set.bonus) set.bonus.cap = 2;
      delete set.penalty;
      set.display = { indexDecimals: 2, pointsDecimals: 1 };
    },
    expected: {
      removed: [{ code: "P1", title: { vi: "Bị phản ánh, kiến nghị", en: "Item P1" }, max: 1, parent: "penalty", leaf: true }],
      setChanged: [
        { field: "totalMax", older: 10, newer: 100 },
        {
          field: "classes",
          older: [
            { code: "A", title: { vi: "Tốt", en: "Good" }, index: { gte: 80 } },
            { code: "B", title: { vi: "Khá", en: "Fair" }, index: { lt: 80 } },
          ],
          newer: [
            { code: "A", title: { vi: "Tốt", en: "Good" }, index: { gte: 85 } },
            { code: "B", title: { vi: "Khá", en: "Fair" }, index: { lt: 85 } },
          ],
        },
        {
          field: "survey",
          older: { indicators: { satisfaction: { title: { vi: "Chỉ số hài lòng" } } }, whenAbsent: "rescale" },
          newer: { indicators: { satisfaction: { title: { vi: "Chỉ số hài lòng" } } }, whenAbsent: "zero" },
        },
        { field: "bonus.cap", older: 1, newer: 2 },
        { field: "penalty.cap", older: 1, newer: null },
        { field: "display", older: { indexDecimals: 2, pointsDecimals: 2 }, newer: { indexDecimals: 2, pointsDecimals: 1 } },
      ],
    },
  },
];

describe("diffCriteriaSets", () => {
  it.each(cases)("reports $name", ({ change, expected }) => {
    const older = criteriaSet();
    const newer = criteriaSet();
    newer.version = "2026.1";
    change(newer);
    const diff = diffCriteriaSets(older, newer);
    expect(diff.older).toEqual({ family: "test-commune", version: "2025.1" });
    expect(diff.newer).toEqual({ family: "test-commune", version: "2026.1" });
    for (const list of LISTS) expect(diff[list], list).toEqual(expected[list] ?? []);
    expect(hasChanges(diff)).toBe(Object.keys(expected).length > 0);
  });

  it("is the reverse when the sets are swapped", () => {
    const older = criteriaSet();
    const newer = criteriaSet();
    branch(newer, "2").children.push(manual("2.3", "Mới"));
    const forward = diffCriteriaSets(older, newer);
    const backward = diffCriteriaSets(newer, older);
    expect(backward.removed).toEqual(forward.added);
    expect(backward.added).toEqual(forward.removed);
  });
});

describe("compareCodes", () => {
  it.each([
    { codes: ["2.10", "2.9", "2", "10", "1.1", "1"], sorted: ["1", "1.1", "2", "2.9", "2.10", "10"] },
    { codes: ["T10", "P1", "T2", "3.1", "T1"], sorted: ["3.1", "P1", "T1", "T2", "T10"] },
    { codes: ["3.2.10", "3.2.1", "3.10", "3.2"], sorted: ["3.2", "3.2.1", "3.2.10", "3.10"] },
    { codes: ["2.01", "2.1", "2.1"], sorted: ["2.01", "2.1", "2.1"] },
  ])("sorts $codes", ({ codes, sorted }) => {
    expect([...codes].sort(compareCodes)).toEqual(sorted);
  });

  it.each([
    ["1", "1", 0],
    ["1.2", "1.10", -1],
    ["1.10", "1.2", 1],
    ["99999999999999999999.1", "99999999999999999999.2", -1],
  ] as const)("compares %s with %s", (a, b, sign) => {
    expect(Math.sign(compareCodes(a, b))).toBe(sign);
  });
});
