import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const SURVEY =
  "unit,respondents,sipas_access,sipas_procedure,sipas_civil_servant,sipas_result,sipas_feedback,satisfaction_overall\n" +
  "P01,30,84,85,86,85,84,85\nP02,30,85,84,85,86,85,84\n";

describe("the page /analysis/{campaign}/robustness", () => {
  let f: Fixture;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  beforeAll(async () => {
    f = await openFixture(BACKENDS[0]!);
    expect((await f.request("PUT", "/campaigns/c2026/survey", { token: f.tokens.scorer, raw: SURVEY, headers: { "content-type": "text/csv" } })).status).toBe(
      200,
    );
    const passwords = await givePasswords(f);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  it("draws each block's rank bands as an image with a title, and gives the same figures as a table", async () => {
    const page = await scorer.get("/analysis/c2026/robustness?replicates=200&seed=3");
    expect(page.status).toBe(200);
    const { robustness } = (await f.request("GET", "/campaigns/c2026/robustness?replicates=200&seed=3", { token: f.tokens.scorer })).body;
    const wards = robustness.blocks[0];
    expect(page.html).toContain('role="img" aria-labelledby="block-phuong-chart-title block-phuong-chart-desc"');
    expect(page.html).toContain('<title id="block-phuong-chart-title">Khoảng thứ hạng của từng đơn vị, Khối phường</title>');
    expect(page.html).toContain("qua 200 lần mô phỏng");
    for (const unit of wards.units) {
      const row = page.html.slice(page.html.indexOf(`(${unit.code})</span></th>`));
      expect(row).toMatch(new RegExp(`^\\(${unit.code}\\)</span></th><td class="num">${unit.median}</td><td class="num">${unit.low}–${unit.high}</td>`));
    }
    // the pair of wards whose order is not settled, with its share in Vietnamese
    const reversed = `${(wards.unsettled[0].reversed * 100).toFixed(1).replace(".", ",")} %`;
    expect(page.html).toContain(`<td class="num">${reversed}</td>`);
    expect(page.html).toContain("Đợt đánh giá đang mở: phân tích trên bảng xếp hạng tạm tính");
  });

  it("shows bad options next to their fields (400), in Vietnamese", async () => {
    const page = await scorer.get("/analysis/c2026/robustness?replicates=0&seed=abc");
    expect(page.status).toBe(400);
    expect(page.html).toContain('<a href="#replicates">số lần mô phỏng phải là số nguyên từ 1 đến 2000, nhận được 0</a>');
    expect(page.html).toContain('<a href="#seed">hạt giống ngẫu nhiên phải là số nguyên từ 0 đến 4294967295, nhận được abc</a>');
    expect(page.html).toContain('value="abc"');
  });

  it("refuses a ward official (403) and sends the public to sign in", async () => {
    expect((await ward.get("/analysis/c2026/robustness")).status).toBe(403);
    const anonymous = await webClient(f).get("/analysis/c2026/robustness");
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe("/sign-in?next=%2Fanalysis%2Fc2026%2Frobustness");
  });
});
