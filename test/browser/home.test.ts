import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, type DemoServer, HAS_BROWSER, PHONE, launchBrowser, startDemoServer, visit } from "./browser-harness.js";

describe.skipIf(!HAS_BROWSER)("home page in a browser", () => {
  let server: DemoServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ])("shows the published campaigns in Vietnamese on a %s, accessibly", async (name, viewport) => {
    const page = await browser.newPage({ viewport });
    const violations = await visit(page, `${server.url}/`, `home-${name}`);
    expect(violations).toEqual([]);
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(await page.locator("h1").textContent()).toBe("Chỉ số cải cách hành chính");
    await expect(page.getByRole("link", { name: /Xem bảng xếp hạng/ }).count()).resolves.toBe(1);
    await page.close();
  });

  it("switches to English and remembers it", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Administrative reform index");
    await page.goto(`${server.url}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.close();
  });
});
