import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SYSTEM } from "../../../api/load-criteria-directory.js";
import { createServices } from "../../../api/services/create-services.js";
import { DEFAULT_LIMITS } from "../../../api/services/service-deps.js";
import type { Store } from "../../../api/storage/store.js";
import { generateAssessments } from "../../../src/synthetic/generate-assessments.js";

const ROOT = new URL("../../../..", import.meta.url).pathname;

/**
 * What the API bench cases start from: the services over `store`, the reference commune set 2026.1,
 * `count` seeded synthetic assessments with their units registered, and deadlines a year ahead.
 */
export async function seedBenchUnits(store: Store, options: { count: number; seed: number; unitPrefix: string }) {
  const now = new Date();
  const services = createServices({ store, now: () => now, limits: DEFAULT_LIMITS });
  const { set } = await services.criteria.save(SYSTEM, JSON.parse(readFileSync(join(ROOT, "criteria/reference-commune/2026.1.json"), "utf8")));
  const assessments = generateAssessments(set, options);
  for (const a of assessments) {
    await store.insertUnit({
      code: a.unit.code,
      name: a.unit.name,
      type: a.unit.type,
      block: null,
      province: "Bench",
      version: 1,
      updated_at: now.toISOString(),
    });
  }
  const far = new Date(now.getTime() + 365 * 86_400_000).toISOString();
  return { now, services, set, assessments, deadlines: { self: far, appraisal1: far, explanation: far, appraisal2: far } };
}
