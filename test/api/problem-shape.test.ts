import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferredLanguage } from "../../api/errors.js";
import { BACKENDS } from "./backends.js";
import { DEADLINES, type Fixture, openFixture } from "./api-fixture.js";

const P01 = "/campaigns/c2026/units/P01";
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("preferredLanguage", () => {
  it.each<[string | undefined, "vi" | "en"]>([
    [undefined, "vi"],
    ["", "vi"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["vi-VN,vi;q=0.9,en;q=0.8", "vi"],
    ["fr-FR,fr;q=0.9", "vi"],
    ["fr, en;q=0.5, vi;q=0.4", "en"],
    ["en;q=0.3, vi;q=0.7", "vi"],
    ["en;q=0, fr", "vi"],
    ["*", "vi"],
  ])("%j → %s", (header, lang) => {
    expect(preferredLanguage(header)).toBe(lang);
  });
});

/** Every problem of every error leaves the service as { code, path, message, vi }, the top-level message in the reader's language. */
describe.each(BACKENDS.filter((b) => b.name === "sqlite"))("one problem shape at the API edge: $name", (backend) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture(backend);
  });
  afterAll(async () => f?.close());

  const expectShape = (body: { error: { code: string; message: string; problems?: unknown[] } }) => {
    expect(body.error.code).toMatch(KEBAB);
    for (const problem of body.error.problems ?? []) {
      expect(Object.keys(problem as object)).toEqual(["code", "path", "message", "vi"]);
      const { code, path, message, vi } = problem as Record<string, string>;
      expect(code).toMatch(KEBAB);
      expect([typeof path, typeof message, typeof vi]).toEqual(["string", "string", "string"]);
      expect(vi).not.toBe(message);
    }
  };

  it("maps zod's issues into the shape, in Vietnamese too", async () => {
    const r = await f.request("POST", "/units", { token: f.tokens.admin, body: { code: "bad code!", name: "", type: "village", extra: [1] } });
    expect(r.status).toBe(400);
    expectShape(r.body);
    const byPath = Object.fromEntries(r.body.error.problems.map((p: { path: string }) => [p.path, p]));
    expect(byPath.type).toMatchObject({
      code: "invalid-value",
      message: expect.stringContaining("Invalid option"),
      vi: expect.stringContaining("Tùy chọn không hợp lệ"),
    });
    expect(byPath.name).toMatchObject({ code: "too-small", vi: expect.stringContaining("Quá nhỏ") });
    expect(byPath.code).toMatchObject({ code: "invalid-format", vi: expect.stringContaining("Chuỗi không hợp lệ") });
    expect(r.body.error.message).toBe(`yêu cầu có ${r.body.error.problems.length} lỗi`);
  });

  it("writes array indexes as the engine does and names what was received", async () => {
    const body = { id: "c2027", year: 2026, criteria: { family: "reference-commune", version: "2026.1" }, deadlines: DEADLINES, units: ["P01", 7] };
    const r = await f.request("POST", "/campaigns", { token: f.tokens.admin, body });
    expect(r.status).toBe(400);
    expectShape(r.body);
    expect(r.body.error.problems).toEqual([
      {
        code: "invalid-type",
        path: "units[1]",
        message: "Invalid input: expected string, received number",
        vi: "Đầu vào không hợp lệ: mong đợi string, nhận được số",
      },
    ]);
  });

  it.each<[string, string | undefined, string]>([
    ["no Accept-Language", undefined, "Không tìm thấy đơn vị NOPE"],
    ["English preferred", "en-GB,en;q=0.9", "unit NOPE does not exist"],
    ["Vietnamese preferred", "vi,en;q=0.5", "Không tìm thấy đơn vị NOPE"],
  ])("the top-level message follows Accept-Language: %s", async (_, language, message) => {
    const r = await f.request("GET", "/units/NOPE", { headers: language ? { "accept-language": language } : {} });
    expect(r).toMatchObject({ status: 404, body: { error: { code: "not-found", message } } });
  });

  it("gives the engine's problems of one entry with paths inside the entry, checked by checkEntry", async () => {
    const item = await f.request("PUT", `${P01}/rounds/self/items/1.1.2`, {
      token: f.tokens.p01,
      body: { points: 0.7, evidence: ["NO-SUCH"] },
      headers: { "if-match": '"0"' },
    });
    expect(item.status).toBe(422);
    expectShape(item.body);
    expect(item.body.error.problems.map((p: { code: string; path: string }) => [p.code, p.path])).toEqual([
      ["unknown-evidence", "evidence[0]"],
      ["points-not-allowed", "points"],
    ]);
    const fact = await f.request("PUT", `${P01}/rounds/self/facts/law_enforcement_plan_issued`, {
      token: f.tokens.p01,
      body: { value: "yes" },
      headers: { "if-match": '"0"', "accept-language": "en" },
    });
    expect(fact.status).toBe(422);
    expectShape(fact.body);
    expect(fact.body.error).toMatchObject({
      message: "fact law_enforcement_plan_issued has 1 problem(s)",
      problems: [{ code: "fact-invalid", path: "value" }],
    });
  });

  it("gives the services' own problems in both languages", async () => {
    const body = { id: "c2030", year: 2030, criteria: { family: "reference-commune", version: "2026.1" }, deadlines: DEADLINES, units: ["P01", "ZZ9"] };
    const r = await f.request("POST", "/campaigns", { token: f.tokens.admin, body });
    expect(r.status).toBe(422);
    expectShape(r.body);
    expect(r.body.error.problems.map((p: { code: string; path: string }) => [p.code, p.path])).toEqual([
      ["criteria-mismatch", "year"],
      ["unknown-unit", "units[1]"],
    ]);
    const explanation = await f.request("GET", `${P01}/rounds/self/items/1.1.2`, { token: f.tokens.p02 });
    expect(explanation).toMatchObject({ status: 403, body: { error: { code: "forbidden", message: "bạn chỉ được xem và sửa đơn vị P02" } } });
  });
});
