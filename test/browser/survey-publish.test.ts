import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AxeViolation,
  DESKTOP,
  type DemoServer,
  HAS_BROWSER,
  launchBrowser,
  screenshot,
  seriousViolations,
  startDemoServer,
  signIn,
} from "./browser-harness.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const CAMPAIGN = "survey-2026";
const UNITS = ["DV0001", "DV0002", "DV0003"];

/**
 * The administrator's end of a year on a desktop, with no terminal: open a campaign for the three units of the example
 * survey export, upload the raw Kobo export with the shipped mapping and the units list, read the data-quality report,
 * apply it; once the scorer has finalised the units (over the API), preview the ranking, confirm and publish; the public
 * ranking then shows the survey points. Every page is screenshotted and checked with axe-core.
 */
describe.skipIf(!HAS_BROWSER)("the administrator imports a survey export and publishes, in a browser", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const violations: Record<string, AxeViolation[]> = {};
  const check = async (name: string) => {
    await screenshot(page, name);
    violations[name] = await seriousViolations(page);
  };
  const api = async (method: string, path: string, token: string, body?: unknown, etag?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (etag) headers["if-match"] = etag;
    const response = await fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const answer = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return { body: answer, etag: response.headers.get("etag") ?? "" };
  };

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: DESKTOP, locale: "vi-VN" });
    const at = (days: number) => new Date(server.clock.now.getTime() + days * 86_400_000).toISOString();
    await api("POST", "/campaigns", server.tokens.PAR_ADMIN!, {
      id: CAMPAIGN,
      year: 2026,
      title: "Khảo sát thử 2026",
      criteria: { family: "reference-commune", version: "2026.1" },
      deadlines: { self: at(30), appraisal1: at(45), explanation: at(60), appraisal2: at(75) },
      units: UNITS,
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("uploads the export, reads the quality report, applies it, publishes, and the public ranking shows the survey", async () => {
    await signIn(page, server, "ADMIN");

    await page.goto(`${server.url}/admin/campaigns/${CAMPAIGN}/survey`);
    await check("admin-survey-upload");
    await page.getByLabel("Tệp xuất khảo sát").setInputFiles(`${ROOT}criteria/examples/survey/kobo-xml.csv`);
    await page.getByLabel("Danh sách đơn vị kèm số hồ sơ (không bắt buộc)").setInputFiles(`${ROOT}criteria/examples/survey/units.csv`);
    expect(await page.getByRole("radio", { name: /reference-sipas\/2026\.1/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    await page.waitForURL(new RegExp(`/admin/campaigns/${CAMPAIGN}/survey/[A-Za-z0-9_-]+$`));
    await check("admin-survey-report");
    const report = await page.locator("main").innerText();
    expect(report).toMatch(/Phiếu trùng đã bỏ \(theo mã người trả lời\)\s+1/);
    expect(report).toMatch(/Câu trả lời ngoài thang đo \(không tính\)\s+1/);
    expect(report).toMatch(/Đơn vị chưa đủ cỡ mẫu\s+DV0002/);
    expect(report).toContain("kobo-xml.csv:12:grp_civil_servant/c1");
    await page.getByRole("button", { name: "Áp dụng kết quả khảo sát" }).click();
    await page.waitForURL(/\?applied=3/);
    await check("admin-survey-applied");
    expect(await page.getByRole("status").innerText()).toContain("Đã áp dụng kết quả khảo sát của 3 đơn vị từ tệp kobo-xml.csv");

    await page.goto(`${server.url}/admin/campaigns/${CAMPAIGN}/publish`);
    await check("admin-publish-pending");
    expect(await page.getByRole("heading", { name: "Chưa thể công bố: 3 đơn vị chưa chốt điểm" }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Công bố kết quả" }).count()).toBe(0);

    // The units' year, over the API: the ward submits, the scorer appraises one item and finalises.
    for (const unit of UNITS) {
      const path = `/campaigns/${CAMPAIGN}/units/${unit}`;
      const user = await api("POST", "/users", server.tokens.PAR_ADMIN!, { name: `UBND ${unit}`, role: "unit", unit });
      const version = async () => (await api("GET", path, server.tokens.PAR_ADMIN!)).etag;
      await api("POST", `${path}/transitions/submit`, String(user.body.token), undefined, await version());
      await api("PUT", `${path}/rounds/appraisal1/items/1.1.2`, server.tokens.PAR_SCORER!, { points: 1 }, '"0"');
      await api("POST", `${path}/transitions/finalise`, server.tokens.PAR_SCORER!, undefined, await version());
    }

    await page.goto(`${server.url}/admin/campaigns/${CAMPAIGN}/publish`);
    await check("admin-publish-preview");
    const preview = await page.locator("main").innerText();
    expect(preview).toContain("Bảng xếp hạng sẽ được công bố");
    expect(preview).toContain("Chỉ số bình quân của khối");
    expect(preview).toContain("25,03");
    await page.getByRole("button", { name: "Công bố kết quả" }).click();
    await page.waitForURL(`${server.url}/admin/campaigns/${CAMPAIGN}/publish`);
    expect(await page.locator(".error-summary").innerText()).toContain("Đánh dấu ô xác nhận để công bố");
    await check("admin-publish-unconfirmed");
    await page.getByLabel(/Tôi xác nhận công bố kết quả này/).check();
    await page.getByRole("button", { name: "Công bố kết quả" }).click();
    await page.getByRole("link", { name: "Xem bảng xếp hạng công khai" }).waitFor();
    await check("admin-publish-done");
    await page.getByRole("link", { name: "Xem bảng xếp hạng công khai" }).click();
    await page.waitForURL(`${server.url}/results/${CAMPAIGN}`);
    await check("admin-public-ranking");
    const published = await page.locator("main").innerText();
    for (const name of ["Xã Minh Hòa", "Phường 15", "Xã Thuận Tây", "25,03", "23,50", "23,54"]) expect(published).toContain(name);

    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((name) => [name, []])));
  }, 180_000);
});
