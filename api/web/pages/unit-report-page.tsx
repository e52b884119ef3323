import { formatDecimal } from "../../../src/index.js";
import type { Lang, UnitReport, UnitReportLine } from "../../../src/index.js";
import { TableWrap } from "../components/table-wrap.js";

const TEXT = {
  vi: {
    back: "Trang kết quả của đơn vị",
    print: "In bằng lệnh In của trình duyệt (Ctrl+P): trang được dàn vừa một tờ A4.",
    xlsx: "Tải về (Excel, XLSX)",
    unit: "Đơn vị",
    block: "Khối",
    areas: "Điểm theo lĩnh vực",
    figures: "Kết quả chung",
    of: (n: string) => `trên ${n}`,
    max: (n: string) => `(tối đa ${n})`,
  },
  en: {
    back: "The unit's results page",
    print: "Print with the browser's Print command (Ctrl+P): the page fits one A4 sheet.",
    xlsx: "Download (Excel, XLSX)",
    unit: "Unit",
    block: "Block",
    areas: "Points per area",
    figures: "Overall result",
    of: (n: string) => `of ${n}`,
    max: (n: string) => `(max. ${n})`,
  },
} as const;

/**
 * `/results/{campaign}/units/{code}/report`: the unit's one page of the annex, laid out to print
 * on one A4 sheet (print CSS hides the site's header and links). The same figures as the XLSX.
 */
export function UnitReportPage(props: { lang: Lang; report: UnitReport; back: string; xlsx: string }) {
  const { lang, report } = props;
  const t = TEXT[lang];
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
      <p class="no-print">
        <a href={props.back}>{t.back}</a>
      </p>
      <header class="unit-report-head">
        <h1>{report.title}</h1>
        <p class="muted">{report.basis}</p>
        <p class="unit-report-unit">
          {t.unit}: <strong>{report.unit.name}</strong> ({report.unit.code}) · {t.block}: {report.block}
        </p>
      </header>
      <TableWrap label={t.areas}>
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
        </table>
      </TableWrap>
      <h2 class="unit-report-figures-title">{t.figures}</h2>
      <dl class="unit-report-figures">
        {report.lines.map((line) => (
          <div>
            <dt>{line.label}</dt>
            <dd>
              {number(line.value, line.format)}
              {line.of === undefined
                ? null
                : ` ${line.format === "integer" ? t.of(String(line.of)) : t.max(formatDecimal(line.of, report.decimals.points, lang))}`}
            </dd>
          </div>
        ))}
      </dl>
      {report.notes.length > 0 ? (
        <ul class="unit-report-notes">
          {report.notes.map((note) => (
            <li>{note}</li>
          ))}
        </ul>
      ) : null}
      <ul class="downloads no-print">
        <li>
          <a href={props.xlsx} download>
            {t.xlsx}
          </a>
        </li>
      </ul>
      <p class="no-print muted">{t.print}</p>
    </article>
  );
}
