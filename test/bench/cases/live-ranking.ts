import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "../../../api/auth/actor.js";
import { SYSTEM } from "../../../api/load-criteria-directory.js";
import { seedAssessment } from "../../../api/seed-demo.js";
import { openDatabase } from "../../../api/storage/open-database.js";
import { Store } from "../../../api/storage/store.js";
import type { BenchCase, Figure } from "../bench-case.js";
import { formatDuration } from "../format-figures.js";
import { seedBenchUnits } from "./seed-bench-units.js";

const UNITS = 300;
const RUNS = 5;
const SCORER: Actor = { id: "bench", name: "bench", role: "scorer", unitCode: null };

/**
 * A staff request for the live ranking of an open 300-unit campaign (every unit submitted, one
 * round entered), in process on SQLite: the first ranking (every unit scored), then warm ones
 * (scores reused, a unit's inputs regrouped and compared), and the longest the event loop went
 * without a turn meanwhile, which is how long every other request of the server waits.
 */
export const liveRankingCase: BenchCase = {
  name: "live-ranking",
  description: `live ranking of an open ${UNITS}-unit campaign (SQLite, in process): time per ranking and longest event-loop stall`,
  async run(context) {
    const dir = mkdtempSync(join(tmpdir(), "par-bench-live-"));
    const database = await openDatabase({ kind: "sqlite", file: join(dir, "par.sqlite") });
    try {
      const store = new Store(database.db, database.dialect);
      const { now, services, set, assessments, deadlines } = await seedBenchUnits(store, { count: UNITS, seed: 11, unitPrefix: "L" });
      await services.campaigns.create(SYSTEM, {
        id: "live",
        year: 2026,
        criteria: { family: set.family, version: set.version },
        deadlines,
      });
      await store.transaction(async (tx) => {
        for (const a of assessments) await seedAssessment(tx, "live", { ...a, rounds: a.rounds.slice(0, 1) }, a.survey, "submitted", now);
      });
      context.progress(`seeded ${UNITS} units, ${(await store.listEntries("live")).length} entries`);

      const stall = watchEventLoop();
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await new Promise((resolve) => setTimeout(resolve, 1)); // a turn between requests, as a server gives
        const start = performance.now();
        await services.rankings.rankingFile(SCORER, "live", undefined, "json");
        times.push(performance.now() - start);
        context.sample();
      }
      const longest = stall.stop();
      const warm = times.slice(1);
      const figures: Figure[] = [
        { label: "first ranking", text: formatDuration(times[0]!) },
        {
          label: "warm ranking",
          text: `mean ${formatDuration(warm.reduce((a, b) => a + b, 0) / warm.length)}, max ${formatDuration(Math.max(...warm))} (${warm.length} runs)`,
        },
        { label: "event-loop stall", text: `longest ${formatDuration(longest)} without a turn while ranking` },
      ];
      return figures;
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** The longest gap between two turns of the event loop, seen by an immediate that re-arms itself. */
function watchEventLoop(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    stop() {
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}
