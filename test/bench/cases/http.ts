import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { SYSTEM } from "../../../api/load-criteria-directory.js";
import { seedAssessment } from "../../../api/seed-demo.js";
import { createAdministrator } from "../../../api/services/create-administrator.js";
import { type DatabaseConfig, openDatabase } from "../../../api/storage/open-database.js";
import { Store } from "../../../api/storage/store.js";
import { listLeaves } from "../../../src/criteria/walk-criteria.js";
import { scoreAssessment } from "../../../src/scoring/score-assessment.js";
import { ENGINE } from "../../../src/version.js";
import type { BenchCase, Figure } from "../bench-case.js";
import { seedBenchUnits } from "./seed-bench-units.js";

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const UNITS = 300;
const RATE = 200;
const SECONDS = 10;
const ROOT = new URL("../../../..", import.meta.url).pathname;

/**
 * The service over HTTP on loopback: a 300-unit province seeded, the built server started as a
 * child process, then autocannon at 200 requests/s on the published ranking and on single-item
 * saves (each a first save, If-Match "0"). SQLite always; PostgreSQL when PAR_BENCH_DATABASE_URL is set.
 * PAR_BENCH_SERVER_NODE_ARGS passes options to the server's node (e.g. "--cpu-prof --cpu-prof-dir=prof").
 */
export const httpCase: BenchCase = {
  name: "http",
  description: `HTTP on loopback: ranking of a ${UNITS}-unit province and single-item saves at ${RATE} requests/s (SQLite, and PostgreSQL with PAR_BENCH_DATABASE_URL)`,
  async run(context) {
    const figures: Figure[] = [];
    const backends: { name: string; config: DatabaseConfig; env: Record<string, string>; cleanup: () => Promise<void> }[] = [];
    const dir = mkdtempSync(join(tmpdir(), "par-bench-"));
    backends.push({
      name: "sqlite",
      config: { kind: "sqlite", file: join(dir, "par.sqlite") },
      env: { DATA_DIR: dir, DATABASE_URL: "" },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    });
    const url = process.env.PAR_BENCH_DATABASE_URL;
    if (url) {
      const schema = `bench_${randomBytes(4).toString("hex")}`;
      await admin(url, `create schema ${schema}`);
      backends.push({
        name: "postgres",
        config: { kind: "postgres", url, schema },
        env: { DATA_DIR: dir, DATABASE_URL: url, DATABASE_SCHEMA: schema },
        cleanup: () => admin(url, `drop schema ${schema} cascade`),
      });
    } else {
      figures.push({ label: "postgres", text: "skipped: set PAR_BENCH_DATABASE_URL=postgres://… to measure it" });
    }
    try {
      for (const backend of backends) {
        context.progress(`${backend.name}: seeding ${UNITS} units`);
        const { token, saves } = await seed(backend.config);
        const server = await start(backend.env);
        try {
          // Browsers ask for gzip; the published ranking is cached compressed. A short unmeasured
          // run first, so JIT warm-up and the database settling after the seeding are not measured.
          const rankingLoad = { url: `${server.url}/campaigns/bench-2026/ranking`, headers: { "accept-encoding": "gzip" }, connections: 10, overallRate: RATE };
          await autocannon({ ...rankingLoad, duration: 3 });
          const ranking = await autocannon({ ...rankingLoad, duration: SECONDS });
          figures.push(figure(`${backend.name} ranking`, ranking));
          let i = 0;
          const save = await autocannon({
            url: server.url,
            connections: 10,
            overallRate: RATE,
            duration: SECONDS,
            requests: [
              {
                method: "PUT",
                headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-match": '"0"' },
                setupRequest: (request: Record<string, unknown>) => ({
                  ...request,
                  path: saves[i++ % saves.length],
                  body: JSON.stringify({ points: 0.5, comment: "bench" }),
                }),
              },
            ],
          });
          figures.push(figure(`${backend.name} item save`, save));
        } finally {
          server.child.kill("SIGTERM");
          await new Promise((resolve) => server.child.once("exit", resolve));
        }
      }
    } finally {
      for (const backend of backends) await backend.cleanup();
    }
    return figures;
  },
};

function figure(label: string, result: AutocannonResult): Figure {
  return {
    label,
    text: `${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
  };
}

/** A published campaign of 300 scored units, and an open one where every unit awaits appraisal. */
async function seed(config: DatabaseConfig): Promise<{ token: string; saves: string[] }> {
  const database = await openDatabase(config);
  try {
    const store = new Store(database.db, database.dialect);
    const { now, services, set, assessments, deadlines } = await seedBenchUnits(store, { count: UNITS, seed: 7, unitPrefix: "B" });
    for (const id of ["bench-2026", "bench-open"]) {
      await services.campaigns.create(SYSTEM, { id, year: 2026, criteria: { family: set.family, version: set.version }, deadlines });
      await store.transaction(async (tx) => {
        for (const a of assessments) {
          const published = id === "bench-2026";
          await seedAssessment(tx, id, published ? a : { ...a, rounds: a.rounds.slice(0, 1) }, a.survey, published ? "finalised" : "submitted", now);
          if (!published) continue;
          const report = scoreAssessment(set, a);
          if (!report.ok) throw new Error(`${a.unit.code} does not score`);
          await tx.insertSnapshot({
            campaign_id: id,
            unit_code: a.unit.code,
            report: JSON.stringify(report.value),
            criteria_family: set.family,
            criteria_version: set.version,
            engine_version: ENGINE.version,
            created_by: "bench",
            created_at: now.toISOString(),
          });
        }
      });
    }
    await services.publication.publish(SYSTEM, "bench-2026", 1);
    const manual = listLeaves(set)
      .filter((l) => l.node.scoring.kind === "manual" && l.node.scoring.allowed?.includes(0.5) !== false)
      .map((l) => l.node.code);
    const saves = manual.flatMap((code) => assessments.map((a) => `/campaigns/bench-open/units/${a.unit.code}/rounds/appraisal1/items/${code}`));
    return { token: (await createAdministrator(store, now, "Bench scorer", "scorer")).token, saves };
  } finally {
    await database.close();
  }
}

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const nodeArgs = process.env.PAR_BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, "dist/api/server.js")], {
    env: { ...process.env, ...env, PORT: "0", PAR_DEMO: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return { child, url };
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
