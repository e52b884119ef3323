import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "./backends.js";
import { type Fixture, openFixture } from "./api-fixture.js";

interface Candidate {
  code: string;
  state: string;
  version: number;
  markedDown: number;
  suggested: boolean;
  figures: { self: number | null; appraised: number | null; total: number; index: number } | null;
}

/**
 * Campaign c2026: P01 and P02 each submit item 1.1.2 at 1 point; the scorer appraises P01's at 0.5
 * (marked down, not explained) and P02's at 1 (nothing marked down); X01 stays a draft.
 */
describe.each(BACKENDS)("finalising many units: GET/POST /campaigns/{id}/finalise: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "finalise many", () => {
    let f: Fixture;
    const candidates = async () => (await f.request("GET", "/campaigns/c2026/finalise", { token: f.tokens.scorer })).body.units as Candidate[];
    beforeAll(async () => {
      f = await openFixture(backend);
      for (const [unit, token, appraised] of [
        ["P01", f.tokens.p01, 0.5],
        ["P02", f.tokens.p02, 1],
      ] as const) {
        const path = `/campaigns/c2026/units/${unit}`;
        expect((await f.request("PUT", `${path}/rounds/self/items/1.1.2`, { token, body: { points: 1 }, headers: { "if-match": '"0"' } })).status).toBe(200);
        const etag = (await f.request("GET", path, { token })).etag!;
        expect((await f.request("POST", `${path}/transitions/submit`, { token, headers: { "if-match": etag } })).status).toBe(200);
        const saved = await f.request("PUT", `${path}/rounds/appraisal1/items/1.1.2`, {
          token: f.tokens.scorer,
          body: { points: appraised },
          headers: { "if-match": '"0"' },
        });
        expect(saved.status).toBe(200);
      }
    }, 60_000);
    afterAll(async () => f?.close());

    it("lists the units in an appraisal round with what finalising would store; only the one with nothing marked down comes chosen", async () => {
      const units = await candidates();
      expect(units.map((u) => [u.code, u.state, u.markedDown, u.suggested])).toEqual([
        ["P01", "appraisal1", 1, false],
        ["P02", "appraisal1", 0, true],
      ]);
      for (const u of units) {
        const { report } = (await f.request("GET", `/campaigns/c2026/units/${u.code}/report`, { token: f.tokens.scorer })).body;
        expect(u.figures).toEqual({ self: report.totals.self, appraised: report.totals.appraised, total: report.totals.total, index: report.totals.index });
        expect(u.version).toBe(Number((await f.request("GET", `/campaigns/c2026/units/${u.code}`, { token: f.tokens.scorer })).etag!.replaceAll('"', "")));
      }
    });

    it("finalises each unit as on its own and lists the refused with why: a stale version, a draft", async () => {
      const [p01, p02] = await candidates();
      const outcome = await f.request("POST", "/campaigns/c2026/finalise", {
        token: f.tokens.scorer,
        body: {
          units: [
            { unit: "P01", version: p01!.version - 1 },
            { unit: "P02", version: p02!.version },
            { unit: "X01", version: 0 },
          ],
          changeReason: "chốt điểm đợt 1",
        },
      });
      expect(outcome.status).toBe(200);
      expect(outcome.body.finalised).toEqual(["P02"]);
      expect(outcome.body.refused.map((r: { unit: string; code: string }) => [r.unit, r.code])).toEqual([
        ["P01", "version-mismatch"],
        ["X01", expect.stringMatching(/^(wrong-state|version-mismatch)$/)],
      ]);
      for (const r of outcome.body.refused) expect(r.vi.length).toBeGreaterThan(0);
      expect((await f.request("GET", "/campaigns/c2026/units/P02", { token: f.tokens.scorer })).body.state).toBe("finalised");
      expect((await f.request("GET", "/campaigns/c2026/units/P02/report", { token: f.tokens.scorer })).body.source).toBe("snapshot");
      expect((await f.request("GET", "/campaigns/c2026/units/P01", { token: f.tokens.scorer })).body.state).toBe("appraisal1");
      const trail = (await f.request("GET", "/campaigns/c2026/units/P02/audit", { token: f.tokens.scorer })).body as {
        action: string;
        reason: string | null;
      }[];
      expect(trail.some((a) => a.action === "snapshot.create")).toBe(true);
      expect(trail.find((a) => a.action === "assessment.finalise")?.reason).toBe("chốt điểm đợt 1");
      expect((await candidates()).map((u) => u.code)).toEqual(["P01"]);
    });

    it("refuses a ward official, an administrator and an empty choice", async () => {
      const body = { units: [{ unit: "P01", version: 1 }] };
      expect((await f.request("POST", "/campaigns/c2026/finalise", { token: f.tokens.p01, body })).status).toBe(403);
      expect((await f.request("POST", "/campaigns/c2026/finalise", { token: f.tokens.admin, body })).status).toBe(403);
      expect((await f.request("GET", "/campaigns/c2026/finalise", { token: f.tokens.p01 })).status).toBe(403);
      expect((await f.request("POST", "/campaigns/c2026/finalise", { token: f.tokens.scorer, body: { units: [] } })).status).toBe(400);
    });
  });
});
