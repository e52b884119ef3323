import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AxeViolation,
  type DemoServer,
  HAS_BROWSER,
  PHONE,
  launchBrowser,
  screenshot,
  seriousViolations,
  startDemoServer,
  visit,
} from "./browser-harness.js";

/** A 2×2 PNG, as a phone camera's photo would arrive (any real PNG bytes do). */
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR42mP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");
const BASE = "/assess/demo-2026/DV0002";

/**
 * The demo ward's whole self-assessment on a 390×844 phone, as a newcomer would do it with no
 * terminal: sign in, open its work, enter points on area 1 and facts on area 2, attach a photo,
 * watch the live index change, be warned about what is missing, submit. Every page visited is
 * screenshotted and checked with axe-core; page weight and first paint are printed for the note.
 */
describe.skipIf(!HAS_BROWSER)("the ward's self-assessment on a phone", () => {
  let server: DemoServer;
  let browser: Browser;
  let page: Page;
  const violations: Record<string, AxeViolation[]> = {};
  const weights: Record<string, { bytes: number; transferred?: number }> = {};
  const check = async (name: string) => {
    await screenshot(page, name);
    violations[name] = await seriousViolations(page);
  };

  /** Weight of each page (HTML as served, gzip on the wire; CSS and JS) and the area page's first paint, printed for the issue's note. */
  const measure = async () => {
    const fresh = await browser.newPage({ viewport: PHONE, locale: "vi-VN" });
    await fresh.context().addCookies(await page.context().cookies());
    fresh.on("response", async (response) => {
      if (/\/assets\//.test(response.url())) weights[new URL(response.url()).pathname] = { bytes: (await response.body()).length };
    });
    for (const path of ["/", BASE, `${BASE}/areas/1`, `${BASE}/areas/2`, `${BASE}/submit`]) {
      await fresh.goto(`${server.url}${path}`);
      weights[path] = await fresh.evaluate(() => {
        const nav = (
          globalThis as unknown as { performance: { getEntriesByType(t: string): { encodedBodySize: number; decodedBodySize: number }[] } }
        ).performance.getEntriesByType("navigation")[0]!;
        return { bytes: nav.decodedBodySize, transferred: nav.encodedBodySize };
      });
    }
    await fresh.goto(`${server.url}${BASE}/areas/1`);
    const fcp = await firstPaint(fresh);
    const cdp = await fresh.context().newCDPSession(fresh);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 400,
      downloadThroughput: (400 * 1024) / 8,
      uploadThroughput: (400 * 1024) / 8,
    });
    await fresh.goto(`${server.url}${BASE}/areas/1`);
    const slowFcp = await firstPaint(fresh);
    console.log(`page weight (bytes; transferred = gzip body on the wire): ${JSON.stringify(weights)}`);
    console.log(`area page first-contentful-paint: ${Math.round(fcp)} ms on loopback; ${Math.round(slowFcp)} ms at 400 kbit/s with 400 ms latency, cache off`);
    expect(fcp).toBeGreaterThan(0);
    await fresh.close();
  };

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: PHONE, locale: "vi-VN" });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("walks sign-in → area 1 points → area 2 facts → photo → warned submit → submitted", async () => {
    violations["ward-sign-in"] = await visit(page, `${server.url}/sign-in`, "ward-sign-in");
    await page.getByLabel("Tên đăng nhập").fill(server.tokens.PAR_WARD_LOGIN!);
    await page.getByLabel("Mật khẩu").fill(server.tokens.PAR_WARD_PASSWORD!);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${server.url}/`);
    await check("ward-home");
    expect(await page.getByRole("heading", { name: "Việc của bạn" }).count()).toBe(1);

    await page.getByRole("link", { name: /Mở bản tự chấm/ }).click();
    await page.waitForURL(`${server.url}${BASE}`);
    await check("ward-dashboard");
    const indexBefore = await page.locator(".big-figure").textContent();
    expect(await page.getByText(/còn \d+ ngày/).count()).toBeGreaterThan(0);

    await page.goto(`${server.url}${BASE}/areas/1`);
    await check("ward-area-1");
    const item = page.locator("#item-1\\.2\\.3");
    const radios = item.getByRole("radio");
    const checked = await radios.evaluateAll((inputs) => inputs.findIndex((i) => (i as unknown as { checked: boolean }).checked));
    await radios.nth(checked === 0 ? 1 : 0).check();
    await item.getByRole("button", { name: /Lưu/ }).click();
    await page.waitForURL(/saved=1\.2\.3/);
    await check("ward-area-1-saved");
    const notice = await page.getByRole("status").textContent();
    expect(notice).toMatch(/Đã lưu tiêu chí 1\.2\.3\. Chỉ số tạm tính: [\d,]+ % → [\d,]+ % \([+−]/);

    await page.goto(`${server.url}${BASE}/areas/2`);
    await check("ward-area-2");
    const facts = page.locator("#item-2\\.2\\.2");
    await facts.getByLabel(/Số hồ sơ TTHC giải quyết quá hạn/).fill("12");
    await facts.getByLabel(/có văn bản xin lỗi/).fill("6");
    await facts.getByRole("button", { name: /Lưu/ }).click();
    await page.waitForURL(/saved=2\.2\.2/);
    await check("ward-area-2-saved");
    expect(await page.getByRole("status").textContent()).toMatch(/Đã lưu tiêu chí 2\.2\.2/);
    expect(await facts.getByLabel(/Số hồ sơ TTHC giải quyết quá hạn/).inputValue()).toBe("12");

    await page.goto(`${server.url}${BASE}/areas/1#item-1.1.2`);
    const upload = page.locator("#item-1\\.1\\.2 details.upload");
    await upload.locator("summary").click();
    await upload.getByLabel("Chọn ảnh hoặc tệp").setInputFiles({ name: "anh-niem-yet.png", mimeType: "image/png", buffer: PHOTO });
    await upload.getByLabel("Tên tài liệu (không bắt buộc)").fill("Ảnh chụp báo cáo rà soát");
    await upload.getByRole("button", { name: "Tải lên và đính kèm" }).click();
    await page.waitForURL(/areas\/1/);
    await check("ward-area-1-photo");
    expect(await page.locator("#item-1\\.1\\.2 .doc-list").textContent()).toContain("Ảnh chụp báo cáo rà soát");

    await page.goto(`${server.url}${BASE}`);
    await check("ward-dashboard-after");
    expect(await page.locator(".big-figure").textContent()).not.toBe(indexBefore);

    await measure();

    await page.getByRole("link", { name: "Nộp bản tự chấm" }).click();
    await page.waitForURL(`${server.url}${BASE}/submit`);
    await check("ward-submit-confirm");
    expect(await page.getByRole("alert").textContent()).toContain("Bản tự chấm còn thiếu");
    await page.getByRole("button", { name: "Xác nhận nộp" }).click();
    await page.waitForURL(/done=submitted/);
    await check("ward-submitted");
    expect(await page.getByText("Đã nộp bản tự chấm.").count()).toBe(1);
    expect(await page.locator(".tag.state-submitted").textContent()).toBe("Đã nộp, chờ thẩm định");

    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((k) => [k, []])));
  }, 180_000);

  it("serves the account pages and the explanation round accessibly on a phone", async () => {
    const admin = await browser.newPage({ viewport: PHONE, locale: "vi-VN" });
    const shots: Record<string, AxeViolation[]> = {};
    const look = async (p: Page, name: string) => {
      await screenshot(p, name);
      shots[name] = await seriousViolations(p);
    };
    await admin.goto(`${server.url}/sign-in`);
    await admin.getByLabel("Tên đăng nhập").fill("admin");
    await admin.getByLabel("Mật khẩu").fill("not-the-password");
    await admin.getByRole("button", { name: "Đăng nhập" }).click();
    await look(admin, "sign-in-error");
    expect(await admin.locator(".error-summary a").textContent()).toBe("Tên đăng nhập hoặc mật khẩu không đúng");
    await admin.getByLabel("Mật khẩu").fill(server.tokens.PAR_ADMIN_PASSWORD!);
    await admin.getByRole("button", { name: "Đăng nhập" }).click();
    await admin.waitForURL(`${server.url}/`);
    await look(admin, "admin-home");
    await admin.getByRole("link", { name: "Quản trị", exact: true }).click();
    await admin.getByRole("link", { name: "Người dùng", exact: true }).click();
    await look(admin, "admin-users");
    await admin.goto(`${server.url}/account/password`);
    await look(admin, "account-password");

    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${server.tokens.PAR_ADMIN}`, "content-type": "application/json" },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then((r) => r.json());
    const explaining = ((await api("GET", "/campaigns/demo-2026/assessments")) as { unitCode: string; state: string }[]).find(
      (a) => a.state === "explanation",
    )!;
    const user = (await api("POST", "/users", { name: `Cán bộ ${explaining.unitCode}`, role: "unit", unit: explaining.unitCode })) as { id: string };
    await api("PUT", `/users/${user.id}/password`, { login: "giaitrinh", password: "mot-cau-de-nho-2026" });
    const ward = await browser.newPage({ viewport: PHONE, locale: "vi-VN" });
    await ward.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/assess/demo-2026/${explaining.unitCode}/explanation`)}`);
    await ward.getByLabel("Tên đăng nhập").fill("giaitrinh");
    await ward.getByLabel("Mật khẩu").fill("mot-cau-de-nho-2026");
    await ward.getByRole("button", { name: "Đăng nhập" }).click();
    await ward.waitForURL(/\/explanation$/);
    await look(ward, "ward-explanation");
    const first = ward.locator("article").first();
    await first.getByLabel("Giải trình của đơn vị").fill("Đơn vị đã bổ sung báo cáo và ảnh chụp");
    await first.getByRole("button", { name: /Lưu giải trình/ }).click();
    await ward.waitForURL(/saved=/);
    await look(ward, "ward-explanation-saved");
    expect(await ward.getByRole("status").textContent()).toContain("Đã lưu giải trình.");

    expect(shots).toEqual(Object.fromEntries(Object.keys(shots).map((k) => [k, []])));
  }, 120_000);
});

/** The page's first-contentful-paint (Paint Timing API), waiting for the entry if it is not there yet. */
function firstPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const g = globalThis as unknown as {
          PerformanceObserver: new (cb: (list: { getEntries(): { name: string; startTime: number }[] }) => void) => { observe(o: unknown): void };
        };
        new g.PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === "first-contentful-paint");
          if (entry) resolve(entry.startTime);
        }).observe({ type: "paint", buffered: true });
      }),
  );
}
