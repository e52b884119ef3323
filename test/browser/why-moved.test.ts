import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, type DemoServer, HAS_BROWSER, PHONE, launchBrowser, screenshot, seriousViolations, signIn, startDemoServer } from "./browser-harness.js";

const TIMEOUT = 60_000;
const LINK = "Vì sao điểm thay đổi so với năm trước?";

describe.skipIf(!HAS_BROWSER)("why the score moved, in a browser", () => {
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
  ] as const)(
    "the ward follows the link from its dashboard on a %s: losses first, readable, accessible, no sideways scrolling",
    async (name, viewport) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, server, "WARD", "/assess/demo-2026/DV0002");
      await page.getByRole("link", { name: LINK }).click();
      await page.waitForURL(`${server.url}/work/demo-2026/DV0002/why-moved`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(LINK);
      expect(await page.getByRole("heading", { name: /^Tiêu chí bị giảm điểm \(\d+\)$/ }).count()).toBe(1);
      const lost = await page.locator("#lost .why-loss").allTextContents();
      expect(lost.length).toBeGreaterThan(0);
      expect(lost.every((text) => text.startsWith("−"))).toBe(true);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBe(viewport.width);
      await screenshot(page, `why-moved-ward-${name}`);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
    TIMEOUT,
  );

  it(
    "the scorer reaches it from the unit's score report, and reads it in English",
    async () => {
      const context = await browser.newContext({ viewport: DESKTOP });
      const page = await context.newPage();
      await signIn(page, server, "SCORER", "/work/demo-2026/DV0007/report");
      await page.getByRole("link", { name: LINK }).click();
      await page.waitForURL(`${server.url}/work/demo-2026/DV0007/why-moved`);
      await screenshot(page, "why-moved-scorer-desktop");
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`${server.url}/work/demo-2026/DV0007/why-moved?lang=en`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Why did the score move since last year?");
      await screenshot(page, "why-moved-scorer-desktop-en");
      await context.close();
    },
    TIMEOUT,
  );
});
