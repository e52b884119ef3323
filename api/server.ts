import { packageRoot } from "../src/files/index.js";
import { formatConfigProblems, readConfig } from "./config.js";
import { ListenError, type RunningServer, startServer } from "./start-server.js";

/** `npm start`: reads the configuration (api/config.ts), starts the server, stops it on SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (!config.ok) {
    console.error(formatConfigProblems(config.problems));
    process.exit(2);
  }
  const log = (line: string) => console.log(line);
  let server: RunningServer | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!server) {
      log(`${signal}: stopped while starting`);
      process.exit(1);
    }
    log(`${signal}: finishing open requests, then closing the database`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.stop();
    log("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  server = await startServer(config.value, packageRoot(), log);
}

main().catch((error: unknown) => {
  if (error instanceof ListenError) console.error(error.message);
  else console.error(`máy chủ không khởi động được / server failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
