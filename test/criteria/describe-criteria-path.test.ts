import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeCriteriaPath } from "../../src/index.js";

const SET = JSON.parse(readFileSync(new URL("../../criteria/reference-commune/2026.1.json", import.meta.url), "utf8"));

describe("describeCriteriaPath", () => {
  it.each([
    ["areas[0].max", "vi", "Lĩnh vực 1 «Cải cách thể chế» › điểm tối đa (max)"],
    ["areas[0].max", "en", "Area 1 «Institutional reform» › maximum points (max)"],
    [
      "areas[0].children[0].children[0].scoring.due.fact",
      "vi",
      "Lĩnh vực 1 «Cải cách thể chế» › Tiêu chí 1.1 «Kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật» › Tiêu chí thành phần 1.1.1 «Ban hành Kế hoạch kiểm tra, rà soát, hệ thống hóa văn bản QPPL kịp thời (trong 15 ngày kể từ khi cấp trên ban hành kế hoạch)» › cách chấm (scoring.due.fact)",
    ],
    [
      "facts.superior_legal_review_plan_date.type",
      "vi",
      "Số liệu superior_legal_review_plan_date «Ngày cấp trên (UBND tỉnh/Sở Tư pháp) ban hành Kế hoạch kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật» › kiểu (type)",
    ],
    ["bonus.items[0].max", "en", "Bonus item T1 «A reform initiative recognised and replicated by the province» › maximum points (max)"],
    ["totalMax", "vi", "tổng điểm tối đa (totalMax)"],
    ["", "vi", "cả tệp"],
    ["(file)", "en", "the whole file"],
    ["areas[40].children[2]", "en", "Area #41 › Criterion #3"],
  ])("%s (%s) → %s", (path, lang, expected) => {
    expect(describeCriteriaPath(SET, path, lang as "vi" | "en")).toBe(expected);
  });
});
