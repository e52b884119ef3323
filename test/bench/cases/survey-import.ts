import { createWriteStream, existsSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadCriteriaSet } from "../../../src/criteria/load-criteria-set.js";
import type { CriteriaSet } from "../../../src/criteria/types.js";
import { importSurveyFile } from "../../../src/files/import-survey-file.js";
import { streamCsvRecords } from "../../../src/files/stream-csv-records.js";
import { loadSurveyMapping } from "../../../src/survey/load-survey-mapping.js";
import type { SurveyMapping, SurveyUnit } from "../../../src/survey/types.js";
import type { BenchCase, BenchContext, Figure } from "../bench-case.js";
import { formatBytes, formatCount, formatDuration, formatRate } from "../format-figures.js";
import { measureMemory } from "../measure-memory.js";

const ROWS = 1_000_000;
const RUNS = 3;
const UNITS = 300;
const QUESTIONS = ["a1", "a2", "a3", "a4", "p1", "p2", "p3", "p4", "c1", "c2", "c3", "c4", "r1", "r2", "r3", "r4", "f1", "f2", "f3"];
const HEADER = ["start", "grp_info/unit_code", ...QUESTIONS.map((q) => `grp/${q}`), "channels", "_id", "_uuid", "_submission_time", "_validation_status"];

interface Run {
  ms: number;
  cpuMs: number;
  rss: number;
  heapUsed: number;
}

/** The run with the least CPU time; the peaks are the highest over all runs. */
function best(runs: Run[]): Run {
  const fastest = runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
  return { ...fastest, rss: Math.max(...runs.map((r) => r.rss)), heapUsed: Math.max(...runs.map((r) => r.heapUsed)) };
}

/** A KoboToolbox-style export of 1,000,000 responses × 20 questions over 300 units, imported with the reference mapping. */
export function surveyImportCase(): BenchCase {
  return {
    name: "survey",
    description: `import ${formatCount(ROWS)} survey responses × 20 questions over ${UNITS} units (KoboToolbox CSV, reference-sipas 2026.1), against a bare CSV parse of the same file (best of ${RUNS}, CPU time, side by side)`,
    async run(context) {
      const criteria = readJson("criteria/reference-commune/2026.1.json", (json) => loadCriteriaSet(json)) as CriteriaSet;
      const mapping = readJson("criteria/survey/reference-sipas/2026.1.json", (json) => loadSurveyMapping(json, criteria)) as SurveyMapping;
      const units: SurveyUnit[] = Array.from({ length: UNITS }, (_, i) => ({
        code: `U${String(i + 1).padStart(4, "0")}`,
        type: i % 3 === 0 ? "phuong" : "xa",
        population: 800 + ((i * 37) % 3000),
      }));
      const figures: Figure[] = [];

      const small = join(tmpdir(), `par-bench-survey-${ROWS / 4}.csv`);
      const file = join(tmpdir(), `par-bench-survey-${ROWS}.csv`);
      const start = performance.now();
      const written = [await generateExport(small, ROWS / 4, context), await generateExport(file, ROWS, context)];
      figures.push({
        label: "generate",
        text: written.some(Boolean)
          ? `${formatCount(ROWS)} rows, ${formatBytes(statSync(file).size)} in ${formatDuration(performance.now() - start)} (${file})`
          : `${formatCount(ROWS)} rows, ${formatBytes(statSync(file).size)}: the exports of an earlier run, reused (${file})`,
      });

      /** One timed run: wall and CPU time (user + system, all threads), and the peak RSS and heap sampled every 10,000 rows. */
      const measure = async (work: (sample: () => void) => Promise<void>): Promise<Run> => {
        globalThis.gc?.();
        const memory = measureMemory();
        memory.sample();
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        await work(() => {
          memory.sample();
          context.sample();
        });
        const ms = performance.now() - t0;
        const used = process.cpuUsage(cpu0);
        return { ms, cpuMs: (used.user + used.system) / 1000, ...memory.peak() };
      };
      const bare = (path: string) => async (sample: () => void) => {
        let cells = 0;
        const parsed = await streamCsvRecords(path, (record, index) => {
          cells += record.length;
          if (index % 10_000 === 0) sample();
        });
        if (!parsed.ok || cells === 0) throw new Error("bare parse failed");
      };
      const full = (path: string) => async (sample: () => void) => {
        const imported = await importSurveyFile(path, { mapping, criteria, units }, { every: 10_000, onProgress: sample });
        if (!imported.ok) throw new Error(`import failed: ${imported.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
        const q = imported.value.quality;
        quality = `${formatCount(q.used)} used, ${formatCount(q.duplicates)} duplicates, ${formatCount(q.incomplete)} incomplete, ${formatCount(q.rejected)} rejected, ${formatCount(q.outOfScale)} out of scale, ${imported.value.units.length} units`;
      };

      /**
       * What an import holds while it runs (untimed): heap and array buffers in use after a full GC at
       * 90% of the file, beside the same figure for the bare parse; garbage waiting for the collector
       * makes the peaks above move with the heap's sizing, this does not.
       */
      const held = async (path: string, rows: number): Promise<{ bare: number; imported: number } | null> => {
        const gc = globalThis.gc;
        if (!gc) return null;
        const inUse = () => {
          gc();
          const usage = process.memoryUsage();
          return usage.heapUsed + usage.arrayBuffers;
        };
        let bareHeld = 0;
        await streamCsvRecords(path, (_, index) => {
          if (index === Math.floor(rows * 0.9)) bareHeld = inUse();
        });
        let importHeld = 0;
        await importSurveyFile(
          path,
          { mapping, criteria, units },
          {
            every: 10_000,
            onProgress: (done) => {
              if (importHeld === 0 && done >= rows * 0.9) importHeld = inUse();
            },
          },
        );
        return { bare: bareHeld, imported: importHeld };
      };

      // the smaller file first, so that its peaks are not those the larger one left behind;
      // bare parse and import alternate, and the best of RUNS runs of each counts
      let quality = "";
      for (const [path, rows] of [
        [small, ROWS / 4],
        [file, ROWS],
      ] as const) {
        const bareRuns: Run[] = [];
        const importRuns: Run[] = [];
        for (let run = 1; run <= RUNS; run++) {
          bareRuns.push(await measure(bare(path)));
          importRuns.push(await measure(full(path)));
          context.progress(`${formatCount(rows)} rows: run ${run} of ${RUNS}`);
        }
        const b = best(bareRuns);
        const i = best(importRuns);
        const line = (r: Run) =>
          `${formatDuration(r.cpuMs)} CPU, ${formatDuration(r.ms)} wall (${formatRate(rows, r.ms, "rows")}), peak RSS ${formatBytes(r.rss)}, peak heap ${formatBytes(r.heapUsed)}`;
        figures.push({ label: `bare parse ${formatCount(rows)}`, text: line(b) });
        figures.push({ label: `import ${formatCount(rows)}`, text: line(i) });
        figures.push({ label: `quality ${formatCount(rows)}`, text: quality });
        figures.push({
          label: `ratio ${formatCount(rows)}`,
          text: `import / bare parse = ${(i.cpuMs / b.cpuMs).toFixed(2)}× the CPU, ${(i.ms / b.ms).toFixed(2)}× the wall time (best of ${RUNS} each; aim: within 2×)`,
        });
        const h = await held(path, rows);
        if (h)
          figures.push({
            label: `held ${formatCount(rows)}`,
            text: `in use after a full GC at 90% of the file: bare parse ${formatBytes(h.bare)}, import ${formatBytes(h.imported)} (+${formatBytes(h.imported - h.bare)})`,
          });
      }
      figures.push({
        label: "memory",
        text: "compare the import's figures at both sizes for memory flat in file size: what grows is the respondent set for duplicates, 16–32 bytes per distinct id",
      });
      return figures;
    },
  };
}

function readJson(file: string, load: (json: unknown) => { ok: boolean; value?: unknown; problems?: { path: string; message: string }[] }): unknown {
  const path = resolve(process.cwd(), file);
  if (!existsSync(path)) throw new Error(`${path} not found: run the bench from the repository root (npm run bench)`);
  const loaded = load(JSON.parse(readFileSync(path, "utf8")));
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.problems?.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return loaded.value;
}

/** Writes the export once per size (kept in the temp folder for later runs): answers skewed to satisfied, 0.5% duplicates, 1% not approved, 0.1% out of scale. */
/** Writes the export unless an earlier run left it (same seed, same rows); true when it was written now. */
async function generateExport(path: string, rows: number, context: BenchContext): Promise<boolean> {
  if (existsSync(path) && statSync(path).size > rows * 50) return false;
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((done) => out.once("drain", () => done())));
  let seed = 2026;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const SCALE = ["5", "5", "4", "4", "4", "3", "2", "1", "99", "5"];
  const CHANNELS = ["counter", "online counter", "media", "counter other", "online"];
  let chunk = `${HEADER.join(",")}\n`;
  for (let i = 0; i < rows; i++) {
    const unit = `U${String(1 + Math.floor(random() * UNITS)).padStart(4, "0")}`;
    const answers = QUESTIONS.map(() => (random() < 0.001 ? "7" : SCALE[Math.floor(random() * SCALE.length)]!));
    const id = random() < 0.005 && i > 0 ? `uuid-${i - 1}` : `uuid-${i}`;
    const status = random() < 0.01 ? "validation_status_not_approved" : "validation_status_approved";
    chunk += `2026-05-10T09:00:00.000+07:00,${unit},${answers.join(",")},${CHANNELS[i % CHANNELS.length]},${i},${id},2026-05-10T09:10:00,${status}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
    if ((i + 1) % 250_000 === 0) context.progress(`generated ${formatCount(i + 1)} / ${formatCount(rows)} rows`);
  }
  await write(chunk);
  await new Promise<void>((done) => out.end(() => done()));
  return true;
}
