import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLINES, type Fixture, openFixture } from "./api-fixture.js";
import { BACKENDS } from "./backends.js";

const P01 = "/campaigns/c2026/units/P01";
const BEFORE = (deadline: string) => new Date(Date.parse(deadline) - 60_000);
const AFTER = (deadline: string) => new Date(Date.parse(deadline) + 60_000);

/**
 * The appraisal deadlines bind the scorer as the self and explanation deadlines bind the unit:
 * each step is tried just after its deadline (refused, 409 deadline-passed, nothing changes)
 * and then just before it (done). P01 goes self → appraisal 1 → explanation → appraisal 2 → finalised.
 */
describe.each(BACKENDS)("appraisal deadlines: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "service", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await openFixture(backend);
      await f.request("PUT", `${P01}/rounds/self/items/1.1.2`, { token: f.tokens.p01, body: { points: 1 }, headers: { "if-match": '"0"' } });
      await f.request("POST", `${P01}/transitions/submit`, { token: f.tokens.p01, headers: { "if-match": '"1"' } });
    });
    afterAll(async () => f?.close());
    const state = async () => (await f.request("GET", P01, { token: f.tokens.scorer })).body as { state: string; version: number };
    const save = (round: string, token: string) =>
      f.request("PUT", `${P01}/rounds/${round}/items/1.1.2`, {
        token,
        body: round === "explanation" ? { comment: "bổ sung" } : { points: 0.5 },
        headers: { "if-match": '"0"' },
      });
    const move = async (action: string, token: string) =>
      f.request("POST", `${P01}/transitions/${action}`, { token, headers: { "if-match": `"${(await state()).version}"` } });

    it.each([
      { step: "appraisal 1 save", deadline: DEADLINES.appraisal1, run: () => save("appraisal1", f.tokens.scorer), then: "appraisal1" },
      { step: "request-explanation", deadline: DEADLINES.appraisal1, run: () => move("request-explanation", f.tokens.scorer), then: "explanation" },
      { step: "explanation save", deadline: DEADLINES.explanation, run: () => save("explanation", f.tokens.p01), then: "explanation" },
      { step: "submit-explanation", deadline: DEADLINES.explanation, run: () => move("submit-explanation", f.tokens.p01), then: "appraisal2" },
      { step: "appraisal 2 save", deadline: DEADLINES.appraisal2, run: () => save("appraisal2", f.tokens.scorer), then: "appraisal2" },
      { step: "finalise from appraisal 2", deadline: DEADLINES.appraisal2, run: () => move("finalise", f.tokens.scorer), then: "finalised" },
    ])("$step: refused after its deadline, done before it", async ({ deadline, run, then }) => {
      const before = await state();
      f.clock.now = AFTER(deadline);
      const late = await run();
      expect(late).toMatchObject({ status: 409, body: { error: { code: "deadline-passed" } } });
      expect(await state()).toEqual(before);
      f.clock.now = BEFORE(deadline);
      const onTime = await run();
      expect(onTime.status).toBe(200);
      expect((await state()).state).toBe(then);
    });
  });
});

describe.each(BACKENDS)("finalising from appraisal 1: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "service", () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await openFixture(backend);
    });
    afterAll(async () => f?.close());

    it("keeps to the appraisal 1 deadline", async () => {
      await f.request("PUT", `${P01}/rounds/self/items/1.1.2`, { token: f.tokens.p01, body: { points: 1 }, headers: { "if-match": '"0"' } });
      await f.request("POST", `${P01}/transitions/submit`, { token: f.tokens.p01, headers: { "if-match": '"1"' } });
      await f.request("PUT", `${P01}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer, body: { points: 0.5 }, headers: { "if-match": '"0"' } });
      const finalise = () => f.request("POST", `${P01}/transitions/finalise`, { token: f.tokens.scorer, headers: { "if-match": '"3"' } });
      f.clock.now = AFTER(DEADLINES.appraisal1);
      expect(await finalise()).toMatchObject({
        status: 409,
        body: { error: { code: "deadline-passed", message: expect.stringContaining("quá hạn appraisal1") } },
      });
      f.clock.now = BEFORE(DEADLINES.appraisal1);
      expect(await finalise()).toMatchObject({ status: 200, body: { state: "finalised" } });
    });
  });
});
