import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { createRandom, deriveSeed } from "../../src/synthetic/random.js";
import { BINARY_MUTATORS, CSV_MUTATORS, JSON_MUTATORS, type Mutant } from "./mutate.js";

/**
 * Fuzzing the `par` command in-process with mutants of the shipped files: criteria sets,
 * assessment sheets (three units of the demo province) and survey exports. For every mutant:
 * never exit 3 (an internal error), never a hang (inputs stay under a few MB), and never exit 0
 * with figures other than the clean file's unless a warning says what was assumed or dropped.
 * Seeded: the same mutants every run.
 */
const SEED = 20_260_701;
const dir = mkdtempSync(join(tmpdir(), "par-fuzz-"));
let written = 0;

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Writes a mutant under the clean file's name (in a directory of its own), so outputs that name the file compare equal. */
function place(name: string, bytes: Uint8Array): string {
  const folder = join(dir, String(++written));
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

function csvMutants(text: string, seed: number, perKind: number): Mutant[] {
  const mutants: Mutant[] = [];
  Object.entries(CSV_MUTATORS).forEach(([kind, { detectable, mutate }], k) => {
    const random = createRandom(deriveSeed(seed, k));
    for (let i = 0; i < perKind; i++) {
      const bytes = mutate(text, random);
      if (bytes) mutants.push({ kind, bytes, detectable });
    }
  });
  return mutants;
}

type Failure = { kind: string; why: string };

function describeFailures(failures: Failure[]): string {
  return failures.map((f) => `${f.kind}: ${f.why}`).join("\n");
}

// ---- assessment sheets: three units of each demo year, scored ----
const SHEETS = [2025, 2026].map((year) => {
  const text = readFileSync(`criteria/examples/demo-province/assessments-${year}.csv`, "utf8");
  const lines = text.split("\n");
  const units = [...new Set(lines.slice(1).map((line) => line.split(",")[0]))].slice(0, 3);
  const small = `${[lines[0], ...lines.slice(1).filter((line) => units.includes(line.split(",")[0]))].join("\n")}\n`;
  return { year, name: `assessments-${year}.csv`, text: small, criteria: `criteria/reference-commune/${year}.1.json` };
});
const sheetMutants = SHEETS.map((sheet) => ({ sheet, mutants: csvMutants(sheet.text, deriveSeed(SEED, sheet.year), 4) }));

describe.each(sheetMutants)("assessment sheet $sheet.name", ({ sheet, mutants }) => {
  it(`${mutants.length} mutants: no exit 3, no silent change of figures`, { timeout: 60_000 }, async () => {
    const score = (path: string) => run(["score", "--criteria", sheet.criteria, path, "--format", "json", "--lang", "en"]);
    const clean = await score(place(sheet.name, Buffer.from(sheet.text)));
    expect(clean.code, clean.stderr).toBe(0);
    const failures: Failure[] = [];
    for (const mutant of mutants) {
      const result = await score(place(sheet.name, mutant.bytes));
      if (result.code === 3 || result.code === undefined) failures.push({ kind: mutant.kind, why: `exit ${result.code}: ${result.stderr.slice(-300)}` });
      else if (result.code === 0 && mutant.detectable && result.stdout !== clean.stdout && !result.stderr.includes("⚠"))
        failures.push({ kind: mutant.kind, why: "exit 0, other figures, no warning" });
    }
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

// ---- survey exports: every example export, imported with the reference mapping ----
const SURVEY_DIR = "criteria/examples/survey";
const MAPPING = "criteria/survey/reference-sipas/2026.1.json";
const UNITS = join(SURVEY_DIR, "units.csv");
const EXPORTS = readdirSync(SURVEY_DIR).filter((name) => name.endsWith(".csv") && name !== "units.csv");

interface Imported {
  units: unknown;
  quality: Record<string, unknown> & { notes: { en: string }[]; issues: { code: string }[] };
}

/** What the import said about the file besides its results: exclusions, notes and issues. */
function said(result: Imported): string {
  const { rows: _rows, used: _used, issues, notes, notListed: _n, ...counts } = result.quality;
  return JSON.stringify({ counts, notes: notes.map((n) => n.en), issues: issues.map((i) => i.code) });
}

const importSurvey = async (path: string) => {
  const result = await run(["survey", "import", path, "--mapping", MAPPING, "--units", UNITS, "--format", "json", "--lang", "en"]);
  return { ...result, json: result.code === 0 ? (JSON.parse(result.stdout) as Imported) : null };
};

async function checkSurveyMutants(name: string, cleanPath: string, mutants: Mutant[]): Promise<Failure[]> {
  const clean = await importSurvey(cleanPath);
  expect(clean.code, clean.stderr).toBe(0);
  const failures: Failure[] = [];
  for (const mutant of mutants) {
    const result = await importSurvey(place(name, mutant.bytes));
    if (result.code === 3) failures.push({ kind: mutant.kind, why: `exit 3: ${result.stderr.slice(-300)}` });
    else if (result.json && mutant.detectable) {
      const same = JSON.stringify(result.json.units) === JSON.stringify(clean.json!.units);
      if (!same && said(result.json) === said(clean.json!)) failures.push({ kind: mutant.kind, why: "exit 0, other figures, nothing said" });
    }
  }
  return failures;
}

const surveyMutants = EXPORTS.map((name) => ({ name, mutants: csvMutants(readFileSync(join(SURVEY_DIR, name), "utf8"), deriveSeed(SEED, name.length), 4) }));

describe.each(surveyMutants)("survey export $name", ({ name, mutants }) => {
  it(`${mutants.length} mutants: no exit 3, no silent change of results`, { timeout: 60_000 }, async () => {
    const failures = await checkSurveyMutants(name, join(SURVEY_DIR, name), mutants);
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

const xlsx = readFileSync(join(SURVEY_DIR, "sheet.xlsx"));
const xlsxMutants: Mutant[] = Object.entries(BINARY_MUTATORS).flatMap(([kind, mutate], k) => {
  const random = createRandom(deriveSeed(SEED, 100 + k));
  return Array.from({ length: 8 }, () => ({ kind, bytes: mutate(xlsx, random), detectable: true }));
});

describe("survey export sheet.xlsx", () => {
  it(`${xlsxMutants.length} mutants: no exit 3, no silent change of results`, { timeout: 60_000 }, async () => {
    const failures = await checkSurveyMutants("sheet.xlsx", join(SURVEY_DIR, "sheet.xlsx"), xlsxMutants);
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});

// ---- criteria sets: validated, and the valid mutants used to score ----
const SETS = readdirSync("criteria").flatMap((family) =>
  family.startsWith("reference-")
    ? readdirSync(join("criteria", family))
        .filter((f) => /^20.*\.json$/.test(f))
        .map((f) => join("criteria", family, f))
    : [],
);

const setMutants = SETS.map((path, s) => {
  const text = readFileSync(path, "utf8");
  const json = JSON.parse(text) as unknown;
  const mutants = Object.entries(JSON_MUTATORS).flatMap(([kind, mutate], k) => {
    const random = createRandom(deriveSeed(deriveSeed(SEED, 200 + s), k));
    return Array.from({ length: 4 }, () => ({ kind, bytes: mutate(json, text, random), detectable: false }));
  });
  return { path, mutants };
});

describe.each(setMutants)("criteria set $path", ({ path, mutants }) => {
  it(`${mutants.length} mutants: validate and score end in exit 0, 1 or 2, never 3`, { timeout: 60_000 }, async () => {
    const sheet = SHEETS.find((s) => path.includes(String(s.year))) ?? SHEETS[1]!;
    const sheetPath = place(sheet.name, Buffer.from(sheet.text));
    const failures: Failure[] = [];
    for (const mutant of mutants) {
      const setPath = place(basename(path), mutant.bytes);
      const validated = await run(["validate", setPath]);
      if (validated.code === 3) failures.push({ kind: mutant.kind, why: `validate exit 3: ${validated.stderr.slice(-300)}` });
      if (validated.code !== 0) continue;
      const scored = await run(["score", "--criteria", setPath, sheetPath, "--year", String(sheet.year), "--format", "json"]);
      if (scored.code === 3) failures.push({ kind: mutant.kind, why: `score exit 3: ${scored.stderr.slice(-300)}` });
    }
    expect(failures, describeFailures(failures)).toEqual([]);
  });
});
