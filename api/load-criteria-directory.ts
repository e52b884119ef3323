import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Actor } from "./auth/actor.js";
import { ApiError } from "./errors.js";
import type { CriteriaService } from "./services/criteria-service.js";

export const SYSTEM: Actor = { id: "system", name: "system", role: "admin", unitCode: null };

/**
 * Loads every `criteria/<family>/<version>.json` (not `schema/` or `examples/`) at start-up,
 * validated as uploads are. A stored version that is in use and differs is left alone and reported.
 */
export async function loadCriteriaDirectory(dir: string, criteria: CriteriaService, log: (line: string) => void): Promise<void> {
  for (const family of readdirSync(dir, { withFileTypes: true })) {
    if (!family.isDirectory() || family.name === "schema" || family.name === "examples") continue;
    for (const file of readdirSync(join(dir, family.name))
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const path = join(dir, family.name, file);
      try {
        const { outcome, set } = await criteria.save(SYSTEM, JSON.parse(readFileSync(path, "utf8")));
        if (outcome !== "unchanged") log(`criteria ${set.family} ${set.version}: ${outcome} from ${path}`);
      } catch (error) {
        const detail =
          error instanceof ApiError
            ? `${error.message}${error.details.problems ? `: ${error.details.problems.map((p) => `${p.path} ${p.message}`).join("; ")}` : ""}`
            : String(error);
        log(`criteria ${path} not loaded: ${detail}`);
      }
    }
  }
}
