import { describe, expect, it } from "vitest";
import type { Assessment } from "../../src/assessment/types.js";
import { readAssessmentSheet } from "../../src/io/read-assessment-sheet.js";
import type { ProblemCode } from "../../src/problem.js";
import { criteriaSet } from "./fixtures/criteria-set.js";

const read = (text: string) => readAssessmentSheet(text, { fileName: "s.csv", criteria: criteriaSet(), year: 2025 });

const lines = (...rows: string[]) => rows.join("\n") + "\n";

function readOk(text: string): Assessment[] {
  const result = read(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.value;
}

const unit = (rounds: Assessment["rounds"], extra: Partial<Assessment["unit"]> = {}, evidence: string[] = []): Assessment => ({
  format: "par-assessment/1",
  unit: { code: "X01", name: "Xã Vĩnh Hòa", type: "xa", ...extra },
  year: 2025,
  criteria: { family: "test-commune", version: "2025.1" },
  ...(evidence.length > 0 ? { evidence: evidence.map((id) => ({ id })) } : {}),
  rounds,
});

describe("readAssessmentSheet reads", () => {
  it.each<{ name: string; text: string; expected: Assessment[] }>([
    {
      name: "points per round, in canonical round order whatever the column order",
      text: lines("unit,unit_name,unit_type,item,appraisal1,self", "X01,Xã Vĩnh Hòa,xa,1.10,0.5,1", "X01,,,2.2,,2"),
      expected: [
        unit([
          { round: "self", items: { "1.10": { points: 1 }, "2.2": { points: 2 } } },
          { round: "appraisal1", items: { "1.10": { points: 0.5 } } },
        ]),
      ],
    },
    {
      name: "semicolon file with decimal comma, BOM and Vietnamese headers",
      text: "\uFEFF" + lines("Mã đơn vị;Tên đơn vị;Loại đơn vị;Mã tiêu chí;Tự chấm;Thẩm định lần 1", "X01;Xã Vĩnh Hòa;Xã;1.10;0,5;0,25"),
      expected: [
        unit([
          { round: "self", items: { "1.10": { points: 0.5 } } },
          { round: "appraisal1", items: { "1.10": { points: 0.25 } } },
        ]),
      ],
    },
    {
      name: "tab-separated file",
      text: lines("unit\tunit_name\tunit_type\titem\tself", "X01\tXã Vĩnh Hòa\txa\t2.2\t1,5"),
      expected: [unit([{ round: "self", items: { "2.2": { points: 1.5 } } }])],
    },
    {
      name: "CRLF line ends, headers in capitals with spaces, cells with spaces around",
      text: ["\uFEFF UNIT ; Unit_Name ;UNIT TYPE;Item; Self ", " X01 ; Xã Vĩnh Hòa ; xa ; 1.10 ; 1 ", ""].join("\r\n"),
      expected: [unit([{ round: "self", items: { "1.10": { points: 1 } } }])],
    },
    {
      name: "decomposed (NFD) Vietnamese text as NFC",
      text: lines("unit,unit_name,unit_type,item,self", "X01,Xã Vĩnh Hòa,xa,1.10,1".normalize("NFD")),
      expected: [unit([{ round: "self", items: { "1.10": { points: 1 } } }])],
    },
    {
      name: "KPS claims with the comment as reason, evidence on the first round",
      text: lines(
        "unit,unit_name,unit_type,item,self,appraisal1,comment,evidence",
        "X01,Xã Vĩnh Hòa,xa,1.9,KPS,n/a,Không có đoàn kiểm tra,VB-01; VB-02;VB-01",
        "X01,,,2.2,2,1,Thiếu văn bản,VB-03|VB-04",
      ),
      expected: [
        unit(
          [
            {
              round: "self",
              items: { "1.9": { notApplicable: true, evidence: ["VB-01", "VB-02"] }, "2.2": { points: 2, evidence: ["VB-03", "VB-04"] } },
            },
            {
              round: "appraisal1",
              items: { "1.9": { notApplicable: true, reason: "Không có đoàn kiểm tra" }, "2.2": { points: 1, comment: "Thiếu văn bản" } },
            },
          ],
          {},
          ["VB-01", "VB-02", "VB-03", "VB-04"],
        ),
      ],
    },
    {
      name: "facts typed by their declaration",
      text: lines(
        "unit,unit_name,unit_type,item,self,appraisal2",
        "X01,Xã Vĩnh Hòa,xa,plan_issued,có,không",
        "X01,,,plan_date,25/02/2025,2025-02-06",
        'X01,,,report_dates,"2025-03-10;;12/9/2025;",',
        "X01,,,dossiers_settled,120,",
        "X01,,,online_payment_rate,36.5%,",
        "X01,,,budget_ratio,-0.5,",
      ),
      expected: [
        unit([
          {
            round: "self",
            facts: {
              plan_issued: true,
              plan_date: "2025-02-25",
              report_dates: ["2025-03-10", null, "2025-09-12", null],
              dossiers_settled: 120,
              online_payment_rate: 36.5,
              budget_ratio: -0.5,
            },
          },
          { round: "appraisal2", facts: { plan_issued: false, plan_date: "2025-02-06" } },
        ]),
      ],
    },
    {
      name: "a fact's comment and evidence",
      text: lines("unit,unit_type,item,self,appraisal1,comment,evidence", "X01,xa,dossiers_settled,100,98,Đã đối chiếu,HS-1"),
      expected: [
        unit(
          [
            { round: "self", facts: { dossiers_settled: { value: 100, evidence: ["HS-1"] } } },
            { round: "appraisal1", facts: { dossiers_settled: { value: 98, comment: "Đã đối chiếu" } } },
          ],
          { name: "X01" },
          ["HS-1"],
        ),
      ],
    },
    {
      name: "units in order of first appearance, a unit with no entries, block and case-insensitive codes",
      text: lines("unit,unit_name,unit_type,block,item,self", "P02,Phường 2,Phường,pb,,", "X01,Xã Vĩnh Hòa,xa,,t1,0.5", "", "X01,,,,2.1.1,2", ",,,,,"),
      expected: [
        {
          ...unit([], { code: "P02", name: "Phường 2", type: "phuong", block: "pb" }),
        },
        unit([{ round: "self", items: { T1: { points: 0.5 }, "2.1.1": { points: 2 } } }]),
      ],
    },
    {
      name: "an item row with only a comment and evidence (on the self-assessment)",
      text: lines("unit,unit_type,item,self,comment,evidence", "X01,xa,2.2,,Đang bổ sung,VB-9"),
      expected: [unit([{ round: "self", items: { "2.2": { comment: "Đang bổ sung", evidence: ["VB-9"] } } }], { name: "X01" }, ["VB-9"])],
    },
  ])("$name", ({ text, expected }) => {
    expect(readOk(text)).toEqual(expected);
  });
});

describe("readAssessmentSheet reports", () => {
  it.each<{ name: string; text: string; code: ProblemCode; path: string; message: string; vi: string }>([
    {
      name: "an empty file",
      text: "\uFEFF  \n",
      code: "parse",
      path: "s.csv",
      message: "the file is empty",
      vi: "tệp trống",
    },
    {
      name: "an unknown column, with the nearest name",
      text: lines("unit,unit_type,item,self,apraisal1", "X01,xa,2.2,1,1"),
      code: "parse",
      path: "s.csv:1:apraisal1",
      message: 'unknown column "apraisal1" (did you mean "appraisal1"?): rename it to one of unit, unit_name',
      vi: 'cột "apraisal1" không được nhận biết (có phải là "appraisal1"?)',
    },
    {
      name: "a column given twice",
      text: lines("unit,unit_type,item,self,Tự chấm", "X01,xa,2.2,1,1"),
      code: "parse",
      path: "s.csv:1:Tự chấm",
      message: 'column "Tự chấm" repeats column "self"',
      vi: 'cột "Tự chấm" trùng với cột "self"',
    },
    {
      name: "a missing unit column",
      text: lines("unit_type,item,self", "xa,2.2,1"),
      code: "parse",
      path: "s.csv:1",
      message: 'the header has no "unit" column: add a column named unit',
      vi: 'dòng tiêu đề thiếu cột "unit"',
    },
    {
      name: "a missing unit_type column",
      text: lines("unit,item,self", "X01,2.2,1"),
      code: "parse",
      path: "s.csv:1",
      message: "the header has no unit_type column",
      vi: "dòng tiêu đề thiếu cột unit_type",
    },
    {
      name: "an unknown item code, with the nearest code",
      text: lines("unit,unit_type,item,self", "X01,xa,2.1.3,1"),
      code: "unknown-code",
      path: "s.csv:2:item",
      message: 'unknown item "2.1.3" (did you mean "2.1.1"?)',
      vi: 'không có tiêu chí "2.1.3" (có phải là "2.1.1"?)',
    },
    {
      name: "an unknown fact name, with the nearest name",
      text: lines("unit,unit_type,item,self", "X01,xa,dossier_settled,10"),
      code: "unknown-code",
      path: "s.csv:2:item",
      message: 'unknown item "dossier_settled" (did you mean "dossiers_settled"?)',
      vi: 'có phải là "dossiers_settled"?',
    },
    {
      name: "points that are not a number",
      text: lines("unit,unit_type,item,self,appraisal1", "X01,xa,2.2,1,hai"),
      code: "parse",
      path: "s.csv:2:appraisal1",
      message: '"hai" is not a number: write it like 2, 0.5 or 87.5; enter the points of 2.2, or KPS if it did not arise',
      vi: '"hai" không phải là số',
    },
    {
      name: "a decimal comma in a comma-separated file",
      text: lines("unit,unit_type,item,self", 'X01,xa,2.2,"0,5"'),
      code: "parse",
      path: "s.csv:2:self",
      message: "write decimals with a point (0.5)",
      vi: "số thập phân phải viết bằng dấu chấm (0.5)",
    },
    {
      name: "a count with decimals",
      text: lines("unit;unit_type;item;self", "X01;xa;dossiers_settled;1.234,5"),
      code: "fact-invalid",
      path: "s.csv:2:self",
      message: 'fact "dossiers_settled" (integer): "1.234,5" is not a number',
      vi: 'số liệu "dossiers_settled" (integer)',
    },
    {
      name: "a count that is not whole",
      text: lines("unit,unit_type,item,self", "X01,xa,dossiers_settled,1.234"),
      code: "fact-invalid",
      path: "s.csv:2:self",
      message: '"1.234" is not a whole number',
      vi: '"1.234" không phải là số nguyên',
    },
    {
      name: "a bad date",
      text: lines("unit,unit_type,item,self,appraisal1", "X01,xa,plan_date,2025-02-05,31/02/2025"),
      code: "fact-invalid",
      path: "s.csv:2:appraisal1",
      message: '"31/02/2025" is not a date: write it as YYYY-MM-DD (2025-03-31) or DD/MM/YYYY (31/03/2025)',
      vi: '"31/02/2025" không phải là ngày hợp lệ',
    },
    {
      name: "a bad date in a list of dates",
      text: lines("unit,unit_type,item,self", 'X01,xa,report_dates,"2025-03-10;quý 2"'),
      code: "fact-invalid",
      path: "s.csv:2:self",
      message: '"quý 2" is not a date',
      vi: '"quý 2" không phải là ngày hợp lệ',
    },
    {
      name: "a bad yes/no",
      text: lines("unit,unit_type,item,self", "X01,xa,plan_issued,rồi"),
      code: "fact-invalid",
      path: "s.csv:2:self",
      message: '"rồi" is not yes or no',
      vi: '"rồi" không phải là có/không',
    },
    {
      name: "KPS on a fact",
      text: lines("unit,unit_type,item,self", "X01,xa,dossiers_settled,KPS"),
      code: "fact-invalid",
      path: "s.csv:2:self",
      message: "KPS applies to criteria, not to facts",
      vi: "KPS chỉ dùng cho tiêu chí",
    },
    {
      name: "a value for a computed fact",
      text: lines("unit,unit_type,item,self", "X01,xa,on_time_rate,98"),
      code: "fact-invalid",
      path: "s.csv:2:item",
      message: '"on_time_rate" is computed from dossiers_on_time / dossiers_settled: enter rows for dossiers_on_time and dossiers_settled instead',
      vi: '"on_time_rate" được tính từ dossiers_on_time / dossiers_settled',
    },
    {
      name: "later rounds without a self-assessment",
      text: lines("unit,unit_type,item,self,appraisal1", "X01,xa,2.2,,1", "X01,xa,1.10,,1"),
      code: "round-order",
      path: "s.csv:2:self",
      message: 'unit "X01" has values in later rounds but none in self',
      vi: 'đơn vị "X01" có điểm ở các vòng sau nhưng chưa có điểm tự chấm',
    },
    {
      name: "a fact comment without a value",
      text: lines("unit,unit_type,item,self,comment", "X01,xa,dossiers_settled,,xem sau"),
      code: "fact-invalid",
      path: "s.csv:2:item",
      message: 'fact "dossiers_settled" has a comment or evidence but no value',
      vi: 'số liệu "dossiers_settled" có ghi chú',
    },
    {
      name: "an unknown unit type",
      text: lines("unit,unit_type,item,self", "X01,tỉnh,2.2,1"),
      code: "parse",
      path: "s.csv:2:unit_type",
      message: 'unknown unit type "tỉnh": write one of xa, phuong, dac-khu, department, huyen, thi-xa, thanh-pho, thi-tran',
      vi: 'loại đơn vị "tỉnh" không hợp lệ',
    },
    {
      name: "a unit without a type on any row",
      text: lines("unit,unit_type,item,self", "X01,,2.2,1", "X01,,1.10,1"),
      code: "parse",
      path: "s.csv:2:unit_type",
      message: 'unit "X01" has no unit type',
      vi: 'đơn vị "X01" chưa có loại đơn vị',
    },
    {
      name: "conflicting names of a unit",
      text: lines("unit,unit_name,unit_type,item,self", "X01,Xã A,xa,2.2,1", "X01,Xã B,,1.10,1"),
      code: "parse",
      path: "s.csv:3:unit_name",
      message: 'unit "X01" has unit_name "Xã A" on row 2 but "Xã B" here',
      vi: 'đơn vị "X01" có unit_name là "Xã A" ở dòng 2 nhưng là "Xã B" ở đây',
    },
    {
      name: "conflicting types of a unit",
      text: lines("unit,unit_type,item,self", "X01,xa,2.2,1", "X01,Phường,1.10,1"),
      code: "parse",
      path: "s.csv:3:unit_type",
      message: 'unit "X01" has unit_type "xa" on row 2 but "phuong" here',
      vi: "mỗi đơn vị chỉ có một giá trị unit_type",
    },
    {
      name: "a duplicate row for the same unit and item",
      text: lines("unit,unit_type,item,self", "X01,xa,2.2,1", "X02,xa,2.2,1", "X01,,2.2,2"),
      code: "duplicate-code",
      path: "s.csv:4:item",
      message: 'unit "X01" already has a row for "2.2" (row 2)',
      vi: 'đơn vị "X01" đã có dòng cho "2.2" (dòng 2)',
    },
    {
      name: "points on a criterion made of sub-criteria",
      text: lines("unit,unit_type,item,self", "X01,xa,2.1,4"),
      code: "points-on-computed-item",
      path: "s.csv:2:item",
      message: '"2.1" is made of sub-criteria (2.1.1, 2.1.2)',
      vi: '"2.1" gồm các tiêu chí thành phần (2.1.1, 2.1.2)',
    },
    {
      name: "a survey indicator",
      text: lines("unit,unit_type,item,self", "X01,xa,satisfaction,90"),
      code: "unknown-code",
      path: "s.csv:2:item",
      message: '"satisfaction" is a survey indicator',
      vi: "là chỉ số điều tra xã hội học",
    },
    {
      name: "a row without a unit",
      text: lines("unit,unit_type,item,self", ",xa,2.2,1"),
      code: "parse",
      path: "s.csv:2:unit",
      message: "row 2 has no unit code",
      vi: "dòng 2 chưa có mã đơn vị",
    },
    {
      name: "values without an item",
      text: lines("Đơn vị,unit_type,item,self", "X01,xa,,1"),
      code: "parse",
      path: "s.csv:2:item",
      message: "row 2 has values but no item",
      vi: "dòng 2 có dữ liệu nhưng chưa có tiêu chí",
    },
    {
      name: "a value in a column without a header",
      text: lines("unit,unit_type,item,self,", "X01,xa,2.2,1,ghi chú lạc"),
      code: "parse",
      path: "s.csv:2:E",
      message: "cell E2 has a value but its column has no header",
      vi: "ô E2 có dữ liệu nhưng cột không có tiêu đề",
    },
    {
      name: "an unclosed quote",
      text: lines("unit,unit_type,item,self", "X01,xa,2.2,1", 'X01,xa,1.10,"1'),
      code: "parse",
      path: "s.csv:3",
      message: "a quoted cell that starts on row 3 is never closed",
      vi: "ô có dấu ngoặc kép bắt đầu ở dòng 3 không được đóng",
    },
    {
      name: "a decimal comma in a comma-separated file (47,45 shifts the cells)",
      text: lines("unit,unit_type,item,self,appraisal1,comment", "X01,xa,2.2,1,,", "X01,xa,dossiers_settled,47,45,,"),
      code: "extra-cell",
      path: "s.csv:3:G",
      message: "row 3 has 7 cells but the header has 6, so its values are shifted",
      vi: "dòng 3 có 7 ô nhưng dòng tiêu đề có 6 ô",
    },
    {
      name: "a number in the explanation column",
      text: lines("unit,unit_type,item,self,appraisal1,explanation", "X01,xa,2.2,1,0.5,1"),
      code: "points-in-explanation",
      path: "s.csv:2:explanation",
      message: '"1" in the explanation column of 2.2 would be ignored',
      vi: '"1" ở cột giải trình của 2.2 sẽ không được tính',
    },
    {
      name: "a fact value in the explanation column",
      text: lines("unit,unit_type,item,self,explanation", "X01,xa,dossiers_settled,100,98"),
      code: "points-in-explanation",
      path: "s.csv:2:explanation",
      message: '"98" in the explanation column of dossiers_settled would be ignored',
      vi: "chỉ vòng thẩm định mới thay đổi điểm hoặc số liệu",
    },
    {
      name: "a file cut in the middle of its last row",
      text: "unit,unit_type,item,self,appraisal1\nX01,xa,2.2,1,1\nX01,xa,1.10",
      code: "truncated-file",
      path: "s.csv:3",
      message: "the file ends in the middle of row 3 (3 of 5 cells, no line break)",
      vi: "tệp kết thúc giữa dòng 3",
    },
    {
      name: "a stray quote that swallows the following rows",
      text: lines("unit,unit_type,item,self", 'X01,xa,2.2,"1', "X01,xa,1.10,1", 'X01,xa,T1,1"', "X01,xa,P1,1"),
      code: "malformed-row",
      path: "s.csv:2:self",
      message: "cell D2 spans several lines",
      vi: "ô D2 kéo dài nhiều dòng",
    },
    {
      name: "a deleted cell in a sheet whose other rows are full (the values after it shift left)",
      text: lines("unit,unit_type,item,self,appraisal1", "X01,xa,2.2,1,1", "X01,xa,1.10,1,1", "X01,xa,T1,1,1", "X01,xa,P1,1"),
      code: "malformed-row",
      path: "s.csv:5:appraisal1",
      message: "row 5 has 4 of 5 cells while the other rows have all 5",
      vi: "dòng 5 chỉ có 4 trên 5 ô",
    },
    {
      name: "a stray quote in a comment that takes in whole rows",
      text: lines("unit,unit_type,item,self,comment", 'X01,xa,2.2,1,"ghi chú', "X01,xa,1.10,0,", 'X01,xa,T1,1,ok"', "X01,xa,P1,1,"),
      code: "malformed-row",
      path: "s.csv:2:comment",
      message: "cell E2 spans several lines",
      vi: "ô E2 kéo dài nhiều dòng",
    },
    {
      name: "a date only valid month-first (3/25/2025)",
      text: lines("unit,unit_type,item,self", "X01,xa,plan_date,3/25/2025"),
      code: "fact-invalid",
      path: "s.csv:2:self",
      message: '"3/25/2025" is no date day-first (DD/MM/YYYY), only month-first (M/D/YYYY, 2025-03-25)',
      vi: "theo thứ tự tháng/ngày (M/D/YYYY, 2025-03-25)",
    },
    {
      name: "a date that reads both ways in a file that writes dates month-first elsewhere",
      text: lines("unit,unit_type,item,self,appraisal1", "X01,xa,plan_date,1/10/2025,3/25/2025"),
      code: "date-order",
      path: "s.csv:2:self",
      message:
        '"1/10/2025" reads both as 2025-10-01 (day first) and 2025-01-10 (month first), and the file writes dates month-first elsewhere (3/25/2025 2:appraisal1)',
      vi: "hãy ghi dạng YYYY-MM-DD",
    },
    {
      name: "dates that read both ways, in a file where no date shows the order",
      text: lines("unit,unit_type,item,self", 'X01,xa,report_dates,"2025-03-10;1/10/2025"'),
      code: "date-order",
      path: "s.csv:2:self",
      message: '"1/10/2025" reads both as 2025-10-01 (day first) and 2025-01-10 (month first), and no date in the file shows the order',
      vi: "không có ngày nào trong tệp cho biết thứ tự",
    },
  ])("$name", ({ text, code, path, message, vi }) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual({ code, path, message: expect.stringContaining(message), vi: expect.stringContaining(vi) });
  });

  it("collects every problem of the file, not only the first", () => {
    const result = read(
      lines("unit,unit_type,item,self,appraisal1,extra", "X01,xa,2.2,abc,1,", "X01,xa,9.9,1,,", "X02,tỉnh,plan_date,2025-13-01,,", "X01,xa,2.2,1,,"),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      "parse s.csv:1:extra",
      "parse s.csv:2:self",
      "unknown-code s.csv:3:item",
      "parse s.csv:4:unit_type",
      "fact-invalid s.csv:4:self",
      "duplicate-code s.csv:5:item",
      "parse s.csv:4:unit_type",
    ]);
  });

  it("names a column by its header as written in the file", () => {
    const result = read(lines("Mã đơn vị,Loại đơn vị,Mã tiêu chí,Tự chấm", "X01,xa,2.2,một"));
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(["s.csv:2:Tự chấm"]);
  });
});

describe("readAssessmentSheet warns when a file may have been cut at a cell or a line", () => {
  it.each([
    {
      name: "no line break at the end (cut after a whole cell)",
      text: "unit,unit_type,item,self\nX01,xa,2.2,1\nX01,xa,1.10,1",
      path: "s.csv:3",
      message: "the file does not end with a line break",
    },
    {
      name: "the last unit has fewer rows than every other (cut at a line break)",
      text: lines(
        "unit,unit_type,item,self",
        ...["X01", "X02", "X03"].flatMap((code) => ["2.2", "1.10", "T1"].map((item) => `${code},xa,${item},1`)),
        "X04,xa,2.2,1",
      ),
      path: "s.csv:11",
      message: 'unit "X04" ends the file with 1 rows while every other unit has at least 3',
    },
  ])("$name", ({ text, path, message }) => {
    const result = read(text);
    expect(result.ok).toBe(true);
    expect(result.ok ? result.warnings : []).toContainEqual({
      code: "truncated-file",
      path,
      message: expect.stringContaining(message),
      vi: expect.any(String),
    });
  });
});
