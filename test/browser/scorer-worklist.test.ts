import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, type DemoServer, HAS_BROWSER, PHONE, launchBrowser, startDemoServer, visit } from "./browser-harness.js";

describe.skipIf(!HAS_BROWSER)("the scorer's worklist in a browser", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: DESKTOP });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs in as the demo scorer, opens the worklist from home, searches without diacritics, accessibly", async () => {
    expect(await visit(page, `${server.url}/sign-in`, "scorer-sign-in")).toEqual([]);
    await page.getByLabel("Tên đăng nhập").fill(server.tokens.PAR_SCORER_LOGIN!);
    await page.getByLabel("Mật khẩu").fill(server.tokens.PAR_SCORER_PASSWORD!);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await visit(page, `${server.url}/work/demo-2026`, "scorer-worklist-desktop")).toEqual([]);
    const all = await page.locator("tbody tr").count();
    expect(all).toBe(40);
    expect(await visit(page, `${server.url}/work/demo-2026?q=phuong+15`, "scorer-worklist-search")).toEqual([]);
    expect(await page.getByRole("cell", { name: "Khối phường" }).count()).toBeGreaterThan(0);
    const found = await page.locator("tbody tr").allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all);
    for (const row of found) expect(row).toMatch(/Phường 15/);
    await page.setViewportSize(PHONE);
    expect(await visit(page, `${server.url}/work/demo-2026?state=submitted`, "scorer-worklist-phone")).toEqual([]);
  }, 120_000);
});
