import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffCriteriaSets, loadCriteriaSet } from "../../src/index.js";
import { CRITERIA, type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const backend = BACKENDS[0]!;
const SET_2025 = JSON.parse(readFileSync(new URL("../../criteria/reference-commune/2025.1.json", import.meta.url), "utf8"));

/** The 2026.1 set with an area maximum that its parts do not add up to, a title that is not text, and a fact of no known type. */
function brokenSet() {
  const set = structuredClone(CRITERIA);
  set.version = "2026.9";
  set.areas[0].max = 6.5;
  set.areas[1].children[0].title = 5;
  set.facts[Object.keys(set.facts)[0]!].type = "weird";
  return set;
}

const entities = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

describe("the administrator's criteria pages", () => {
  let f: Fixture;
  let admin: ReturnType<typeof webClient>;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  beforeAll(async () => {
    f = await openFixture(backend, { maxBodyBytes: 2_000_000 });
    const passwords = await givePasswords(f);
    admin = webClient(f);
    await admin.signIn("admin", passwords.admin!.password);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  const upload = async (json: unknown, name = "set.json", raw?: string) => {
    await admin.get("/admin/criteria");
    const body = new FormData();
    body.append("csrf", admin.csrf);
    body.append("file", new File([raw ?? JSON.stringify(json)], name, { type: "application/json" }));
    return admin.postMultipart("/admin/criteria", body);
  };

  it("lists the stored sets with the campaigns that use them", async () => {
    const r = await admin.get("/admin/criteria");
    expect(r.status).toBe(200);
    expect(r.html).toContain('href="/admin/criteria/reference-commune/2026.1"');
    expect(r.html).toMatch(/c2026 \(khóa, không sửa được\)/);
  });

  it.each([
    ["a scorer", () => scorer, 403],
    ["a ward official", () => ward, 403],
  ])("refuses %s (%i)", async (_who, client, status) => {
    for (const path of [
      "/admin/criteria",
      "/admin/criteria/reference-commune/2026.1",
      "/admin/criteria/diff?from=reference-commune@2026.1&to=reference-commune@2026.1",
    ])
      expect((await client().get(path)).status).toBe(status);
  });

  it("sends the public to sign in", async () => {
    const r = await webClient(f).get("/admin/criteria");
    expect(r.status).toBe(303);
    expect(r.location).toBe("/sign-in?next=%2Fadmin%2Fcriteria");
  });

  it("lists every problem the validator finds, placed in the set's own words, in Vietnamese", async () => {
    const expected = loadCriteriaSet(brokenSet());
    expect(expected.ok).toBe(false);
    const r = await upload(brokenSet(), "broken.json");
    expect(r.status).toBe(422);
    const html = entities(r.html);
    expect(html).toContain(`broken.json: có ${expected.ok ? 0 : expected.problems.length} lỗi cần sửa, chưa lưu gì`);
    expect([...html.matchAll(/<li><strong>/g)]).toHaveLength(expected.ok ? 0 : expected.problems.length);
    expect(html).toContain("Lĩnh vực 1 «Cải cách thể chế» › điểm tối đa (max)");
    expect(html).toContain("Lĩnh vực 2 «Cải cách thủ tục hành chính» › Tiêu chí 2.1 › tên (title)");
    expect(html).toContain('điểm tối đa của "1" là 6.5 nhưng tổng các phần là 7: cần bằng nhau');
    expect((await admin.get("/admin/criteria/reference-commune/2026.9")).status).toBe(404);
  });

  it("says where a file is not JSON", async () => {
    const r = await upload(null, "cut.json", '{\n  "format": "par-criteria/1",\n}');
    expect(r.status).toBe(422);
    expect(r.html).toContain("tệp không phải JSON hợp lệ ở dòng 3, cột 1");
  });

  it("refuses to change a set a campaign uses, saying so", async () => {
    const changed = structuredClone(CRITERIA);
    changed.title.vi = "Tên khác";
    const r = await upload(changed);
    expect(r.status).toBe(409);
    expect(r.html).toContain("Không thể sửa bộ tiêu chí đang được sử dụng");
    expect(r.html).toContain("đang được một đợt đánh giá sử dụng nên không thể sửa");
  });

  it("stores a new version, then finds the same file unchanged", async () => {
    const first = await upload(SET_2025, "2025.1.json");
    expect(first.status).toBe(303);
    expect(first.location).toBe("/admin/criteria?saved=reference-commune%402025.1&outcome=created");
    expect((await admin.get(first.location!)).html).toContain("Đã lưu bộ tiêu chí mới");
    const again = await upload(SET_2025, "2025.1.json");
    expect(again.location).toContain("outcome=unchanged");
  });

  it("summarises one set: areas with maxima and item counts, blocks, classes", async () => {
    const html = entities((await admin.get("/admin/criteria/reference-commune/2026.1")).html);
    const set = loadCriteriaSet(CRITERIA);
    if (!set.ok) throw new Error("the reference set loads");
    for (const area of set.value.areas) expect(html).toContain(`<td>${area.code}</td><td>${area.title.vi}</td>`);
    expect(html).toContain("Khối phường (phuong): phường");
    expect(html).toContain("Xuất sắc: ≥ 90");
  });

  it("compares two versions as par diff does, one line per change", async () => {
    const older = loadCriteriaSet(SET_2025);
    const newer = loadCriteriaSet(CRITERIA);
    if (!older.ok || !newer.ok) throw new Error("the reference sets load");
    const diff = diffCriteriaSets(older.value, newer.value);
    const { older: _o, newer: _n, ...lists } = diff;
    const changes = Object.values(lists).reduce((sum, list) => sum + list.length, 0);
    const r = await admin.get("/admin/criteria/diff?from=reference-commune%402025.1&to=reference-commune%402026.1");
    expect(r.status).toBe(200);
    const section = r.html.slice(r.html.indexOf('id="diff-result"'));
    expect([...section.matchAll(/<li>/g)]).toHaveLength(changes);
    expect(section).toContain(`+ ${diff.added[0]!.code}`);
  });

  it("asks for two versions of the same family", async () => {
    const r = await admin.get("/admin/criteria/diff?from=reference-commune%402026.1&to=");
    expect(r.status).toBe(422);
    expect(r.html).toContain('href="#diff-to"');
  });

  it("speaks English when asked: the problems placed and explained in English", async () => {
    expect((await admin.get("/admin/criteria?lang=en")).html).toContain("<h1>Criteria sets</h1>");
    const r = await upload(brokenSet(), "broken.json");
    const html = entities(r.html);
    expect(html).toContain("broken.json: 5 problem(s) to fix, nothing was saved");
    expect(html).toContain("Area 1 «Institutional reform» › maximum points (max)");
    expect(html).toContain('maximum of "1" is 6.5 but its parts add up to 7: make them equal');
    await admin.get("/admin/criteria?lang=vi");
  });
});
