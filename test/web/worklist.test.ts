import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, DEADLINES, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { type WebResponse, givePasswords, webClient } from "./web-client.js";

const backend = BACKENDS[0]!;
const P01 = "/campaigns/c2026/units/P01";

/** The unit codes of the worklist's rows, in page order. */
const codes = (page: WebResponse) => [...page.html.matchAll(/<td data-label="Mã">([^<]*)<\/td>/g)].map((m) => m[1]!);

/**
 * Campaign c2026 (fixture clock 01/03/2026 08:00 UTC): P01 self-assesses 1.1.2 (1 point, with
 * evidence) and 1.2.3 (1.5 points, no evidence), submits; the scorer appraises 1.1.2 down to 0.5,
 * accepts 1.2.3 and the rule item 1.2.1 (an entry with a comment only). P02 and X01 are untouched drafts.
 */
describe("the scorer's worklist", () => {
  let f: Fixture;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  beforeAll(async () => {
    f = await openFixture(backend);
    const put = async (path: string, token: string, body: unknown, headers: Record<string, string> = { "if-match": '"0"' }) => {
      const r = await f.request("PUT", `${P01}${path}`, { token, body, headers });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    await put("/evidence/KH-01", f.tokens.p01, { number: "12/KH-UBND", date: "2026-01-20" }, { "if-none-match": "*" });
    await put("/rounds/self/items/1.1.2", f.tokens.p01, { points: 1, evidence: ["KH-01"] });
    await put("/rounds/self/items/1.2.3", f.tokens.p01, { points: 1.5 });
    const etag = (await f.request("GET", P01, { token: f.tokens.p01 })).etag!;
    expect((await f.request("POST", `${P01}/transitions/submit`, { token: f.tokens.p01, headers: { "if-match": etag } })).status).toBe(200);
    await put("/rounds/appraisal1/items/1.1.2", f.tokens.scorer, { points: 0.5, comment: "Thiếu danh mục văn bản" });
    await put("/rounds/appraisal1/items/1.2.3", f.tokens.scorer, { points: 1.5 });
    // a rule item accepted as it stands: an appraisal entry without points
    await put("/rounds/appraisal1/items/1.2.1", f.tokens.scorer, { comment: "Đồng ý" });
    const passwords = await givePasswords(f);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  describe("GET /campaigns/{id}/worklist", () => {
    it("gives per unit its name, block, state, self total, items appraised of all, evidence missing, disputed items and the round's deadline", async () => {
      const { status, body } = await f.request("GET", "/campaigns/c2026/worklist", { token: f.tokens.scorer });
      expect(status).toBe(200);
      expect(body.now).toBe("2026-03-01T08:00:00.000Z");
      expect(body.blocks.map((b: { code: string }) => b.code)).toEqual(["phuong", "xa"]);
      const [p01, p02, x01] = body.units;
      // 59 area items besides the survey's, 3 bonus and 3 penalty items
      expect(p01).toEqual({
        code: "P01",
        name: "Phường Tân Lập",
        block: { code: "phuong", title: { vi: "Khối phường", en: "Wards" } },
        state: "appraisal1",
        selfTotal: 2.5,
        items: { appraised: 3, all: 65 },
        missingEvidence: 1,
        disputed: 1,
        // 30/04 17:00 UTC is 60 days 9 hours after 01/03 08:00 UTC
        deadline: { round: "appraisal1", at: DEADLINES.appraisal1, secondsLeft: 60 * 86_400 + 9 * 3600 },
        problems: 0,
      });
      expect(p02).toMatchObject({
        code: "P02",
        state: "draft",
        items: { appraised: 0 },
        disputed: 0,
        deadline: { round: "self", secondsLeft: 30 * 86_400 + 9 * 3600 },
      });
      expect(x01).toMatchObject({ code: "X01", block: { code: "xa" } });
    });

    it("counts as the unit's report does (the same live score)", async () => {
      const { report } = (await f.request("GET", `${P01}/report`, { token: f.tokens.scorer })).body;
      const p01 = (await f.request("GET", "/campaigns/c2026/worklist", { token: f.tokens.scorer })).body.units[0];
      expect(p01.selfTotal).toBe(report.totals.self);
      expect(p01.missingEvidence).toBe(report.missingEvidence.length);
    });

    it("shows the time left from the service's clock, negative once overdue", async () => {
      const saved = f.clock.now;
      f.clock.now = new Date("2026-04-01T17:00:00Z");
      try {
        const p02 = (await f.request("GET", "/campaigns/c2026/worklist", { token: f.tokens.admin })).body.units[1];
        expect(p02.deadline).toEqual({ round: "self", at: DEADLINES.self, secondsLeft: -86_400 });
      } finally {
        f.clock.now = saved;
      }
    });

    it.each([
      ["admin", 200],
      ["scorer", 200],
      ["p01", 403],
      ["public", 401],
    ])("answers %s with %i", async (who, status) => {
      const token = who === "public" ? undefined : f.tokens[who as keyof typeof f.tokens];
      expect((await f.request("GET", "/campaigns/c2026/worklist", { token })).status).toBe(status);
    });

    it("answers 404 for a campaign that does not exist", async () => {
      expect((await f.request("GET", "/campaigns/nope/worklist", { token: f.tokens.scorer })).status).toBe(404);
    });
  });

  describe("the page /work/{campaign}", () => {
    it("shows every column, the figures in Vietnamese and the deadline in Vietnam time", async () => {
      const page = await scorer.get("/work/c2026");
      expect(page.status).toBe(200);
      for (const heading of [
        "Mã",
        "Tên đơn vị",
        "Khối",
        "Trạng thái",
        "Điểm tự chấm",
        "Tiêu chí đã thẩm định",
        "Thiếu tài liệu kiểm chứng",
        "Tiêu chí chênh lệch",
        "Hạn vòng hiện tại",
      ])
        expect(page.html).toMatch(new RegExp(`class="sort-link"[^>]*>${heading}<`));
      const p01 = page.html.slice(page.html.indexOf('<td data-label="Mã">P01'), page.html.indexOf('<td data-label="Mã">P02'));
      expect(p01).toContain('<a href="/work/c2026/P01">Phường Tân Lập</a>');
      expect(p01).toContain(">2,50</td>");
      expect(p01).toContain(">3/65</td>");
      // 30/04/2026 17:00 UTC is 01/05/2026 00:00 in Vietnam
      expect(p01).toContain("Thẩm định lần 1: 01/05/2026 00:00 <strong>(còn 60 ngày 9 giờ)</strong>");
      expect(page.html).toContain("Đang hiện 3 trên 3 đơn vị.");
    });

    it("speaks English when asked, with ISO dates in Vietnam time", async () => {
      const page = await scorer.get("/work/c2026?lang=en");
      expect(page.html).toMatch(/class="sort-link"[^>]*>Items appraised</);
      expect(page.html).toContain("Appraisal round 1: 2026-05-01 00:00 (UTC+7) <strong>(60 days 9 h left)</strong>");
      expect(page.html).toContain(">2.50</td>");
      // the language choice sticks (a cookie): back to Vietnamese for the other tests
      expect((await scorer.get("/work/c2026?lang=vi")).html).toContain('<html lang="vi">');
    });

    // Ties (and units with nothing to show) go by code, ascending either way.
    it.each([
      ["code", ["P01", "P02", "X01"], ["X01", "P02", "P01"]],
      ["name", ["P02", "P01", "X01"], ["X01", "P01", "P02"]],
      ["block", ["P01", "P02", "X01"], ["X01", "P01", "P02"]],
      ["state", ["P02", "X01", "P01"], ["P01", "P02", "X01"]],
      ["self", ["P02", "X01", "P01"], ["P01", "P02", "X01"]],
      ["appraised", ["P02", "X01", "P01"], ["P01", "P02", "X01"]],
      ["evidence", ["P02", "X01", "P01"], ["P01", "P02", "X01"]],
      ["disputed", ["P02", "X01", "P01"], ["P01", "P02", "X01"]],
      ["deadline", ["P02", "X01", "P01"], ["P01", "P02", "X01"]],
    ])("sorts by %s both ways, marking the column with aria-sort", async (column, ascending, descending) => {
      for (const [dir, expected, aria] of [
        ["asc", ascending, "ascending"],
        ["desc", descending, "descending"],
      ] as const) {
        const page = await scorer.get(`/work/c2026?sort=${column}&dir=${dir}`);
        expect(codes(page)).toEqual(expected);
        expect(page.html.match(/aria-sort="[a-z]+"/g)).toEqual([`aria-sort="${aria}"`]);
        // the sorted column's heading turns the order round; the filters stay
        const toggle = dir === "asc" ? "desc" : "asc";
        expect(page.html).toContain(`href="?sort=${column}&amp;dir=${toggle}"`);
      }
    });

    it("keeps the filters in the headings' links", async () => {
      const page = await scorer.get("/work/c2026?state=draft&q=phuong&sort=name");
      expect(page.html).toContain('href="?state=draft&amp;q=phuong&amp;sort=name&amp;dir=desc"');
      expect(codes(page)).toEqual(["P02"]);
    });

    it.each([
      ["?q=phuong+tan", ["P01"]],
      ["?q=PHUONG%20TAN%20lap", ["P01"]],
      ["?q=dong+hung", ["X01"]],
      ["?q=xyzzy", []],
      ["?state=appraisal1", ["P01"]],
      ["?state=draft", ["P02", "X01"]],
      ["?block=xa", ["X01"]],
      ["?block=phuong&state=draft", ["P02"]],
      ["?sort=bogus&dir=sideways", ["P01", "P02", "X01"]],
    ])("filters %s to %j", async (query, expected) => {
      const page = await scorer.get(`/work/c2026${query}`);
      expect(page.status).toBe(200);
      expect(codes(page)).toEqual(expected);
    });

    it("is sent gzipped to a browser that takes it", async () => {
      for (const path of ["/work/c2026", "/analysis/c2026/robustness?replicates=10"]) {
        const response = await f.app.request(path, { headers: { authorization: `Bearer ${f.tokens.scorer}`, "accept-encoding": "gzip" } });
        expect([response.status, response.headers.get("content-encoding")]).toEqual([200, "gzip"]);
      }
    });

    it("is linked from the scorer's home page", async () => {
      expect((await scorer.get("/")).html).toContain('href="/work/c2026"');
    });

    it("refuses a ward official (403) and sends the public to sign in", async () => {
      expect((await ward.get("/work/c2026")).status).toBe(403);
      const anonymous = await webClient(f).get("/work/c2026");
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toBe("/sign-in?next=%2Fwork%2Fc2026");
    });
  });
});

describe("a unit whose stored inputs cannot be scored", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture(backend);
    // written past the service's checks, as an older version of the service might have left it
    const at = f.clock.now.toISOString();
    const row = { campaign_id: "c2026", unit_code: "X01", round: "self" as const, kind: "item" as const, code: "1.1.2", value: '{"points":7}', version: 1 };
    expect(await f.store.putEntry({ ...row, updated_by: "test", updated_at: at }, 0)).toBe(true);
  }, 60_000);
  afterAll(async () => f?.close());

  it("is listed with its problems and without figures; the other units are not held up", async () => {
    const { status, body } = await f.request("GET", "/campaigns/c2026/worklist", { token: f.tokens.scorer });
    expect(status).toBe(200);
    const x01 = body.units.find((u: { code: string }) => u.code === "X01");
    expect(x01).toMatchObject({ selfTotal: null, items: null, missingEvidence: null, disputed: null, deadline: { round: "self" } });
    expect(x01.problems).toBeGreaterThan(0);
    expect(body.units.find((u: { code: string }) => u.code === "P01")).toMatchObject({ selfTotal: 0, problems: 0 });
    const robustness = await f.request("GET", "/campaigns/c2026/robustness?replicates=10", { token: f.tokens.scorer });
    expect(robustness.body.unscored).toEqual(["X01"]);
  });

  it("shows a unit's own deadline where the administrator extended it", async () => {
    const extended = await f.request("PUT", "/campaigns/c2026/units/P02/deadlines/self", {
      token: f.tokens.admin,
      body: { until: "2026-04-10T10:00:00Z", reason: "Trụ sở bị ngập lụt" },
    });
    expect(extended.status).toBe(200);
    const units = (await f.request("GET", "/campaigns/c2026/worklist", { token: f.tokens.scorer })).body.units;
    const deadline = (code: string) => units.find((u: { code: string }) => u.code === code).deadline;
    expect(deadline("P02")).toEqual({ round: "self", at: "2026-04-10T10:00:00.000Z", secondsLeft: 40 * 86_400 + 2 * 3600 });
    expect(deadline("P01").at).toBe(DEADLINES.self);
  });

  it("shows it on the page with dashes for its figures, sorted last by a figure", async () => {
    const scorer = webClient(f);
    await scorer.signIn("scorer", (await givePasswords(f)).scorer!.password);
    const page = await scorer.get("/work/c2026?sort=self&dir=desc");
    expect(page.status).toBe(200);
    expect(codes(page)).toEqual(["P01", "P02", "X01"]);
    expect(page.html).toMatch(/Xã Đông Hưng<\/a><span class="hint-inline"> \(chưa tính được điểm \(\d+ lỗi\)\)<\/span>/);
    expect(page.html).toContain('<td data-label="Điểm tự chấm" class="num">–</td>');
    const robustness = await scorer.get("/analysis/c2026/robustness?replicates=10");
    expect(robustness.html).toContain("Chưa tính được điểm, không đưa vào phân tích: X01.");
    // no survey imported and no disputes asked for: nothing varies
    expect(robustness.html).toContain("Chưa đơn vị nào có số người trả lời khảo sát");
  });
});
