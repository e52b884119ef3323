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
  writeFileSync(file("not-json.json"), "{ unit: ");
  writeFileSync(file("survey.csv"), "unit,respondents,overall,feedback\nP1,150,100,85\nX1,120,50,85\n");
  writeFileSync(file("survey-stranger.csv"), "unit,overall,feedback\nZ9,80,80\n");
});

describe("par", () => {
  it("validate: exit 0 and a summary for a valid set", async () => {
    const result = await run("validate", file("set.json"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ .*set.json: mini 2026.1 \(published\): 3 areas, 12 items, 20 points/);
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
    expect(many.stderr).toMatch(/holds 3 units; choose one with --unit \(P1, P2, X1\)/);
    const one = await run("explain", "--criteria", file("set.json"), file("units.json"), "--unit", "P2");
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/2\.2 .*0\.50/);
  });

  it("diff: items removed and points changed", async () => {
    const result = await run("diff", file("set.json"), file("newer.json"), "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Removed \(1\)\n {2}- 2\.3/);
    expect(result.stdout).toMatch(/3\.1: 8 → 9/);
  });

  it.each([
    { argv: ["frobnicate"], code: 2, message: /Unknown command "frobnicate". Expected one of: validate, score/ },
    { argv: ["score", file("units.json")], code: 2, message: /Give the criteria set with --criteria/ },
    { argv: ["score", "--criteria", file("set.json"), "--format", "xml", file("units.json")], code: 2, message: /Invalid value for --format \(xml\). Expected one of: json, csv, table/ },
    { argv: ["diff", file("set.json"), "--previous", "x.json", file("newer.json")], code: 2, message: /Option --previous does not apply here/ },
    { argv: ["score", "--criteria", file("missing.json"), file("units.json")], code: 2, message: /File not found: .*missing.json/ },
    { argv: ["score", "--criteria", file("set.json"), file("not-json.json")], code: 1, message: /not valid JSON/ },
    { argv: ["score", "--criteria", file("set.json"), file("units.json"), file("bad-unit.json")], code: 1, message: /bad-unit.json: 2 lỗi[\s\S]*year[\s\S]*2.2/ },
    { argv: ["score", "--criteria", file("broken.json"), file("units.json")], code: 1, message: /is not a valid criteria set/ },
  ])("$argv.0 fails with exit $code", async ({ argv, code, message }) => {
    const result = await run(...argv);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
  });
});
