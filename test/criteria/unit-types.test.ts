import { describe, expect, it } from "vitest";
import { checkSchema } from "../../src/check-schema.js";
import { loadCriteriaSet } from "../../src/criteria/load-criteria-set.js";
import { type CriteriaSet, UNIT_TYPES, UNIT_TYPE_TITLES, type UnitType } from "../../src/criteria/types.js";
import { parseUnitType } from "../../src/io/parse-cell.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

/** A set of the level before 2025: districts, towns and provincial cities; communes, wards and townships. */
function historicSet(): CriteriaSet {
  const set = miniSet();
  set.appliesTo.unitTypes = ["huyen", "thi-xa", "thanh-pho", "xa", "phuong", "thi-tran"];
  set.ranking.blocks = [
    { code: "cap-huyen", title: { vi: "Khối huyện, thị xã, thành phố" }, unitTypes: ["huyen", "thi-xa", "thanh-pho"] },
    { code: "cap-xa", title: { vi: "Khối xã, phường, thị trấn" }, unitTypes: ["xa", "phuong", "thi-tran"] },
  ];
  return set;
}

describe("unit types of the level before 2025", () => {
  it("a historic set with district-level units and townships loads", () => {
    expect(loadCriteriaSet(historicSet())).toMatchObject({ ok: true });
  });

  it("an assessment of a township scores and ranks in its block", () => {
    const loaded = loadCriteriaSet(historicSet());
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const units: [string, UnitType][] = [
      ["TT01", "thi-tran"],
      ["H01", "huyen"],
      ["TX01", "thi-xa"],
      ["TP01", "thanh-pho"],
      ["X01", "xa"],
    ];
    const reports = units.map(([code, type]) => {
      const assessment = miniAssessment(code, "xa", { p22: 1, p23: 1, overall: 90, feedback: 90 });
      assessment.unit.type = type;
      const result = scoreAssessment(loaded.value, assessment);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.value;
    });
    expect(reports.map((r) => `${r.unit.code} ${r.unit.block}`)).toEqual(["TT01 cap-xa", "H01 cap-huyen", "TX01 cap-huyen", "TP01 cap-huyen", "X01 cap-xa"]);
    const ranking = rankUnits(loaded.value, reports);
    expect(ranking.ok && ranking.value.blocks.map((b) => `${b.code}: ${b.units.length}`)).toEqual(["cap-huyen: 3", "cap-xa: 2"]);
  });

  it.each(UNIT_TYPES.map((type) => ({ type })))("$type has a Vietnamese and an English title, and the schemas accept it", ({ type }) => {
    expect(UNIT_TYPE_TITLES[type].vi.length).toBeGreaterThan(1);
    expect(UNIT_TYPE_TITLES[type].en?.length).toBeGreaterThan(1);
    const set = miniSet();
    set.appliesTo.unitTypes = [type];
    set.ranking.blocks = [{ code: "all", title: { vi: "Tất cả" }, unitTypes: [type] }];
    expect(checkSchema(set)).toEqual([]);
  });

  it.each([
    { text: "Thị trấn", type: "thi-tran" },
    { text: "Huyện", type: "huyen" },
    { text: "Thị xã", type: "thi-xa" },
    { text: "Thành phố thuộc tỉnh", type: "thanh-pho" },
    { text: "thanh-pho", type: "thanh-pho" },
  ])("a sheet cell $text reads as $type", ({ text, type }) => {
    expect(parseUnitType(text)).toEqual({ ok: true, value: type });
  });
});
