import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "./backends.js";
import { type Fixture, openFixture } from "./api-fixture.js";

const SURVEY =
  "unit,respondents,sipas_access,sipas_procedure,sipas_civil_servant,sipas_result,sipas_feedback,satisfaction_overall\n" +
  "P01,30,84,85,86,85,84,85\nP02,30,60,61,62,63,64,65\n";

/** The live ranking of open campaign c2026 under a changed policy, re-scored from the stored entries on each driver. */
describe.each(BACKENDS)("GET /campaigns/{id}/what-if: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "what-if", () => {
    let f: Fixture;
    const get = (query: string, token: string | undefined = f.tokens.scorer) => f.request("GET", `/campaigns/c2026/what-if${query}`, { token });
    beforeAll(async () => {
      f = await openFixture(backend);
      const saved = await f.request("PUT", "/campaigns/c2026/units/P01/rounds/self/items/1.1.2", {
        token: f.tokens.p01,
        body: { points: 1 },
        headers: { "if-match": '"0"' },
      });
      expect(saved.status).toBe(200);
      const imported = await f.request("PUT", "/campaigns/c2026/survey", { token: f.tokens.scorer, raw: SURVEY, headers: { "content-type": "text/csv" } });
      expect(imported.status).toBe(200);
    }, 60_000);
    afterAll(async () => f?.close());

    it("compares the live ranking with the same units re-ranked: every unit once, in the ranking's order", async () => {
      const ranking = (await f.request("GET", "/campaigns/c2026/ranking", { token: f.tokens.scorer })).body;
      const { status, body } = await get("?surveyWeight=0&missingSurvey=zero");
      expect(status).toBe(200);
      expect(body.source).toBe("live");
      const order = (blocks: { code: string; units: { rank: number; unit: { code: string } }[] }[]) =>
        blocks.flatMap((b) => b.units.map((u) => [b.code, u.unit.code, u.rank]));
      expect(body.changes.map((c: { block: string; code: string; before: { rank: number } }) => [c.block, c.code, c.before.rank])).toEqual(
        order(ranking.blocks),
      );
      // the survey weighed 0: P01's index no longer counts its survey result
      const p01 = body.changes.find((c: { code: string }) => c.code === "P01");
      expect(p01.after.index).not.toBe(p01.before.index);
    });

    it("changes nothing under the set's own policy", async () => {
      const { current } = (await get("")).body;
      const { body } = await get(`?surveyWeight=${current.surveyWeight}&classEdges=${current.classEdges.join(";")}`);
      expect(body.changes.length).toBeGreaterThan(0);
      for (const c of body.changes) expect([c.after.rank, c.after.index, c.rankChange, c.classChanged]).toEqual([c.before.rank, c.before.index, 0, false]);
    });

    it("refuses bad policies with every problem (400, 422) and the ward official (403)", async () => {
      const bad = await get("?surveyWeight=abc&classEdges=90;x");
      expect(bad.status).toBe(400);
      expect(bad.body.error.problems.map((p: { path: string }) => p.path)).toEqual(["query.surveyWeight", "query.classEdges"]);
      const unfit = await get("?classEdges=50;60;70;80");
      expect(unfit.status).toBe(422);
      expect(unfit.body.error.problems[0].path).toBe("classEdges");
      expect((await get("?surveyWeight=20", f.tokens.p01)).status).toBe(403);
    });
  });
});
