import type { OpenAPIHono } from "@hono/zod-openapi";
import { compress } from "hono/compress";
import type { AppEnv } from "../app-env.js";
import { PUBLIC } from "../auth/actor.js";
import { notFound } from "../errors.js";
import { areaColumns } from "./components/area-columns.js";
import { type Lang, buildUnitReport, writeUnitReportXlsx } from "../../src/index.js";
import { XLSX_TYPE } from "../services/ranking-formats.js";
import { renderPage } from "./render-page.js";
import { UnitReportPage } from "./pages/unit-report-page.js";
import { ResultsPage } from "./pages/results-page.js";
import { UnitResultsPage } from "./pages/unit-results-page.js";
import { pageLang } from "./web-lang.js";

/**
 * The public results: a published campaign's ranking and each unit's page, for anyone. They are
 * always read as the public sees them (a signed-in scorer gets the same page), so an unpublished
 * campaign is a 404 here whoever asks.
 */
export function mountResults(app: OpenAPIHono<AppEnv>): void {
  /** A 40-unit ranking is ~56 KB of HTML, ~8 KB gzipped: it matters on a slow phone connection. */
  app.use("/results/*", compress());
  app.get("/results/:campaign", async (c) => {
    const lang = pageLang(c);
    const { campaign, view, set } = await published(c.var.services, c.req.param("campaign"));
    return renderPage(
      c,
      { lang, title: campaign.title },
      <ResultsPage lang={lang} campaign={campaign} view={view} areas={areaColumns(set)} whenSurveyAbsent={set.survey?.whenAbsent} />,
    );
  });

  app.get("/results/:campaign/units/:code", async (c) => {
    const lang = pageLang(c);
    const code = c.req.param("code");
    const { campaign, view, set } = await published(c.var.services, c.req.param("campaign"));
    const block = view.blocks.find((b) => b.units.some((u) => u.unit.code === code));
    if (!block) throw notFound(`unit ${code} in the published ranking of ${campaign.id}`);
    const { report } = await c.var.services.reports.report(PUBLIC, campaign.id, code);
    return renderPage(
      c,
      { lang, title: `${report.unit.name} – ${campaign.title}` },
      <UnitResultsPage
        lang={lang}
        campaign={campaign}
        report={report}
        block={block}
        set={set}
        whyMoved={await c.var.services.scoreChanges.hasEarlier(campaign.id, code)}
      />,
    );
  });

  app.get("/results/:campaign/units/:code/report", async (c) => {
    const lang = pageLang(c);
    const { campaign, report } = await unitReport(c.var.services, c.req.param("campaign"), c.req.param("code"), lang);
    const base = `/results/${encodeURIComponent(campaign.id)}/units/${encodeURIComponent(report.unit.code)}`;
    return renderPage(c, { lang, title: `${report.unit.name} – ${report.title}` }, <UnitReportPage report={report} back={base} xlsx={`${base}/report.xlsx`} />);
  });

  app.get("/results/:campaign/units/:code/report.xlsx", async (c) => {
    const { campaign, report } = await unitReport(c.var.services, c.req.param("campaign"), c.req.param("code"), "vi");
    return c.body(new Uint8Array(await writeUnitReportXlsx(report)), 200, {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="${campaign.id}-${report.unit.code}.xlsx"`,
    });
  });
}

/** A unit's one-page report from the published ranking (404 when the unit is not in it). */
async function unitReport(services: AppEnv["Variables"]["services"], id: string, code: string, lang: Lang) {
  const { campaign, view, set } = await published(services, id);
  const report = buildUnitReport(view, set, code, lang);
  if (!report) throw notFound(`unit ${code} in the published ranking of ${campaign.id}`);
  return { campaign, report };
}

async function published(services: AppEnv["Variables"]["services"], id: string) {
  const campaign = await services.campaigns.get(PUBLIC, id);
  const { view } = await services.rankings.ranking(PUBLIC, id);
  const set = await services.criteria.get(view.criteria.family, view.criteria.version);
  return { campaign, view, set };
}
