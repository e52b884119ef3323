import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const CAMPAIGN = "/admin/campaigns/c2026";
const WITHDRAW = `${CAMPAIGN}/extensions/P01/self/withdraw`;

/**
 * The administrator takes a mistyped extension back from the campaign page: a link beside the
 * extension, a confirmation page naming the deadline that applies again, a reason required; the
 * unit's dashboard shows the campaign's deadline again. Other roles are refused.
 */
describe("withdrawing an extension, as pages", () => {
  const backend = BACKENDS[0]!;
  let f: Fixture;
  let admin: ReturnType<typeof webClient>;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  beforeAll(async () => {
    f = await openFixture(backend);
    const passwords = await givePasswords(f);
    const extended = await f.request("PUT", "/campaigns/c2026/units/P01/deadlines/self", {
      token: f.tokens.admin,
      body: { until: "2027-04-07T17:00:00+07:00", reason: "Trụ sở bị ngập lụt" },
    });
    expect(extended.status).toBe(200);
    admin = webClient(f);
    await admin.signIn("admin", passwords.admin!.password);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  it("links the confirmation page beside the extension, which names the deadline that applies again", async () => {
    const campaign = await admin.get(CAMPAIGN);
    expect(campaign.html).toContain(`href="${WITHDRAW}"`);
    const confirm = await admin.get(WITHDRAW);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toMatch(/Đang gia hạn đến<\/dt><dd>07\/04\/2027 17:00<\/dd>/);
    expect(confirm.html).toMatch(/Hạn chót sau khi thu hồi<\/dt><dd><strong>01\/04\/2026 00:00<\/strong>/);
    expect(confirm.html).toMatch(/<form method="post" action="[^"]+\/withdraw" data-confirm="Thu hồi gia hạn của đơn vị này\?/);
    expect((await admin.get(`${WITHDRAW}?lang=en`)).html).toContain("Withdraw the extension");
    await admin.get(`${WITHDRAW}?lang=vi`);
  });

  it("refuses a scorer and a ward, on the page and the form", async () => {
    for (const other of [scorer, ward]) {
      expect((await other.get(WITHDRAW)).status).toBe(403);
      expect((await other.post(WITHDRAW, { reason: "nhầm" })).status).toBe(403);
    }
  });

  it("asks for a reason, then withdraws: the campaign page and the ward's dashboard show the campaign's deadline again", async () => {
    const none = await admin.post(WITHDRAW, { reason: " " });
    expect(none.status).toBe(422);
    expect(none.html).toContain('href="#reason"');
    expect(none.html).toContain("hãy ghi lý do thu hồi gia hạn");
    expect((await ward.get("/assess/c2026/P01")).html).toContain("07/04/2027 17:00");

    const done = await admin.post(WITHDRAW, { reason: "Nhập nhầm năm" });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${CAMPAIGN}?done=withdrawn`);
    const campaign = await admin.get(done.location!);
    expect(campaign.html).toContain("Đã thu hồi gia hạn.");
    expect(campaign.html).toContain("Chưa có đơn vị nào được gia hạn.");
    const dashboard = await ward.get("/assess/c2026/P01");
    expect(dashboard.html).not.toContain("07/04/2027 17:00");
    expect(dashboard.html).not.toContain("Trụ sở bị ngập lụt");
    expect(dashboard.html).toContain("01/04/2026 00:00");
    expect((await admin.get(WITHDRAW)).status, "nothing left to withdraw").toBe(404);
  });
});
