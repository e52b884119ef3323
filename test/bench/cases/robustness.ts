import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { analyseRobustness, generateAssessments, loadCriteriaSet, scoreAssessment } from "../../../src/index.js";
import type { BenchCase } from "../bench-case.js";
import { formatCount, formatDuration, formatRate } from "../format-figures.js";

const UNITS = 300;
const REPLICATES = 1000;

/** 1,000 robustness replicates of a 300-unit province (reference commune set, synthetic units with surveys); target under 2 s. */
export const robustnessCase: BenchCase = {
  name: "robustness",
  description: `${formatCount(REPLICATES)} robustness replicates of a ${UNITS}-unit province (criteria/reference-commune/2026.1.json), disputes included`,
  run(context) {
    const path = resolve(process.cwd(), "criteria/reference-commune/2026.1.json");
    if (!existsSync(path)) throw new Error(`criteria file ${path} not found: run the bench from the repository root (npm run bench)`);
    const loaded = loadCriteriaSet(JSON.parse(readFileSync(path, "utf8")));
    if (!loaded.ok) throw new Error(`the reference set does not load: ${loaded.problems[0]?.message}`);
    const set = loaded.value;
    const reports = generateAssessments(set, { count: UNITS, seed: 2026 }).map((assessment) => {
      const scored = scoreAssessment(set, assessment);
      if (!scored.ok) throw new Error(`unit ${assessment.unit.code} does not score: ${scored.problems[0]?.message}`);
      return scored.value;
    });
    context.sample();
    const figures = [];
    for (const disputes of [false, true]) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const analysed = analyseRobustness(set, reports, { replicates: REPLICATES, seed: 1, disputes });
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      context.sample();
      if (!analysed.ok) throw new Error(`analysis failed: ${analysed.problems[0]?.message}`);
      const units = analysed.value.blocks.flatMap((b) => b.units);
      const surveyed = units.filter((u) => u.drawn.indicators > 0).length;
      const disputed = units.reduce((sum, u) => sum + u.drawn.disputed, 0);
      const unsettled = analysed.value.blocks.reduce((sum, b) => sum + b.unsettled.length, 0);
      figures.push({
        label: disputes ? "survey + disputes" : "survey only",
        text: `${formatCount(REPLICATES)} replicates × ${UNITS} units in ${formatDuration(ms)} (CPU ${formatDuration(cpuMs)}; ${formatRate(REPLICATES, ms, "replicates")}); ${surveyed} units with a survey drawn, ${disputed} disputed items, ${formatCount(unsettled)} unsettled pairs`,
      });
    }
    return figures;
  },
};
