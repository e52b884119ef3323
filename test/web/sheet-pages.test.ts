import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const backend = BACKENDS[0]!;

/**
 * The XLSX a sheet page links to, downloaded with the page's session cookie (as a browser's click
 * would be), with `unit`'s cells in `column` set as Excel would, and, if asked, those rows moved to
 * another unit.
 */
async function fillPageSheet(
  f: Fixture,
  client: ReturnType<typeof webClient>,
  page: string,
  unit: string,
  column: string,
  points: Record<string, number | string>,
  otherUnit?: string,
): Promise<Uint8Array> {
  const href = /href="([^"]*format=xlsx)"/.exec((await client.get(page)).html)![1]!.replaceAll("&amp;", "&");
  const cookie = [...client.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await f.app.request(`http://localhost${href}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as never);
  let header: string[] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const texts = Array.from(row.values as unknown[], (v) => String(v ?? ""));
    if (header.length === 0 && texts.includes("Mã đơn vị")) header = texts;
    const code = texts[header.indexOf("Mã tiêu chí")] ?? "";
    if (texts[header.indexOf("Mã đơn vị")] !== unit || !(code in points)) return;
    row.getCell(header.indexOf(column)).value = points[code]!;
    if (otherUnit) row.getCell(header.indexOf("Mã đơn vị")).value = otherUnit;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const P01 = "/campaigns/c2026/units/P01";

/**
 * `/work/{campaign}/sheet`: the scorer downloads the campaign's appraisal sheet from the page and uploads it back
 * filled in; what was saved, every problem of a bad file, and a refusal for the wrong people are shown on the page.
 * P01 self-assesses 1.1.2 and 1.2.3 and submits.
 */
describe("the campaign sheet page", () => {
  let f: Fixture;
  let scorer: ReturnType<typeof webClient>;
  let ward: ReturnType<typeof webClient>;
  beforeAll(async () => {
    f = await openFixture(backend);
    for (const [code, points] of [
      ["1.1.2", 1],
      ["1.2.3", 1.5],
    ] as const) {
      const r = await f.request("PUT", `${P01}/rounds/self/items/${code}`, { token: f.tokens.p01, body: { points }, headers: { "if-match": '"0"' } });
      expect(r.status).toBe(200);
    }
    const etag = (await f.request("GET", P01, { token: f.tokens.p01 })).etag!;
    expect((await f.request("POST", `${P01}/transitions/submit`, { token: f.tokens.p01, headers: { "if-match": etag } })).status).toBe(200);
    const passwords = await givePasswords(f);
    scorer = webClient(f);
    await scorer.signIn("scorer", passwords.scorer!.password);
    ward = webClient(f);
    await ward.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  /** The sheet the page links to, with P01's "Thẩm định lần 1" cells set as Excel would. */
  const filled = (points: Record<string, number | string>) => fillPageSheet(f, scorer, "/work/c2026/sheet", "P01", "Thẩm định lần 1", points);
  const upload = (bytes: Uint8Array, name: string) => {
    const body = new FormData();
    body.set("csrf", scorer.csrf);
    body.set("sheet", new File([bytes], name));
    return scorer.postMultipart("/work/c2026/sheet", body);
  };

  it("is linked from the worklist, links the XLSX and CSV downloads, and is refused to a ward", async () => {
    expect((await scorer.get("/work/c2026")).html).toContain('href="/work/c2026/sheet"');
    const page = await scorer.get("/work/c2026/sheet");
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/campaigns/c2026/sheet?format=xlsx"');
    expect(page.html).toContain('href="/campaigns/c2026/sheet?format=csv"');
    expect((await ward.get("/work/c2026/sheet")).status).toBe(403);
  });

  it("asks for a file when none is chosen", async () => {
    const body = new FormData();
    body.set("csrf", scorer.csrf);
    const response = await scorer.postMultipart("/work/c2026/sheet", body);
    expect(response.status).toBe(422);
    expect(response.html).toContain('href="#sheet"');
    expect(response.html).toContain("Hãy chọn tệp phiếu đã điền (XLSX)");
  });

  it("lists every problem of a bad file with its row and column, and saves nothing", async () => {
    const response = await upload(await filled({ "1.1.2": "nửa" }), "sai.xlsx");
    expect(response.status).toBe(422);
    expect(response.html).toContain("sai.xlsx có 1 lỗi; chưa lưu gì");
    expect(response.html).toMatch(/<td>sai\.xlsx:\d+:Thẩm định lần 1<\/td><td>&quot;nửa&quot; không phải là số/);
    // 7 points reads as a number; the item (0–1,5 points) refuses it when saving: the same list, at the same kind of place.
    const outOfRange = await upload(await filled({ "1.1.2": 0.5, "1.2.3": 7 }), "ngoai-khoang.xlsx");
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.html).toMatch(/<td>ngoai-khoang\.xlsx:\d+:Thẩm định lần 1<\/td><td>P01 1\.2\.3: 7 nằm ngoài khoảng 0…1.5/);
    expect((await f.request("GET", `${P01}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer })).body, "1.1.2's 0,5 was not saved").toMatchObject({
      version: 0,
    });
  });

  it("saves a filled sheet and says how many entries it saved", async () => {
    const response = await upload(await filled({ "1.1.2": 0.5, "1.2.3": 1.5 }), "phieu.xlsx");
    expect(response.status).toBe(303);
    const shown = await scorer.get(response.location!);
    expect(shown.html).toContain("Đã lưu 2 điểm thẩm định từ tệp phieu.xlsx");
    expect((await f.request("GET", `${P01}/rounds/appraisal1/items/1.1.2`, { token: f.tokens.scorer })).body.value).toEqual({ points: 0.5 });
  });
});

/**
 * `/assess/{campaign}/{unit}/sheet`: a ward official self-assesses in Excel — downloads the unit's
 * scoring sheet from the page, fills the "Tự chấm" column, uploads it; P02 starts as a draft.
 */
describe("the unit's sheet page (self-assessment in Excel)", () => {
  let f: Fixture;
  let p02: ReturnType<typeof webClient>;
  let p01: ReturnType<typeof webClient>;
  const page = "/assess/c2026/P02/sheet";
  beforeAll(async () => {
    f = await openFixture(backend);
    const passwords = await givePasswords(f);
    p02 = webClient(f);
    await p02.signIn("p02", passwords.p02!.password);
    p01 = webClient(f);
    await p01.signIn("p01", passwords.p01!.password);
  }, 60_000);
  afterAll(async () => f?.close());

  /** The sheet the page links to, with the "Tự chấm" cells of `self` set (and, if asked, those rows moved to another unit). */
  const filled = (self: Record<string, number>, otherUnit?: string) => fillPageSheet(f, p02, page, "P02", "Tự chấm", self, otherUnit);
  const upload = (bytes: Uint8Array, name = "phieu-p02.xlsx") => {
    const body = new FormData();
    body.set("csrf", p02.csrf);
    body.set("sheet", new File([bytes], name));
    return p02.postMultipart(page, body);
  };
  const selfPoints = async (code: string) =>
    (await f.request("GET", `/campaigns/c2026/units/P02/rounds/self/items/${code}`, { token: f.tokens.p02 })).body?.value?.points;

  it("is linked from the unit's dashboard, links the unit's XLSX and CSV, and is refused to another unit", async () => {
    expect((await p02.get("/assess/c2026/P02")).html).toContain(`href="${page}"`);
    const shown = await p02.get(page);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('href="/campaigns/c2026/units/P02/sheet?format=xlsx"');
    expect(shown.html).toContain("Tự chấm bằng Excel");
    expect((await p01.get(page)).status).toBe(403);
  });

  it("saves the self-assessed points typed in Excel, in the audit trail with the file's name", async () => {
    const response = await upload(await filled({ "1.1.2": 1, "1.2.3": 1.5 }));
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${page}?saved=2&unchanged=0&file=phieu-p02.xlsx`);
    expect((await p02.get(response.location!)).html).toContain("Đã lưu 2 mục từ tệp phieu-p02.xlsx");
    expect([await selfPoints("1.1.2"), await selfPoints("1.2.3")]).toEqual([1, 1.5]);
    const trail = (await f.request("GET", "/campaigns/c2026/units/P02/audit?code=1.2.3", { token: f.tokens.p02 })).body as { reason: string }[];
    expect(trail.at(-1)!.reason).toBe("tải lên tệp phieu-p02.xlsx");
  });

  it("refuses a sheet with another unit's rows and saves nothing", async () => {
    const response = await upload(await filled({ "1.1.2": 0 }, "P01"));
    expect(response.status).toBe(422);
    expect(response.html).toContain("phiếu có dòng của đơn vị P01; đây là phiếu của P02");
    expect(await selfPoints("1.1.2")).toBe(1);
  });

  it("says beside the form that a submitted self-assessment can no longer change (409), and keeps it", async () => {
    const etag = (await f.request("GET", "/campaigns/c2026/units/P02", { token: f.tokens.p02 })).etag!;
    expect((await f.request("POST", "/campaigns/c2026/units/P02/transitions/submit", { token: f.tokens.p02, headers: { "if-match": etag } })).status).toBe(200);
    const response = await upload(await filled({ "1.1.2": 0 }));
    expect(response.status).toBe(409);
    expect(response.html).toContain('href="#sheet"');
    expect(await selfPoints("1.1.2")).toBe(1);
  });
});
