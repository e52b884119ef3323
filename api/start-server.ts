import type { Server } from "node:http";
import { join } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { errorEnvelope } from "./errors.js";
import { loadCriteriaDirectory } from "./load-criteria-directory.js";
import { seedDemo } from "./seed-demo.js";
import { createServices } from "./services/create-services.js";
import { openDatabase } from "./storage/open-database.js";
import { Store } from "./storage/store.js";

export interface RunningServer {
  url: string;
  /** Stops promptly: no new connections, idle ones closed at once, open requests finished, then the database closed. */
  stop(): Promise<void>;
}

/** Why the server could not listen, in one line (Vietnamese / English), before the database was touched. */
export class ListenError extends Error {}

/**
 * Listens first (so a busy port is reported before the database is opened or seeded), answering
 * 503 until ready; then opens and migrates the database, builds the service graph once, loads
 * `criteria/`, seeds the demo province on an empty database and serves the app.
 */
export async function startServer(config: Config, root: string, log: (line: string) => void): Promise<RunningServer> {
  let fetch: (request: Request, env: unknown) => Response | Promise<Response> = () =>
    Response.json(errorEnvelope("internal", "the server is starting; try again in a moment"), { status: 503 });
  const server = createAdaptorServer({ fetch: (request, env) => fetch(request, env) }) as Server;
  await listen(server, config.port, config.host);
  const address = server.address();
  const url = `http://${config.host}:${typeof address === "object" && address ? address.port : config.port}`;
  const inFlight = trackRequests(server);

  const database = await openDatabase(config.database).catch(async (error: unknown) => {
    await closeServer(server, inFlight);
    throw error;
  });
  log(`database: ${database.describe} (migrated)`);
  const store = new Store(database.db, database.dialect);
  const now = () => new Date();
  const services = createServices({ store, now, limits: config.limits });
  await loadCriteriaDirectory(join(root, "criteria"), services.criteria, log);
  if (config.demo && (await store.listUnits()).length === 0) await seedDemo(services, root, now(), join(config.dataDir, "demo-tokens.env"), log);
  const app = createApp({ services });
  fetch = app.fetch;
  log(`listening on ${url} — API docs at /doc`);
  return {
    url,
    async stop() {
      await closeServer(server, inFlight);
      await database.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === "EADDRINUSE")
        reject(
          new ListenError(
            `cổng ${where} đang được dùng (máy chủ khác đang chạy?): đặt PORT khác / port ${where} is already in use (another server running?): set another PORT`,
          ),
        );
      else if (error.code === "EACCES")
        reject(new ListenError(`không được phép mở cổng ${where}: dùng cổng trên 1024 / not allowed to listen on ${where}: use a port above 1024`));
      else if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND")
        reject(new ListenError(`máy này không có địa chỉ HOST=${host} / this machine has no address HOST=${host}`));
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

/** Counts requests being answered, so a stop can close every connection that has none. */
function trackRequests(server: Server): { count: number; idle?: () => void } {
  const state: { count: number; idle?: () => void } = { count: 0 };
  server.on("request", (_request, response) => {
    state.count++;
    response.once("close", () => {
      state.count--;
      if (state.count === 0) state.idle?.();
    });
  });
  return state;
}

/**
 * Stops listening and closes idle keep-alive connections at once (and connections that never
 * sent a request: a browser's preconnect would otherwise hold the process until a timeout);
 * open requests are finished first, then their connections are closed too.
 */
function closeServer(server: Server, inFlight: { count: number; idle?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    inFlight.idle = () => server.closeAllConnections();
    if (inFlight.count === 0) server.closeAllConnections();
  });
}
