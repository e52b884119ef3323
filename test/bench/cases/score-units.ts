import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadCriteriaSet } from "../../../src/criteria/load-criteria-set.js";
import type { CriteriaSet } from "../../../src/criteria/types.js";
import { listLeaves } from "../../../src/criteria/walk-criteria.js";
import { rankUnits } from "../../../src/ranking/rank-units.js";
import type { ScoreReport } from "../../../src/scoring/report.js";
import { scoreAssessment } from "../../../src/scoring/score-assessment.js";
import { generateAssessments } from "../../../src/synthetic/generate-assessments.js";
import type { BenchCase, BenchContext } from "../bench-case.js";
import { formatCount, formatDuration, formatRate } from "../format-figures.js";

/** Generates, scores and ranks `units` synthetic units against a shipped criteria file. */
export function scoreUnitsCase(file: string): BenchCase {
  return {
    name: `score:${file.replace(/\.json$/, "")}`,
    description: `generate, score and rank synthetic units with criteria/${file}`,
    run(context) {
      const set = readCriteriaSet(file);
      const leaves = listLeaves(set).length;

      let start = performance.now();
      const assessments = inBatches(context, "generated", (from, count) => generateAssessments(set, { count, seed: 2026, first: from }));
      const generateMs = performance.now() - start;

      start = performance.now();
      const reports: ScoreReport[] = [];
      for (const [i, assessment] of assessments.entries()) {
        const scored = scoreAssessment(set, assessment);
        if (!scored.ok) throw new Error(`unit ${assessment.unit.code} does not score: ${scored.problems.map((p) => p.message).join("; ")}`);
        reports.push(scored.value);
        tick(context, i + 1, "scored");
      }
      const scoreMs = performance.now() - start;

      start = performance.now();
      const ranked = rankUnits(set, reports);
      const rankMs = performance.now() - start;
      context.sample();
      if (!ranked.ok) throw new Error(`ranking failed: ${ranked.problems.map((p) => p.message).join("; ")}`);

      const n = reports.length;
      return [
        { label: "set", text: `${set.family} ${set.version}: ${leaves} leaves per unit (bonus and penalty items included)` },
        { label: "generate", text: `${formatCount(n)} units in ${formatDuration(generateMs)} (${formatRate(n, generateMs, "units")})` },
        {
          label: "score",
          text: `${formatCount(n)} units in ${formatDuration(scoreMs)} (${formatRate(n, scoreMs, "units")}, ${formatRate(n * leaves, scoreMs, "leaves")})`,
        },
        { label: "rank", text: `${formatCount(n)} units in ${ranked.value.blocks.length} blocks in ${formatDuration(rankMs)}` },
      ];
    },
  };
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
    tick(context, out.length, verb, true);
  }
  return out;
}

function tick(context: BenchContext, done: number, verb: string, force = false): void {
  if (done % 100 === 0 || force) context.sample();
  if (done % 1000 === 0 || (force && done === context.units)) context.progress(`${verb} ${formatCount(done)} / ${formatCount(context.units)}`);
}
