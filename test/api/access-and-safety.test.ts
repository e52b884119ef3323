import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "./backends.js";
import { CRITERIA, DEADLINES, type Fixture, openFixture } from "./api-fixture.js";

const P01 = "/campaigns/c2026/units/P01";
type Who = "public" | "admin" | "scorer" | "p01" | "p02";

describe.each(BACKENDS)("access and safety: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "service", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await openFixture(backend);
    });
    afterAll(async () => f?.close());
    const as = (who: Who) => (who === "public" ? undefined : f.tokens[who]);

    it.each<[string, string, Who, unknown, number]>([
      ["POST", "/units", "scorer", { code: "Z1", name: "Z", type: "xa" }, 403],
      ["POST", "/units", "public", { code: "Z1", name: "Z", type: "xa" }, 401],
      ["POST", "/criteria", "p01", CRITERIA, 403],
      ["PUT", "/units/P01", "p01", { name: "Phường Mới", type: "phuong" }, 403],
      ["POST", "/campaigns", "scorer", { id: "c2027", year: 2026, criteria: { family: "reference-commune", version: "2026.1" }, deadlines: DEADLINES }, 403],
      ["POST", "/users", "scorer", { name: "x", role: "admin" }, 403],
      ["GET", "/users", "p01", undefined, 403],
      ["GET", P01, "p02", undefined, 403],
      ["GET", P01, "public", undefined, 401],
      ["GET", `${P01}/report`, "p02", undefined, 403],
      ["GET", `${P01}/rounds/self/items/1.1.2`, "p02", undefined, 403],
      ["PUT", `${P01}/rounds/self/items/1.1.2`, "p02", { points: 1 }, 403],
      ["PUT", `${P01}/rounds/self/items/1.1.2`, "scorer", { points: 1 }, 403],
      ["PUT", `${P01}/rounds/self/items/1.1.2`, "admin", { points: 1 }, 403],
      ["PUT", `${P01}/rounds/appraisal1/items/1.1.2`, "p01", { points: 1 }, 403],
      ["POST", `${P01}/transitions/submit`, "scorer", undefined, 403],
      ["POST", `${P01}/transitions/finalise`, "p01", undefined, 403],
      ["POST", "/campaigns/c2026/publish", "scorer", undefined, 403],
      ["PUT", `${P01}/evidence/KH-9`, "scorer", { number: "1" }, 403],
      ["GET", "/campaigns/c2026", "public", undefined, 404],
      ["GET", "/campaigns/c2026/ranking", "public", undefined, 404],
      ["GET", "/campaigns/c2026/ranking", "p01", undefined, 403],
      ["GET", "/audit", "public", undefined, 401],
    ])("%s %s as %s → %i", async (method, path, who, body, status) => {
      const r = await f.request(method, path, { token: as(who), body, headers: { "if-match": '"0"' } });
      expect(r.status).toBe(status);
      expect(Object.keys(r.body)).toEqual(["error"]);
    });

    it("an edit without If-Match is refused with 428", async () => {
      const r = await f.request("PUT", `${P01}/rounds/self/items/1.1.2`, { token: f.tokens.p01, body: { points: 1 } });
      expect(r).toMatchObject({ status: 428, body: { error: { code: "precondition-required" } } });
    });

    it("two scorers saving the same item: one wins, the other gets 412 with the current value", async () => {
      await f.request("PUT", `${P01}/rounds/self/items/1.1.2`, { token: f.tokens.p01, body: { points: 1 }, headers: { "if-match": '"0"' } });
      await f.request("POST", `${P01}/transitions/submit`, { token: f.tokens.p01, headers: { "if-match": '"1"' } });
      const save = (token: string, points: number) =>
        f.request("PUT", `${P01}/rounds/appraisal1/items/1.1.2`, { token, body: { points }, headers: { "if-match": '"0"' } });
      const results = await Promise.all([save(f.tokens.scorer, 0.5), save(f.tokens.scorer2, 0), save(f.tokens.scorer, 1), save(f.tokens.scorer2, 0.5)]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412, 412, 412]);
      const winner = results.find((r) => r.status === 200)!;
      for (const loser of results.filter((r) => r.status === 412)) {
        expect(loser.body.error).toMatchObject({ code: "version-mismatch", current: { version: 1, value: winner.body.value } });
        expect(loser.etag).toBeNull();
      }
      const stored = await f.request("GET", `${P01}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer });
      expect(stored).toMatchObject({ etag: '"1"', body: { value: winner.body.value } });
      const audit = await f.request("GET", `${P01}/audit?code=1.1.2`, { token: f.tokens.scorer });
      expect(audit.body.filter((a: { after: { round: string } }) => a.after.round === "appraisal1")).toHaveLength(1);
    });

    it("deadlines: after the self deadline the unit can neither edit nor withdraw", async () => {
      f.clock.now = new Date("2026-04-01T00:00:00Z");
      const withdraw = await f.request("POST", `${P01}/transitions/withdraw`, { token: f.tokens.p01, headers: { "if-match": '"3"' } });
      expect(withdraw.status).toBe(409);
      const p02 = await f.request("PUT", "/campaigns/c2026/units/P02/rounds/self/items/1.1.2", {
        token: f.tokens.p02,
        body: { points: 1 },
        headers: { "if-match": '"0"' },
      });
      expect(p02.body.error).toMatchObject({ code: "deadline-passed" });
      f.clock.now = new Date("2026-03-01T08:00:00Z");
    });

    it("a criteria version used by a campaign cannot change; the same content is accepted again", async () => {
      expect((await f.request("POST", "/criteria", { token: f.tokens.admin, body: CRITERIA })).body.outcome).toBe("unchanged");
      const changed = { ...CRITERIA, title: { vi: "Sửa", en: "Changed" } };
      const r = await f.request("POST", "/criteria", { token: f.tokens.admin, body: changed });
      expect(r).toMatchObject({ status: 409, body: { error: { code: "criteria-in-use" } } });
      const invalid = await f.request("POST", "/criteria", { token: f.tokens.admin, body: { ...CRITERIA, version: "2026.9", totalMax: 99, classes: [] } });
      expect(invalid.status).toBe(422);
      expect(invalid.body.error.problems.length).toBeGreaterThan(1);
      const diff = await f.request("GET", "/criteria/reference-commune/diff?from=2026.1&to=2026.1");
      expect(diff.status).toBe(200);
    });

    it("errors: unknown route, malformed JSON, oversized body, no stack traces", async () => {
      expect((await f.request("GET", "/nope")).body.error.code).toBe("not-found");
      const malformed = await f.request("POST", "/units", { token: f.tokens.admin, raw: "{oops", headers: { "content-type": "application/json" } });
      expect(malformed).toMatchObject({ status: 400, body: { error: { code: "invalid-request" } } });
      const big = await f.request("POST", "/units", {
        token: f.tokens.admin,
        raw: JSON.stringify({ code: "Z", name: "x".repeat(2_000_000), type: "xa" }),
        headers: { "content-type": "application/json" },
      });
      expect(big).toMatchObject({ status: 413, body: { error: { code: "payload-too-large" } } });
      expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.ts|SELECT|sqlite/i);
      const badToken = await f.request("GET", "/campaigns", { token: "par_wrong" });
      expect(badToken.status).toBe(401);
    });

    it("evidence files: type checked against the content, size capped, downloadable by the unit", async () => {
      const path = "/campaigns/c2026/units/P02/evidence/KH-02";
      await f.request("PUT", path, { token: f.tokens.p02, body: { number: "3/KH" }, headers: { "if-none-match": "*" } });
      const pdf = new TextEncoder().encode("%PDF-1.7 demo");
      const fake = await f.request("PUT", `${path}/file?name=kh.pdf`, {
        token: f.tokens.p02,
        raw: new TextEncoder().encode("MZ not a pdf"),
        headers: { "content-type": "application/pdf", "if-match": '"1"' },
      });
      expect(fake.status).toBe(415);
      const large = await f.request("PUT", `${path}/file`, {
        token: f.tokens.p02,
        raw: new Uint8Array(4096),
        headers: { "content-type": "application/pdf", "if-match": '"1"' },
      });
      expect(large.status).toBe(413);
      const ok = await f.request("PUT", `${path}/file?name=kh.pdf`, {
        token: f.tokens.p02,
        raw: pdf,
        headers: { "content-type": "application/pdf", "if-match": '"1"' },
      });
      expect(ok).toMatchObject({ status: 200, body: { file: { name: "kh.pdf", type: "application/pdf", size: pdf.length } } });
      const back = await f.request("GET", `${path}/file`, { token: f.tokens.p02 });
      expect(back.body).toBe("%PDF-1.7 demo");
      expect((await f.request("GET", `${path}/file`, { token: f.tokens.p01 })).status).toBe(403);
    });

    it("units change with If-Match; the survey import checks units", async () => {
      const unit = await f.request("GET", "/units/X01");
      const changed = await f.request("PUT", "/units/X01", {
        token: f.tokens.admin,
        body: { name: "Xã Đông Hưng Mới", type: "xa" },
        headers: { "if-match": unit.etag! },
      });
      expect(changed).toMatchObject({ status: 200, etag: '"2"' });
      const stale = await f.request("PUT", "/units/X01", { token: f.tokens.admin, body: { name: "x", type: "xa" }, headers: { "if-match": unit.etag! } });
      expect(stale.status).toBe(412);
      const csv =
        "unit,respondents,sipas_access,sipas_procedure,sipas_civil_servant,sipas_result,sipas_feedback,satisfaction_overall\nP02,150,80,81,82,83,84,85\nNOPE,1,1,1,1,1,1,1\n";
      const refused = await f.request("PUT", "/campaigns/c2026/survey", { token: f.tokens.scorer, raw: csv, headers: { "content-type": "text/csv" } });
      expect(refused.status).toBe(422);
      const imported = await f.request("PUT", "/campaigns/c2026/survey", {
        token: f.tokens.scorer,
        raw: csv.split("\n").slice(0, 2).join("\n"),
        headers: { "content-type": "text/csv" },
      });
      expect(imported).toMatchObject({ status: 200, body: { units: 1 } });
    });

    it("serves the OpenAPI document and its UI", async () => {
      const doc = await f.request("GET", "/openapi.json");
      expect(doc.body.paths).toHaveProperty("/campaigns/{id}/units/{unit}/rounds/{round}/items/{code}");
      expect((await f.request("GET", "/doc")).status).toBe(200);
    });
  });
});
