/**
 * Benchmarks: `npm run bench [-- --units=N] [case names...]`. Each case prints its figures
 * (throughput, times, peak memory); progress goes to stderr. Figures only, never pass/fail.
 */
import type { BenchCase, Figure } from "./bench-case.js";
import { appraisalPagesCase } from "./cases/appraisal-pages.js";
import { httpCase } from "./cases/http.js";
import { liveRankingCase } from "./cases/live-ranking.js";
import { scoreUnitsCase } from "./cases/score-units.js";
import { robustnessCase } from "./cases/robustness.js";
import { surveyImportCase } from "./cases/survey-import.js";
import { worklistPageCase } from "./cases/worklist-page.js";
import { formatBytes } from "./format-figures.js";
import { measureMemory } from "./measure-memory.js";

const CASES: BenchCase[] = [
  scoreUnitsCase("reference-commune/2026.1.json"),
  surveyImportCase(),
  httpCase,
  robustnessCase,
  liveRankingCase,
  appraisalPagesCase,
  worklistPageCase,
];

async function main(argv: string[]): Promise<void> {
  const units = Number(argv.find((a) => a.startsWith("--units="))?.slice("--units=".length) ?? 10_000);
  if (!Number.isInteger(units) || units < 1) throw new Error(`--units must be a whole number above 0, got ${units}`);
  const wanted = argv.filter((a) => !a.startsWith("--"));
  const unknown = wanted.filter((name) => !CASES.some((c) => c.name === name));
  if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(", ")}. Expected one of: ${CASES.map((c) => c.name).join(", ")}`);

  console.log(`par-index bench — node ${process.version}, ${process.platform}/${process.arch}`);
  for (const benchCase of CASES.filter((c) => wanted.length === 0 || wanted.includes(c.name))) {
    globalThis.gc?.();
    const memory = measureMemory();
    memory.sample();
    console.log(`\n${benchCase.name} — ${benchCase.description}`);
    const figures: Figure[] = await benchCase.run({ units, progress: (message) => process.stderr.write(`  … ${message}\n`), sample: memory.sample });
    memory.sample();
    const peak = memory.peak();
    figures.push({ label: "memory", text: `peak RSS ${formatBytes(peak.rss)}, peak heap used ${formatBytes(peak.heapUsed)}` });
    const width = Math.max(...figures.map((f) => f.label.length));
    for (const figure of figures) console.log(`  ${figure.label.padEnd(width)}  ${figure.text}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
