import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeText } from "../../api/web/pages/results-page.js";
import type { RankingView } from "../../api/services/ranking-view.js";
import { formatDecimal } from "../../src/i18n/format-locale.js";
import type { RankedUnit } from "../../src/ranking/types.js";
import { wilsonInterval } from "../../src/survey/wilson-interval.js";
import { type DemoServer, startDemoServer } from "../browser/browser-harness.js";

describe("the public results pages (HTTP, no browser)", () => {
  let server: DemoServer;
  let ranking: RankingView;
  const page = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { accept: "text/html" } });
    return { status: response.status, html: await response.text() };
  };
  beforeAll(async () => {
    server = await startDemoServer();
    ranking = (await (await fetch(`${server.url}/campaigns/demo-2025/ranking`)).json()) as RankingView;
  }, 120_000);
  afterAll(async () => server?.close());

  it("shows each block's mean, class shares, chart bars and rows, from the published ranking", async () => {
    const { status, html } = await page("/results/demo-2025");
    expect(status).toBe(200);
    expect(ranking.blocks.map((b) => b.units.length)).toEqual([11, 29]);
    for (const block of ranking.blocks) {
      const start = html.indexOf(`<section id="block-${block.code}"`);
      const next = html.indexOf('<section id="block-', start + 1);
      const section = html.slice(start, next === -1 ? undefined : next);
      expect(section).toContain(`<dd class="figure">${formatDecimal(block.summary.mean!, 2, "vi")} %</dd>`);
      for (const c of block.summary.classes)
        expect(section).toContain(`<td class="num">${c.count}</td><td class="num">${formatDecimal(c.share, 2, "vi")} %</td>`);
      expect(section.match(/<g class="bar">/g)).toHaveLength(block.units.length);
      expect(section.match(/<tr><td class="num">\d+<\/td>/g)).toHaveLength(block.units.length);
      for (const unit of block.units) expect(section).toContain(`href="/results/demo-2025/units/${unit.unit.code}"`);
    }
    for (const format of ["xlsx", "annex-csv", "csv"]) expect(html).toContain(`href="/campaigns/demo-2025/ranking?format=${format}"`);
  });

  it("offers the annex in English on the English page, with the same figures as the Vietnamese one it was published as", async () => {
    const { html } = await page("/results/demo-2025?lang=en");
    for (const format of ["xlsx", "annex-csv"]) expect(html).toContain(`href="/campaigns/demo-2025/ranking?format=${format}&amp;lang=en"`);
    expect(html, "the signed Vietnamese annex stays one click away").toContain('href="/campaigns/demo-2025/ranking?format=xlsx" download="" hreflang="vi"');
    const download = async (query: string) => {
      const response = await fetch(`${server.url}/campaigns/demo-2025/ranking?format=annex-csv${query}`);
      return {
        rows: parse(await response.text(), { bom: true, relax_column_count: true }) as string[][],
        disposition: response.headers.get("content-disposition"),
      };
    };
    // Twice each, interleaved: a published ranking is cached per language, never one language for both.
    const [vi, en, viAgain, enAgain] = [await download(""), await download("&lang=en"), await download(""), await download("&lang=en")];
    expect(viAgain).toEqual(vi);
    expect(enAgain).toEqual(en);
    expect(vi.rows[0]!.slice(0, 4)).toEqual(["Khối", "STT", "Mã đơn vị", "Tên đơn vị"]);
    expect(en.rows[0]!.slice(0, 4)).toEqual(["Block", "STT", "Unit code", "Unit name"]);
    expect(en.disposition).toContain("ranking-demo-2025-annex.csv");
    expect(en.rows).toHaveLength(vi.rows.length);
    const figure = /^-?\d+(\.\d+)?$/;
    vi.rows.slice(1).forEach((row, r) => {
      row.forEach((cell, c) => {
        if (figure.test(cell)) expect(en.rows[r + 1]![c], `row ${r + 1}, column ${vi.rows[0]![c]}`).toBe(cell);
      });
    });
    expect((await fetch(`${server.url}/campaigns/demo-2025/ranking?format=xlsx&lang=fr`)).status).toBe(400);
  });

  it("shows every finalised unit as appraised: an appraisal that changed nothing gives appraised = self, never self-assessed", () => {
    const units = ranking.blocks.flatMap((b) => b.units);
    expect(units.filter((u) => u.appraised === null).map((u) => u.unit.code)).toEqual([]);
  });

  it.each([
    { lang: "vi", lines: ["Kết quả xác định Chỉ số CCHC năm 2025", "Tổng điểm", "Chỉ số CCHC (%)", "Xếp hạng"] },
    { lang: "en", lines: ["PAR index 2025: results", "Total", "PAR index (%)", "Rank"] },
  ])("gives each unit a one-page report to print, in $lang, with the figures of its annex row", async ({ lang, lines }) => {
    const unit = ranking.blocks[0]!.units[1]!;
    const { status, html } = await page(`/results/demo-2025/units/${unit.unit.code}/report?lang=${lang}`);
    expect(status).toBe(200);
    for (const line of lines) expect(html).toContain(`>${line}<`);
    expect(html).toContain(`<strong>${unit.unit.name}</strong>`);
    expect(html).toContain(formatDecimal(unit.index, 2, lang as "vi" | "en"));
    expect(html).toContain(`href="/results/demo-2025/units/${unit.unit.code}/report.xlsx"`);
  });

  it("gives the one-page report as XLSX too, and a 404 for a unit not in the ranking", async () => {
    const unit = ranking.blocks[0]!.units[1]!;
    const response = await fetch(`${server.url}/results/demo-2025/units/${unit.unit.code}/report.xlsx`);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ orientation: "portrait", fitToWidth: 1, fitToHeight: 1 });
    const index = sheet.getColumn(1).values.indexOf("Chỉ số CCHC (%)");
    expect(sheet.getRow(index).getCell(5).value).toBe(unit.index);
    expect((await fetch(`${server.url}/results/demo-2025/units/NOPE/report`, { headers: { accept: "text/html" } })).status).toBe(404);
  });

  it("shows a unit's figures from its report, with the survey's Wilson intervals", async () => {
    const unit = ranking.blocks[0]!.units[0]!;
    const { report } = (await (await fetch(`${server.url}/campaigns/demo-2025/units/${unit.unit.code}/report`)).json()) as { report: any };
    const { status, html } = await page(`/results/demo-2025/units/${unit.unit.code}?lang=en`);
    expect(status).toBe(200);
    expect(html).toContain(`<h1>${unit.unit.name}</h1>`);
    expect(html).toContain(`<dd class="figure">${report.totals.indexText} %</dd>`);
    expect(html).toContain(`1 of ${ranking.blocks[0]!.units.length} units`);
    const n = report.survey.respondents as number;
    const [low, high] = wilsonInterval((98 / 100) * n, n)!;
    expect(html).toContain(`<td class="num">98.00</td><td class="num">${(low * 100).toFixed(2)} – ${(high * 100).toFixed(2)}</td>`);
    expect(html.match(/<g class="bar">/g)).toHaveLength(report.areas.filter((a: { subIndex: number | null }) => a.subIndex !== null).length);
  });

  it("sends the ranking page gzipped to a browser that accepts it", async () => {
    const { gunzipSync } = await import("node:zlib");
    const { request } = await import("node:http");
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(`${server.url}/results/demo-2025`, { headers: { "accept-encoding": "gzip", accept: "text/html" } }, (res) => {
        const chunks: Buffer[] = [];
        res
          .on("data", (chunk: Buffer) => chunks.push(chunk))
          .on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
          .on("error", reject);
      }).end();
    });
    expect(headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(body).toString("utf8")).toBe((await page("/results/demo-2025")).html);
    expect(body.length).toBeLessThan(15_000);
  });

  it.each([
    ["/results/demo-2025/units/NOPE", 404],
    ["/results/demo-2026", 404],
    ["/results/nope", 404],
  ])("%s is a %i page", async (path, status) => {
    expect((await page(path)).status).toBe(status);
  });

  it.each(["/results/demo-2025", "/results/demo-2025/units/DV0021", "/results/nope", "/doc"])(
    "%s has no inline script or style attribute (CSP)",
    async (path) => {
      const { html } = await page(path);
      expect(html).not.toMatch(/\sstyle="/);
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    },
  );
});

describe("changeText", () => {
  const unit = (previous: RankedUnit["previous"]) => ({ previous }) as RankedUnit;
  it.each([
    { previous: null, vi: "–", en: "–" },
    { previous: { rank: 5, index: 80, indexChange: 1.25, rankChange: 2 }, vi: "tăng 2 bậc (+1,25)", en: "up 2 (+1.25)" },
    { previous: { rank: 1, index: 90, indexChange: -0.4, rankChange: -1 }, vi: "giảm 1 bậc (-0,40)", en: "down 1 (-0.40)" },
    { previous: { rank: 3, index: 80, indexChange: 0, rankChange: 0 }, vi: "giữ nguyên (0,00)", en: "unchanged (0.00)" },
  ])("$vi", ({ previous, vi, en }) => {
    expect(changeText(unit(previous), "vi", 2)).toBe(vi);
    expect(changeText(unit(previous), "en", 2)).toBe(en);
  });
});
