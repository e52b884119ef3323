import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summariseBlock } from "../../src/ranking/summarise-block.js";
import { BACKENDS } from "./backends.js";
import { type Fixture, openFixture } from "./api-fixture.js";

const unitPath = "/campaigns/c2026/units/P01";
const item = (round: string, code: string) => `${unitPath}/rounds/${round}/items/${code}`;

describe.each(BACKENDS)("a full round: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "workflow", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await openFixture(backend);
    });
    afterAll(async () => f?.close());
    const state = async () => (await f.request("GET", unitPath, { token: f.tokens.admin })).body.state as string;
    const etag = async () => (await f.request("GET", unitPath, { token: f.tokens.admin })).etag!;
    const act = async (action: string, token: string) =>
      f.request("POST", `${unitPath}/transitions/${action}`, { token, headers: { "if-match": await etag() } });

    it("the ward self-assesses: evidence, a fact, an item", async () => {
      const evidence = await f.request("PUT", `${unitPath}/evidence/KH-01`, {
        token: f.tokens.p01,
        body: { number: "12/KH-UBND", date: "2026-01-20", issuer: "UBND phường", title: "Kế hoạch CCHC 2026" },
        headers: { "if-none-match": "*" },
      });
      expect(evidence).toMatchObject({ status: 200, etag: '"1"' });
      const fact = await f.request("PUT", `${unitPath}/rounds/self/facts/law_enforcement_plan_issued`, {
        token: f.tokens.p01,
        body: { value: true, evidence: ["KH-01"] },
        headers: { "if-match": '"0"' },
      });
      expect(fact.status).toBe(200);
      const saved = await f.request("PUT", item("self", "1.1.2"), {
        token: f.tokens.p01,
        body: { points: 1, evidence: ["KH-01"], changeReason: "first entry" },
        headers: { "if-match": '"0"' },
      });
      expect(saved).toMatchObject({ status: 200, etag: '"1"', body: { value: { points: 1, evidence: ["KH-01"] }, version: 1 } });
      const report = await f.request("GET", `${unitPath}/report`, { token: f.tokens.p01 });
      expect(report.body).toMatchObject({ source: "live", report: { stage: "self-assessed", unit: { code: "P01" } } });
    });

    it("checks values as the engine does, listing every problem with its path", async () => {
      const bad = await f.request("PUT", item("self", "1.2.3"), {
        token: f.tokens.p01,
        body: { points: 1.2, evidence: ["NOPE"] },
        headers: { "if-match": '"0"' },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(["evidence[0]", "points"]);
      const shape = await f.request("PUT", item("self", "1.2.3"), { token: f.tokens.p01, body: { points: "x", extra: 1 }, headers: { "if-match": '"0"' } });
      expect(shape.status).toBe(400);
      expect(shape.body.error.code).toBe("invalid-request");
      expect(shape.body.error.problems.length).toBe(2);
    });

    it("takes a date fact as DD/MM/YYYY (as the sheets do) and stores it as YYYY-MM-DD; refuses one that reads month-first or both ways", async () => {
      const fact = `${unitPath}/rounds/self/facts/legal_review_plan_date`;
      for (const [value, message] of [
        ["3/25/2026", /only month-first/],
        ["1/10/2026", /reads both as 2026-10-01 \(day first\) and 2026-01-10/],
      ] as const) {
        const refused = await f.request("PUT", fact, { token: f.tokens.p01, body: { value }, headers: { "if-match": '"0"' } });
        expect(refused.status).toBe(422);
        expect(refused.body.error.problems[0]).toMatchObject({ path: "value", code: "date-order", message: expect.stringMatching(message) });
      }
      const saved = await f.request("PUT", fact, { token: f.tokens.p01, body: { value: "16/02/2026" }, headers: { "if-match": '"0"' } });
      expect(saved).toMatchObject({ status: 200, body: { value: { value: "2026-02-16" }, version: 1 } });
    });

    it("a scorer cannot appraise a draft; the ward submits, withdraws, resubmits", async () => {
      const early = await f.request("PUT", item("appraisal1", "1.1.2"), { token: f.tokens.scorer, body: { points: 0.5 }, headers: { "if-match": '"0"' } });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe("wrong-state");
      expect((await act("submit", f.tokens.p01)).body.state).toBe("submitted");
      const locked = await f.request("PUT", item("self", "1.1.2"), { token: f.tokens.p01, body: { points: 0.5 }, headers: { "if-match": '"1"' } });
      expect(locked.status).toBe(409);
      expect((await act("withdraw", f.tokens.p01)).body.state).toBe("draft");
      expect((await act("submit", f.tokens.p01)).body.state).toBe("submitted");
    });

    it("appraisal round 1, explanation, round 2, finalisation", async () => {
      const appraised = await f.request("PUT", item("appraisal1", "1.1.2"), {
        token: f.tokens.scorer,
        body: { points: 0.5, comment: "Thiếu báo cáo quý II" },
        headers: { "if-match": '"0"' },
      });
      expect(appraised.status).toBe(200);
      expect(await state()).toBe("appraisal1");
      expect((await act("withdraw", f.tokens.p01)).status).toBe(409);
      expect((await act("request-explanation", f.tokens.scorer)).body.state).toBe("explanation");
      const points = await f.request("PUT", item("explanation", "1.1.2"), { token: f.tokens.p01, body: { points: 1 }, headers: { "if-match": '"0"' } });
      expect(points.status).toBe(422);
      await f.request("PUT", `${unitPath}/evidence/BC-Q2`, {
        token: f.tokens.p01,
        body: { number: "85/BC-UBND", date: "2026-06-12" },
        headers: { "if-none-match": "*" },
      });
      const reply = await f.request("PUT", item("explanation", "1.1.2"), {
        token: f.tokens.p01,
        body: { comment: "Đã bổ sung báo cáo", evidence: ["BC-Q2"] },
        headers: { "if-match": '"0"' },
      });
      expect(reply.status).toBe(200);
      expect((await act("submit-explanation", f.tokens.p01)).body.state).toBe("appraisal2");
      expect(
        (await f.request("PUT", item("appraisal2", "1.1.2"), { token: f.tokens.scorer, body: { points: 1 }, headers: { "if-match": '"0"' } })).status,
      ).toBe(200);
      expect((await act("finalise", f.tokens.scorer)).body.state).toBe("finalised");
      const report = await f.request("GET", `${unitPath}/report`, { token: f.tokens.p01 });
      expect(report.body).toMatchObject({
        source: "snapshot",
        snapshot: { criteria: { family: "reference-commune", version: "2026.1" }, engine: "0.1.0" },
        report: { stage: "appraised" },
      });
      const after = await f.request("PUT", item("appraisal2", "1.1.2"), { token: f.tokens.scorer, body: { points: 0 }, headers: { "if-match": '"1"' } });
      expect(after.status).toBe(409);
    });

    it("publication needs every unit finalised; then the public sees the ranking", async () => {
      const campaign = await f.request("GET", "/campaigns/c2026", { token: f.tokens.admin });
      const refused = await f.request("POST", "/campaigns/c2026/publish", { token: f.tokens.admin, headers: { "if-match": campaign.etag! } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.problems.map((p: { path: string }) => p.path)).toEqual(["P02", "X01"]);
      expect((await f.request("GET", "/campaigns/c2026/ranking")).status).toBe(404);
      const live = await f.request("GET", "/campaigns/c2026/ranking", { token: f.tokens.scorer });
      expect(live.body.source).toBe("live");
      for (const unit of ["P02", "X01"]) {
        const path = `/campaigns/c2026/units/${unit}`;
        const token =
          unit === "P02"
            ? f.tokens.p02
            : (await f.request("POST", "/users", { token: f.tokens.admin, body: { name: "UBND X01", role: "unit", unit: "X01" } })).body.token;
        await f.request("POST", `${path}/transitions/submit`, { token, headers: { "if-match": '"1"' } });
        await f.request("PUT", `${path}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer, body: { points: 0 }, headers: { "if-match": '"0"' } });
        const done = await f.request("POST", `${path}/transitions/finalise`, { token: f.tokens.scorer, headers: { "if-match": '"3"' } });
        expect(done.status).toBe(200);
      }
      const published = await f.request("POST", "/campaigns/c2026/publish", { token: f.tokens.admin, headers: { "if-match": campaign.etag! } });
      expect(published).toMatchObject({ status: 200, body: { state: "published" } });
      const ranking = await f.request("GET", "/campaigns/c2026/ranking");
      expect(ranking.status).toBe(200);
      expect(ranking.body.blocks.map((b: { code: string }) => b.code)).toEqual(["phuong", "xa"]);
      for (const block of [...ranking.body.blocks, ...live.body.blocks]) expect(block.summary).toEqual(summariseBlock(block, 2));
      const ward = ranking.body.blocks[0].units.find((u: { unit: { code: string } }) => u.unit.code === "P01");
      const { report } = (await f.request("GET", `${unitPath}/report`)).body;
      for (const area of report.areas) {
        const gap = report.selfGap.find((g: { code: string }) => g.code === area.code).gap;
        expect(ward.areas[area.code]).toEqual({
          points: area.applicableMax > 0 ? area.final : null,
          subIndex: area.subIndex,
          self: area.self,
          appraised: area.appraised,
          gap,
        });
      }
      expect(ward.selfGap).toBe(Math.round((report.totals.appraised - report.totals.self) * 10_000) / 10_000);
      const csv = await f.request("GET", "/campaigns/c2026/ranking?format=csv&block=phuong");
      expect(csv.body.split("\n")[0]).toMatch(
        /^block,stt,unit_code,unit_name,area_1.*,rank,rank_change,note,class_code,previous_rank,stage,survey_included\r?$/,
      );
      const annexCsv = await f.request("GET", "/campaigns/c2026/ranking?format=annex-csv&block=phuong");
      expect(annexCsv.body.split("\n")[0]).toMatch(/^Khối,STT,Mã đơn vị,Tên đơn vị,1\. .*,Xếp hạng,Thay đổi thứ hạng so với năm trước,Ghi chú\r?$/);
      const xlsx = await f.request("GET", "/campaigns/c2026/ranking?format=xlsx");
      expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
      const zipped = await f.app.request("/campaigns/c2026/ranking", { headers: { "accept-encoding": "gzip, br" } });
      expect(zipped.headers.get("content-encoding")).toBe("gzip");
      expect(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString("utf8"))).toEqual(ranking.body);
      expect((await f.request("GET", `${unitPath}/report`)).body.source).toBe("snapshot");
      expect((await f.request("GET", "/campaigns")).body.map((c: { id: string }) => c.id)).toEqual(["c2026"]);
    });

    it("the audit trail shows who changed what, before and after, and why", async () => {
      const trail = await f.request("GET", `${unitPath}/audit?code=1.1.2`, { token: f.tokens.p01 });
      expect(trail.body.map((a: { action: string; role: string }) => `${a.action}:${a.role}`)).toEqual([
        "item.save:unit",
        "item.save:scorer",
        "item.save:unit",
        "item.save:scorer",
      ]);
      expect(trail.body[0]).toMatchObject({
        reason: "first entry",
        before: null,
        after: { round: "self", value: { points: 1, evidence: ["KH-01"] }, version: 1 },
      });
      const all = await f.request("GET", `${unitPath}/audit`, { token: f.tokens.scorer });
      expect(all.body.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining([
          "assessment.submit",
          "assessment.withdraw",
          "assessment.start-appraisal",
          "assessment.finalise",
          "snapshot.create",
          "evidence.save",
        ]),
      );
      expect((await f.request("GET", "/audit?campaign=c2026", { token: f.tokens.p01 })).status).toBe(403);
    });
  });
});
