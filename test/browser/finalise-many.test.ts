import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, type DemoServer, HAS_BROWSER, PHONE, launchBrowser, signIn, startDemoServer, visit } from "./browser-harness.js";

describe.skipIf(!HAS_BROWSER)("a scorer finalises many units in one go, in a browser", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: PHONE });
    await signIn(page, server, "SCORER", "/work/demo-2026");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("from the worklist: the units in appraisal on a phone, the suggested ones chosen, finalised, the worklist shows them finalised", async () => {
    await page.getByRole("link", { name: "Chốt điểm nhiều đơn vị" }).click();
    await page.waitForURL(`${server.url}/finalise/demo-2026`);
    expect(await visit(page, page.url(), "scorer-finalise-many-phone")).toEqual([]);
    const width = await page.evaluate(
      () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(PHONE.width);
    const all = await page.locator('input[name="unit"]').count();
    expect(all).toBeGreaterThan(1);
    const chosen = await page
      .locator('input[name="unit"]:checked')
      .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value.split(":")[0]!));
    expect(chosen.length).toBeGreaterThan(1);
    // leave one chosen unit out
    const left = chosen[0]!;
    await page.locator(`#unit-${left}`).uncheck();
    await page.getByRole("button", { name: "Chốt điểm các đơn vị đã chọn" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("status").textContent()).toBe(`Đã chốt điểm ${chosen.length - 1} đơn vị.`);
    expect(await page.locator('input[name="unit"]').count()).toBe(all - (chosen.length - 1));
    expect(await page.locator(`#unit-${left}`).count()).toBe(1);
    await page.setViewportSize(DESKTOP);
    expect(await visit(page, `${server.url}/work/demo-2026?state=finalised`, "scorer-finalise-many-worklist")).toEqual([]);
    const finalised = await page.locator('td[data-label="Mã"]').allTextContents();
    for (const code of chosen.slice(1)) expect(finalised).toContain(code);
    expect(finalised).not.toContain(left);
  }, 120_000);
});
