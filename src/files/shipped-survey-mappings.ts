import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./package-root.js";

/** A survey instrument mapping shipped in `criteria/survey/<id>/<version>.json`, parsed but not yet checked. */
export interface ShippedSurveyMapping {
  /** `<id>/<version>`, as the API and the pages name it. */
  ref: string;
  json: unknown;
}

/** Every shipped survey mapping, by id then version; a file that is not JSON is left out (`par validate` reports it). */
export function listShippedSurveyMappings(root = packageRoot()): ShippedSurveyMapping[] {
  const dir = join(root, "criteria", "survey");
  const found: ShippedSurveyMapping[] = [];
  for (const id of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(join(dir, id.name)).filter((f) => f.endsWith(".json"))) {
      try {
        found.push({ ref: `${id.name}/${file.replace(/\.json$/, "")}`, json: JSON.parse(readFileSync(join(dir, id.name, file), "utf8")) });
      } catch {
        // not JSON: not offered
      }
    }
  }
  return found.sort((a, b) => a.ref.localeCompare(b.ref));
}
