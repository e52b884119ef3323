import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CampaignWhatIf } from "../../api/services/what-if-service.js";
import type { RankChange } from "../../src/analysis/compare-rankings.js";
import { runCli } from "../../src/cli/main.js";
import { type DemoServer, startDemoServer } from "../browser/browser-harness.js";

const DEMO_2025 = [
  "--criteria",
  "criteria/reference-commune/2025.1.json",
  "criteria/examples/demo-province/assessments-2025.csv",
  "--survey",
  "criteria/examples/demo-province/survey-2025.csv",
];

/** `par what-if … --format json` on the files the demo's published 2025 campaign was seeded from. */
async function cliWhatIf(...policy: string[]): Promise<RankChange[]> {
  let stdout = "";
  const code = await runCli(["what-if", ...DEMO_2025, ...policy, "--format", "json"], { stdout: (t) => (stdout += t), stderr: () => {} });
  expect(code).toBe(0);
  return JSON.parse(stdout).changes;
}

describe("what-if for scorers: GET /campaigns/{id}/what-if and the page /analysis/{campaign}/what-if (demo province)", () => {
  let server: DemoServer;
  const api = async (query: string, who = "SCORER") => {
    const response = await fetch(`${server.url}/campaigns/demo-2025/what-if${query}`, { headers: { authorization: `Bearer ${server.tokens[`PAR_${who}`]}` } });
    return { status: response.status, body: (await response.json()) as CampaignWhatIf };
  };
  beforeAll(async () => {
    server = await startDemoServer();
  }, 120_000);
  afterAll(async () => server?.close());

  it.each([
    { query: "?surveyWeight=20", cli: ["--survey-weight", "20"] },
    { query: "?missingSurvey=zero&notApplicable=full", cli: ["--missing-survey", "zero", "--na", "full"] },
    { query: "?classEdges=85;75;60;45", cli: ["--class-edges", "85;75;60;45"] },
  ])("re-ranks the published campaign as `par what-if` does on the same files: $query", async ({ query, cli }) => {
    const { status, body } = await api(query);
    expect(status).toBe(200);
    expect(body.source).toBe("published");
    expect(body.unscored).toEqual([]);
    expect(body.changes).toHaveLength(40);
    expect(body.changes).toEqual(await cliWhatIf(...cli));
    expect(body.changes.some((c: RankChange) => c.rankChange !== 0 || c.classChanged)).toBe(true);
  });

  it("changes nothing when asked for the set's own policy: the published snapshots and the stored inputs agree", async () => {
    const { body: plain } = await api("");
    expect(plain.changes).toEqual([]);
    const { surveyWeight, missingSurvey, classEdges } = plain.current;
    const { body } = await api(`?surveyWeight=${surveyWeight}&missingSurvey=${missingSurvey}&classEdges=${classEdges!.join(";")}`);
    expect(body.changes).toHaveLength(40);
    for (const c of body.changes as RankChange[])
      expect([c.after!.rank, c.after!.index, c.after!.class?.code]).toEqual([c.before.rank, c.before.index, c.before.class?.code]);
  });

  const page = async (query: string, who = "SCORER") => {
    const response = await fetch(`${server.url}/analysis/demo-2025/what-if${query}`, {
      headers: { accept: "text/html", authorization: `Bearer ${server.tokens[`PAR_${who}`]}` },
      redirect: "manual",
    });
    return { status: response.status, html: await response.text() };
  };

  it("shows on the page, per block, each unit's rank, index and class now and tried, as the service gives them", async () => {
    const { body } = await api("?surveyWeight=20");
    const { status, html } = await page("?surveyWeight=20");
    expect(status).toBe(200);
    const changes = body.changes as RankChange[];
    const moved = changes.filter((c) => c.rankChange !== 0).length;
    const reclassed = changes.filter((c) => c.classChanged).length;
    expect(html).toContain(`Theo chính sách thử, ${moved}/40 đơn vị đổi thứ hạng, ${reclassed}/40 đơn vị đổi xếp loại.`);
    expect(html).toContain("Chính sách thử:</strong> tổng điểm khảo sát 20,00.");
    const index = (value: number) => value.toFixed(2).replace(".", ",");
    for (const c of changes) {
      const start = html.indexOf(`(${c.code})</span></th>`);
      const row = html.slice(html.lastIndexOf("<tr", start), html.indexOf("</tr>", start));
      const change = c.rankChange! > 0 ? `tăng ${c.rankChange} bậc` : c.rankChange! < 0 ? `giảm ${-c.rankChange!} bậc` : "giữ nguyên";
      expect(row).toContain(`<td class="num" data-label="Hạng hiện tại">${c.before.rank}</td>`);
      expect(row).toContain(
        `<td class="num" data-label="Hạng thử">${c.after!.rank}</td><td data-label="Thay đổi">${change}</td>` +
          `<td class="num" data-label="Chỉ số hiện tại (%)">${index(c.before.index)}</td><td class="num" data-label="Chỉ số thử (%)">${index(c.after!.index)}</td>`,
      );
      expect(row.startsWith('<tr class="row-flagged">')).toBe(c.classChanged);
    }
    // the form shows the set's own policy as "now"
    expect(html).toContain("Hiện tại: 35,00 điểm.");
    expect(html).toContain("Hiện tại: 90,00; 80,00; 70,00; 50,00.");
  });

  it.each([
    { query: "?classEdges=90;abc;70;50&surveyWeight=x", fields: ["classEdges", "surveyWeight"], text: "Ngưỡng xếp loại: “abc” không phải là số" },
    { query: "?classEdges=90;80", fields: ["classEdges"], text: "cần 4 ngưỡng dưới, từ cao xuống thấp" },
  ])("shows a policy it cannot apply next to its field (400), the form kept: $query", async ({ query, fields, text }) => {
    const { status, html } = await page(query);
    expect(status).toBe(400);
    for (const field of fields) expect(html).toContain(`<a href="#${field}">`);
    expect(html).toContain(text);
    expect(html).toContain(`value="${new URLSearchParams(query).get("classEdges")}"`);
    expect(html).not.toContain("đơn vị đổi thứ hạng");
  });

  it("refuses a ward official (403) and the public (401)", async () => {
    expect((await page("", "WARD")).status).toBe(403);
    expect((await api("?surveyWeight=20", "WARD")).status).toBe(403);
    expect((await fetch(`${server.url}/campaigns/demo-2025/what-if?surveyWeight=20`)).status).toBe(401);
  });
});
