import { describe, expect, it } from "vitest";
import { readWorklistQuery, selectWorklist } from "../../api/web/scorer/select-worklist.js";
import type { WorklistUnit } from "../../api/services/worklist-service.js";

const unit = (code: string, name: string, figures: Partial<WorklistUnit>): WorklistUnit => ({
  code,
  name,
  block: { code: "xa", title: { vi: "Khối xã" } },
  state: "draft",
  selfTotal: null,
  items: null,
  missingEvidence: null,
  disputed: null,
  deadline: null,
  problems: 0,
  ...figures,
});

const UNITS = [
  unit("A", "Xã Đắk Mil", { selfTotal: 40, items: { appraised: 5, all: 10 }, disputed: 2 }),
  unit("B", "Đặc khu Côn Đảo", { problems: 3 }),
  unit("C", "Xã Ea Súp", { selfTotal: 12.5, items: { appraised: 9, all: 10 }, disputed: 0 }),
  unit("D", "Xã Đắk Song", { selfTotal: 40, items: { appraised: 1, all: 10 }, disputed: 2 }),
];

describe("selectWorklist", () => {
  // A unit without a figure (B cannot be scored yet) sorts last both ways; equal figures go by code.
  it.each([
    ["self", "asc", ["C", "A", "D", "B"]],
    ["self", "desc", ["A", "D", "C", "B"]],
    ["appraised", "asc", ["D", "A", "C", "B"]],
    ["appraised", "desc", ["C", "A", "D", "B"]],
    ["disputed", "desc", ["A", "D", "C", "B"]],
    ["name", "asc", ["B", "A", "D", "C"]],
  ] as const)("sorts by %s %s", (sort, dir, expected) => {
    const query = { state: "", block: "", q: "", sort, dir };
    expect(selectWorklist(UNITS, query, "vi").map((u) => u.code)).toEqual(expected);
  });

  it.each([
    ["dak", ["A", "D"]],
    ["dac khu", ["B"]],
    ["DAK MIL", ["A"]],
    ["  đắk   song ", ["D"]],
    ["ea sup", ["C"]],
  ])("searches %j without diacritics", (q, expected) => {
    expect(selectWorklist(UNITS, { state: "", block: "", q, sort: "code", dir: "asc" }, "vi").map((u) => u.code)).toEqual(expected);
  });

  it.each([
    [{}, { sort: "code", dir: "asc" }],
    [
      { sort: "deadline", dir: "desc" },
      { sort: "deadline", dir: "desc" },
    ],
    [
      { sort: "constructor", dir: "up" },
      { sort: "code", dir: "asc" },
    ],
  ])("reads the query %j", (params, expected) => {
    expect(readWorklistQuery((name) => (params as Record<string, string>)[name])).toMatchObject(expected);
  });
});
