import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  type DemoServer,
  HAS_BROWSER,
  PHONE,
  launchBrowser,
  screenshot,
  seriousViolations,
  startDemoServer,
  visit,
  signIn,
} from "./browser-harness.js";

const SET = JSON.parse(readFileSync(new URL("../../criteria/reference-commune/2026.1.json", import.meta.url), "utf8"));

describe.skipIf(!HAS_BROWSER)("the administrator's criteria and unit pages in a browser", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: DESKTOP });
    await signIn(page, server, "ADMIN");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page after a form was sent (a refusal page has a 4xx status, so `visit` is not used): screenshot and axe. */
  const look = async (name: string) => {
    await screenshot(page, name);
    return seriousViolations(page);
  };

  it("lists the criteria sets, shows every problem of a broken upload, a set's summary and a diff, accessibly", async () => {
    expect(await visit(page, `${server.url}/admin/criteria`, "admin-criteria-desktop")).toEqual([]);
    expect(await page.getByRole("cell", { name: /demo-2026/ }).count()).toBe(1);
    const broken = structuredClone(SET);
    broken.version = "2026.9";
    broken.areas[0].max = 6.5;
    broken.areas[1].children[0].title = 5;
    await page
      .getByLabel("Tệp bộ tiêu chí (.json)")
      .setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
    await page.waitForLoadState();
    expect(await look("admin-criteria-problems")).toEqual([]);
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("Lĩnh vực 1 «Cải cách thể chế» › điểm tối đa (max)");
    expect(await visit(page, `${server.url}/admin/criteria/reference-commune/2026.1`, "admin-criteria-set")).toEqual([]);
    await page.getByRole("link", { name: "So sánh với phiên bản 2025.1" }).click();
    await page.waitForLoadState();
    expect(await look("admin-criteria-diff")).toEqual([]);
    expect(await page.getByRole("heading", { name: /Thêm mới/ }).count()).toBe(1);
    await page.setViewportSize(PHONE);
    expect(await visit(page, `${server.url}/admin/criteria`, "admin-criteria-phone")).toEqual([]);
    await page.setViewportSize(DESKTOP);
  }, 120_000);

  it("searches, edits and imports units, on a phone and a desktop, accessibly", async () => {
    await page.setViewportSize(PHONE);
    expect(await visit(page, `${server.url}/admin/units?q=phuong+15`, "admin-units-phone")).toEqual([]);
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Phường 15" }).first().click();
    await page.waitForLoadState();
    expect(await look("admin-unit-edit-phone")).toEqual([]);
    await page.getByLabel("Lý do thay đổi (không bắt buộc)").fill("kiểm tra");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(/saved=/);
    await page.setViewportSize(DESKTOP);
    expect(await visit(page, `${server.url}/admin/units/import`, "admin-units-import")).toEqual([]);
    const csv = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Khối\nDV9001,Xã Thử Nghiệm,xã,\n";
    await page.getByLabel("Tệp danh sách đơn vị").setInputFiles({ name: "don-vi.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.waitForLoadState();
    expect(await look("admin-units-import-preview")).toEqual([]);
    await page.getByRole("button", { name: "Áp dụng" }).click();
    await page.waitForURL(/imported=1/);
    expect(await look("admin-units-imported")).toEqual([]);
    expect(await page.getByRole("link", { name: "Xã Thử Nghiệm" }).count()).toBe(1);
  }, 120_000);
});
