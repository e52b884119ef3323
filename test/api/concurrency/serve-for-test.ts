import { serve } from "@hono/node-server";
import { createApp } from "../../../api/app.js";
import { openDatabase } from "../../../api/storage/open-database.js";
import { Store } from "../../../api/storage/store.js";

/**
 * One API process for the concurrency suite: PostgreSQL at PAR_TEST_DATABASE_URL, schema
 * PAR_TEST_SCHEMA (already migrated), the clock fixed at PAR_TEST_NOW, listening on a free
 * loopback port that it prints as `listening <port>`. Unexpected errors go to stderr.
 */
const env = process.env;
const database = await openDatabase({ kind: "postgres", url: env.PAR_TEST_DATABASE_URL!, schema: env.PAR_TEST_SCHEMA!, poolSize: 4 });
const now = new Date(env.PAR_TEST_NOW!);
const app = createApp({ store: new Store(database.db, database.dialect), now: () => now, logError: (error) => console.error(error) });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => console.log(`listening ${info.port}`));
process.on("SIGTERM", () => {
  server.close();
  if ("closeAllConnections" in server) server.closeAllConnections();
  void database.close().then(() => process.exit(0));
});
