import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

/** P01 and P02 submit item 1.1.2 at 1 point; the scorer appraises P01's at 0.5 (marked down) and P02's at 1. */
describe("the page /finalise/{campaign}: finalising many units", () => {
  let f: Fixture;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  beforeAll(async () => {
    f = await openFixture(BACKENDS[0]!);
    for (const [unit, token, appraised] of [
      ["P01", f.tokens.p01, 0.5],
      ["P02", f.tokens.p02, 1],
    ] as const) {
      const path = `/campaigns/c2026/units/${unit}`;
      await f.request("PUT", `${path}/rounds/self/items/1.1.2`, { token, body: { points: 1 }, headers: { "if-match": '"0"' } });
      await f.request("POST", `${path}/transitions/submit`, { token, headers: { "if-match": (await f.request("GET", path, { token })).etag! } });
      await f.request("PUT", `${path}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer, body: { points: appraised }, headers: { "if-match": '"0"' } });
    }
    const passwords = await givePasswords(f);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  const checkbox = (html: string, unit: string) =>
    new RegExp(`<input type="checkbox" id="unit-${unit}" name="unit" value="${unit}:(\\d+)"( checked="")?`).exec(html);

  it("lists the units in an appraisal round with the figures finalising would store; the explained or unmarked ones come chosen", async () => {
    const page = await scorer.get("/finalise/c2026");
    expect(page.status).toBe(200);
    expect(checkbox(page.html, "P01")![2]).toBeUndefined();
    expect(checkbox(page.html, "P02")![2]).toBe(' checked=""');
    expect(page.html).toContain("1 tiêu chí bị trừ điểm chưa được giải trình");
    expect(page.html).not.toContain("(X01)");
    const { report } = (await f.request("GET", "/campaigns/c2026/units/P02/report", { token: f.tokens.scorer })).body;
    const row = page.html.slice(page.html.indexOf('id="unit-P02"'));
    expect(row).toContain(`data-label="Thẩm định">${report.totals.appraised.toFixed(2).replace(".", ",")}</td>`);
  });

  it("finalises the chosen units and says so; a unit changed since the list was read is refused, not finalised unseen", async () => {
    const page = await scorer.get("/finalise/c2026");
    const p01 = `P01:${Number(checkbox(page.html, "P01")![1]) - 1}`;
    const p02 = `P02:${checkbox(page.html, "P02")![1]}`;
    const done = await scorer.post("/finalise/c2026", { unit: [p01, p02] });
    expect(done.status).toBe(200);
    expect(done.html).toContain("Đã chốt điểm 1 đơn vị.");
    expect(done.html).toContain("1 đơn vị chưa chốt được");
    expect(done.html).toMatch(/<strong>Phường Tân Lập<\/strong> \(P01\): /);
    expect((await f.request("GET", "/campaigns/c2026/units/P02", { token: f.tokens.scorer })).body.state).toBe("finalised");
    expect((await f.request("GET", "/campaigns/c2026/units/P01", { token: f.tokens.scorer })).body.state).toBe("appraisal1");
    expect(checkbox(done.html, "P02")).toBeNull();
  });

  it("asks for a choice when none is made (422), and refuses a ward official (403)", async () => {
    await scorer.get("/finalise/c2026");
    const empty = await scorer.post("/finalise/c2026", {});
    expect(empty.status).toBe(422);
    expect(empty.html).toContain("Hãy chọn ít nhất một đơn vị để chốt điểm");
    expect((await ward.get("/finalise/c2026")).status).toBe(403);
  });
});
