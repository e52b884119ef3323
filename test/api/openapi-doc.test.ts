import { readFileSync } from "node:fs";
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { OPERATIONS } from "../../api/routes/openapi-details.js";
import { ACCEPTED_FILE_TYPES } from "../../api/services/file-types.js";
import { BACKENDS } from "./backends.js";
import { DEADLINES, type Fixture, openFixture } from "./api-fixture.js";

type Operation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; items?: { $ref?: string } } }> }>;
};
const EDITS = ["put", "post", "patch", "delete"];
const P01 = "/campaigns/c2026/units/P01";
type Who = "admin" | "scorer" | "p01";

/** One request per edit that needs a precondition, sent without one: each must answer 428. */
const PROBES: [operation: string, who: Who, path: string, body: unknown][] = [
  ["put /units/{code}", "admin", "/units/P01", { name: "Phường Tân Lập", type: "phuong" }],
  ["post /campaigns/{id}/publish", "admin", "/campaigns/c2026/publish", {}],
  ["post /campaigns/{id}/units/{unit}/transitions/{action}", "p01", `${P01}/transitions/submit`, {}],
  ["put /campaigns/{id}/units/{unit}/rounds/{round}/items/{code}", "p01", `${P01}/rounds/self/items/1.1.2`, { points: 1 }],
  ["put /campaigns/{id}/units/{unit}/rounds/{round}/facts/{code}", "p01", `${P01}/rounds/self/facts/plan_issued`, { value: true }],
  ["put /campaigns/{id}/units/{unit}/evidence/{evidence}", "p01", `${P01}/evidence/kh-01`, { title: "Kế hoạch" }],
  ["put /campaigns/{id}/units/{unit}/evidence/{evidence}/file", "p01", `${P01}/evidence/kh-01/file`, undefined],
  ["put /campaigns/{id}/deadlines", "admin", "/campaigns/c2026/deadlines", DEADLINES],
];

describe("the OpenAPI document and /doc", () => {
  const backend = BACKENDS[0]!;
  let f: Fixture;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method} ${path}`, method, op })));
  beforeAll(async () => {
    f = await openFixture(backend);
    doc = (await f.request("GET", "/openapi.json")).body;
  });
  afterAll(async () => f?.close());

  it("classifies every edit route: with or without a precondition", () => {
    const unlisted = operations()
      .filter((o) => EDITS.includes(o.method) && !(o.key in OPERATIONS))
      .map((o) => o.key);
    expect(unlisted, "add these to OPERATIONS in api/routes/openapi-details.ts").toEqual([]);
    expect(
      Object.keys(OPERATIONS).filter((key) => !operations().some((o) => o.key === key)),
      "listed but not routes",
    ).toEqual([]);
  });

  it("declares If-Match (and If-None-Match where an edit creates) on every edit that needs one", () => {
    for (const [key, details] of Object.entries(OPERATIONS)) {
      const op = operations().find((o) => o.key === key)!.op;
      const headers = (op.parameters ?? []).filter((p) => p.in === "header").map((p) => `${p.name}${p.required ? "*" : ""}`);
      const expected =
        details.preconditions === "if-match" ? ["If-Match*"] : details.preconditions === "if-match-or-create" ? ["If-Match", "If-None-Match"] : [];
      expect(headers, key).toEqual(expected);
      if (details.preconditions) expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(["412", "428"]));
    }
  });

  it.each(PROBES)("%s answers 428 without a precondition, as declared", async (operation, who, path, body) => {
    expect(OPERATIONS[operation]?.preconditions).toBeTruthy();
    const [method] = operation.split(" ");
    const response = await f.request(method!.toUpperCase(), path, {
      token: f.tokens[who],
      ...(body === undefined ? { raw: "%PDF-1.4", headers: { "content-type": "application/pdf" } } : { body }),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(428);
  });

  it("probes every edit declared with a precondition", () => {
    const declared = Object.entries(OPERATIONS)
      .filter(([, d]) => d.preconditions)
      .map(([key]) => key);
    expect(PROBES.map(([operation]) => operation).sort()).toEqual(declared.sort());
  });

  it("declares the upload bodies and typed responses of the main routes", () => {
    const op = (key: string) => operations().find((o) => o.key === key)!.op;
    expect(Object.keys(op("put /campaigns/{id}/units/{unit}/evidence/{evidence}/file").requestBody!.content)).toEqual(ACCEPTED_FILE_TYPES);
    expect(Object.keys(op("put /campaigns/{id}/survey").requestBody!.content)).toEqual(["text/csv"]);
    for (const [key, details] of Object.entries(OPERATIONS)) {
      if (!details.response) continue;
      const success = Object.entries(op(key).responses).find(([status]) => status.startsWith("2"))![1];
      const schema = success.content!["application/json"]!.schema!;
      const name = (schema.$ref ?? schema.items?.$ref)!.replace("#/components/schemas/", "");
      expect(doc.components.schemas, key).toHaveProperty(name);
    }
  });

  it("serves /doc from the installed swagger-ui-dist: no URL leaves the app", async () => {
    const page = await f.app.request("/doc", { headers: { accept: "text/html" } });
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((url) => url !== "/openapi.json");
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const url of assets) {
      expect(url).toMatch(/^\/doc\/assets\//);
      expect((await f.app.request(url)).status, url).toBe(200);
    }
    const bundle = await f.app.request(assets.find((url) => url.includes("swagger-ui-bundle.js"))!);
    expect(
      Buffer.from(await bundle.arrayBuffer()).equals(readFileSync(new URL("../../node_modules/swagger-ui-dist/swagger-ui-bundle.js", import.meta.url))),
    ).toBe(true);
    const zipped = await f.app.request(assets.find((url) => url.includes("swagger-ui-bundle.js"))!, { headers: { "accept-encoding": "gzip" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect((await f.app.request("/doc/assets/nope.js")).status).toBe(404);
  });
});

describe("errors answered to a browser", () => {
  const backend = BACKENDS[0]!;
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture(backend);
  });
  afterAll(async () => f?.close());

  it.each([
    ["/no-such-page", 404, "Không tìm thấy trang"],
    ["/results/c2026", 404, "Không tìm thấy trang"],
    ["/results/c2026/units/P01", 404, "Không tìm thấy trang"],
    ["/campaigns/c2026/units/P01", 401, "Cần đăng nhập"],
  ])("%s: an HTML page with status %i for a browser, the JSON envelope for an API client", async (path, status, title) => {
    const page = await f.app.request(path, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(page.status).toBe(status);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toMatch(/^<!doctype html><html lang="vi">/);
    expect(html).toContain(`<h1>${title}</h1>`);
    const api = await f.app.request(path, { headers: { accept: "application/json" } });
    expect(api.status).toBe(status);
    expect(((await api.json()) as { error: { code: unknown } }).error.code).toBeTypeOf("string");
  });

  it("speaks English when asked", async () => {
    const page = await f.app.request("/no-such-page?lang=en", { headers: { accept: "text/html" } });
    expect(await page.text()).toContain("<h1>Page not found</h1>");
  });
});
