import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";

const SET = "criteria/reference-commune/2026.1.json";
const DEMO = ["criteria/examples/demo-province/assessments-2026.csv", "--survey", "criteria/examples/demo-province/survey-2026.csv"];

async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("par rank --robustness", { timeout: 60_000 }, () => {
  it("adds rank bands to the JSON, the same for the same seed", async () => {
    const a = await run("rank", "--criteria", SET, ...DEMO, "--robustness", "--replicates", "40", "--seed", "7", "--format", "json");
    expect(a.code).toBe(0);
    const parsed = JSON.parse(a.stdout) as {
      blocks: { units: { rank: number }[] }[];
      robustness: { replicates: number; blocks: { units: { rank: number; low: number; high: number }[] }[] };
    };
    expect(parsed.robustness.replicates).toBe(40);
    expect(parsed.robustness.blocks.map((b) => b.units.map((u) => u.rank))).toEqual(parsed.blocks.map((b) => b.units.map((u) => u.rank)));
    expect((await run("rank", "--criteria", SET, ...DEMO, "--robustness", "--replicates", "40", "--seed", "7", "--format", "json")).stdout).toBe(a.stdout);
  });

  it.each([
    { lang: "vi", lines: [/Độ tin cậy của thứ hạng: 30 lần mô phỏng/, /Khoảng 5–95%/, /\d,\d%/] },
    { lang: "en", lines: [/How sure the rank is: 30 replicates/, /5–95% band/, /\d\.\d%/] },
  ])("prints the bands in $lang with the locale's decimal mark", async ({ lang, lines }) => {
    const result = await run("rank", "--criteria", SET, ...DEMO, "--robustness", "--replicates", "30", "--lang", lang);
    expect(result.code).toBe(0);
    for (const line of lines) expect(result.stdout).toMatch(line);
  });

  it("writes one CSV row per unit with class shares", async () => {
    const result = await run("rank", "--criteria", SET, ...DEMO, "--robustness", "--replicates", "20", "--format", "csv");
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/^block,rank,code,name,median_rank,rank_p5,rank_p95,class_xuat-sac/);
    expect(rows).toHaveLength(41);
  });

  it.each(["0", "100001"])("refuses --replicates %s with a usage error", async (replicates) => {
    const result = await run("rank", "--criteria", SET, ...DEMO, "--robustness", "--replicates", replicates, "--lang", "en");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--replicates must be 1 to 100000/);
  });
});

describe("par what-if", { timeout: 60_000 }, () => {
  it("shows no change under the set's own policy, and changes under another", async () => {
    const same = await run("what-if", "--criteria", SET, ...DEMO, "--class-edges", "90;80;70;50", "--format", "json");
    expect(same.code).toBe(0);
    const unchanged = JSON.parse(same.stdout) as { changes: { rankChange: number; classChanged: boolean }[] };
    expect(unchanged.changes).toHaveLength(40);
    expect(unchanged.changes.every((c) => c.rankChange === 0 && !c.classChanged)).toBe(true);
    const lower = JSON.parse((await run("what-if", "--criteria", SET, ...DEMO, "--class-edges", "85;75;65;45", "--format", "json")).stdout) as typeof unchanged;
    expect(lower.changes.some((c) => c.classChanged)).toBe(true);
  });

  it.each([
    { lang: "vi", line: /\d+,\d\d → \d+,\d\d/ },
    { lang: "en", line: /\d+\.\d\d → \d+\.\d\d/ },
  ])("prints index before → after in $lang", async ({ lang, line }) => {
    const result = await run("what-if", "--criteria", SET, ...DEMO, "--survey-weight", "20", "--lang", lang);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(line);
  });

  it.each([
    { argv: [], message: /say which policy to try/ },
    { argv: ["--survey-weight", "abc"], message: /--survey-weight: "abc" is not a number/ },
  ])("refuses $argv with a usage error", async ({ argv, message }) => {
    const result = await run("what-if", "--criteria", SET, ...DEMO, ...argv, "--lang", "en");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("names the bad class edges as problems of the policy", async () => {
    const result = await run("what-if", "--criteria", SET, ...DEMO, "--class-edges", "90;80", "--lang", "en");
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/give 4 lower edges/);
  });
});

describe("par why-moved", { timeout: 60_000 }, () => {
  const years = [
    "--criteria-old",
    "criteria/reference-commune/2025.1.json",
    "--criteria-new",
    SET,
    "criteria/examples/demo-province/assessments-2025.csv",
    "criteria/examples/demo-province/assessments-2026.csv",
  ];

  it("lists the items that moved; their changes add up to the total change", async () => {
    const result = await run("why-moved", ...years, "--unit", "DV0001", "--format", "json");
    expect(result.code).toBe(0);
    const change = JSON.parse(result.stdout) as { totalChange: number; bonus: number; penalty: number; items: { change: number }[] };
    expect(change.items.length).toBeGreaterThan(0);
    const sum =
      change.items.reduce((s, item) => s + Math.round(item.change * 10_000), 0) + Math.round(change.bonus * 10_000) - Math.round(change.penalty * 10_000);
    expect(sum).toBe(Math.round(change.totalChange * 10_000));
  });

  it.each([
    { lang: "vi", line: /Xã Minh Hòa \(DV0001\): tổng điểm \d+,\d\d năm 2025 → \d+,\d\d năm 2026/ },
    { lang: "en", line: /Xã Minh Hòa \(DV0001\): total \d+\.\d\d in 2025 → \d+\.\d\d in 2026/ },
  ])("prints the change in $lang", async ({ lang, line }) => {
    const result = await run("why-moved", ...years, "--unit", "DV0001", "--lang", lang);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(line);
  });

  it.each([
    { argv: ["--unit", "NOPE"], message: /unit NOPE is not in/ },
    { argv: ["--unit", "DV0001", "criteria/examples/demo-province/assessments-2026.csv"], message: /give exactly two inputs/ },
  ])("refuses $argv with a usage error", async ({ argv, message }) => {
    const result = await run("why-moved", ...years, ...argv, "--lang", "en");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
