import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../../../api/app.js";
import { SYSTEM } from "../../../api/load-criteria-directory.js";
import { seedAssessment } from "../../../api/seed-demo.js";
import { createAdministrator } from "../../../api/services/create-administrator.js";
import { openDatabase } from "../../../api/storage/open-database.js";
import { Store } from "../../../api/storage/store.js";
import type { BenchCase, Figure } from "../bench-case.js";
import { formatDuration } from "../format-figures.js";
import { seedBenchUnits } from "./seed-bench-units.js";

const UNITS = 300;
const RUNS = 9;

/**
 * The scorer's appraisal pages of one unit in an open 300-unit campaign (every unit submitted,
 * the unit measured in appraisal round 1), on SQLite, each a real HTTP request on loopback
 * through createApp with a scorer's token: the first request of each page (criteria indexed,
 * the unit scored), then the median and slowest of the next runs.
 */
export const appraisalPagesCase: BenchCase = {
  name: "appraisal-pages",
  description: `the scorer's appraisal overview and an area page of one unit in an open ${UNITS}-unit campaign (SQLite, HTTP on loopback)`,
  async run(context) {
    const dir = mkdtempSync(join(tmpdir(), "par-bench-appraisal-"));
    const database = await openDatabase({ kind: "sqlite", file: join(dir, "par.sqlite") });
    const store = new Store(database.db, database.dialect);
    const { now, services, set, assessments, deadlines } = await seedBenchUnits(store, { count: UNITS, seed: 13, unitPrefix: "A" });
    await services.campaigns.create(SYSTEM, { id: "appraise", year: 2026, criteria: { family: set.family, version: set.version }, deadlines });
    await store.transaction(async (tx) => {
      for (const [i, a] of assessments.entries())
        await seedAssessment(tx, "appraise", { ...a, rounds: a.rounds.slice(0, i === 0 ? 2 : 1) }, a.survey, i === 0 ? "appraisal1" : "submitted", now);
    });
    const { token } = await createAdministrator(store, now, "Bench scorer", "scorer", null, 365);
    const app = createApp({ services, logError: (error) => console.error(error) });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    const unit = assessments[0]!.unit.code;
    context.progress(`seeded ${UNITS} units, ${(await store.listEntries("appraise")).length} entries; measuring unit ${unit}`);
    try {
      const figures: Figure[] = [];
      for (const [label, path] of [
        ["overview", `/work/appraise/${unit}`],
        ["area 2 page", `/work/appraise/${unit}/area/2`],
      ] as const) {
        const times: number[] = [];
        let bytes = 0;
        for (let run = 0; run <= RUNS; run++) {
          const start = performance.now();
          const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}`, accept: "text/html" } });
          const html = await response.text();
          times.push(performance.now() - start);
          if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${html.slice(0, 200)}`);
          bytes = html.length;
          context.sample();
        }
        const warm = times.slice(1).sort((a, b) => a - b);
        figures.push({
          label,
          text: `first ${formatDuration(times[0]!)}, then median ${formatDuration(warm[Math.floor(warm.length / 2)]!)}, max ${formatDuration(warm.at(-1)!)} (${RUNS} runs, ${Math.round(bytes / 1024)} kB of HTML)`,
        });
      }
      return figures;
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
