import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Assessment } from "../../src/assessment/types.js";
import { runCli } from "../../src/cli/main.js";
import type { BranchNode } from "../../src/criteria/types.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

const dir = mkdtempSync(join(tmpdir(), "par-cli-"));
const file = (name: string) => join(dir, name);

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function unit(code: string, type: "xa" | "phuong", p22: number, overall: number): Assessment {
  return miniAssessment(code, type, { p22, p23: 1, overall, feedback: 85, onTime: 95 });
}

beforeAll(() => {
  writeFileSync(file("set.json"), JSON.stringify(miniSet()));
  const broken = miniSet();
  broken.totalMax = 25;
  (broken.areas[0] as BranchNode).children[0]!.code = "1.2";
  writeFileSync(file("broken.json"), JSON.stringify(broken));
  const newer = miniSet();
  newer.version = "2027.1";
  (newer.areas[1] as BranchNode).children.pop();
  newer.areas[1]!.max = 3;
  newer.areas[2]!.max = 11;
  (newer.areas[2] as BranchNode).children[0]!.max = 9;
  writeFileSync(file("newer.json"), JSON.stringify(newer));
  writeFileSync(file("units.json"), JSON.stringify([unit("P1", "phuong", 1, 90), unit("P2", "phuong", 0.5, 90), unit("X1", "xa", 1, 70)]));
  writeFileSync(file("bad-unit.json"), JSON.stringify({ ...unit("X9", "xa", 0.75, 70), year: 2030 }));
  writeFileSync(file("late-unit.json"), JSON.stringify({ ...unit("X8", "xa", 1, 70), year: 2030 }));
  writeFileSync(file("not-json.json"), "{ unit: ");
  writeFileSync(file("survey.csv"), "unit,respondents,overall,feedback\nP1,150,100,85\nX1,120,50,85\n");
  writeFileSync(file("survey-stranger.csv"), "unit,overall,feedback\nZ9,80,80\n");
});

describe("par", () => {
  it.each([
    { lang: "vi", summary: /✓ .*set.json: mini 2026.1 \(đã ban hành\): 3 lĩnh vực, 12 tiêu chí, 20 điểm/ },
    { lang: "en", summary: /✓ .*set.json: mini 2026.1 \(published\): 3 areas, 12 items, 20 points/ },
  ])("validate: exit 0 and a summary for a valid set ($lang)", async ({ lang, summary }) => {
    const result = await run("validate", file("set.json"), "--lang", lang);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(summary);
  });

  it("validate: exit 1 and every problem of a broken set, in Vietnamese by default", async () => {
    const result = await run("validate", file("set.json"), file("broken.json"));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ .*broken.json: 2 lỗi/);
    expect(result.stdout).toMatch(/areas\[0\]\.children\[1\]\.code {2}\[duplicate-code\]\n {4}mã "1.2" bị trùng/);
    expect(result.stdout).toMatch(/totalMax {2}\[sum-mismatch\]/);
  });

  it("validate --format json --lang en", async () => {
    const result = await run("validate", file("broken.json"), "--format", "json");
    const parsed = JSON.parse(result.stdout) as { ok: boolean; problems: { code: string }[] }[];
    expect(parsed[0]!.ok).toBe(false);
    expect(parsed[0]!.problems.map((p) => p.code).sort()).toEqual(["duplicate-code", "sum-mismatch"]);
  });

  it("score: JSON reports by default, CSV on request", async () => {
    const json = await run("score", "--criteria", file("set.json"), file("units.json"));
    expect(json.code).toBe(0);
    const reports = JSON.parse(json.stdout) as { unit: { code: string }; totals: { indexText: string } }[];
    expect(reports.map((r) => `${r.unit.code} ${r.totals.indexText}`)).toEqual(["P1 92.00", "P2 89.50", "X1 76.00"]);
    const csv = await run("score", "--criteria", file("set.json"), file("units.json"), "--format", "csv", "--out", file("reports.csv"));
    expect(csv.code).toBe(0);
    const written = readFileSync(file("reports.csv"), "utf8");
    expect(written.startsWith("\uFEFFunit,code,depth")).toBe(true);
    expect(written.split("\n").filter((l) => l.startsWith("P2,2.2,"))).toHaveLength(1);
  });

  it("score --survey: survey results from a results file replace the assessment's own", async () => {
    const result = await run("score", "--criteria", file("set.json"), file("units.json"), "--survey", file("survey.csv"));
    const reports = JSON.parse(result.stdout) as { unit: { code: string }; totals: { surveyPoints: number } }[];
    expect(reports.map((r) => `${r.unit.code} ${r.totals.surveyPoints}`)).toEqual(["P1 10", "P2 8.4", "X1 2"]);
    const stranger = await run("score", "--criteria", file("set.json"), file("units.json"), "--survey", file("survey-stranger.csv"), "--lang", "en");
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/survey results for unit Z9, which has no assessment/);
  });

  it("rank: a table per block; reports from par score are accepted too", async () => {
    await run("score", "--criteria", file("set.json"), file("units.json"), "--out", file("reports.json"));
    const result = await run("rank", "--criteria", file("set.json"), file("reports.json"), "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/P1[^\n]*92\.00/);
    expect(result.stdout.indexOf("P1")).toBeLessThan(result.stdout.indexOf("P2"));
  });

  it("explain: one unit's table; asks for --unit when the input holds several", async () => {
    const many = await run("explain", "--criteria", file("set.json"), file("units.json"));
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/có 3 đơn vị; chọn một đơn vị bằng --unit \(P1, P2, X1\)/);
    const one = await run("explain", "--criteria", file("set.json"), file("units.json"), "--unit", "P2", "--lang", "en");
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/2\.2 .*0\.50/);
    const misspelt = await run("explain", "--criteria", file("set.json"), file("units.json"), "--unit", "P3");
    expect(misspelt.stderr).toMatch(/Không có đơn vị P3 trong đầu vào. Có phải ý bạn là P1\?/);
  });

  it("diff: items removed and points changed", async () => {
    const result = await run("diff", file("set.json"), file("newer.json"), "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Removed \(1\)\n {2}- 2\.3/);
    expect(result.stdout).toMatch(/3\.1: 8 → 9/);
  });

  it.each([
    { argv: ["frobnicate"], code: 2, message: /par: Không có lệnh "frobnicate". Các lệnh: validate, score/ },
    { argv: ["frobnicate", "--lang", "en"], code: 2, message: /par: Unknown command "frobnicate". Expected one of: validate, score/ },
    { argv: ["score", file("units.json")], code: 2, message: /Thiếu --criteria <bộ-tiêu-chí.json>: bộ tiêu chí dùng để chấm/ },
    { argv: ["score", file("units.json"), "--lang", "en"], code: 2, message: /Give --criteria <set.json>: the criteria set to score with/ },
    {
      argv: ["score", "--criteria", file("set.json"), "--format", "xml", file("units.json"), "--lang", "en"],
      code: 2,
      message: /Invalid value for --format \(xml\). Expected one of: json, csv, table/,
    },
    {
      argv: ["diff", file("set.json"), "--previous", "x.json", file("newer.json")],
      code: 2,
      message: /Không có tùy chọn --previous. Các tùy chọn: --format, --out, --lang, --help/,
    },
    { argv: ["diff", file("set.json")], code: 2, message: /Thiếu bản-mới.json: phiên bản mới. Ví dụ: par diff criteria/ },
    { argv: ["diff", file("set.json"), file("newer.json"), file("units.json"), "--lang", "en"], code: 2, message: /Unexpected argument: .*units.json/ },
    { argv: ["score", "--criteria", file("missing.json"), file("units.json")], code: 2, message: /Không tìm thấy tệp: .*missing.json/ },
    { argv: ["score", "--criteria", file("set.json"), file("missing.json"), "--lang", "en"], code: 2, message: /File not found: .*missing.json/ },
    {
      argv: ["score", "--criteria", file("set.json"), file("units.json"), "--year", "2O26"],
      code: 2,
      message: /Giá trị không hợp lệ cho --year \(2O26\): cần một số nguyên/,
    },
    { argv: ["score", "--criteria", file("set.json"), file("units.json"), "--out"], code: 2, message: /Tùy chọn --out cần một giá trị \(<tệp>\)/ },
    {
      argv: ["score", "--criteria", file("set.json"), file("not-json.json")],
      code: 1,
      message: /không phải JSON hợp lệ[\s\S]*par score: .*not-json.json không phải JSON hợp lệ/,
    },
    { argv: ["score", "--criteria", file("set.json"), file("not-json.json"), "--lang", "en"], code: 1, message: /not valid JSON/ },
    {
      argv: ["score", "--criteria", file("set.json"), file("units.json"), file("bad-unit.json")],
      code: 1,
      message: /bad-unit.json: 2 lỗi[\s\S]*year[\s\S]*2.2[\s\S]*par score: 1\/4 bản đánh giá có lỗi/,
    },
    { argv: ["score", "--criteria", file("broken.json"), file("units.json"), "--lang", "en"], code: 1, message: /is not a valid criteria set/ },
  ])("$argv.0 fails with exit $code: $message", async ({ argv, code, message }) => {
    const result = await run(...argv);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});

describe("did you mean", () => {
  it.each([
    { argv: ["scroe"], message: /Không có lệnh "scroe". Có phải ý bạn là "score"\?/ },
    { argv: ["rnak", "--lang", "en"], message: /Unknown command "rnak". Did you mean "rank"\?/ },
    { argv: ["help", "expain"], message: /Không có lệnh "expain". Có phải ý bạn là "explain"\?/ },
    { argv: ["survey", "imort"], message: /Không có lệnh "par survey imort". Có phải ý bạn là "import"\?/ },
    { argv: ["score", "--criterias", "x.json"], message: /Không có tùy chọn --criterias. Có phải ý bạn là --criteria\?/ },
    { argv: ["rank", "--lang", "en", "--prevous", "r.json"], message: /Unknown option --prevous. Did you mean --previous\?/ },
    { argv: ["score", "--format=tabel"], message: /Giá trị không hợp lệ cho --format \(tabel\). Có phải ý bạn là table\?/ },
    { argv: ["--lnag", "en"], message: /Không có tùy chọn --lnag. Có phải ý bạn là --lang\?/ },
  ])("$argv", async ({ argv, message }) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("help", () => {
  const commands = ["validate", "score", "rank", "explain", "diff", "demo", "survey import"];

  it.each([
    { argv: ["--help"], lang: "vi", lines: ["Cách dùng: par <lệnh> [tùy chọn]", "Lệnh:", "Tùy chọn:"] },
    { argv: ["help", "--lang", "en"], lang: "en", lines: ["Usage: par <command> [options]", "Commands:", "Options:"] },
  ])("$argv lists every command with one example", async ({ argv, lines }) => {
    const result = await run(...argv);
    expect(result.code).toBe(0);
    for (const line of lines) expect(result.stdout.split("\n")).toContain(line);
    for (const name of commands) expect(result.stdout.match(new RegExp(`\\$ par ${name} `, "g")), name).toHaveLength(1);
  });

  it("par alone prints the overview with exit 2", async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^par — công cụ chấm điểm/);
  });

  it.each([
    {
      argv: ["score", "--help"],
      lines: ["Cách dùng: par score <đầu vào…> --criteria <bộ-tiêu-chí.json> [tùy chọn]", "Ví dụ:"],
      option: /--format json\|csv\|table +định dạng kết quả .*\(mặc định: json\)/,
    },
    {
      argv: ["help", "score", "--lang", "en"],
      lines: ["Usage: par score <inputs…> --criteria <set.json> [options]", "Example:"],
      option: /--format json\|csv\|table +output format .*\(default: json\)/,
    },
    {
      argv: ["rank", "-h", "--lang=en"],
      lines: ["Usage: par rank <inputs…> --criteria <set.json> [options]"],
      option: /--previous <last-year-ranking.json>\s+last year's ranking/,
    },
    {
      argv: ["survey", "import", "--help"],
      lines: ["Cách dùng: par survey import <tệp-xuất.csv|.xlsx> --mapping <bảng-ánh-xạ.json> [tùy chọn]"],
      option: /--units <đơn-vị.csv> +danh sách đơn vị/,
    },
  ])("$argv: the command's options and its example, in the chosen language", async ({ argv, lines, option }) => {
    const result = await run(...argv);
    expect(result.code).toBe(0);
    for (const line of lines) expect(result.stdout.split("\n")).toContain(line);
    expect(result.stdout).toMatch(option);
    expect(result.stdout.match(/^ {2}\$ par /gm)).toHaveLength(1);
  });

  it("par help survey lists the subcommands of the group", async () => {
    const result = await run("help", "survey");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Cách dùng: par survey <lệnh> [tùy chọn]");
    expect(result.stdout).toMatch(/survey import +nhập kết quả điều tra xã hội học[^\n]*\n +\$ par survey import /);
  });

  it("PAR_LANG chooses the language when --lang is not given; --lang wins", async () => {
    let stdout = "";
    runCli(["score", "--help"], { stdout: (t) => (stdout += t), stderr: () => {} }, { PAR_LANG: "en" });
    expect(stdout).toMatch(/^par score — scores each unit/);
    stdout = "";
    runCli(["score", "--help", "--lang", "vi"], { stdout: (t) => (stdout += t), stderr: () => {} }, { PAR_LANG: "en" });
    expect(stdout).toMatch(/^par score — chấm điểm từng đơn vị/);
  });

  it.each(commands)("the example of par %s runs from the project folder with exit 0", async (name) => {
    const help = (await run(...name.split(" "), "--help")).stdout;
    const example = /^ {2}\$ par (.*)$/m.exec(help)![1]!;
    let stderr = "";
    const code = await runCli(example.split(" "), { stdout: () => {}, stderr: (t) => (stderr += t) });
    expect(code, stderr).toBe(0);
  });
});

describe("Vietnamese output", () => {
  it("an error shared by every unit (a wrong --year) is listed once, with the count of units", async () => {
    const sheet = "criteria/examples/demo-province/assessments-2026.csv";
    const result = await run("rank", "--criteria", "criteria/reference-commune/2026.1.json", sheet, "--year", "2025");
    expect(result.code).toBe(1);
    expect(result.stderr.match(/\[criteria-mismatch\]/g)).toHaveLength(1);
    expect(result.stderr).toContain(`✗ chung cho 40 đơn vị: ${sheet} (DV0001, DV0002, …, DV0040): 1 lỗi`);
    expect(result.stderr).toMatch(/par rank: 40\/40 bản đánh giá có lỗi/);
    const en = await run("rank", "--criteria", "criteria/reference-commune/2026.1.json", sheet, "--year", "2025", "--lang", "en");
    expect(en.stderr).toContain(`✗ shared by 40 units: ${sheet} (DV0001, DV0002, …, DV0040): 1 problem`);
  });

  it("a problem of one unit only stays with that unit", async () => {
    const result = await run("score", "--criteria", file("set.json"), file("units.json"), file("bad-unit.json"), file("late-unit.json"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/✗ chung cho 2 đơn vị: .*bad-unit.json, .*late-unit.json: 1 lỗi\n {2}year {2}\[criteria-mismatch\]/);
    expect(result.stderr).toMatch(/✗ .*bad-unit.json: 1 lỗi\n {2}rounds\[0\]\.items\["2\.2"\]\.points {2}\[points-not-allowed\]/);
    expect(result.stderr.match(/\[criteria-mismatch\]/g)).toHaveLength(1);
    const single = await run("score", "--criteria", file("set.json"), file("units.json"), file("bad-unit.json"));
    expect(single.stderr).not.toContain("chung cho");
  });

  it.each([
    { lang: "vi", lines: [/\| P1 \| Đơn vị P1 \| 6,00 \| 4,00 \| 8,40 \| +18,40 \| +92,00 \|/, /\| Chênh lệch tự chấm – thẩm định \|/] },
    { lang: "en", lines: [/\| P1 +\| Đơn vị P1 \| 6\.00 \| 4\.00 \| 8\.40 \| +18\.40 \| +92\.00 \|/, /\| Self gap \|/] },
  ])("rank tables in $lang: decimal comma in Vietnamese, the glossary's terms, the survey area printed once", async ({ lang, lines }) => {
    const result = await run("rank", "--criteria", file("set.json"), file("units.json"), "--lang", lang);
    expect(result.code).toBe(0);
    for (const line of lines) expect(result.stdout).toMatch(line);
    expect(result.stdout).not.toContain("Chênh lệch TĐ");
  });

  it.each([
    {
      lang: "vi",
      row: "| DV0001 |     |    10 |      ? | 77,50 [46,6–93,2] |",
      points: "25,028 / 35 |",
      progress: /^criteria\/examples\/survey\/kobo-xml.csv \(kobo\): 34 dòng, 32 phiếu được dùng/,
    },
    {
      lang: "en",
      row: "| DV0001 |      |   10 |      ? | 77.50 [46.6–93.2] |",
      points: "25.028 / 35 |",
      progress: /^criteria\/examples\/survey\/kobo-xml.csv \(kobo\): 34 rows, 32 used/,
    },
  ])("survey import tables in $lang", async ({ lang, row, points, progress }) => {
    let stdout = "";
    let stderr = "";
    const argv = [
      "survey",
      "import",
      "criteria/examples/survey/kobo-xml.csv",
      "--mapping",
      "criteria/survey/reference-sipas/2026.1.json",
      "--format",
      "table",
      "--lang",
      lang,
    ];
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(code, stderr).toBe(0);
    const line = stdout.split("\n").find((l) => l.startsWith("| DV0001"));
    expect(line?.startsWith(row), line).toBe(true);
    expect(line?.endsWith(points), line).toBe(true);
    expect(stderr).toMatch(progress);
  });

  it("explain in Vietnamese: decimal comma, dd/mm/yyyy dates and fact titles in the why texts; JSON keeps machine numbers", async () => {
    const inputs = ["criteria/examples/demo-province/assessments-2026.csv", "--survey", "criteria/examples/demo-province/survey-2026.csv"];
    const vi = await run("explain", "--criteria", "criteria/reference-commune/2026.1.json", ...inputs, "--unit", "DV0015");
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain("Tổng điểm: 90,39 trên tối đa áp dụng 97,00 (tối đa 100,00)");
    expect(vi.stdout).toContain("Chỉ số: 93,19% · Xếp loại:");
    expect(vi.stdout).toMatch(/\| 1\.1\.1 \| .* \| 16\/02\/2026 đúng hạn \(hạn 17\/02\/2026\) → 1 +\|/);
    expect(vi.stdout).toMatch(/Tỷ lệ giao dịch thanh toán trực tuyến \(%\) = 90,91: mức/);
    expect(vi.stdout).not.toMatch(/online_payment_rate|\d\.\d\d \|/);
    const json = await run("score", "--criteria", "criteria/reference-commune/2026.1.json", ...inputs);
    const report = (JSON.parse(json.stdout) as { unit: { code: string }; totals: { total: number; indexText: string } }[]).find(
      (r) => r.unit.code === "DV0015",
    )!;
    expect(report.totals).toMatchObject({ total: 90.39, indexText: "93.19" });
  });
});
