import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLINES, type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

type Web = ReturnType<typeof webClient>;

/**
 * The administrator's pages over HTTP: /admin, users (create, unit, password, deactivate) and
 * campaigns (open one with deadlines typed in Vietnam time, change them, extend one unit's).
 * Every page refuses the other roles; every form lists its problems next to its fields.
 */
/** A date-and-time field's two parts as a person types them (dd/mm/yyyy and HH:MM, Vietnam time). */
const typed = (id: string, date: string, time: string) => ({ [`${id}-date`]: date, [`${id}-time`]: time });

describe("the administrator's year, as pages", () => {
  const backend = BACKENDS[0]!;
  let f: Fixture;
  let admin: Web;
  let passwords: Awaited<ReturnType<typeof givePasswords>>;
  beforeAll(async () => {
    f = await openFixture(backend);
    passwords = await givePasswords(f);
    admin = webClient(f);
    await admin.signIn("admin", passwords.admin!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  const PAGES = ["/admin", "/admin/users", "/admin/users/new", "/admin/campaigns", "/admin/campaigns/new", "/admin/campaigns/c2026"];
  it.each(PAGES)("%s: the public is sent to sign in, a scorer and a ward are refused, the administrator sees it", async (path) => {
    const pub = await webClient(f).get(path);
    expect(pub.status).toBe(303);
    expect(pub.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    for (const login of ["scorer", "p01"]) {
      const other = webClient(f);
      await other.signIn(login, passwords[login]!.password);
      expect((await other.get(path)).status, login).toBe(403);
    }
    expect((await admin.get(path)).status).toBe(200);
  });

  it("refuses a scorer's form post to the administrator's pages", async () => {
    const scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    await scorer.get("/");
    expect((await scorer.post("/admin/campaigns/c2026/extensions", { unit: "P01", round: "self", until: "2026-04-07T17:00", reason: "x" })).status).toBe(403);
    expect((await scorer.post("/admin/users/new", { name: "X", role: "admin", login: "xxx", password: "mat-khau-dai-du" })).status).toBe(403);
  });

  it("links the year's areas and each campaign's survey and publish pages from /admin", async () => {
    const html = (await admin.get("/admin")).html;
    for (const href of [
      "/admin/criteria",
      "/admin/units",
      "/admin/users",
      "/admin/campaigns",
      "/admin/campaigns/c2026/survey",
      "/admin/campaigns/c2026/publish",
    ])
      expect(html).toContain(`href="${href}"`);
  });

  it("creates a ward user with every problem listed first, then deactivates and reactivates them", async () => {
    await admin.get("/admin/users/new");
    const bad = await admin.post("/admin/users/new", { name: "", role: "unit", unit: "", login: "A", password: "ngan" });
    expect(bad.status).toBe(422);
    for (const id of ["name", "unit", "login", "password"]) expect(bad.html).toContain(`href="#${id}"`);
    expect(bad.html).toContain("hãy ghi mã đơn vị của người dùng này");
    const created = await admin.post("/admin/users/new", {
      name: "Cán bộ Xã Đông Hưng",
      role: "unit",
      unit: "X01",
      login: "dong.hung",
      password: "mot-cau-de-nho-lam",
    });
    expect(created.status).toBe(303);
    const userPath = created.location!.replace(/\?.*/, "");
    expect((await admin.get(created.location!)).html).toContain("Đã thêm người dùng.");
    const ward = webClient(f);
    expect((await ward.signIn("dong.hung", "mot-cau-de-nho-lam")).status).toBe(303);
    expect((await ward.get("/")).html).toContain("Cán bộ Xã Đông Hưng");

    const list = await admin.get("/admin/users");
    expect(list.html).toContain("dong.hung");
    await admin.get(userPath);
    const off = await admin.post(`${userPath}/active`, { active: "false", reason: "Chuyển công tác" });
    expect(off.status).toBe(303);
    const shown = await admin.get(off.location!);
    expect(shown.html).toContain("Đã khóa người dùng");
    expect(shown.html).toContain("Đã khóa từ");
    expect((await ward.get("/")).html).not.toContain("Cán bộ Xã Đông Hưng");
    expect((await webClient(f).signIn("dong.hung", "mot-cau-de-nho-lam")).status).toBe(400);
    expect((await admin.post(`${userPath}/active`, { active: "true", reason: "" })).status).toBe(303);
    expect((await webClient(f).signIn("dong.hung", "mot-cau-de-nho-lam")).status).toBe(303);

    const moved = await admin.post(`${userPath}/unit`, { unit: "P02" });
    expect(moved.status).toBe(303);
    expect((await admin.get(moved.location!)).html).toContain("<dd>P02</dd>");
  });

  it("refuses the administrator deactivating themselves, on the page", async () => {
    const me = ((await f.request("GET", "/users", { token: f.tokens.admin })).body as { id: string; name: string }[]).find((u) => u.name === "Quản trị")!;
    await admin.get(`/admin/users/${me.id}`);
    const refused = await admin.post(`/admin/users/${me.id}/active`, { active: "false", reason: "" });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain("bạn không thể tự khóa tài khoản của mình");
  });

  it("opens a campaign with deadlines typed in Vietnam time and units left out; problems are listed at their fields", async () => {
    const empty = await admin.get("/admin/campaigns/new");
    expect(empty.html.match(/name="deadline-[a-z0-9]+-time" value="17:00"/g), "every time starts at 17:00").toHaveLength(4);
    expect(empty.html).toContain("Ngày: ngày/tháng/năm, ví dụ 31/03/2027");
    const deadlines = {
      ...typed("deadline-self", "31/03/2026", "17:00"),
      ...typed("deadline-appraisal1", "30/04/2026", "17:00"),
      ...typed("deadline-explanation", "15/5/2026", "17h00"),
    };
    const bad = await admin.post("/admin/campaigns/new", {
      id: "c 2026",
      year: "2026",
      criteria: "reference-commune@2026.1",
      exclude: "P99",
      ...deadlines,
      ...typed("deadline-appraisal2", "31/02/2026", "5:00 PM"),
    });
    expect(bad.status).toBe(422);
    for (const id of ["id", "exclude", "deadline-appraisal2-date", "deadline-appraisal2-time"]) expect(bad.html).toContain(`href="#${id}"`);
    expect(bad.html).toContain("Không có đơn vị: P99");
    expect(bad.html).toContain("31/02/2026 không phải là ngày có thật");
    expect(bad.html).toContain("giờ phải có dạng giờ:phút, ví dụ 17:00");
    expect(bad.html).toContain('value="31/03/2026"');
    expect(bad.html).toContain('value="5:00 PM"');
    const order = await admin.post("/admin/campaigns/new", {
      id: "dot-2026",
      year: "2026",
      criteria: "reference-commune@2026.1",
      ...deadlines,
      ...typed("deadline-appraisal2", "01/05/2026", "17:00"),
    });
    expect(order.status).toBe(422);
    expect(order.html).toContain('href="#deadline-appraisal2-date"');
    const opened = await admin.post("/admin/campaigns/new", {
      id: "dot-2026",
      year: "2026",
      title: "Chỉ số CCHC 2026 (đợt bổ sung)",
      criteria: "reference-commune@2026.1",
      exclude: "P02",
      ...deadlines,
      ...typed("deadline-appraisal2", "31/05/2026", "17:00"),
    });
    expect(opened).toMatchObject({ status: 303, location: "/admin/campaigns/dot-2026?done=created" });
    const stored = (await f.request("GET", "/campaigns/dot-2026", { token: f.tokens.admin })).body;
    expect(stored.deadlines).toEqual({
      self: "2026-03-31T10:00:00.000Z",
      appraisal1: "2026-04-30T10:00:00.000Z",
      explanation: "2026-05-15T10:00:00.000Z",
      appraisal2: "2026-05-31T10:00:00.000Z",
    });
    const units = ((await f.request("GET", "/campaigns/dot-2026/assessments", { token: f.tokens.admin })).body as { unitCode: string }[]).map(
      (a) => a.unitCode,
    );
    expect(units).toEqual(["P01", "X01"]);
    const page = await admin.get("/admin/campaigns/dot-2026?done=created");
    expect(page.html).toContain("31/03/2026 17:00");
    expect(page.html).toContain("Đang tự chấm");
  });

  it("opens a campaign for the units listed only (less those left out); an unknown unit is named at its field", async () => {
    await admin.get("/admin/campaigns/new");
    const form = {
      id: "thi-diem",
      year: "2026",
      criteria: "reference-commune@2026.1",
      ...typed("deadline-self", "31/03/2026", "17:00"),
      ...typed("deadline-appraisal1", "30/04/2026", "17:00"),
      ...typed("deadline-explanation", "15/05/2026", "17:00"),
      ...typed("deadline-appraisal2", "31/05/2026", "17:00"),
    };
    const unknown = await admin.post("/admin/campaigns/new", { ...form, include: "P01, P77" });
    expect(unknown.status).toBe(422);
    expect(unknown.html).toContain('href="#include"');
    expect(unknown.html).toContain("Không có đơn vị: P77");
    const opened = await admin.post("/admin/campaigns/new", { ...form, include: "P01\nX01 P02", exclude: "P02" });
    expect(opened.status).toBe(303);
    const units = ((await f.request("GET", "/campaigns/thi-diem/assessments", { token: f.tokens.admin })).body as { unitCode: string }[]).map(
      (a) => a.unitCode,
    );
    expect(units).toEqual(["P01", "X01"]);
  });

  it("refuses a campaign id already taken at its field, and speaks English on request", async () => {
    await admin.get("/admin/campaigns/new");
    const taken = await admin.post("/admin/campaigns/new", {
      id: "c2026",
      year: "2026",
      criteria: "reference-commune@2026.1",
      ...typed("deadline-self", "31/03/2026", "17:00"),
      ...typed("deadline-appraisal1", "30/04/2026", "17:00"),
      ...typed("deadline-explanation", "15/05/2026", "17:00"),
      ...typed("deadline-appraisal2", "31/05/2026", "17:00"),
    });
    expect(taken.status).toBe(422);
    expect(taken.html).toContain('href="#id"');
    expect(taken.html).toContain("đợt đánh giá c2026 đã tồn tại");
    const english = await admin.get("/admin/campaigns/c2026?lang=en");
    expect(english.html).toContain("Extend a deadline for one unit");
    expect(english.html).toContain("2026-04-01 00:00 (UTC+7)");
    expect(english.html).toContain("Date as day/month/year (the Vietnamese format), e.g. 31/03/2027");
    expect(english.html).toContain('value="01/04/2026"');
    await admin.get("/admin?lang=vi");
  });

  it("changes the deadlines, refusing a stale form, and extends one unit's deadline with a reason shown on its dashboard", async () => {
    const page = await admin.get("/admin/campaigns/c2026");
    const version = /name="version" value="(\d+)"/.exec(page.html)![1]!;
    const form = {
      version,
      ...typed("deadline-self", "01/04/2026", "00:00"),
      ...typed("deadline-appraisal1", "01/05/2026", "00:00"),
      ...typed("deadline-explanation", "16/05/2026", "00:00"),
      ...typed("deadline-appraisal2", "01/06/2026", "00:00"),
      reason: "Theo công văn số 12",
    };
    expect((await admin.post("/admin/campaigns/c2026/deadlines", form)).status).toBe(303);
    expect((await f.request("GET", "/campaigns/c2026", { token: f.tokens.admin })).body.deadlines.self).toBe("2026-03-31T17:00:00.000Z");
    expect((await admin.post("/admin/campaigns/c2026/deadlines", form)).status).toBe(412);

    const none = await admin.post("/admin/campaigns/c2026/extensions", {
      unit: "P01",
      round: "self",
      ...typed("ext-until", "07/04/2026", "17:00"),
      reason: "",
    });
    expect(none.status).toBe(422);
    expect(none.html).toContain('href="#ext-reason"');
    const badDay = await admin.post("/admin/campaigns/c2026/extensions", {
      unit: "P01",
      round: "self",
      ...typed("ext-until", "2026-04-07", "17:00"),
      reason: "Mưa",
    });
    expect(badDay.status).toBe(422);
    expect(badDay.html).toContain('href="#ext-until-date"');
    expect(badDay.html).toContain("ngày phải có dạng ngày/tháng/năm, ví dụ 31/03/2027");
    const extended = await admin.post("/admin/campaigns/c2026/extensions", {
      unit: "P01",
      round: "self",
      ...typed("ext-until", "07/04/2026", "17:00"),
      reason: "Trụ sở bị ngập lụt",
    });
    expect(extended.status).toBe(303);
    const shown = await admin.get(extended.location!);
    expect(shown.html).toContain("Đã gia hạn cho đơn vị.");
    expect(shown.html).toContain("Trụ sở bị ngập lụt");
    expect(shown.html).toContain("07/04/2026 17:00");

    const ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
    const dashboard = await ward.get("/assess/c2026/P01");
    expect(dashboard.html).toContain("07/04/2026 17:00");
    expect(dashboard.html).toContain("Trụ sở bị ngập lụt");
    const other = webClient(f);
    await other.signIn("p02", passwords.p02!.password);
    expect((await other.get("/assess/c2026/P02")).html).toContain("01/04/2026 00:00");
    expect(DEADLINES.self).toBe("2026-03-31T17:00:00Z");
  });
});
