// `npm start`, `npm run admin:create`, `npm run demo`: runs a compiled entry point of dist/
// directly (the build runs once, at install, through `prepare`). Only when dist/ is missing or
// older than the sources does it build first, and says so in one line.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SOURCES = ["src", "api", "test/bench", "tsconfig.json", "tsconfig.build.json"];

/** The newest modification time (ms) of the files under `paths` (folders walked, .ts and .json files). */
export function newestSource(root, paths = SOURCES) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else if (/\.(ts|json)$/.test(path)) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

/** Why `target` (a file in dist/) must be built first, or null when it is up to date. */
export function staleReason(root, target) {
  const built = join(root, target);
  if (!existsSync(built)) return `${target} chưa được biên dịch / ${target} is not built yet`;
  return statSync(built).mtimeMs < newestSource(root) ? "dist/ cũ hơn mã nguồn / dist/ is older than the sources" : null;
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const target = process.argv[2];
  if (!target) {
    console.error("usage: node scripts/run-built.mjs dist/<entry>.js [arguments…]");
    process.exit(2);
  }
  const reason = staleReason(root, target);
  if (reason) {
    console.error(`${reason}: đang biên dịch (npm run build)… / building first (npm run build)…`);
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const build = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
    if (build.status !== 0) {
      console.error("biên dịch thất bại (xem ở trên) / the build failed (see above)");
      process.exit(1);
    }
  }
  process.argv.splice(1, 2, join(root, target));
  return import(pathToFileURL(join(root, target)).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
