import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, HAS_BROWSER, PHONE, launchBrowser, signIn, startDemoServer, visit } from "./browser-harness.js";

const SHEET = "/assess/demo-2026/DV0002/sheet";

describe.skipIf(!HAS_BROWSER)("a ward official self-assesses in Excel, on a phone", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: PHONE, acceptDownloads: true });
    await signIn(page, server, "WARD");
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("downloads the unit's sheet from the page, fills a self-assessed point, uploads it, and reads what was saved", async () => {
    expect(await visit(page, `${server.url}${SHEET}`, "ward-sheet-phone")).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Phiếu chấm điểm (Excel, XLSX)" }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    let header: string[] = [];
    let filled = "";
    workbook.worksheets[0]!.eachRow((row) => {
      const texts = Array.from(row.values as unknown[], (v) => String(v ?? ""));
      if (header.length === 0 && texts.includes("Mã tiêu chí")) header = texts;
      else if (header.length > 0 && filled === "" && texts[header.indexOf("Mã tiêu chí")] === "1.1.2") {
        filled = texts[header.indexOf("Tự chấm")]!;
        row.getCell(header.indexOf("Tự chấm")).value = filled === "1" ? 0.5 : 1;
      }
    });
    expect(header.length).toBeGreaterThan(0);
    const path = `${await download.path()}-filled.xlsx`;
    await workbook.xlsx.writeFile(path);
    await page.getByLabel("Phiếu đã điền (XLSX)").setInputFiles(path);
    await page.getByRole("button", { name: "Tải lên và lưu điểm" }).click();
    await page.waitForLoadState();
    const state = (await (
      await fetch(`${server.url}/campaigns/demo-2026/units/DV0002`, { headers: { authorization: `Bearer ${server.tokens.PAR_WARD}` } })
    ).json()) as {
      state: string;
    };
    if (state.state === "draft") {
      expect(await page.getByRole("status").textContent()).toMatch(/Đã lưu 1 mục từ tệp .*-filled\.xlsx/);
      expect(await visit(page, page.url(), "ward-sheet-saved-phone")).toEqual([]);
    } else {
      // past the draft, the page says beside the form why the self-assessment cannot change
      expect(await page.locator(".error-summary").textContent()).toContain("Có lỗi cần sửa");
    }
  }, 120_000);
});
