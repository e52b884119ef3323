import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { packageRoot } from "../src/files/index.js";
import { createApp } from "./app.js";
import { loadCriteriaDirectory } from "./load-criteria-directory.js";
import { seedDemo } from "./seed-demo.js";
import { createServices } from "./services/create-services.js";
import { DEFAULT_LIMITS } from "./services/service-deps.js";
import { openDatabase } from "./storage/open-database.js";
import { Store } from "./storage/store.js";

/**
 * The one place that reads the environment and listens.
 *   PORT (3000), HOST (127.0.0.1), DATA_DIR (./data: the SQLite file and demo tokens),
 *   DATABASE_URL (PostgreSQL instead of SQLite; DATABASE_SCHEMA picks a schema), PAR_DEMO=0 (no demo province on an empty database).
 */
async function main(): Promise<void> {
  const env = process.env;
  const root = packageRoot();
  const dataDir = resolve(env.DATA_DIR ?? "data");
  const log = (line: string) => console.log(line);
  const database = await openDatabase(env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}) } : { kind: "sqlite", file: join(dataDir, "par.sqlite") });
  log(`database: ${database.describe} (migrated)`);
  const store = new Store(database.db, database.dialect);
  const now = () => new Date();
  const services = createServices({ store, now, limits: DEFAULT_LIMITS });
  await loadCriteriaDirectory(join(root, "criteria"), services.criteria, log);
  if (env.PAR_DEMO !== "0" && (await store.listUnits()).length === 0) await seedDemo(services, root, now(), join(dataDir, "demo-tokens.env"), log);

  const app = createApp({ store, now });
  const port = Number(env.PORT ?? 3000);
  const hostname = env.HOST ?? "127.0.0.1";
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => log(`listening on http://${hostname}:${info.port} — API docs at /doc`));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing open requests, then closing the database`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await database.close();
      log("stopped");
      process.exit(0);
    });
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
