import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliWhyMoved } from "../api/why-moved-cli.js";
import { type DemoServer, startDemoServer } from "../browser/browser-harness.js";

/** A unit finalised in demo-2026: its report is the whole year's assessment, as `par why-moved` scores the CSVs. */
const UNIT = "DV0007";

/** A change as a reader must see it, written here independently of the page's formatter: "−1", "+0,5", "±0". */
const signed = (n: number, lang: "vi" | "en") => {
  if (n === 0) return "±0";
  const text = String(Math.round(Math.abs(n) * 10_000) / 10_000);
  return `${n > 0 ? "+" : "−"}${lang === "vi" ? text.replace(".", ",") : text}`;
};

/** The item codes and change figures of one section (#lost or #gained) of the page, in page order. */
function section(html: string, id: string): { code: string; change: string }[] {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(0);
  const body = html.slice(start, html.indexOf("</section>", start));
  return [...body.matchAll(/<li class="card why-item" data-code="([^"]+)">[\s\S]*?data-figure="change">([^<]+)</g)].map((m) => ({
    code: m[1]!,
    change: m[2]!,
  }));
}

describe("the why-moved page (HTTP, no browser)", () => {
  let server: DemoServer;
  const get = async (path: string, who?: "PAR_SCORER" | "PAR_WARD") => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { accept: "text/html", ...(who ? { authorization: `Bearer ${server.tokens[who]}` } : {}) },
    });
    return { status: response.status, html: await response.text(), location: response.headers.get("location") };
  };
  beforeAll(async () => {
    server = await startDemoServer();
  }, 120_000);
  afterAll(async () => server?.close());

  it.each(["vi", "en"] as const)(
    "lists the items that lost points (largest loss first), then those that gained (largest gain first), with the figures of `par why-moved` (%s)",
    async (lang) => {
      const cli = await cliWhyMoved(UNIT);
      const { status, html } = await get(`/work/demo-2026/${UNIT}/why-moved${lang === "en" ? "?lang=en" : ""}`, "PAR_SCORER");
      expect(status).toBe(200);
      const items = cli.items as { code: string; change: number }[];
      const lost = items.filter((i) => i.change < 0);
      const gained = items.filter((i) => i.change > 0).sort((a, b) => b.change - a.change);
      expect(lost.length + gained.length).toBeGreaterThan(0);
      expect(section(html, "lost")).toEqual(lost.map((i) => ({ code: i.code, change: signed(i.change, lang) })));
      expect(section(html, "gained")).toEqual(gained.map((i) => ({ code: i.code, change: signed(i.change, lang) })));
      expect(html).toContain(`data-figure="total-change">${signed(cli.totalChange, lang)}<`);
      expect(html).toContain(lang === "vi" ? "Vì sao điểm thay đổi so với năm trước?" : "Why did the score move since last year?");
    },
  );

  it.each([
    { who: "the ward, its own unit", path: "/work/demo-2026/DV0002/why-moved", as: "PAR_WARD", status: 200 },
    { who: "the ward, another unit", path: "/work/demo-2026/DV0003/why-moved", as: "PAR_WARD", status: 403 },
    { who: "the public, an open campaign", path: "/results/demo-2026/units/DV0002/why-moved", as: undefined, status: 404 },
  ] as const)("$who → $status", async ({ path, as, status }) => {
    expect((await get(path, as)).status).toBe(status);
  });

  it("sends the public to sign in from the work pages", async () => {
    const r = await get("/work/demo-2026/DV0002/why-moved");
    expect(r.status).toBe(303);
    expect(r.location).toContain("/sign-in?next=");
  });

  it("says plainly when there is no earlier year, and the published unit page then offers no link", async () => {
    const r = await get("/results/demo-2025/units/DV0001/why-moved");
    expect(r.status).toBe(404);
    expect(r.html).toContain("không có năm trước để so sánh");
    expect((await get("/results/demo-2025/units/DV0001")).html).not.toContain("/why-moved");
  });

  it("is linked from the ward's dashboard and from the unit's score report", async () => {
    const link = (unit: string) => `href="/work/demo-2026/${unit}/why-moved"`;
    expect((await get("/work/demo-2026/DV0002/report", "PAR_SCORER")).html).toContain(link("DV0002"));
    const ward = await get("/assess/demo-2026/DV0002", "PAR_WARD");
    expect(ward.status, ward.location ?? "").toBe(200);
    expect(ward.html).toContain(link("DV0002"));
  });
});
