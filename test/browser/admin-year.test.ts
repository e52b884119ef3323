import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AxeViolation,
  DESKTOP,
  type DemoServer,
  HAS_BROWSER,
  fillDateTime,
  launchBrowser,
  screenshot,
  seriousViolations,
  startDemoServer,
  signIn,
} from "./browser-harness.js";

describe.skipIf(!HAS_BROWSER)("the administrator's year in a browser", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: DESKTOP, locale: "vi-VN" });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens a campaign, extends one ward's deadline with a reason, withdraws it, and manages a user, every page accessible", async () => {
    const shots: Record<string, AxeViolation[]> = {};
    const look = async (name: string) => {
      await screenshot(page, name);
      shots[name] = await seriousViolations(page);
    };
    await signIn(page, server, "ADMIN", "/admin");
    await look("admin-index");

    await page.getByRole("link", { name: "Đợt đánh giá", exact: true }).click();
    await look("admin-campaigns");
    await page.getByRole("link", { name: "Mở đợt đánh giá mới" }).click();
    await page.getByLabel("Mã đợt").fill("thi-diem-2026");
    await page.getByLabel("Tên đợt").fill("Thí điểm Chỉ số CCHC 2026");
    await page.getByLabel("Bộ tiêu chí").selectOption("reference-commune@2026.1");
    await page.getByLabel("Đơn vị không tham gia").fill("DV0001, DV0003");
    await fillDateTime(page, "Hạn nộp tự chấm", "31/03/2026", "17:00");
    await fillDateTime(page, "Hạn thẩm định lần 1", "30/04/2026", "17:00");
    await fillDateTime(page, "Hạn giải trình", "15/05/2026", "17:00");
    await fillDateTime(page, "Hạn thẩm định lần 2", "31/02/2026", "17:00");
    await page.getByRole("button", { name: "Mở đợt đánh giá" }).click();
    await page.waitForSelector(".error-summary");
    await look("admin-campaign-new-errors");
    expect(await page.locator(".error-summary a").allTextContents()).toEqual(["31/02/2026 không phải là ngày có thật"]);
    await fillDateTime(page, "Hạn thẩm định lần 2", "31/05/2026", "17:00");
    await page.getByRole("button", { name: "Mở đợt đánh giá" }).click();
    await page.waitForURL(/\/admin\/campaigns\/thi-diem-2026\?done=created$/);
    await look("admin-campaign");
    expect(await page.getByRole("status").textContent()).toContain("Đã mở đợt đánh giá");
    expect(await page.locator("main").textContent()).toContain("31/03/2026 17:00");

    await page.getByLabel("Đơn vị", { exact: true }).selectOption("DV0002");
    await page.getByLabel("Vòng").selectOption("self");
    await fillDateTime(page, "Gia hạn đến", "07/04/2026", "17:00");
    await page.getByLabel("Lý do gia hạn").fill("Trụ sở UBND bị ngập do mưa lớn");
    await page.getByRole("button", { name: "Gia hạn", exact: true }).click();
    await page.waitForURL(/done=extended$/);
    await look("admin-campaign-extended");
    const row = page.locator("tr", { hasText: "Trụ sở UBND bị ngập do mưa lớn" });
    expect(await row.textContent()).toContain("07/04/2026 17:00");

    const ward = await browser.newPage({ viewport: DESKTOP, locale: "vi-VN" });
    await signIn(ward, server, "WARD", "/assess/thi-diem-2026/DV0002");
    await screenshot(ward, "ward-dashboard-extended");
    shots["ward-dashboard-extended"] = await seriousViolations(ward);
    const summary = await ward.locator("dl.summary").textContent();
    expect(summary).toContain("07/04/2026 17:00");
    expect(summary).toContain("Trụ sở UBND bị ngập do mưa lớn");
    await ward.close();

    await page.getByRole("link", { name: "Thu hồi DV0002" }).click();
    await look("admin-extension-withdraw");
    await page.getByLabel("Lý do thu hồi").fill("Gia hạn nhầm đơn vị");
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Thu hồi gia hạn" }).click();
    await page.waitForURL(/done=withdrawn$/);
    await look("admin-campaign-withdrawn");
    expect(await page.getByRole("status").textContent()).toContain("Đã thu hồi gia hạn");
    expect(await page.locator("main").textContent()).toContain("Chưa có đơn vị nào được gia hạn.");

    await page.goto(`${server.url}/admin/users`);
    await look("admin-users-list");
    await page.getByRole("link", { name: "Thêm người dùng" }).click();
    await look("admin-user-new");
    await page.getByLabel("Họ và tên").fill("Cán bộ Phường 15");
    await page.getByLabel("Vai trò").selectOption("unit");
    await page.getByLabel("Đơn vị").selectOption("DV0002");
    await page.getByLabel("Tên đăng nhập").fill("canbo.p15");
    await page.getByLabel("Mật khẩu").fill("mot-cau-de-nho-2026");
    await page.getByRole("button", { name: "Thêm người dùng" }).click();
    await page.waitForURL(/done=created$/);
    await look("admin-user");
    await page.getByLabel("Lý do (ghi vào nhật ký)").fill("Nghỉ hưu");
    await page.getByRole("button", { name: "Khóa người dùng" }).click();
    await page.waitForURL(/done=deactivated$/);
    expect(await page.getByRole("status").textContent()).toContain("Đã khóa người dùng");

    expect(shots).toEqual(Object.fromEntries(Object.keys(shots).map((k) => [k, []])));
  }, 120_000);
});
