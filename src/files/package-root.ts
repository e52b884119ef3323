import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding package.json, found upwards from this file (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found above the CLI");
    dir = parent;
  }
  return dir;
}

/** The shipped criteria set a survey mapping names (`criteria/<family>/<version>.json`), if there is one. */
export function shippedCriteriaPath(ref: { family?: unknown; version?: unknown } | undefined): string | null {
  const { family, version } = ref ?? {};
  if (typeof family !== "string" || typeof version !== "string" || !/^[a-z0-9][a-z0-9.-]*$/.test(family) || !/^[0-9a-z.-]+$/.test(version)) return null;
  const path = join(packageRoot(), "criteria", family, `${version}.json`);
  return existsSync(path) ? path : null;
}
