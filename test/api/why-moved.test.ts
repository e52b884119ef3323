import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { SYSTEM, loadCriteriaDirectory } from "../../api/load-criteria-directory.js";
import { seedAssessment, seedDemo } from "../../api/seed-demo.js";
import { type Services, createServices } from "../../api/services/create-services.js";
import { DEFAULT_LIMITS } from "../../api/services/service-deps.js";
import type { Database } from "../../api/storage/open-database.js";
import { Store } from "../../api/storage/store.js";
import { ENGINE, markAppraised, readAssessmentSheet, scoreAssessment } from "../../src/index.js";
import { BACKENDS } from "./backends.js";
import { DEMO, cliWhyMoved, figures } from "./why-moved-cli.js";

const ROOT = new URL("../../", import.meta.url).pathname;
/** A unit finalised in demo-2026 (its snapshot is the whole year's assessment, as `par why-moved` scores the CSV). */
const FINALISED = "DV0007";

/**
 * The demo province (demo-2025 published, demo-2026 open) plus a published one-unit pilot of 2024
 * holding DV0001 only: so DV0001 of demo-2025 has an earlier year, DV0002 has none.
 */
describe.each(BACKENDS)("GET /campaigns/{id}/units/{unit}/why-moved: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "why-moved", () => {
    let database: Database;
    let services: Services;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    const tokens: Record<string, string> = {};
    const get = async (path: string, token?: string, lang = "vi") => {
      const response = await app.request(path, { headers: { "accept-language": lang, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
      return { status: response.status, body: (await response.json()) as any };
    };
    beforeAll(async () => {
      database = await backend.open();
      const now = new Date("2026-03-01T02:00:00Z");
      services = createServices({ store: new Store(database.db, database.dialect), now: () => now, limits: DEFAULT_LIMITS });
      await loadCriteriaDirectory(join(ROOT, "criteria"), services.criteria, () => {});
      dir = mkdtempSync(join(tmpdir(), "par-why-moved-"));
      await seedDemo(services, ROOT, now, join(dir, "demo-tokens.env"), () => {});
      for (const [, key, value] of readFileSync(join(dir, "demo-tokens.env"), "utf8").matchAll(/export PAR_(ADMIN|SCORER|WARD)=(\S+)/g)) tokens[key!] = value!;
      await seedPilot(services, now);
      app = createApp({ services, logError: () => {} } as Parameters<typeof createApp>[0]);
    }, 300_000);
    afterAll(async () => {
      await database?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("compares a unit finalised in demo-2026 with demo-2025: the same items, points and changes as `par why-moved` on the CSVs", async () => {
      const r = await get(`/campaigns/demo-2026/units/${FINALISED}/why-moved`, tokens.SCORER);
      expect(r.status).toBe(200);
      const cli = await cliWhyMoved(FINALISED);
      expect(r.body.campaigns).toMatchObject({
        older: { id: "demo-2025", year: 2025, state: "published", source: "snapshot" },
        newer: { id: "demo-2026", year: 2026, state: "open", source: "snapshot" },
      });
      expect(figures(r.body)).toEqual(figures(cli));
      expect(r.body.items.length).toBeGreaterThan(0);
      const pick = ({ totalChange, indexChange, bonus, penalty, older, newer }: typeof cli) => ({
        totalChange,
        indexChange,
        bonus,
        penalty,
        totals: [older.total, newer.total, older.index, newer.index],
      });
      expect(pick(r.body)).toEqual(pick(cli));
      // biggest loss first: the changes never decrease along the list
      const changes = r.body.items.map((i: { change: number }) => i.change);
      expect(changes).toEqual([...changes].sort((a, b) => a - b));
    });

    it("gives every moved item its reasons: a rule change names the criteria's note; a facts change lists the facts before and after", async () => {
      const { body } = await get(`/campaigns/demo-2026/units/${FINALISED}/why-moved`, tokens.ADMIN);
      for (const item of body.items) {
        for (const reason of item.reasons) {
          if (reason.kind === "rule") expect(reason.notes).toEqual(item.criteria);
          if (reason.kind === "facts")
            for (const fact of reason.facts) {
              expect(fact.before).toEqual(item.older.facts[fact.name] ?? null);
              expect(fact.after).toEqual(item.newer.facts[fact.name] ?? null);
              expect(fact.before).not.toEqual(fact.after);
              expect(fact.title?.vi, `the title of ${fact.name}`).toBeTruthy();
            }
        }
        if (item.criteria.length > 0) expect(item.reasons[0]).toEqual({ kind: "rule", notes: item.criteria });
      }
      expect(body.items.some((i: { reasons: unknown[] }) => i.reasons.length > 0)).toBe(true);
    });

    it.each([
      { who: "the ward itself (an open campaign: its live report)", unit: "DV0002", token: "WARD", status: 200 },
      { who: "a scorer", unit: "DV0003", token: "SCORER", status: 200 },
      { who: "another unit's user", unit: "DV0003", token: "WARD", status: 403 },
      { who: "the public (demo-2026 is not published)", unit: "DV0002", token: undefined, status: 404 },
    ])("demo-2026: $who → $status", async ({ unit, token, status }) => {
      const r = await get(`/campaigns/demo-2026/units/${unit}/why-moved`, token ? tokens[token] : undefined);
      expect(r.status).toBe(status);
      if (status === 200) expect(r.body.campaigns.older.id).toBe("demo-2025");
    });

    it("anyone may compare two published campaigns: DV0001 of demo-2025 against the 2024 pilot that ranked it", async () => {
      const r = await get("/campaigns/demo-2025/units/DV0001/why-moved");
      expect(r.status).toBe(200);
      expect(r.body.campaigns.older).toMatchObject({ id: "pilot-2024", year: 2024, state: "published", source: "snapshot" });
      expect(r.body.unit.code).toBe("DV0001");
    });

    it.each([
      { path: "/campaigns/demo-2025/units/DV0002/why-moved", status: 404, vi: /không có năm trước để so sánh/, en: /no earlier year to compare with/ },
      {
        path: "/campaigns/demo-2025/units/DV0001/why-moved?since=demo-2026",
        status: 400,
        vi: /chỉ so sánh với đợt đánh giá của một năm trước/,
        en: /a year before 2025/,
      },
      { path: "/campaigns/demo-2026/units/DV0002/why-moved?since=nope", status: 404, vi: /Không tìm thấy/, en: /campaign nope/ },
      { path: "/campaigns/demo-2026/units/NOPE/why-moved", status: 404, vi: /./, en: /NOPE/ },
    ])("$path → $status with a message in both languages", async ({ path, status, vi, en }) => {
      const r = await get(path, tokens.SCORER);
      expect(r.status).toBe(status);
      expect(r.body.error.message).toMatch(vi);
      expect((await get(path, tokens.SCORER, "en")).body.error.message).toMatch(en);
    });

    it("an explicit since gives the same comparison as last year's default", async () => {
      const a = await get(`/campaigns/demo-2026/units/${FINALISED}/why-moved`, tokens.SCORER);
      const b = await get(`/campaigns/demo-2026/units/${FINALISED}/why-moved?since=demo-2025`, tokens.SCORER);
      expect(b.body).toEqual(a.body);
    });
  });
});

/** A published 2024 pilot of one unit (DV0001), finalised from the demo's 2025 sheet under a copy of the 2025 criteria made for 2024. */
async function seedPilot(services: Services, now: Date) {
  const json = JSON.parse(readFileSync(join(ROOT, "criteria/reference-commune/2025.1.json"), "utf8"));
  const { set } = await services.criteria.save(SYSTEM, { ...json, version: "2024.1", appliesTo: { ...json.appliesTo, years: [2024] } });
  const sheet = readAssessmentSheet(readFileSync(join(ROOT, DEMO, "assessments-2025.csv"), "utf8"), { fileName: "a.csv", criteria: set, year: 2024 });
  if (!sheet.ok) throw new Error("the demo sheet does not load");
  const assessment = sheet.value.find((a) => a.unit.code === "DV0001")!;
  const at = (days: number) => new Date(now.getTime() + (days - 700) * 86_400_000).toISOString();
  await services.campaigns.create(SYSTEM, {
    id: "pilot-2024",
    year: 2024,
    title: "Thí điểm 2024",
    criteria: { family: set.family, version: set.version },
    deadlines: { self: at(30), appraisal1: at(45), explanation: at(60), appraisal2: at(75) },
    units: ["DV0001"],
  });
  const report = scoreAssessment(set, markAppraised(assessment));
  if (!report.ok) throw new Error("the pilot unit does not score");
  await services.store.transaction(async (tx) => {
    await seedAssessment(tx, "pilot-2024", assessment, undefined, "finalised", now);
    await tx.insertSnapshot({
      campaign_id: "pilot-2024",
      unit_code: "DV0001",
      report: JSON.stringify(report.value),
      criteria_family: set.family,
      criteria_version: set.version,
      engine_version: ENGINE.version,
      created_by: "system",
      created_at: now.toISOString(),
    });
  });
  await services.publication.publish(SYSTEM, "pilot-2024", 1, "pilot");
}
