import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, type DemoServer, HAS_BROWSER, PHONE, launchBrowser, screenshot, seriousViolations, startDemoServer, visit } from "./browser-harness.js";

/** axe-core on a 40-unit ranking takes a few seconds on a loaded machine. */
const TIMEOUT = 60_000;

describe.skipIf(!HAS_BROWSER)("public results in a browser", () => {
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
  ])(
    "shows the published ranking of demo-2025 with its chart on a %s, accessibly",
    async (name, viewport) => {
      const page = await browser.newPage({ viewport });
      expect(await visit(page, `${server.url}/results/demo-2025`, `results-${name}`)).toEqual([]);
      const charts = page.locator("svg.bar-chart[role=img]");
      expect(await charts.count()).toBe(2);
      expect(await charts.first().locator(".bar rect").count()).toBe(11);
      expect(await charts.first().getAttribute("aria-labelledby")).toMatch(/title .*desc/);
      expect(await page.getByRole("link", { name: "Phụ lục kết quả để in và ký ban hành (Excel, XLSX)" }).getAttribute("href")).toBe(
        "/campaigns/demo-2025/ranking?format=xlsx",
      );
      // A phone shows rank, unit, index and class; a desktop every column.
      const areaHeader = page.locator("table.ranking").first().locator("thead th").nth(2);
      expect(await areaHeader.isVisible()).toBe(name === "desktop");
      expect(await page.locator("dd.figure").first().textContent()).toMatch(/^\d{2},\d{2} %$/);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    "shows every column on a phone when asked, without script",
    async () => {
      const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/results/demo-2025`);
      const areaHeader = page.locator("table.ranking").first().locator("thead th").nth(2);
      expect(await areaHeader.isVisible()).toBe(false);
      await page.getByRole("link", { name: "Xem đủ các cột" }).first().click();
      expect(await areaHeader.isVisible()).toBe(true);
      // Only the table scrolls sideways, never the page.
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBe(PHONE.width);
      await screenshot(page, "results-phone-all-columns");
      await context.close();
    },
    TIMEOUT,
  );

  it(
    "shows a unit's page: sub-index chart, self vs appraised, survey with its interval",
    async () => {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(`${server.url}/results/demo-2025`);
      const first = page.locator("table.ranking tbody tr").first().getByRole("link");
      const name = await first.textContent();
      await first.click();
      expect(await page.locator("h1").textContent()).toBe(name);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "unit-results-phone");
      expect(await page.locator("svg.bar-chart[role=img] .bar rect").count()).toBe(8);
      expect(await page.getByRole("row").filter({ hasText: "Mức độ hài lòng" }).textContent()).toMatch(/\d+,\d{2}\d+,\d{2} – \d+,\d{2}/);
      const desktop = await browser.newPage({ viewport: DESKTOP });
      expect(await visit(desktop, page.url(), "unit-results-desktop")).toEqual([]);
      await desktop.close();
      await page
        .getByRole("link", { name: /^Bảng xếp hạng/ })
        .last()
        .click();
      expect(new URL(page.url()).pathname).toBe("/results/demo-2025");
      await page.close();
    },
    TIMEOUT,
  );

  it(
    "answers an unpublished campaign with a 404 page in the layout",
    async () => {
      const page = await browser.newPage({ viewport: PHONE });
      const response = await page.goto(`${server.url}/results/demo-2026`);
      expect(response?.status()).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("Không tìm thấy trang");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "not-found-phone");
      await page.close();
    },
    TIMEOUT,
  );

  it(
    "renders /doc with Swagger UI from local assets only",
    async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      const remote: string[] = [];
      page.on("request", (request) => {
        if (!request.url().startsWith(server.url)) remote.push(request.url());
      });
      await page.goto(`${server.url}/doc`);
      await page.locator(".opblock").first().waitFor({ timeout: 30_000 });
      expect(await page.locator(".opblock").count()).toBeGreaterThan(20);
      await screenshot(page, "doc-desktop");
      expect(remote).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    "saves from /doc's Try it out: the If-Match header is sent, a stale one gets 412, the current one 200",
    async () => {
      const page = await browser.newPage({ viewport: DESKTOP });
      await page.goto(`${server.url}/doc`);
      await page.locator(".btn.authorize").click();
      await page.locator(".modal-ux input").first().fill(server.tokens.PAR_WARD!);
      await page.locator(".modal-ux .auth-btn-wrapper .authorize").click();
      await page.locator(".modal-ux .btn-done").click();
      const op = page.locator("#operations-assessments-put_campaigns__id__units__unit__rounds__round__items__code_");
      await op.locator(".opblock-summary-control").click();
      await op.locator(".try-out__btn").click();
      await op.locator('input[placeholder="id"]').fill("demo-2026");
      await op.locator('input[placeholder="unit"]').fill("DV0002");
      await op.locator('input[placeholder="code"]').fill("1.1.2");
      await op.locator(".body-param__text").fill('{"points": 1, "changeReason": "Try it out"}');
      const status = (code: string) => op.locator(".live-responses-table tbody .response-col_status", { hasText: code }).first().waitFor({ timeout: 20_000 });
      // The demo ward already entered 1.1.2, so the example If-Match "0" is stale.
      expect(await op.locator('input[placeholder="If-Match"]').inputValue()).toBe('"0"');
      await op.locator(".execute").click();
      await status("412");
      const stale = JSON.parse((await op.locator(".live-responses-table tbody .response-col_description pre").first().textContent()) ?? "");
      await op.locator('input[placeholder="If-Match"]').fill(`"${stale.error.current.version}"`);
      await op.locator(".execute").click();
      await status("200");
      await screenshot(page, "doc-try-it-out");
      await page.close();
    },
    TIMEOUT,
  );
  it.each([
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ])(
    "prints a unit's one-page report on one A4 sheet, shown accessibly on a %s",
    async (name, viewport) => {
      const page = await browser.newPage({ viewport });
      expect(await visit(page, `${server.url}/results/demo-2025/units/DV0002/report`, `unit-report-${name}`)).toEqual([]);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBe(viewport.width);
      expect(await page.locator("h1").textContent()).toBe("Kết quả xác định Chỉ số CCHC năm 2025");
      expect(await page.locator(".unit-report-table tbody tr").count()).toBe(8);
      const pdf = Buffer.from(await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
      expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
      await page.close();
    },
    TIMEOUT,
  );
});
