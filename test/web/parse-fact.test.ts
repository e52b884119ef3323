import { describe, expect, it } from "vitest";
import type { FactDeclaration } from "../../src/criteria/types.js";
import { parseFact } from "../../api/web/ward/parse-fact.js";

const fact = (type: FactDeclaration["type"], length?: number): FactDeclaration => ({ type, title: { vi: "x" }, ...(length ? { length } : {}) });

describe("parseFact", () => {
  it.each<[FactDeclaration["type"], string[], unknown]>([
    ["integer", ["1.250"], 1250],
    ["integer", [" 12 "], 12],
    ["integer", [""], null],
    ["number", ["12,5"], 12.5],
    ["rate", ["1.234,5"], 1234.5],
    ["rate", ["85.5"], 85.5],
    ["rate", ["85%"], 85],
    ["boolean", ["true"], true],
    ["boolean", ["false"], false],
    ["boolean", [""], null],
    ["date", ["2026-01-20"], "2026-01-20"],
    ["date", ["20/1/2026"], "2026-01-20"],
    ["dates", ["2026-03-10", "", "", ""], ["2026-03-10", null, null, null]],
    ["dates", ["", ""], null],
  ])("%s %j → %j", (type, raw, value) => {
    expect(parseFact(fact(type, 4), raw, "vi")).toEqual({ ok: true, value });
  });

  it.each<[FactDeclaration["type"], string[], string]>([
    ["integer", ["12,5"], "Nhập một số nguyên, ví dụ 12"],
    ["number", ["mười"], "Nhập một số, ví dụ 12 hoặc 12,5"],
    ["date", ["31/02/2026"], "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 20/01/2026"],
    ["dates", ["2026-13-01"], "Nhập mỗi ngày theo dạng ngày/tháng/năm, ví dụ 20/01/2026"],
  ])("refuses %s %j with a message", (type, raw, message) => {
    expect(parseFact(fact(type), raw, "vi")).toEqual({ ok: false, message });
  });
});
