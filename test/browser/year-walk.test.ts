import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import {
  type AxeViolation,
  DESKTOP,
  type DemoServer,
  HAS_BROWSER,
  PHONE,
  fillDateTime,
  launchBrowser,
  screenshot,
  seriousViolations,
  signIn,
  signInAs,
  startDemoServer,
} from "./browser-harness.js";

const ROOT = new URL("../../", import.meta.url).pathname;
/** The year 2026 assessed in spring 2027 (the reference criteria set is the one for 2026). */
const CAMPAIGN = "cchc-2026";
const TITLE = "Chỉ số CCHC năm 2026 của các xã, phường";
/** The three units of the example survey export (criteria/examples/survey): DV0002 is the demo ward's unit. */
const UNITS = ["DV0001", "DV0002", "DV0003"];
const WARD = `/assess/${CAMPAIGN}/DV0002`;
const WORK = `/work/${CAMPAIGN}`;
/** The two ward users the administrator creates on the pages. */
const USERS = {
  DV0001: { name: "Cán bộ Xã Minh Hòa", login: "canbo.dv0001", password: "minh-hoa-nam-2027-cchc" },
  DV0003: { name: "Cán bộ Xã Thuận Tây", login: "canbo.dv0003", password: "thuan-tay-nam-2027-cchc" },
} as const;
/** A 2×2 PNG, as a phone camera's photo would arrive. */
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR42mP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==", "base64");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * One continuous year of one campaign in a browser, every step through the pages as the people who
 * do it: the administrator opens the campaign with its deadlines typed the Vietnamese way and creates
 * the wards' users; the wards self-assess on their phones (DV0002 with evidence); the scorer appraises
 * DV0002 marking two items down and asks for an explanation; the ward explains one; the administrator
 * imports the raw survey export (the survey runs while the appraisal does); the scorer finalises DV0002
 * in round 2 and appraises the two other units in the campaign's XLSX sheet filled as Excel would;
 * the administrator publishes; an anonymous reader finds the same index and class on the public
 * ranking. Phases share one server and run in order; every page is screenshotted (screenshots/year-*)
 * and checked with axe-core.
 */
describe.skipIf(!HAS_BROWSER)("one year of one campaign in a browser", () => {
  let server: DemoServer;
  let browser: Browser;
  let admin: Page;
  let scorer: Page;
  const violations: Record<string, AxeViolation[]> = {};
  /** What the scorer's finalise page showed for DV0002, to compare with every later page. */
  const shown = { index: "", class: "" };

  const look = async (page: Page, name: string) => {
    await screenshot(page, `year-${name}`);
    violations[name] = await seriousViolations(page);
  };
  /** Clicks what leads to another page and waits for it; when it does not come, the error says what the page said instead. */
  const follow = async (page: Page, url: RegExp | string, click: () => Promise<void>) => {
    try {
      await Promise.all([page.waitForURL(url, { timeout: 15_000 }), click()]);
    } catch (error) {
      const said = await page
        .locator(".error-summary, main")
        .first()
        .innerText({ timeout: 1_000 })
        .catch(() => "");
      throw new Error(`${(error as Error).message.split("\n")[0]} at ${page.url()}: ${said.slice(0, 800)}`);
    }
  };
  const phone = () => browser.newPage({ viewport: PHONE, locale: "vi-VN" });

  beforeAll(async () => {
    server = await startDemoServer(new Date("2027-03-02T02:00:00Z"));
    browser = await launchBrowser();
    admin = await browser.newPage({ viewport: DESKTOP, locale: "vi-VN" });
    scorer = await browser.newPage({ viewport: DESKTOP, locale: "vi-VN" });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("1. the administrator opens the campaign for three units, deadlines typed dd/mm/yyyy, and creates two ward users", async () => {
    await signIn(admin, server, "ADMIN", "/admin");
    await follow(admin, /\/admin\/campaigns$/, () => admin.getByRole("link", { name: "Đợt đánh giá", exact: true }).click());
    await follow(admin, /\/admin\/campaigns\/new$/, () => admin.getByRole("link", { name: "Mở đợt đánh giá mới" }).click());
    await look(admin, "admin-campaign-new");
    await admin.getByLabel("Mã đợt").fill(CAMPAIGN);
    await admin.getByLabel("Năm đánh giá").fill("2026");
    await admin.getByLabel("Tên đợt").fill(TITLE);
    await admin.getByLabel("Bộ tiêu chí").selectOption("reference-commune@2026.1");
    await admin.getByLabel("Chỉ những đơn vị này (không bắt buộc)").fill(UNITS.join(", "));
    await fillDateTime(admin, "Hạn nộp tự chấm", "31/03/2027", "17:00");
    await fillDateTime(admin, "Hạn thẩm định lần 1", "30/04/2027", "17:00");
    await fillDateTime(admin, "Hạn giải trình", "15/05/2027", "17h00");
    await fillDateTime(admin, "Hạn thẩm định lần 2", "31/5/2027", "17:30");
    await follow(admin, new RegExp(`/admin/campaigns/${CAMPAIGN}\\?done=created$`), () => admin.getByRole("button", { name: "Mở đợt đánh giá" }).click());
    await look(admin, "admin-campaign");
    const deadlines = await admin.locator("main").innerText();
    for (const at of ["31/03/2027 17:00", "30/04/2027 17:00", "15/05/2027 17:00", "31/05/2027 17:30"]) expect(deadlines).toContain(at);
    expect(await admin.locator("main").innerText()).toMatch(/Đang tự chấm\s+3/);

    for (const [unit, user] of Object.entries(USERS)) {
      await admin.goto(`${server.url}/admin/users/new`);
      await admin.getByLabel("Họ và tên").fill(user.name);
      await admin.getByLabel("Vai trò").selectOption("unit");
      await admin.getByLabel("Đơn vị").selectOption(unit);
      await admin.getByLabel("Tên đăng nhập").fill(user.login);
      await admin.getByLabel("Mật khẩu").fill(user.password);
      await follow(admin, /done=created$/, () => admin.getByRole("button", { name: "Thêm người dùng" }).click());
    }
    await look(admin, "admin-user-created");
  }, 120_000);

  it("2. the wards self-assess on their phones: DV0002 enters points and facts, attaches a photo and submits; the two others too", async () => {
    const ward = await phone();
    await signIn(ward, server, "WARD");
    await look(ward, "ward-home");
    await follow(ward, `${server.url}${WARD}`, () => ward.getByRole("link", { name: new RegExp(`^Mở bản tự chấm\\W+${TITLE}$`) }).click());
    await look(ward, "ward-dashboard");
    expect(await ward.locator("dl.summary").innerText()).toContain("31/03/2027 17:00");

    await ward.goto(`${server.url}${WARD}/areas/1`);
    await look(ward, "ward-area-1");
    await selfAssessArea(ward);
    await ward.goto(`${server.url}${WARD}/areas/2`);
    const facts = ward.locator("#item-2\\.2\\.2");
    await facts.getByLabel(/Số hồ sơ TTHC giải quyết quá hạn/).fill("4");
    await facts.getByLabel(/có văn bản xin lỗi/).fill("4");
    await follow(ward, /saved=2\.2\.2/, () => facts.getByRole("button", { name: /Lưu/ }).click());
    await look(ward, "ward-area-2-saved");

    await ward.goto(`${server.url}${WARD}/areas/1#item-1.1.2`);
    const upload = ward.locator("#item-1\\.1\\.2 details.upload");
    await upload.locator("summary").click();
    await upload.getByLabel("Chọn ảnh hoặc tệp").setInputFiles({ name: "bao-cao-kiem-tra.png", mimeType: "image/png", buffer: PHOTO });
    await upload.getByLabel("Tên tài liệu (không bắt buộc)").fill("Báo cáo kết quả kiểm tra năm 2027");
    await follow(ward, /areas\/1/, () => upload.getByRole("button", { name: "Tải lên và đính kèm" }).click());
    expect(await ward.locator("#item-1\\.1\\.2 .doc-list").textContent()).toContain("Báo cáo kết quả kiểm tra năm 2027");
    await look(ward, "ward-area-1-photo");

    await ward.goto(`${server.url}${WARD}`);
    await follow(ward, `${server.url}${WARD}/submit`, () => ward.getByRole("link", { name: "Nộp bản tự chấm" }).click());
    await look(ward, "ward-submit-confirm");
    await follow(ward, /done=submitted/, () => ward.getByRole("button", { name: "Xác nhận nộp" }).click());
    await look(ward, "ward-submitted");
    expect(await ward.locator(".tag.state-submitted").textContent()).toBe("Đã nộp, chờ thẩm định");
    await ward.close();

    for (const [unit, user] of Object.entries(USERS)) {
      const other = await phone();
      await signInAs(other, server, user.login, user.password);
      await follow(other, `${server.url}/assess/${CAMPAIGN}/${unit}`, () =>
        other.getByRole("link", { name: new RegExp(`^Mở bản tự chấm\\W+${TITLE}$`) }).click(),
      );
      await other.goto(`${server.url}/assess/${CAMPAIGN}/${unit}/areas/1`);
      await selfAssessArea(other);
      await other.goto(`${server.url}/assess/${CAMPAIGN}/${unit}/submit`);
      await follow(other, /done=submitted/, () => other.getByRole("button", { name: "Xác nhận nộp" }).click());
      await look(other, `ward-${unit}-submitted`);
      await other.close();
    }
  }, 180_000);

  it("3. the scorer opens the worklist, appraises DV0002 marking two items down, and requests an explanation", async () => {
    await signIn(scorer, server, "SCORER");
    await follow(scorer, `${server.url}${WORK}`, () => scorer.getByRole("link", { name: new RegExp(`^Mở danh sách đơn vị\\W+${TITLE}$`) }).click());
    await look(scorer, "scorer-worklist");
    expect(await scorer.locator("table tbody tr").count()).toBe(3);
    await follow(scorer, `${server.url}${WORK}/DV0002`, () => scorer.getByRole("link", { name: "Phường 15" }).click());
    await look(scorer, "scorer-overview");
    await scorer.goto(`${server.url}${WORK}/DV0002/area/1`);
    await follow(scorer, /accepted=8/, () => scorer.getByRole("button", { name: /^Chấp nhận điểm tự chấm cho \d+ tiêu chí chưa thẩm định$/ }).click());
    // Saving an item moves on to the next one not yet appraised (here in area 2): come back to area 1 for the second.
    await markDown(scorer, "1.1.2", "Thiếu báo cáo kết quả kiểm tra quý IV");
    await scorer.goto(`${server.url}${WORK}/DV0002/area/1`);
    await markDown(scorer, "1.2.3", "Chưa thu thập đủ thông tin");
    await scorer.goto(`${server.url}${WORK}/DV0002/area/1`);
    await look(scorer, "scorer-area-1-appraised");
    expect(await scorer.locator("article.marked-down").evaluateAll((all) => all.map((a) => a.id))).toEqual(["item-1.1.2", "item-1.2.3"]);

    await scorer.goto(`${server.url}${WORK}/DV0002`);
    await follow(scorer, `${server.url}${WORK}/DV0002/request-explanation`, () => scorer.getByRole("link", { name: "Yêu cầu giải trình…" }).click());
    await look(scorer, "scorer-confirm-request-explanation");
    expect(await scorer.locator(".down-list li").allTextContents()).toEqual([
      expect.stringMatching(/^1\.1\.2\. .*Nhận xét: “Thiếu báo cáo kết quả kiểm tra quý IV”$/),
      expect.stringMatching(/^1\.2\.3\. .*Nhận xét: “Chưa thu thập đủ thông tin”$/),
    ]);
    await follow(scorer, `${server.url}${WORK}/DV0002?done=request-explanation`, () => scorer.getByRole("button", { name: "Yêu cầu giải trình" }).click());
    expect(await scorer.getByText("Đang giải trình").count()).toBeGreaterThan(0);
  }, 180_000);

  it("4. the ward's explanation round shows exactly the two items; it explains one and sends the explanation", async () => {
    const ward = await phone();
    await signIn(ward, server, "WARD", `${WARD}/explanation`);
    await look(ward, "ward-explanation");
    expect(await ward.locator("article.item").evaluateAll((all) => all.map((a) => a.id))).toEqual(["item-1.1.2", "item-1.2.3"]);
    await ward.locator("#comment-1\\.1\\.2").fill("Đã bổ sung báo cáo quý IV (số 85/BC-UBND), ảnh chụp đính kèm");
    await follow(ward, /saved=1\.1\.2/, () => ward.getByRole("button", { name: "Lưu giải trình 1.1.2" }).click());
    await look(ward, "ward-explanation-saved");
    ward.once("dialog", (dialog) => dialog.accept());
    await follow(ward, /done=explained/, () => ward.getByRole("button", { name: "Gửi giải trình" }).click());
    await look(ward, "ward-explained");
    await ward.close();
  }, 120_000);

  it("5. the administrator imports the raw survey export, reads the data-quality report, applies it; the publish preview lists the units not finalised", async () => {
    await admin.goto(`${server.url}/admin/campaigns/${CAMPAIGN}/survey`);
    await look(admin, "admin-survey-upload");
    await admin.getByLabel("Tệp xuất khảo sát").setInputFiles(`${ROOT}criteria/examples/survey/kobo-xml.csv`);
    await admin.getByLabel("Danh sách đơn vị kèm số hồ sơ (không bắt buộc)").setInputFiles(`${ROOT}criteria/examples/survey/units.csv`);
    expect(await admin.getByRole("radio", { name: /reference-sipas\/2026\.1/ }).isChecked()).toBe(true);
    await follow(admin, new RegExp(`/admin/campaigns/${CAMPAIGN}/survey/[A-Za-z0-9_-]+$`), () => admin.getByRole("button", { name: "Kiểm tra tệp" }).click());
    await look(admin, "admin-survey-report");
    const report = await admin.locator("main").innerText();
    expect(report).toMatch(/Phiếu trùng đã bỏ \(theo mã người trả lời\)\s+1/);
    expect(report).toMatch(/Đơn vị chưa đủ cỡ mẫu\s+DV0002/);
    await follow(admin, /\?applied=3/, () => admin.getByRole("button", { name: "Áp dụng kết quả khảo sát" }).click());
    await look(admin, "admin-survey-applied");
    await follow(admin, `${server.url}/admin/campaigns/${CAMPAIGN}/publish`, () => admin.getByRole("link", { name: "Xem trước và công bố kết quả" }).click());
    await look(admin, "admin-publish-pending");
    expect(await admin.getByRole("heading", { name: "Chưa thể công bố: 3 đơn vị chưa chốt điểm" }).count()).toBe(1);
  }, 120_000);

  it("6. the scorer finalises DV0002 in round 2, then appraises the two others in the campaign's XLSX sheet and finalises them", async () => {
    await scorer.goto(`${server.url}${WORK}/DV0002/area/1`);
    await look(scorer, "scorer-area-1-round-2");
    expect(await scorer.locator("#item-1\\.1\\.2").textContent()).toContain("Đã bổ sung báo cáo quý IV (số 85/BC-UBND)");
    await follow(scorer, /saved=1\.1\.2/, () => scorer.getByRole("button", { name: "Chấp nhận điểm tự chấm 1.1.2" }).click());
    await scorer.goto(`${server.url}${WORK}/DV0002`);
    await follow(scorer, `${server.url}${WORK}/DV0002/finalise`, () => scorer.getByRole("link", { name: "Chốt điểm…" }).click());
    await look(scorer, "scorer-confirm-finalise");
    const summary = scorer.locator("dl.summary");
    shown.index = (await summary.locator("dd").nth(0).innerText()).trim();
    shown.class = (await summary.locator("dd").nth(1).innerText()).trim();
    expect(shown.index).toMatch(/^\d{1,3},\d{2} %$/);
    await follow(scorer, `${server.url}${WORK}/DV0002?done=finalise`, () => scorer.getByRole("button", { name: "Chốt điểm" }).click());
    expect(await scorer.getByText("Đã chốt điểm đơn vị.").count()).toBe(1);
    await follow(scorer, `${server.url}${WORK}/DV0002/report`, () => scorer.getByRole("link", { name: "Báo cáo điểm qua các vòng" }).click());
    await look(scorer, "scorer-round-report");
    expect(await scorer.locator("main").innerText()).toContain(shown.index.replace(" %", ""));

    await scorer.goto(`${server.url}${WORK}`);
    await follow(scorer, `${server.url}${WORK}/sheet`, () => scorer.getByRole("link", { name: /Thẩm định bằng Excel/ }).click());
    await look(scorer, "scorer-sheet");
    const [download] = await Promise.all([scorer.waitForEvent("download"), scorer.getByRole("link", { name: "Phiếu thẩm định (Excel, XLSX)" }).click()]);
    expect(download.suggestedFilename()).toBe(`phieu-tham-dinh-${CAMPAIGN}.xlsx`);
    const { bytes, filled } = await appraiseInExcel(readFileSync(await download.path()), ["DV0001", "DV0003"]);
    expect(filled, "two manual items of each of the two units").toBe(4);
    await scorer.getByLabel("Phiếu đã điền (XLSX)").setInputFiles({ name: `phieu-tham-dinh-${CAMPAIGN}-da-dien.xlsx`, mimeType: XLSX, buffer: bytes });
    await follow(scorer, /\/sheet\?saved=/, () => scorer.getByRole("button", { name: "Tải lên và lưu điểm" }).click());
    await look(scorer, "scorer-sheet-saved");
    expect(await scorer.getByRole("status").innerText()).toContain(`Đã lưu ${filled} điểm thẩm định từ tệp phieu-tham-dinh-${CAMPAIGN}-da-dien.xlsx`);

    // No bulk finalise exists: each unit is finalised on its own confirmation page.
    for (const unit of ["DV0001", "DV0003"]) {
      await scorer.goto(`${server.url}${WORK}/${unit}`);
      await follow(scorer, `${server.url}${WORK}/${unit}/finalise`, () => scorer.getByRole("link", { name: "Chốt điểm…" }).click());
      await look(scorer, `scorer-confirm-finalise-${unit}`);
      expect(await scorer.locator(".down-list li").count()).toBe(1);
      await follow(scorer, `${server.url}${WORK}/${unit}?done=finalise`, () => scorer.getByRole("button", { name: "Chốt điểm" }).click());
    }
  }, 180_000);

  it("7. the administrator previews the ranking and publishes", async () => {
    await admin.goto(`${server.url}/admin/campaigns/${CAMPAIGN}/publish`);
    await look(admin, "admin-publish-preview");
    const preview = await admin.locator("main").innerText();
    expect(preview).toContain("Bảng xếp hạng sẽ được công bố");
    expect(preview).toContain(shown.index);
    await admin.getByLabel(/Tôi xác nhận công bố kết quả này/).check();
    await admin.getByRole("button", { name: "Công bố kết quả" }).click();
    await admin.getByRole("link", { name: "Xem bảng xếp hạng công khai" }).waitFor();
    await look(admin, "admin-published");
  }, 120_000);

  it("8. an anonymous reader finds DV0002 with the index and class the scorer saw, on a phone and a desktop", async () => {
    for (const [name, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      const context = await browser.newContext({ viewport, locale: "vi-VN" });
      const reader = await context.newPage();
      await reader.goto(`${server.url}/results/${CAMPAIGN}`);
      await look(reader, `public-ranking-${name}`);
      const row = reader.locator("table.ranking tbody tr", { hasText: "Phường 15" });
      const text = await row.innerText();
      expect(text).toContain(shown.index.replace(" %", ""));
      expect(text).toContain(shown.class);
      await follow(reader, new RegExp(`/results/${CAMPAIGN}/units/DV0002$`), () => row.getByRole("link", { name: "Phường 15" }).click());
      await look(reader, `public-unit-${name}`);
      expect(await reader.locator("main").innerText()).toContain(shown.index.replace(" %", ""));
      await context.close();
    }
    console.log(
      `DV0002: index ${shown.index}, class ${shown.class} on the scorer's finalise page, the round report, the publish preview, the public ranking and unit page (phone and desktop)`,
    );
  }, 120_000);

  it("9. `par rank` on the campaign sheet the scorer downloads and the same survey export gives every unit the published index; every page was accessible", async () => {
    await scorer.goto(`${server.url}${WORK}/sheet`);
    const [download] = await Promise.all([scorer.waitForEvent("download"), scorer.getByRole("link", { name: "Phiếu thẩm định (Excel, XLSX)" }).click()]);
    const dir = mkdtempSync(join(tmpdir(), "par-year-walk-"));
    const sheet = join(dir, "phieu-tham-dinh.xlsx");
    await download.saveAs(sheet);
    const cli = async (argv: string[]) => {
      let out = "";
      let err = "";
      const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
      return { code, out, err };
    };
    const survey = join(dir, "survey.csv");
    const imported = await cli([
      "survey",
      "import",
      `${ROOT}criteria/examples/survey/kobo-xml.csv`,
      "--mapping",
      `${ROOT}criteria/survey/reference-sipas/2026.1.json`,
      "--units",
      `${ROOT}criteria/examples/survey/units.csv`,
      "--out",
      survey,
    ]);
    expect(imported.code, imported.err).toBe(0);
    const ranked = await cli([
      "rank",
      "--criteria",
      `${ROOT}criteria/reference-commune/2026.1.json`,
      "--year",
      "2026",
      sheet,
      "--survey",
      survey,
      "--format",
      "csv",
    ]);
    expect(ranked.code, ranked.err).toBe(0);
    rmSync(dir, { recursive: true, force: true });
    const reader = await browser.newPage({ viewport: DESKTOP, locale: "vi-VN" });
    await reader.goto(`${server.url}/results/${CAMPAIGN}`);
    const indexes: string[] = [];
    for (const [unit, name] of [
      ["DV0001", "Xã Minh Hòa"],
      ["DV0002", "Phường 15"],
      ["DV0003", "Xã Thuận Tây"],
    ] as const) {
      // The index is the row's last number shown on every screen (the first is the rank).
      const cell = reader.locator("table.ranking tbody tr", { hasText: name }).locator("td.num:not(.wide-only)").last();
      const published = (await cell.textContent())?.trim() ?? "";
      expect(published).toMatch(/^\d{1,3},\d{2}$/);
      const [header = "", ...lines] = ranked.out.replace(/^\uFEFF/, "").split(/\r?\n/);
      const column = header.split(",").indexOf("index");
      expect(column, header).toBeGreaterThan(0);
      const line = lines.find((l) => l.split(",")[2] === unit)?.split(",") ?? [];
      expect(Number(line[column]), `par rank's index of ${unit}`).toBeCloseTo(Number(published.replace(",", ".")), 2);
      indexes.push(`${unit} ${published}`);
    }
    console.log(`published index = par rank's index: ${indexes.join(", ")}`);
    await reader.close();
    expect(violations).toEqual(Object.fromEntries(Object.keys(violations).map((name) => [name, []])));
  }, 120_000);
});

/** On a ward's area page: every item with points gets its highest value, saved one by one as a person would. */
async function selfAssessArea(page: Page): Promise<void> {
  const codes = await page
    .locator("article[id^=item-]")
    .evaluateAll((all) => all.filter((a) => a.querySelector("input[type=radio]")).map((a) => (a as unknown as { id: string }).id.slice(5)));
  expect(codes.length).toBeGreaterThan(2);
  for (const code of codes) {
    const item = page.locator(`[id="item-${code}"]`);
    await item.getByRole("radio").last().check();
    await Promise.all([page.waitForURL(new RegExp(`saved=${code.replaceAll(".", "\\.")}`)), item.getByRole("button", { name: /^Lưu/ }).click()]);
  }
}

/** On the scorer's area page: the item's points one step below the self-assessment, with a comment. */
async function markDown(page: Page, code: string, comment: string): Promise<void> {
  const item = page.locator(`[id="item-${code}"]`);
  const radios = item.getByRole("radio");
  const checked = await radios.evaluateAll((inputs) => inputs.findIndex((i) => (i as unknown as { checked: boolean }).checked));
  expect(checked).toBeGreaterThan(0);
  await radios.nth(checked - 1).check();
  await page.locator(`[id="comment-${code}"]`).fill(comment);
  await Promise.all([page.waitForURL(new RegExp(`saved=${code.replaceAll(".", "\\.")}`)), item.getByRole("button", { name: /^Lưu/ }).click()]);
}

/**
 * The campaign sheet filled in as a scorer does in Excel: for `units`, the "Thẩm định lần 1" cell of every
 * row with self points gets those points, except the unit's first such row, marked down to 0.
 */
async function appraiseInExcel(file: Buffer, units: string[]): Promise<{ bytes: Buffer; filled: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as never);
  const sheet = workbook.worksheets[0]!;
  let header: Record<string, number> | undefined;
  let filled = 0;
  const first = new Set<string>();
  sheet.eachRow((row) => {
    const texts = Array.from(row.values as unknown[], (v) => (v === null || v === undefined ? "" : String(v)));
    if (!header) {
      if (texts.includes("Mã đơn vị")) header = Object.fromEntries(texts.map((t, i) => [t, i]));
      return;
    }
    const unit = String(row.getCell(header["Mã đơn vị"]!).value ?? "");
    const self = row.getCell(header["Tự chấm"]!).value;
    if (!units.includes(unit) || typeof self !== "number") return;
    row.getCell(header["Thẩm định lần 1"]!).value = first.has(unit) ? self : 0;
    first.add(unit);
    filled += 1;
  });
  expect(header, "the sheet has a header row").toBeDefined();
  return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), filled };
}
