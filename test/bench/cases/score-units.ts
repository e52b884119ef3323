import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkAssessment } from "../../../src/assessment/check-assessment.js";
import type { Assessment } from "../../../src/assessment/types.js";
import { loadCriteriaSet } from "../../../src/criteria/load-criteria-set.js";
import type { CriteriaSet } from "../../../src/criteria/types.js";
import { listLeaves } from "../../../src/criteria/walk-criteria.js";
import { toUnits } from "../../../src/points.js";
import { rankUnits } from "../../../src/ranking/rank-units.js";
import { compileScorer } from "../../../src/scoring/compile-scorer.js";
import type { ScoreSummary } from "../../../src/scoring/report.js";
import { generateAssessments } from "../../../src/synthetic/generate-assessments.js";
import type { BenchCase, BenchContext, Figure } from "../bench-case.js";
import { formatBytes, formatCount, formatDuration, formatRate } from "../format-figures.js";
import { type PlainTotals, plainScorer } from "./plain-scorer.js";

const ROUNDS = 3;
const FULL_REPORTS = 1000;

/**
 * Checks, scores and ranks `units` synthetic units against a shipped criteria file with the
 * compiled check and scorer, as a real scoring run does, beside a plain-JavaScript scorer of the
 * same set in the same process (`plain-scorer.ts`, prepared once per set like the compiled one):
 * totals must be identical on every unit, and the ratio of their CPU times is the figure to read
 * (the machine is shared, so absolute times move with the load). Each side runs `ROUNDS` times,
 * alternately; the best run of each counts. The full report with every explanation is timed on
 * the first 1,000 units, and the memory of keeping every unit's summary is measured after a GC.
 */
export function scoreUnitsCase(file: string): BenchCase {
  return {
    name: `score:${file.replace(/\.json$/, "")}`,
    description: `generate, check, score and rank synthetic units with criteria/${file}: compiled check and scorer vs a plain-JavaScript scorer in the same process`,
    run(context) {
      const set = readCriteriaSet(file);
      const leaves = listLeaves(set).length;
      const scorer = compileScorer(set);
      const plainTotals = plainScorer(set);

      const start = performance.now();
      const assessments = inBatches(context, "generated", (from, count) => generateAssessments(set, { count, seed: 2026, first: from }));
      const generateMs = performance.now() - start;
      const n = assessments.length;

      let plain: { totals: PlainTotals[]; ms: Timing } | null = null;
      let compiled: { summaries: ScoreSummary[]; check: Timing; score: Timing; rank: Timing; cpu: number; wall: number; blocks: number } | null = null;
      for (let round = 0; round < ROUNDS; round++) {
        globalThis.gc?.();
        const totals: PlainTotals[] = [];
        const plainMs = measure(() => {
          for (const assessment of assessments) totals.push(plainTotals(assessment));
        });
        if (!plain || plainMs.cpu < plain.ms.cpu) plain = { totals, ms: plainMs };
        globalThis.gc?.();
        const checked: Assessment[] = [];
        const checkMs = measure(() => {
          for (const assessment of assessments) {
            const result = checkAssessment(assessment, set);
            if (!result.ok) throw new Error(`unit ${assessment.unit.code} does not pass its check: ${result.problems.map((p) => p.message).join("; ")}`);
            checked.push(result.value);
          }
        });
        const summaries: ScoreSummary[] = [];
        const scoreMs = measure(() => {
          for (const assessment of checked) summaries.push(scoreOrThrow(scorer.scoreChecked(assessment), assessment));
        });
        let blocks = 0;
        const rankMs = measure(() => {
          const ranked = rankUnits(set, summaries);
          if (!ranked.ok) throw new Error(`ranking failed: ${ranked.problems.map((p) => p.message).join("; ")}`);
          blocks = ranked.value.blocks.length;
        });
        const cpu = checkMs.cpu + scoreMs.cpu + rankMs.cpu;
        const wall = checkMs.wall + scoreMs.wall + rankMs.wall;
        if (!compiled || cpu < compiled.cpu) compiled = { summaries, check: checkMs, score: scoreMs, rank: rankMs, cpu, wall, blocks };
        context.sample();
        context.progress(`round ${round + 1} of ${ROUNDS}: plain ${formatDuration(plainMs.cpu)}, compiled check + score + rank ${formatDuration(cpu)} CPU`);
      }
      if (!plain || !compiled) throw new Error("no round ran");
      const identical = compareTotals(compiled.summaries, plain.totals, assessments);

      const sample = assessments.slice(0, FULL_REPORTS);
      const full = measure(() => {
        for (const assessment of sample) if (!scorer.explain(assessment).ok) throw new Error(`unit ${assessment.unit.code} does not explain`);
      });
      const sampleCompiled = measure(() => {
        for (const assessment of sample) scorer.scoreChecked(assessment);
      });
      const reportBytes = JSON.stringify((scorer.explain(assessments[0]!) as { value: unknown }).value).length;

      globalThis.gc?.();
      const before = process.memoryUsage().heapUsed;
      const kept = assessments.map((assessment) => scoreOrThrow(scorer.scoreChecked(assessment), assessment));
      globalThis.gc?.();
      const keptBytes = process.memoryUsage().heapUsed - before;
      context.sample();

      const ratio = (cpu: number) => `${(cpu / plain!.ms.cpu).toFixed(2)}×`;
      const figures: Figure[] = [
        { label: "set", text: `${set.family} ${set.version}: ${leaves} leaves per unit (bonus and penalty items included)` },
        { label: "load", text: `load average ${loadAverage()} on a shared machine: read the ratios, not the absolute times` },
        { label: "generate", text: `${formatCount(n)} units in ${formatDuration(generateMs)} (${formatRate(n, generateMs, "units")})` },
        { label: "plain JS", text: `${formatCount(n)} units scored in ${describe(plain.ms, n)} (baseline: totals only, no checks, no words)` },
        {
          label: "check",
          text: `${formatCount(n)} assessments checked (compiled check; a real scoring run checks its input first) in ${describe(compiled.check, n)}`,
        },
        {
          label: "score",
          text: `${formatCount(n)} units in ${describe(compiled.score, n)}, ${formatRate(n * leaves, compiled.score.cpu, "leaves")} CPU`,
        },
        { label: "rank", text: `${formatCount(n)} units in ${compiled.blocks} blocks in ${describe(compiled.rank, n)}` },
        {
          label: "score + rank",
          text: `check + score + rank ${formatDuration(compiled.cpu)} CPU (wall ${formatDuration(compiled.wall)}; aim: under 1 s); ${ratio(compiled.cpu)} the plain scorer's CPU (aim: within 2×); without the check ${ratio(compiled.score.cpu + compiled.rank.cpu)}, score alone ${ratio(compiled.score.cpu)}, check alone ${ratio(compiled.check.cpu)}`,
        },
        {
          label: "identical",
          text: `totals (self, appraised, total, applicable maximum) identical to the plain scorer on ${formatCount(identical)} of ${formatCount(n)} units`,
        },
        {
          label: "full report",
          text: `${formatCount(sample.length)} reports with every explanation in ${describe(full, sample.length)}: ${(full.cpu / sampleCompiled.cpu).toFixed(1)}× the compiled score of the same units; ${formatCount(reportBytes / 1024)} KB of JSON each, so produced on demand`,
        },
        {
          label: "kept",
          text: `${formatCount(n)} kept summaries: ${formatBytes(keptBytes)} of heap (${formatCount(keptBytes / n)} bytes each; aim: under 500 MB)`,
        },
      ];
      if (kept.length !== n) throw new Error("a summary went missing");
      return figures;
    },
  };
}

interface Timing {
  wall: number;
  cpu: number;
}

function measure(work: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function describe(timing: Timing, n: number): string {
  return `${formatDuration(timing.cpu)} CPU (wall ${formatDuration(timing.wall)}; ${((timing.cpu * 1000) / n).toFixed(1)} µs per unit)`;
}

function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "unknown";
  }
}

function scoreOrThrow(scored: ReturnType<ReturnType<typeof compileScorer>["scoreChecked"]>, assessment: Assessment): ScoreSummary {
  if (!scored.ok) throw new Error(`unit ${assessment.unit.code} does not score: ${scored.problems.map((p) => p.message).join("; ")}`);
  return scored.value;
}

/** Units whose totals agree exactly; throws on the first that does not, naming it. */
function compareTotals(summaries: ScoreSummary[], plain: PlainTotals[], assessments: Assessment[]): number {
  let identical = 0;
  summaries.forEach((summary, i) => {
    const other = plain[i]!;
    const t = summary.totals;
    const same =
      toUnits(t.total) === other.total &&
      toUnits(t.applicableMax) === other.applicable &&
      (t.self === null ? other.self === null : toUnits(t.self) === other.self) &&
      (t.appraised === null ? other.appraised === null : toUnits(t.appraised) === other.appraised);
    if (!same) throw new Error(`unit ${assessments[i]!.unit.code}: compiled ${JSON.stringify(t)} but plain ${JSON.stringify(other)}`);
    identical++;
  });
  return identical;
}

function readCriteriaSet(file: string): CriteriaSet {
  const path = resolve(process.cwd(), "criteria", file);
  if (!existsSync(path)) throw new Error(`criteria file ${path} not found: run the bench from the repository root (npm run bench)`);
  const loaded = loadCriteriaSet(JSON.parse(readFileSync(path, "utf8")));
  if (!loaded.ok) throw new Error(`criteria/${file} does not load: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return loaded.value;
}

/** Generates in batches of 1,000 to report progress; the units are those of one large batch. */
function inBatches<T>(context: BenchContext, verb: string, make: (from: number, count: number) => T[]): T[] {
  const out: T[] = [];
  for (let from = 0; from < context.units; from += 1000) {
    out.push(...make(from, Math.min(1000, context.units - from)));
    context.sample();
    context.progress(`${verb} ${formatCount(out.length)} / ${formatCount(context.units)}`);
  }
  return out;
}
