import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../api/app.js";
import { createServices } from "../../api/services/create-services.js";
import { DEFAULT_LIMITS } from "../../api/services/service-deps.js";
import { type Fixture, openFixture } from "./api-fixture.js";
import { BACKENDS } from "./backends.js";

const P02 = "/campaigns/c2026/units/P02";
const PDF = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i < 5 ? "%PDF-".charCodeAt(i) : 32));

describe.each(BACKENDS)("security: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "service", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await openFixture(backend, { evidenceQuotaBytes: 3000 });
    });
    afterAll(async () => f?.close());

    it("every route that needs a token answers the public 401 before looking at the request", async () => {
      const doc = (await f.request("GET", "/openapi.json")).body as { paths: Record<string, Record<string, { security?: unknown }>> };
      const secured = Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, op]) => op.security !== undefined)
          .map(([method]) => [method.toUpperCase(), path.replace(/\{[^}]+\}/g, "x")] as const),
      );
      expect(secured.length).toBeGreaterThan(15);
      expect(secured).toContainEqual(["GET", "/campaigns/x/assessments"]);
      const answers = await Promise.all(
        secured.map(async ([method, path]) => [
          method,
          path,
          (await f.request(method, path, { body: method === "GET" || method === "DELETE" ? undefined : {} })).status,
        ]),
      );
      expect(answers.filter(([, , status]) => status !== 401)).toEqual([]);
    });

    it("the public gets 401 for a campaign's assessments, a signed-in unit only its own", async () => {
      expect((await f.request("GET", "/campaigns/c2026/assessments")).status).toBe(401);
      const own = await f.request("GET", "/campaigns/c2026/assessments", { token: f.tokens.p01 });
      expect(own.body.map((a: { unitCode: string }) => a.unitCode)).toEqual(["P01"]);
    });

    it.each([
      ["/health", 200],
      ["/nope", 404],
      ["/doc", 200],
    ])("security headers on %s", async (path, status) => {
      const r = await f.request("GET", path);
      expect(r.status).toBe(status);
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(r.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(r.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    });

    it("the API docs page loads only same-origin scripts, which the app serves", async () => {
      const page = (await f.request("GET", "/doc")).body as string;
      const sources = [...page.matchAll(/<(?:script|link)[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) expect(source).toMatch(/^\/doc\//);
      expect(page).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
      for (const source of sources) expect((await f.request("GET", source)).status).toBe(200);
    });

    it.each([
      ["javascript:alert(document.cookie)", 400],
      ["data:text/html,<script>alert(1)</script>", 400],
      ["ftp://files.example.vn/kh.pdf", 400],
      ["https://vanban.example.gov.vn/kh-01.pdf", 200],
    ])("an evidence link %s → %i", async (link, status) => {
      const id = `L-${status}-${link.length}`;
      const r = await f.request("PUT", `${P02}/evidence/${id}`, { token: f.tokens.p02, body: { number: "1/KH", link }, headers: { "if-none-match": "*" } });
      expect(r.status).toBe(status);
    });

    it("evidence files of a unit stay within its quota; replacing a file counts the new size only", async () => {
      const upload = async (id: string, size: number, version: string) => {
        if (version === '"1"')
          await f.request("PUT", `${P02}/evidence/${id}`, { token: f.tokens.p02, body: { number: id }, headers: { "if-none-match": "*" } });
        return f.request("PUT", `${P02}/evidence/${id}/file?name=${id}.pdf`, {
          token: f.tokens.p02,
          raw: PDF(size),
          headers: { "content-type": "application/pdf", "if-match": version },
        });
      };
      expect((await upload("Q-1", 2000, '"1"')).status).toBe(200);
      const over = await upload("Q-2", 1001, '"1"');
      expect(over).toMatchObject({ status: 413, body: { error: { code: "quota-exceeded" } } });
      expect(over.body.error.message).toContain("hạn mức 3000 byte");
      expect((await upload("Q-2", 1000, '"1"')).status).toBe(200);
      expect((await upload("Q-1", 1900, '"2"')).status).toBe(200);
    });

    it("tokens expire, and are rotated and revoked through the API", async () => {
      const users = (await f.request("GET", "/users", { token: f.tokens.admin })).body as { id: string; name: string; tokenExpiresAt: string }[];
      const p02 = users.find((u) => u.name === "UBND P02")!;
      expect(p02.tokenExpiresAt).toBe("2027-03-01T08:00:00.000Z");
      const p01 = users.find((u) => u.name === "UBND P01")!;
      expect((await f.request("POST", `/users/${p01.id}/token`, { token: f.tokens.p02 })).status).toBe(403);

      const rotated = await f.request("POST", `/users/${p02.id}/token`, { token: f.tokens.p02 });
      expect(rotated).toMatchObject({ status: 201, body: { id: p02.id, expiresAt: "2027-03-01T08:00:00.000Z" } });
      expect((await f.request("GET", `${P02}`, { token: f.tokens.p02 })).status).toBe(401);
      const fresh = rotated.body.token as string;
      expect((await f.request("GET", `${P02}`, { token: fresh })).status).toBe(200);

      f.clock.now = new Date("2027-03-01T08:00:00Z");
      const expired = await f.request("GET", `${P02}`, { token: fresh });
      expect(expired).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
      expect(expired.body.error.message).toContain("hết hạn");
      f.clock.now = new Date("2026-03-01T08:00:00Z");

      const revoked = await f.request("DELETE", `/users/${p02.id}/token`, { token: f.tokens.admin });
      expect(revoked).toMatchObject({ status: 200, body: { id: p02.id, revokedAt: "2026-03-01T08:00:00.000Z" } });
      expect((await f.request("GET", `${P02}`, { token: fresh })).body.error.message).toContain("thu hồi");
      const audit = await f.request("GET", "/audit", { token: f.tokens.admin });
      expect(audit.body.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(["user.token.rotate", "user.token.revoke"]));
      expect(JSON.stringify(audit.body)).not.toContain(fresh);
    });

    it("failed sign-ins from one address are slowed: 429 with Retry-After, even for a good token, until the wait is over", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await f.request("GET", "/campaigns", { token: `par_wrong${i}` })).status);
      expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
      const blocked = await f.request("GET", "/campaigns", { token: f.tokens.admin });
      expect(blocked).toMatchObject({ status: 429, body: { error: { code: "too-many-requests" } } });
      expect(blocked.headers.get("retry-after")).toBe("1");
      f.clock.now = new Date(f.clock.now.getTime() + 1000);
      expect((await f.request("GET", "/campaigns", { token: f.tokens.admin })).status).toBe(200);
      expect((await f.request("GET", "/campaigns", { token: "par_wrong" })).status).toBe(401);
      f.clock.now = new Date("2026-03-01T08:00:00Z");
    });
  });
});

describe("createApp", () => {
  it("uses the service graph it is given, rather than building a second one", async () => {
    const services = createServices({ store: {} as never, now: () => new Date("2026-03-01T00:00:00Z"), limits: DEFAULT_LIMITS });
    const list = vi.spyOn(services.units, "list").mockResolvedValue([]);
    const app = createApp({ services });
    expect((await app.request("/units")).status).toBe(200);
    expect(list).toHaveBeenCalledOnce();
  });
});
