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

const UNIT = "/work/demo-2026/DV0002";
/** A tablet held upright (iPad Air). */
const TABLET = { width: 820, height: 1180 };
/** A one-page PDF ("Hello PDF") that Chromium's viewer renders. */
const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 44 >> stream
BT /F1 24 Tf 20 100 Td (Hello PDF) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

interface Focused {
  id: string;
  tag: string;
  type: string;
  value: string;
  text: string;
  outline: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    type Element = { id?: string; tagName: string; type?: string; value?: string; textContent: string | null };
    const el = (globalThis as unknown as { document: { activeElement: Element } }).document.activeElement;
    const style = (globalThis as unknown as { getComputedStyle: (e: Element) => { outlineStyle: string } }).getComputedStyle(el);
    return { id: el.id ?? "", tag: el.tagName, type: el.type ?? "", value: el.value ?? "", text: (el.textContent ?? "").trim(), outline: style.outlineStyle };
  });
}

/** Presses Tab (only the keyboard) until the focused element passes `test`. */
async function tabTo(page: Page, test: (el: Focused) => boolean, what: string): Promise<Focused> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const el = await focused(page);
    if (test(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe.skipIf(!HAS_BROWSER)("a scorer appraises a unit in a browser, the ward explains, the scorer finalises", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: DESKTOP });
    // The demo ward DV0002 is still drafting: it attaches a PDF to item 1.1.2 and submits through the API, as its pages would.
    const api = `${server.url}/campaigns/demo-2026/units/DV0002`;
    const auth = { authorization: `Bearer ${server.tokens.PAR_WARD}` };
    const json = { ...auth, "content-type": "application/json" };
    await fetch(`${api}/evidence/KH-PDF`, { method: "PUT", headers: { ...json, "if-none-match": "*" }, body: JSON.stringify({ title: "Báo cáo kiểm tra" }) });
    await fetch(`${api}/evidence/KH-PDF/file?name=bao-cao.pdf`, {
      method: "PUT",
      headers: { ...auth, "content-type": "application/pdf", "if-match": '"1"' },
      body: PDF,
    });
    const item = await fetch(`${api}/rounds/self/items/1.1.2`, { headers: auth });
    const cited = await fetch(`${api}/rounds/self/items/1.1.2`, {
      method: "PUT",
      headers: { ...json, "if-match": item.headers.get("etag")! },
      body: JSON.stringify({ ...((await item.json()) as { value: object }).value, evidence: ["KH-PDF"] }),
    });
    if (cited.status !== 200) throw new Error(`cite: ${cited.status} ${await cited.text()}`);
    const etag = (await fetch(api, { headers: auth })).headers.get("etag")!;
    const submitted = await fetch(`${api}/transitions/submit`, { method: "POST", headers: { ...auth, "if-match": etag } });
    if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("appraises area 1 with the keyboard only, marking two items down, and requests an explanation", async () => {
    await signIn(page, server, "SCORER");
    expect(await visit(page, `${server.url}${UNIT}`, "appraisal-overview")).toEqual([]);
    expect(await page.getByText("Đã nộp, chờ thẩm định").count()).toBe(1);

    expect(await visit(page, `${server.url}${UNIT}/area/1`, "appraisal-area-1")).toEqual([]);
    const start = await focused(page);
    expect(start.id, "the first item not yet appraised has the focus").toBe("item-1.1.1");
    expect(start.outline, "focus is visible").not.toBe("none");
    const accept = async (code: string, next: string) => {
      const button = await tabTo(page, (el) => el.tag === "BUTTON" && el.text === `Chấp nhận điểm tự chấm ${code}`, `accept ${code}`);
      expect(button.outline).not.toBe("none");
      await Promise.all([page.waitForURL(new RegExp(`saved=${code.replaceAll(".", "\\.")}`)), page.keyboard.press("Enter")]);
      expect((await focused(page)).id).toBe(next);
    };
    const markDown = async (code: string, from: string, to: string, comment: string, next: string) => {
      const radio = await tabTo(page, (el) => el.type === "radio", `the points of ${code}`);
      expect(radio.value).toBe(from);
      await page.keyboard.press("ArrowLeft");
      expect((await focused(page)).value).toBe(to);
      await tabTo(page, (el) => el.id === `comment-${code}`, `the comment of ${code}`);
      await page.keyboard.type(comment);
      await Promise.all([page.waitForURL(new RegExp(`saved=${code.replaceAll(".", "\\.")}`)), page.keyboard.press("Enter")]);
      expect((await focused(page)).id).toBe(next);
    };
    await accept("1.1.1", "item-1.1.2");
    await markDown("1.1.2", "1", "0.5", "Thiếu báo cáo kết quả kiểm tra quý IV", "item-1.1.3");
    await accept("1.1.3", "item-1.2.1");
    await accept("1.2.1", "item-1.2.2");
    await accept("1.2.2", "item-1.2.3");
    await markDown("1.2.3", "1.5", "1", "Chưa thu thập đủ thông tin", "item-1.3.1");
    await accept("1.3.1", "item-1.3.2");
    const last = await tabTo(page, (el) => el.tag === "BUTTON" && el.text.startsWith("Lưu"), "the last item's save button");
    expect(last.text).toBe("Lưu và sang lĩnh vực sau 1.3.2");
    await Promise.all([page.waitForURL(/\/area\/2\?saved=1\.3\.2/), page.keyboard.press("Enter")]);
    expect((await focused(page)).id, "the next area opens on its first item").toBe("item-2.1.1");
    await screenshot(page, "appraisal-area-2-after-next");

    expect(await visit(page, `${server.url}${UNIT}/area/1`, "appraisal-area-1-done")).toEqual([]);
    expect(await page.locator("article.marked-down").evaluateAll((all) => all.map((a) => a.id))).toEqual(["item-1.1.2", "item-1.2.3"]);
    const [pdf] = await Promise.all([page.waitForEvent("popup"), page.getByRole("link", { name: "Mở bao-cao.pdf (mở trong thẻ mới)" }).click()]);
    await pdf.waitForLoadState();
    expect(await pdf.evaluate(() => (globalThis as unknown as { document: { contentType: string } }).document.contentType), "shown, not downloaded").toBe(
      "application/pdf",
    );
    await pdf.close();
    await page.setViewportSize(TABLET);
    expect(await visit(page, `${server.url}${UNIT}/area/2`, "appraisal-area-2-tablet")).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { body: { scrollWidth: number } } }).document.body.scrollWidth)).toBeLessThanOrEqual(
      TABLET.width,
    );
    await page.setViewportSize(DESKTOP);
    expect(await visit(page, `${server.url}${UNIT}`, "appraisal-overview-round-1")).toEqual([]);
    await page.getByRole("link", { name: "Yêu cầu giải trình…" }).click();
    await page.waitForURL(`${server.url}${UNIT}/request-explanation`);
    await screenshot(page, "appraisal-confirm-request-explanation");
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.locator(".down-list li").allTextContents()).toEqual([
      expect.stringMatching(/^1\.1\.2\. .*: 1 → 0,5 · Nhận xét: “Thiếu báo cáo kết quả kiểm tra quý IV”$/),
      expect.stringMatching(/^1\.2\.3\. .*: 1,5 → 1 · Nhận xét: “Chưa thu thập đủ thông tin”$/),
    ]);
    await page.getByRole("button", { name: "Yêu cầu giải trình" }).click();
    await page.waitForURL(`${server.url}${UNIT}?done=request-explanation`);
    expect(await page.getByText("Đang giải trình").count()).toBe(1);
  }, 180_000);

  it("lets the ward on a phone explain only the two items marked down", async () => {
    const phone = await browser.newPage({ viewport: PHONE });
    await signIn(phone, server, "WARD");
    expect(await visit(phone, `${server.url}/assess/demo-2026/DV0002/explanation`, "appraisal-ward-explanation-phone")).toEqual([]);
    expect(await phone.locator("article.item").evaluateAll((all) => all.map((a) => a.id))).toEqual(["item-1.1.2", "item-1.2.3"]);
    await phone.locator("#comment-1\\.1\\.2").fill("Đã bổ sung báo cáo quý IV (số 85/BC-UBND)");
    await phone.getByRole("button", { name: "Lưu giải trình 1.1.2" }).click();
    await phone.waitForURL(/saved=1\.1\.2/);
    phone.once("dialog", (dialog) => dialog.accept());
    await phone.getByRole("button", { name: "Gửi giải trình" }).click();
    await phone.waitForURL(/done=explained/);
    await phone.close();
  }, 120_000);

  it("shows round 2 with the ward's explanation, accepts it with the keyboard, and finalises after seeing the report", async () => {
    expect(await visit(page, `${server.url}${UNIT}/area/1`, "appraisal-area-1-round-2")).toEqual([]);
    expect((await focused(page)).id, "round 2 starts on the first item still marked down").toBe("item-1.1.2");
    expect(await page.locator("#item-1\\.1\\.2").textContent()).toContain("Đã bổ sung báo cáo quý IV (số 85/BC-UBND)");
    await tabTo(page, (el) => el.tag === "BUTTON" && el.text === "Chấp nhận điểm tự chấm 1.1.2", "accept 1.1.2");
    await Promise.all([page.waitForURL(/saved=1\.1\.2/), page.keyboard.press("Enter")]);
    // Restored in round 2, 1.1.2 stays flagged: "marked down" is appraisal round 1's (the items the unit could explain).
    expect(await page.locator("article.marked-down").evaluateAll((all) => all.map((a) => a.id))).toEqual(["item-1.1.2", "item-1.2.3"]);
    expect(await visit(page, `${server.url}${UNIT}/finalise`, "appraisal-confirm-finalise")).toEqual([]);
    expect(await page.locator(".down-list li").count()).toBe(2);
    await page.getByRole("button", { name: "Chốt điểm" }).click();
    await page.waitForURL(`${server.url}${UNIT}?done=finalise`);
    expect(await visit(page, `${server.url}${UNIT}?done=finalise`, "appraisal-overview-finalised")).toEqual([]);
    expect(await page.getByText("Đã chốt điểm đơn vị.").count()).toBe(1);
    const report = await fetch(`${server.url}/campaigns/demo-2026/units/DV0002/report`, { headers: { authorization: `Bearer ${server.tokens.PAR_SCORER}` } });
    expect(((await report.json()) as { source: string }).source).toBe("snapshot");
    await page.getByRole("link", { name: "Báo cáo điểm qua các vòng" }).click();
    expect(await visit(page, `${server.url}${UNIT}/report`, "appraisal-report-every-round")).toEqual([]);
    expect(await page.getByRole("columnheader", { name: "Thẩm định lần 2" }).count()).toBeGreaterThan(0);
    expect(await page.locator("tr.marked-down-row").count()).toBe(2);
    await page.setViewportSize(PHONE);
    expect(await visit(page, `${server.url}${UNIT}/report`, "appraisal-report-every-round-phone")).toEqual([]);
    await page.setViewportSize(DESKTOP);
  }, 180_000);
});
