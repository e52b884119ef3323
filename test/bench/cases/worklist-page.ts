import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createApp } from "../../../api/app.js";
import { SYSTEM } from "../../../api/load-criteria-directory.js";
import { seedAssessment } from "../../../api/seed-demo.js";
import { createAdministrator } from "../../../api/services/create-administrator.js";
import type { AssessmentState } from "../../../api/services/workflow.js";
import { openDatabase } from "../../../api/storage/open-database.js";
import { Store } from "../../../api/storage/store.js";
import type { BenchCase, Figure } from "../bench-case.js";
import { formatCount, formatDuration } from "../format-figures.js";
import { seedBenchUnits } from "./seed-bench-units.js";

const UNITS = 300;
const RUNS = 7;
const STATES: AssessmentState[] = ["draft", "submitted", "appraisal1", "explanation", "appraisal2"];

/**
 * The scorer's pages of an open 300-unit campaign (units in every open state, their rounds and
 * surveys seeded) through createApp in process on SQLite, as a signed-in scorer asks for them:
 * the worklist page and its JSON, first (every unit scored) and repeated (live scores reused;
 * median and slowest of several runs, with the process's CPU time, steadier than the wall clock on
 * a busy machine), and the robustness page at its default 1,000 replicates.
 */
export const worklistPageCase: BenchCase = {
  name: "worklist-page",
  description: `the scorer's worklist and robustness pages of an open ${UNITS}-unit campaign through createApp (SQLite, in process)`,
  async run(context) {
    const dir = mkdtempSync(join(tmpdir(), "par-bench-worklist-"));
    const database = await openDatabase({ kind: "sqlite", file: join(dir, "par.sqlite") });
    try {
      const store = new Store(database.db, database.dialect);
      const { now, services, set, assessments, deadlines } = await seedBenchUnits(store, { count: UNITS, seed: 12, unitPrefix: "W" });
      await services.campaigns.create(SYSTEM, { id: "work", year: 2026, criteria: { family: set.family, version: set.version }, deadlines });
      await store.transaction(async (tx) => {
        for (const [i, a] of assessments.entries()) await seedAssessment(tx, "work", a, a.survey, STATES[i % STATES.length]!, now);
      });
      const { token } = await createAdministrator(store, now, "bench scorer", "scorer");
      const app = createApp({ services, logError: (error) => console.error(error) });
      context.progress(`seeded ${UNITS} units, ${(await store.listEntries("work")).length} entries`);

      let bytes = 0;
      let gzipped = 0;
      let cpu = 0;
      const time = async (path: string): Promise<number> => {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
        const body = await response.text();
        const ms = performance.now() - start;
        const used = process.cpuUsage(cpuStart);
        cpu = (used.user + used.system) / 1000;
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 200)}`);
        bytes = Buffer.byteLength(body);
        gzipped = gzipSync(body).length;
        context.sample();
        return ms;
      };
      const repeat = async (path: string, runs: number) => {
        const times: number[] = [];
        const cpus: number[] = [];
        for (let run = 0; run < runs; run++) {
          times.push(await time(path));
          cpus.push(cpu);
        }
        return `median ${formatDuration(median(times))} (CPU ${formatDuration(median(cpus))}), slowest ${formatDuration(Math.max(...times))} (${runs} runs)`;
      };
      const first = await time("/work/work");
      const figures: Figure[] = [
        {
          label: "worklist page, first",
          text: `${formatDuration(first)} (CPU ${formatDuration(cpu)}; every unit scored; ${formatCount(Math.round(bytes / 1024))} KB of HTML, ${formatCount(Math.round(gzipped / 1024))} KB gzipped)`,
        },
        { label: "worklist page, repeat", text: await repeat("/work/work?sort=disputed&dir=desc", RUNS) },
        { label: "worklist JSON, repeat", text: await repeat("/campaigns/work/worklist", RUNS) },
        { label: "robustness page", text: await repeat("/analysis/work/robustness", 3) },
      ];
      return figures;
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
