import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "./backends.js";
import { type Fixture, openFixture } from "./api-fixture.js";

const P01 = "/campaigns/c2026/units/P01";
const SURVEY =
  "unit,respondents,sipas_access,sipas_procedure,sipas_civil_servant,sipas_result,sipas_feedback,satisfaction_overall\n" +
  "P01,30,84,85,86,85,84,85\nP02,30,85,84,85,86,85,84\nX01,200,90,91,92,93,94,95\n";

/**
 * Campaign c2026 with two wards whose survey results (30 respondents each) are close, so their order
 * is not settled, and P01 with one disputed item (self 1, appraised 0.5).
 */
describe.each(BACKENDS)("GET /campaigns/{id}/robustness: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "robustness", () => {
    let f: Fixture;
    const get = (query: string, token: string | undefined = f.tokens.scorer, headers: Record<string, string> = {}) =>
      f.request("GET", `/campaigns/c2026/robustness${query}`, { token, headers });
    beforeAll(async () => {
      f = await openFixture(backend);
      const put = async (path: string, token: string, body: unknown) => {
        const r = await f.request("PUT", `${P01}${path}`, { token, body, headers: { "if-match": '"0"' } });
        if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      };
      await put("/rounds/self/items/1.1.2", f.tokens.p01, { points: 1 });
      const etag = (await f.request("GET", P01, { token: f.tokens.p01 })).etag!;
      await f.request("POST", `${P01}/transitions/submit`, { token: f.tokens.p01, headers: { "if-match": etag } });
      await put("/rounds/appraisal1/items/1.1.2", f.tokens.scorer, { points: 0.5 });
      const imported = await f.request("PUT", "/campaigns/c2026/survey", { token: f.tokens.scorer, raw: SURVEY, headers: { "content-type": "text/csv" } });
      expect(imported.status).toBe(200);
    }, 60_000);
    afterAll(async () => f?.close());

    it("gives the same analysis for the same seed, of the live ranking's units and ranks", async () => {
      const first = await get("?replicates=300&seed=7");
      expect(first.status).toBe(200);
      expect((await get("?replicates=300&seed=7")).body).toEqual(first.body);
      const { source, unscored, robustness } = first.body;
      expect({ source, unscored, replicates: robustness.replicates, seed: robustness.seed, disputes: robustness.disputes }).toEqual({
        source: "live",
        unscored: [],
        replicates: 300,
        seed: 7,
        disputes: false,
      });
      const ranking = (await f.request("GET", "/campaigns/c2026/ranking", { token: f.tokens.scorer })).body;
      const ranks = (blocks: { code: string; units: { rank: number; code?: string; unit?: { code: string } }[] }[]) =>
        blocks.map((b) => [b.code, b.units.map((u) => [u.code ?? u.unit!.code, u.rank])]);
      expect(ranks(robustness.blocks)).toEqual(ranks(ranking.blocks));
      const wards = robustness.blocks.find((b: { code: string }) => b.code === "phuong");
      for (const unit of wards.units) {
        expect(unit.low).toBeLessThanOrEqual(unit.median);
        expect(unit.median).toBeLessThanOrEqual(unit.high);
        expect(unit.drawn).toMatchObject({ indicators: 6, respondents: 30, disputed: 0 });
      }
      // close survey results from 30 respondents each: the wards swap places often
      expect(wards.units.map((u: { low: number; high: number }) => [u.low, u.high])).toEqual([
        [1, 2],
        [1, 2],
      ]);
      expect(wards.unsettled).toHaveLength(1);
    });

    it("a different seed draws differently; disputes=true also varies P01's disputed item", async () => {
      const a = (await get("?replicates=300&seed=7")).body.robustness;
      const b = (await get("?replicates=300&seed=8")).body.robustness;
      expect(b.blocks[0].unsettled[0].reversed).not.toBe(a.blocks[0].unsettled[0].reversed);
      const disputed = (await get("?replicates=50&disputes=true")).body.robustness;
      expect(disputed.disputes).toBe(true);
      expect(disputed.blocks[0].units.find((u: { code: string }) => u.code === "P01").drawn.disputed).toBe(1);
    });

    it.each([
      ["/campaigns/c2026/robustness?replicates=20", "CampaignRobustness"],
      ["/campaigns/c2026/worklist", "Worklist"],
    ])("%s answers as the OpenAPI document's %s says", async (path, name) => {
      const doc = (await f.request("GET", "/openapi.json")).body;
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      ajv.addSchema({ $id: "https://par-index.test/openapi.json", components: doc.components });
      const validate = ajv.getSchema(`https://par-index.test/openapi.json#/components/schemas/${name}`)!;
      const { body } = await f.request("GET", path, { token: f.tokens.scorer });
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    });

    it("defaults to 1000 replicates and seed 1", async () => {
      const { robustness } = (await get("")).body;
      expect([robustness.replicates, robustness.seed]).toEqual([1000, 1]);
    });

    it.each([
      ["?replicates=0", "query.replicates", "số lần mô phỏng phải là số nguyên từ 1 đến 2000, nhận được 0"],
      ["?replicates=2001", "query.replicates", "số lần mô phỏng phải là số nguyên từ 1 đến 2000, nhận được 2001"],
      ["?replicates=1e3", "query.replicates", "số lần mô phỏng phải là số nguyên từ 1 đến 2000, nhận được 1e3"],
      ["?seed=-1", "query.seed", "hạt giống ngẫu nhiên phải là số nguyên từ 0 đến 4294967295, nhận được -1"],
      ["?seed=4294967296", "query.seed", "hạt giống ngẫu nhiên phải là số nguyên từ 0 đến 4294967295, nhận được 4294967296"],
    ])("refuses %s with 400 and a Vietnamese problem", async (query, path, vi) => {
      const refused = await get(query);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("invalid-request");
      expect(refused.body.error.message).toBe("yêu cầu có 1 lỗi");
      expect(refused.body.error.problems).toEqual([expect.objectContaining({ code: "out-of-range", path, vi })]);
    });

    it("lists every problem at once, in English when asked", async () => {
      const refused = await get("?replicates=99999&seed=x", f.tokens.scorer, { "accept-language": "en" });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe("the request has 2 problem(s)");
      expect(refused.body.error.problems.map((p: { path: string }) => p.path)).toEqual(["query.replicates", "query.seed"]);
    });

    it.each([
      ["admin", 200],
      ["p01", 403],
      ["public", 401],
    ])("answers %s with %i", async (who, status) => {
      const token = who === "public" ? undefined : f.tokens[who as keyof typeof f.tokens];
      expect((await f.request("GET", "/campaigns/c2026/robustness?replicates=10", { token })).status).toBe(status);
    });

    it("answers 404 for a campaign that does not exist", async () => {
      expect((await f.request("GET", "/campaigns/nope/robustness", { token: f.tokens.scorer })).status).toBe(404);
    });
  });
});
