import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../api/auth/actor.js";
import { SYSTEM, loadCriteriaDirectory } from "../../api/load-criteria-directory.js";
import { seedAssessment, seedDemo } from "../../api/seed-demo.js";
import { type Services, createServices } from "../../api/services/create-services.js";
import { DEFAULT_LIMITS } from "../../api/services/service-deps.js";
import type { AssessmentState } from "../../api/services/workflow.js";
import type { Database } from "../../api/storage/open-database.js";
import { Store } from "../../api/storage/store.js";
import { type NodeReport, type ScoreReport, analyseRobustness, generateAssessments, rankUnits } from "../../src/index.js";
import { BACKENDS } from "./backends.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const SCORER: Actor = { id: "s", name: "scorer", role: "scorer", unitCode: null };
const STATES: AssessmentState[] = ["draft", "submitted", "appraisal1", "explanation", "appraisal2"];

const flatten = (node: NodeReport): NodeReport[] => (node.children ? node.children.flatMap(flatten) : [node]);

/** The worklist's figures of one unit as they were read from its full report before the live scores kept only figures. */
function fromFullReport(report: ScoreReport) {
  const leaves = [...report.areas, ...(report.bonus?.items ?? []), ...(report.penalty?.items ?? [])]
    .flatMap(flatten)
    .filter((node) => node.leaf && node.leaf.kind !== "survey");
  const disputed = leaves.filter(
    ({ leaf }) => leaf!.self?.status === "scored" && leaf!.appraised?.status === "scored" && leaf!.self.points !== leaf!.appraised.points,
  );
  return { selfTotal: report.totals.self, all: leaves.length, missingEvidence: report.missingEvidence.length, disputed: disputed.length };
}

/**
 * The live scores keep per unit only the figures the worklist, the live ranking and the robustness
 * analysis read (summary, tallies, variation), not the full explained reports. Every figure must be
 * what the full reports give: compared unit by unit on the demo province (an open and a published
 * campaign) and on a generated 300-unit campaign in every open state.
 */
describe("live figures equal the full reports' figures", () => {
  let database: Database;
  let services: Services;
  let dir: string;
  beforeAll(async () => {
    database = await BACKENDS[0]!.open();
    const now = new Date("2026-03-01T02:00:00Z");
    const store = new Store(database.db, database.dialect);
    services = createServices({ store, now: () => now, limits: DEFAULT_LIMITS });
    await loadCriteriaDirectory(join(ROOT, "criteria"), services.criteria, () => {});
    dir = mkdtempSync(join(tmpdir(), "par-live-figures-"));
    await seedDemo(services, ROOT, now, join(dir, "demo-tokens.env"), () => {});
    const set = await services.criteria.get("reference-commune", "2026.1");
    const assessments = generateAssessments(set, { count: 300, seed: 12, unitPrefix: "W" });
    for (const a of assessments)
      await store.insertUnit({
        code: a.unit.code,
        name: a.unit.name,
        type: a.unit.type,
        block: null,
        province: "Test",
        version: 1,
        updated_at: now.toISOString(),
      });
    const far = new Date(now.getTime() + 365 * 86_400_000).toISOString();
    const deadlines = { self: far, appraisal1: far, explanation: far, appraisal2: far };
    await services.campaigns.create(SYSTEM, { id: "work", year: 2026, criteria: { family: set.family, version: set.version }, deadlines });
    await store.transaction(async (tx) => {
      for (const [i, a] of assessments.entries()) await seedAssessment(tx, "work", a, a.survey, STATES[i % STATES.length]!, now);
    });
  }, 300_000);
  afterAll(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Every unit's full report (the unit report's path: the snapshot, or a live explained score), in the order the ranking counts them. */
  const fullReports = async (campaignId: string) => {
    const worklist = await services.worklist.worklist(SCORER, campaignId);
    const scored = worklist.units.filter((u) => u.problems === 0).map((u) => u.code);
    const live = new Map<string, ScoreReport>();
    const snapshots = new Map<string, ScoreReport>();
    for (const code of scored) {
      const { source, report } = await services.reports.report(SCORER, campaignId, code);
      (source === "snapshot" ? snapshots : live).set(code, report);
    }
    // The ranking counts the live scores in the assessments' order, then the snapshots.
    return { worklist, reports: new Map([...live, ...snapshots]) };
  };

  it.each(["demo-2026", "demo-2025", "work"])(
    "%s: the worklist's figures, the live ranking and the robustness analysis",
    async (campaignId) => {
      const { worklist, reports } = await fullReports(campaignId);
      expect(reports.size).toBeGreaterThan(campaignId === "work" ? 250 : 10);
      for (const unit of worklist.units) {
        const report = reports.get(unit.code);
        if (!report) continue;
        const expected = fromFullReport(report);
        expect({ selfTotal: unit.selfTotal, all: unit.items?.all, missingEvidence: unit.missingEvidence, disputed: unit.disputed }, unit.code).toEqual(
          expected,
        );
      }
      expect(worklist.units.some((u) => (u.disputed ?? 0) > 0) || campaignId === "demo-2025").toBe(true);

      const campaign = await services.campaigns.get(SCORER, campaignId);
      const campaignSet = await services.criteria.get(campaign.criteria.family, campaign.criteria.version);
      const { view } = await services.rankings.ranking(SCORER, campaignId);
      const ranked = rankUnits(campaignSet, [...reports.values()]);
      expect(ranked.ok).toBe(true);
      const figures = (
        blocks: { code: string; units: { unit: { code: string }; rank: number; index: number; total: number; class: unknown; areas: unknown }[] }[],
      ) =>
        blocks.map((b) => ({
          code: b.code,
          units: b.units.map((u) => ({ unit: u.unit.code, rank: u.rank, index: u.index, total: u.total, class: u.class, areas: u.areas })),
        }));
      if (ranked.ok) expect(figures(view.blocks as never)).toEqual(figures(ranked.value.blocks as never));

      const options = { replicates: 100, seed: 3, disputes: true };
      const analysed = await services.robustness.analyse(SCORER, campaignId, { replicates: "100", seed: "3", disputes: "true" });
      const expected = analyseRobustness(campaignSet, [...reports.values()], options);
      expect(expected.ok).toBe(true);
      if (expected.ok) expect(analysed.robustness).toEqual(expected.value);
    },
    300_000,
  );
});
