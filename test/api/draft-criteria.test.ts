import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "./backends.js";
import { CRITERIA, DEADLINES, type Fixture, openFixture } from "./api-fixture.js";

describe("a criteria set still in draft cannot publish a campaign", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture(BACKENDS[0]!);
  });
  afterAll(async () => f?.close());

  it("publishing answers 409 with a bilingual problem naming the draft set", async () => {
    const draft = { ...CRITERIA, family: "draft-commune", status: "draft" };
    expect((await f.request("POST", "/criteria", { token: f.tokens.admin, body: draft })).status).toBe(201);
    const campaign = { id: "d2026", year: 2026, criteria: { family: "draft-commune", version: "2026.1" }, units: ["X01"], deadlines: DEADLINES };
    expect((await f.request("POST", "/campaigns", { token: f.tokens.admin, body: campaign })).status).toBe(201);
    const published = await f.request("POST", "/campaigns/d2026/publish", { token: f.tokens.admin, headers: { "if-match": '"1"' } });
    expect(published.status).toBe(409);
    expect(published.body.error.code).toBe("wrong-state");
    expect(published.body.error.problems).toEqual([
      expect.objectContaining({
        path: "criteria",
        code: "criteria-draft",
        message: expect.stringMatching(/draft-commune 2026.1 has status "draft"/),
        vi: expect.stringMatching(/bản dự thảo/),
      }),
    ]);
    const still = await f.request("GET", "/campaigns/d2026", { token: f.tokens.admin });
    expect(still.body.state).toBe("open");
  });
});
