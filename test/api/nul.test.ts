import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNul } from "../../api/refuse-nul.js";
import { CRITERIA, type Fixture, openFixture } from "./api-fixture.js";
import { BACKENDS } from "./backends.js";

const P01 = "/campaigns/c2026/units/P01";
const NUL = "\u0000";
type Who = "public" | "admin" | "p01";

/** A NUL character (PostgreSQL text cannot hold one) is refused with 400 wherever it comes, on every backend. */
describe.each(BACKENDS)("NUL characters: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "refused", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await openFixture(backend);
    });
    afterAll(async () => f?.close());

    const criteria = structuredClone(CRITERIA);
    criteria.version = "2026.9";
    criteria.areas[0].title.vi = `Công tác${NUL} chỉ đạo`;
    it.each<[string, string, Who, string, { body?: unknown; raw?: string; headers?: Record<string, string> }]>([
      ["GET", "/units/%00", "public", "url", {}],
      ["GET", "/units/P01%00x", "admin", "url", {}],
      ["GET", "/units?x=%00", "public", "url", {}],
      ["POST", "/units", "admin", "name", { body: { code: "Z1", name: `Xã${NUL}`, type: "xa" } }],
      [
        "PUT",
        "/units/P01",
        "admin",
        "changeReason",
        { body: { name: "Phường Tân Lập", type: "phuong", changeReason: `sửa${NUL}` }, headers: { "if-match": '"1"' } },
      ],
      ["POST", "/users", "admin", "name", { body: { name: `Cán bộ${NUL}`, role: "scorer" } }],
      ["POST", "/criteria", "admin", "areas[0].title.vi", { body: criteria }],
      ["PUT", `${P01}/evidence/KH-01`, "p01", "title", { body: { title: `Kế hoạch${NUL}` }, headers: { "if-none-match": "*" } }],
      [
        "PUT",
        `${P01}/evidence/KH-01/file?name=kh%00.pdf`,
        "p01",
        "url",
        { raw: "%PDF-1.4", headers: { "content-type": "application/pdf", "if-match": '"1"' } },
      ],
      ["PUT", `${P01}/rounds/self/items/1.1.2`, "p01", "comment", { body: { points: 1, comment: `ghi chú${NUL}` }, headers: { "if-match": '"0"' } }],
      ["PUT", `${P01}/rounds/self/facts/x`, "p01", "value[1]", { body: { value: ["a", `b${NUL}`] }, headers: { "if-match": '"0"' } }],
      ["POST", `${P01}/transitions/submit`, "p01", "changeReason", { body: { changeReason: NUL }, headers: { "if-match": '"1"' } }],
      ["PUT", `${P01}/rounds/self/items/1.1.2`, "p01", "poi\\u0000nts", { body: { [`poi${NUL}nts`]: 1 }, headers: { "if-match": '"0"' } }],
      ["PUT", "/campaigns/c2026/survey", "admin", "(body)", { raw: `unit,respondents\nP01${NUL},10\n`, headers: { "content-type": "text/csv" } }],
    ])("%s %s (%s) → 400 at %s", async (method, path, who, at, options) => {
      const r = await f.request(method, path, { token: who === "public" ? undefined : f.tokens[who], ...options });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: "invalid-request", problems: [{ path: at, code: "nul-character", vi: expect.stringContaining("NUL") }] });
    });

    it("keeps text without NUL, and binary files with NUL bytes", async () => {
      expect((await f.request("GET", "/units/%2500", { token: f.tokens.admin })).status).toBe(404);
      expect(
        (
          await f.request("PUT", `${P01}/evidence/KH-02`, {
            token: f.tokens.p01,
            body: { title: "Kế hoạch \\u0000 (chữ, không phải ký tự)" },
            headers: { "if-none-match": "*" },
          })
        ).status,
      ).toBe(200);
      const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0, 0]);
      expect(
        (
          await f.request("PUT", `${P01}/evidence/KH-02/file`, {
            token: f.tokens.p01,
            raw: pdf,
            headers: { "content-type": "application/pdf", "if-match": '"1"' },
          })
        ).status,
      ).toBe(200);
      expect((await f.request("GET", "/units/P01", { token: f.tokens.admin })).body.name).toBe("Phường Tân Lập");
    });
  });
});

describe("findNul", () => {
  it.each<[unknown, string | undefined]>([
    ["plain", undefined],
    [NUL, ""],
    [{ a: [1, { b: `x${NUL}` }] }, "a[1].b"],
    [[{ [`k${NUL}`]: 1 }], "[0].k\\u0000"],
    [{ a: null, b: true, c: 2 }, undefined],
  ])("%j → %s", (value, path) => {
    expect(findNul(value)).toBe(path);
  });

  it("walks any depth without recursion", () => {
    let deep: unknown = `x${NUL}`;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep)).toBe("[0]".repeat(100_000));
  });
});
