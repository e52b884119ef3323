import type { Child } from "hono/jsx";
import { formatDecimal } from "../../i18n/format-locale.js";
import { type UnitReport, type UnitReportLine, unitReportOf } from "../annex/build-unit-report.js";

const TEXT = {
  vi: {
    back: "Trang kết quả của đơn vị",
    print: "In bằng lệnh In của trình duyệt (Ctrl+P): trang được dàn vừa một tờ A4.",
    xlsx: "Tải về (Excel, XLSX)",
    unit: "Đơn vị",
    block: "Khối",
    areas: "Điểm theo lĩnh vực",
    figures: "Kết quả chung",
  },
  en: {
    back: "The unit's results page",
    print: "Print with the browser's Print command (Ctrl+P): the page fits one A4 sheet.",
    xlsx: "Download (Excel, XLSX)",
    unit: "Unit",
    block: "Block",
    areas: "Points per area",
    figures: "Overall result",
  },
} as const;

/**
 * A unit's one page of the annex, laid out to print on one A4 sheet: the page at
 * `/results/{campaign}/units/{code}/report` and the HTML file of `par report` show this same
 * content. `links` adds the way back and the XLSX download (hidden when printed); `wrap` puts the
 * areas' table in a scrolling box (the site's TableWrap).
 */
export function UnitReportView(props: { report: UnitReport; links?: { back: string; xlsx: string }; wrap?: (label: string, table: Child) => Child }) {
  const { report, links } = props;
  const lang = report.lang;
  const t = TEXT[lang];
  const wrap = props.wrap ?? ((_label: string, table: Child) => table);
  const number = (value: number | string | null, format: UnitReportLine["format"]) => {
    if (value === null) return "–";
    if (typeof value === "string") return value;
    if (format === "integer") return String(value);
    if (format === "change") return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : "0";
    return formatDecimal(value, format === "percent" ? report.decimals.index : report.decimals.points, lang);
  };
  const points = (value: number | string | null) => number(value, "points");
  return (
    <article class="unit-report">
      {links ? (
        <p class="no-print">
          <a href={links.back}>{t.back}</a>
        </p>
      ) : null}
      <header class="unit-report-head">
        <h1>{report.title}</h1>
        <p class="muted">{report.basis}</p>
        <p class="unit-report-unit">
          {t.unit}: <strong>{report.unit.name}</strong> ({report.unit.code}) · {t.block}: {report.block}
        </p>
      </header>
      {wrap(
        t.areas,
        <table class="results-table unit-report-table">
          <caption>{t.areas}</caption>
          <thead>
            <tr>
              {report.areaHeader.map((text, i) => (
                <th scope="col" class={i === 0 ? undefined : "num"}>
                  {text}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.areas.map((area) => (
              <tr>
                <th scope="row">{area.label}</th>
                <td class="num">{formatDecimal(area.max, report.decimals.points, lang)}</td>
                <td class="num">{points(area.self)}</td>
                <td class="num">{points(area.appraised)}</td>
                <td class="num">{points(area.points)}</td>
                <td class="num">{number(area.subIndex, "percent")}</td>
              </tr>
            ))}
          </tbody>
        </table>,
      )}
      <h2 class="unit-report-figures-title">{t.figures}</h2>
      <dl class="unit-report-figures">
        {report.lines.map((line) => {
          const of = unitReportOf(report, line);
          return (
            <div>
              <dt>{line.label}</dt>
              <dd>
                {number(line.value, line.format)}
                {of === null ? null : ` ${of}`}
              </dd>
            </div>
          );
        })}
      </dl>
      {report.notes.length > 0 ? (
        <ul class="unit-report-notes">
          {report.notes.map((note) => (
            <li>{note}</li>
          ))}
        </ul>
      ) : null}
      {links ? (
        <ul class="downloads no-print">
          <li>
            <a href={links.xlsx} download>
              {t.xlsx}
            </a>
          </li>
        </ul>
      ) : null}
      <p class="no-print muted">{t.print}</p>
    </article>
  );
}
