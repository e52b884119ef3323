import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const backend = BACKENDS[0]!;

describe("the scorer's worklist", () => {
  let f: Fixture;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  beforeAll(async () => {
    f = await openFixture(backend);
    const passwords = await givePasswords(f);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  it.each([
    ["?q=phuong+tan", "Phường Tân Lập", true],
    ["?q=xyzzy", "Phường Tân Lập", false],
  ])("search %s shows %s: %s", async (query, name, shown) => {
    const response = await scorer.get(`/work/c2026${query}`);
    expect(response.status).toBe(200);
    expect(response.html.includes(name)).toBe(shown);
  });

  it("filters by state and sorts by name", async () => {
    const none = await scorer.get("/work/c2026?state=finalised");
    expect(none.html).not.toContain("Phường Tân Lập");
    const byName = (await scorer.get("/work/c2026?sort=name")).html;
    const names = [...byName.matchAll(/<tr><td>[^<]*<\/td><td><a [^>]*>([^<]*)<\/a><\/td>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "vi")));
  });

  it("is linked from the scorer's home page", async () => {
    expect((await scorer.get("/")).html).toContain('href="/work/c2026"');
  });

  it("refuses a ward official (403)", async () => {
    expect((await ward.get("/work/c2026")).status).toBe(403);
  });
});
