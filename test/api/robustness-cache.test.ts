import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../api/auth/actor.js";
import { loadCriteriaDirectory } from "../../api/load-criteria-directory.js";
import { seedDemo } from "../../api/seed-demo.js";
import { type Services, createServices } from "../../api/services/create-services.js";
import { DEFAULT_LIMITS } from "../../api/services/service-deps.js";
import type { Database } from "../../api/storage/open-database.js";
import { Store } from "../../api/storage/store.js";
import { BACKENDS } from "./backends.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SCORER: Actor = { id: "s", name: "scorer", role: "scorer", unitCode: null };

/** The demo province: demo-2025 published, demo-2026 open. */
describe("the robustness analysis of a published campaign", () => {
  let database: Database;
  let services: Services;
  let dir: string;
  beforeAll(async () => {
    database = await BACKENDS[0]!.open();
    const now = new Date("2026-03-01T02:00:00Z");
    services = createServices({ store: new Store(database.db, database.dialect), now: () => now, limits: DEFAULT_LIMITS });
    await loadCriteriaDirectory(join(ROOT, "criteria"), services.criteria, () => {});
    dir = mkdtempSync(join(tmpdir(), "par-robustness-"));
    await seedDemo(services, ROOT, now, join(dir, "demo-tokens.env"), () => {});
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is computed once per set of options (a published ranking never changes); an open campaign's each time", async () => {
    const reports = vi.spyOn(services.rankings, "reports");
    const first = await services.robustness.analyse(SCORER, "demo-2025", { replicates: "200" });
    expect(first.source).toBe("published");
    expect(await services.robustness.analyse(SCORER, "demo-2025", { replicates: "200", seed: "1" })).toBe(first);
    expect(reports).toHaveBeenCalledTimes(1);
    const other = await services.robustness.analyse(SCORER, "demo-2025", { replicates: "200", seed: "2" });
    expect(other.robustness.seed).toBe(2);
    expect(reports).toHaveBeenCalledTimes(2);
    await services.robustness.analyse(SCORER, "demo-2026", { replicates: "50" });
    await services.robustness.analyse(SCORER, "demo-2026", { replicates: "50" });
    expect(reports).toHaveBeenCalledTimes(4);
  });
});
