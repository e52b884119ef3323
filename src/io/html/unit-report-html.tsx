import type { UnitReport } from "../annex/build-unit-report.js";
import { UnitReportView } from "./unit-report-view.js";

/** The report's own stylesheet: the file opens and prints without the site (no link, no script, no web font). */
const STYLES = `*,*::before,*::after{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1rem;font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:1rem;line-height:1.45;color:#0b0c0c}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 .25rem}
h2{font-size:1.2rem;margin:1.25rem 0 .5rem}
p{margin:0 0 .75rem}
.muted{color:#484949}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #6f777b;padding:.25rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f3f4f6}
tbody th{font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
.unit-report-unit{font-size:1.125rem}
.unit-report-figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.25rem 1.5rem;margin:0}
.unit-report-figures div{display:flex;justify-content:space-between;gap:1rem;border-bottom:1px solid #6f777b;padding:.25rem 0}
.unit-report-figures dt{font-weight:700}
.unit-report-figures dd{margin:0;text-align:right;white-space:nowrap}
.unit-report-notes{padding-left:1.25rem}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;padding:0;font-size:10pt}h1{font-size:14pt}.no-print{display:none}table,.unit-report-figures{break-inside:avoid}th,td{padding:2px 6px}}`;

/**
 * The unit's one-page report as a self-contained HTML file (`par report --out report.html`): the
 * same content as the results site's report page, its stylesheet inside, nothing to fetch.
 */
export function writeUnitReportHtml(report: UnitReport): string {
  const document = (
    <html lang={report.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${report.unit.name} – ${report.title}`}</title>
        <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      </head>
      <body>
        <main>
          <UnitReportView report={report} />
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${document.toString()}\n`;
}
