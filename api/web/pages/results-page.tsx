import { formatDecimal, formatInstant, formatRankChange } from "../../../src/index.js";
import { capitaliseFirst, term } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { textIn } from "../../../src/index.js";
import type { RankedUnit } from "../../../src/index.js";
import type { CampaignView } from "../../services/campaign-service.js";
import type { RankingView } from "../../services/ranking-view.js";
import type { AreaColumn } from "../components/area-columns.js";
import { BarChart } from "../components/bar-chart.js";
import { RankingBlock } from "../components/ranking-block.js";
import { NO_CLASS, classStyle } from "../components/class-style.js";
import { TableWrap } from "../components/table-wrap.js";

type Block = RankingView["blocks"][number];

const TEXT = {
  vi: {
    home: "Trang chủ",
    results: "Kết quả",
    lead: (year: number, family: string, version: string) => `Kết quả xác định Chỉ số cải cách hành chính năm ${year}, theo bộ tiêu chí ${family} ${version}.`,
    publishedOn: "Công bố ngày",
    downloads: "Tải về",
    csv: "Phụ lục kết quả (CSV)",
    dataCsv: "Dữ liệu cho phần mềm (CSV, tên cột tiếng Anh)",
    xlsx: "Phụ lục kết quả để in và ký ban hành (Excel, XLSX)",
    blocks: "Các khối",
    units: "đơn vị",
    mean: "Chỉ số bình quân của khối",
    shares: "Tỷ lệ đơn vị theo xếp loại",
    count: "Số đơn vị",
    share: "Tỷ lệ",
    chartTitle: (block: string) => `Chỉ số CCHC của từng đơn vị, ${block}`,
    chartDesc: (n: number, low: string, high: string, mean: string) =>
      `Biểu đồ thanh: chỉ số của ${n} đơn vị, từ ${low} % đến ${high} %, bình quân ${mean} %. Màu và hoa văn của thanh theo xếp loại; số liệu đầy đủ ở bảng bên dưới.`,
    table: (block: string) => `Bảng xếp hạng ${block}`,
    areasLegend: "Các lĩnh vực (điểm tối đa)",
    maxPoints: "điểm",
    showAll: "Xem đủ các cột",
    showLess: "Thu gọn",
    phoneHint: "Trên điện thoại bảng chỉ hiện hạng, đơn vị, chỉ số và xếp loại; chọn tên đơn vị để xem chi tiết.",
    change: "Thay đổi so với năm trước",
    noPrevious: "–",
    indexPercent: "Chỉ số (%)",
    surveyColumn: "Điều tra XHH",
    noClass: "chưa xếp loại",
    meanLine: (mean: string) => `Đường nét đứt: chỉ số bình quân của khối (${mean} %).`,
    noSurvey: "chưa có điều tra XHH",
    surveyAbsent: {
      rescale: "Chưa có kết quả điều tra xã hội học: chỉ số tính trên điểm tối đa của các phần còn lại (không gồm phần điều tra).",
      zero: "Chưa có kết quả điều tra xã hội học: phần điều tra được tính 0 điểm.",
    },
  },
  en: {
    home: "Home",
    results: "Results",
    lead: (year: number, family: string, version: string) => `The administrative reform index for ${year}, under criteria set ${family} ${version}.`,
    publishedOn: "Published on",
    downloads: "Downloads",
    csv: "Results annex in English (CSV)",
    dataCsv: "Data for scripts (CSV)",
    xlsx: "Results annex in English (Excel, XLSX)",
    officialXlsx: "The annex as published, in Vietnamese, to print and sign (Excel, XLSX)",
    blocks: "Blocks",
    units: "units",
    mean: "Mean index of the block",
    shares: "Share of units per class",
    count: "Units",
    share: "Share",
    chartTitle: (block: string) => `PAR index of each unit, ${block}`,
    chartDesc: (n: number, low: string, high: string, mean: string) =>
      `Bar chart: the index of ${n} units, from ${low} % to ${high} %, mean ${mean} %. Bar colour and pattern follow the class; every figure is in the table below.`,
    table: (block: string) => `Ranking, ${block}`,
    areasLegend: "Areas (maximum points)",
    maxPoints: "points",
    showAll: "Show every column",
    showLess: "Show fewer columns",
    phoneHint: "On a phone the table shows rank, unit, index and class; choose a unit's name for its details.",
    change: "Change since last year",
    noPrevious: "–",
    indexPercent: "Index (%)",
    surveyColumn: "Survey",
    noClass: "no class",
    meanLine: (mean: string) => `Dashed line: the block's mean index (${mean} %).`,
    noSurvey: "no survey",
    surveyAbsent: {
      rescale: "No survey result: the index is over the maximum of the other parts (the survey left out).",
      zero: "No survey result: the survey part counts 0 points.",
    },
  },
} as const;

export interface ResultsPageProps {
  lang: Lang;
  campaign: CampaignView;
  view: RankingView;
  areas: AreaColumn[];
  /** The set's rule for a unit without a survey result (absent when the set has no survey). */
  whenSurveyAbsent?: "rescale" | "zero" | undefined;
}

/**
 * `/results/{campaign}`: a published campaign's ranking per block, for anyone. Per block the
 * mean index and class shares, a bar chart of the index per unit, then the table: rank, unit,
 * points per area, survey, total, index, class and change since last year. Every figure comes
 * from the published ranking; the page formats, it never computes a score.
 */
export function ResultsPage(props: ResultsPageProps) {
  const { lang, campaign, view } = props;
  const t = TEXT[lang];
  const base = `/campaigns/${encodeURIComponent(campaign.id)}/ranking`;
  /** The annex in the page's language: Vietnamese (the published form) by default. */
  const inLang = lang === "vi" ? "" : `&lang=${lang}`;
  return (
    <>
      <nav aria-label={lang === "vi" ? "Vị trí" : "Breadcrumb"} class="breadcrumb no-print">
        <a href="/">{t.home}</a> <span aria-hidden="true">›</span> {t.results}
      </nav>
      <h1>{campaign.title}</h1>
      <p class="lead">{t.lead(view.year, view.criteria.family, view.criteria.version)}</p>
      {campaign.publishedAt ? (
        <p class="muted">
          {t.publishedOn} {formatInstant(new Date(campaign.publishedAt), lang)}
        </p>
      ) : null}
      <h2 class="visually-hidden">{t.downloads}</h2>
      <ul class="downloads no-print">
        <li>
          <a href={`${base}?format=xlsx${inLang}`} download>
            {t.xlsx}
          </a>
        </li>
        {lang === "en" ? (
          <li>
            <a href={`${base}?format=xlsx`} download hreflang="vi">
              {TEXT.en.officialXlsx}
            </a>
          </li>
        ) : null}
        <li>
          <a href={`${base}?format=annex-csv${inLang}`} download>
            {t.csv}
          </a>
        </li>
        <li>
          <a href={`${base}?format=csv`} download>
            {t.dataCsv}
          </a>
        </li>
      </ul>
      {view.blocks.length > 1 ? (
        <nav aria-label={t.blocks} class="block-nav no-print">
          <ul>
            {view.blocks.map((block) => (
              <li>
                <a href={`#block-${block.code}`}>
                  {textIn(block.title, lang)} ({block.units.length} {t.units})
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {view.blocks.map((block) => (
        <BlockSection {...props} block={block} />
      ))}
    </>
  );
}

/** One block's mean, class shares, chart and table (also the publication preview's, with its own unit links). */
export function BlockSection(props: ResultsPageProps & { block: Block; unitHref?: ((unit: RankedUnit) => string) | undefined }) {
  const { lang, block, campaign, areas } = props;
  const t = TEXT[lang];
  const decimals = props.view.display.indexDecimals;
  const points = props.view.display.pointsDecimals;
  const title = textIn(block.title, lang);
  const position = new Map(block.classCounts.map((c, i) => [c.code, i]));
  const styleOf = (unit: RankedUnit) => (unit.class ? classStyle(position.get(unit.class.code) ?? 0) : NO_CLASS);
  const className = (unit: RankedUnit) => (unit.class ? textIn(unit.class.title, lang) : t.noClass);
  const indices = block.units.map((u) => u.index);
  const mean = block.summary.mean === null ? "–" : formatDecimal(block.summary.mean, decimals, lang);
  const surveyColumn = !areas.some((area) => area.survey);
  const unitHref = props.unitHref ?? ((unit: RankedUnit) => `/results/${encodeURIComponent(campaign.id)}/units/${encodeURIComponent(unit.unit.code)}`);
  const id = `block-${block.code}`;
  return (
    <RankingBlock code={block.code} title={title} units={block.units.length} unitsWord={t.units}>
      <dl class="summary">
        <dt>{t.mean}</dt>
        <dd class="figure">{mean} %</dd>
      </dl>
      <TableWrap label={t.shares}>
        <table class="class-shares results-table">
          <caption>{t.shares}</caption>
          <thead>
            <tr>
              <th scope="col">{capitaliseFirst(term("class", lang))}</th>
              <th scope="col" class="num">
                {t.count}
              </th>
              <th scope="col" class="num">
                {t.share}
              </th>
            </tr>
          </thead>
          <tbody>
            {block.summary.classes.map((c, i) => (
              <tr>
                <th scope="row">
                  <span class={`tag ${classStyle(i).tag}`}>{textIn(c.title, lang)}</span>
                </th>
                <td class="num">{c.count}</td>
                <td class="num">{formatDecimal(c.share, decimals, lang)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {block.units.length > 0 ? (
        <figure class="chart-figure">
          <BarChart
            id={`chart-${block.code}`}
            title={t.chartTitle(title)}
            description={t.chartDesc(
              block.units.length,
              formatDecimal(Math.min(...indices), decimals, lang),
              formatDecimal(Math.max(...indices), decimals, lang),
              mean,
            )}
            bars={block.units.map((unit) => ({
              label: `${unit.rank}. ${unit.unit.name} · ${className(unit)}`,
              value: unit.index,
              valueText: formatDecimal(unit.index, decimals, lang),
              style: styleOf(unit),
            }))}
            tickText={(tick) => `${tick} %`}
            {...(block.summary.mean === null ? {} : { marker: block.summary.mean })}
          />
          <figcaption>
            {t.chartTitle(title)}. {t.meanLine(mean)}
          </figcaption>
        </figure>
      ) : null}
      <div id={`${id}-all`} class="ranking-table">
        <p class="hint phone-only">
          {t.phoneHint}{" "}
          <a href={`#${id}-all`} class="show-all">
            {t.showAll}
          </a>
          <a href={`#${id}`} class="show-less">
            {t.showLess}
          </a>
        </p>
        <details class="areas-legend" open>
          <summary>{t.areasLegend}</summary>
          <dl class="summary">
            {areas.map((area) => (
              <>
                <dt>{area.code}</dt>
                <dd>
                  {textIn(area.title, lang)} ({formatDecimal(area.max, points, lang)} {t.maxPoints})
                </dd>
              </>
            ))}
          </dl>
        </details>
        <TableWrap label={t.table(title)}>
          <table class="ranking results-table">
            <caption>{t.table(title)}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {capitaliseFirst(term("rank", lang))}
                </th>
                <th scope="col">{capitaliseFirst(term("unit", lang))}</th>
                {areas.map((area) => (
                  <th scope="col" class="num wide-only">
                    <span aria-hidden="true">{area.code}</span>
                    <span class="visually-hidden">{`${capitaliseFirst(term("area", lang))} ${area.code}: ${textIn(area.title, lang)}`}</span>
                  </th>
                ))}
                {surveyColumn ? (
                  <th scope="col" class="num wide-only">
                    {t.surveyColumn}
                  </th>
                ) : null}
                <th scope="col" class="num wide-only">
                  {capitaliseFirst(term("total", lang))}
                </th>
                <th scope="col" class="num">
                  {t.indexPercent}
                </th>
                <th scope="col">{capitaliseFirst(term("class", lang))}</th>
                <th scope="col" class="wide-only">
                  {t.change}
                </th>
              </tr>
            </thead>
            <tbody>
              {block.units.map((unit) => (
                <tr>
                  <td class="num">{unit.rank}</td>
                  <th scope="row">
                    <a href={unitHref(unit)}>{unit.unit.name}</a> <span class="muted code">{unit.unit.code}</span>
                    {unit.surveyPoints === null && props.whenSurveyAbsent ? <span class="muted code no-survey"> *{t.noSurvey}</span> : null}
                  </th>
                  {areas.map((area) => {
                    const value = unit.areas[area.code]?.points;
                    return <td class="num wide-only">{value === null || value === undefined ? "–" : formatDecimal(value, points, lang)}</td>;
                  })}
                  {surveyColumn ? <td class="num wide-only">{unit.surveyPoints === null ? "–" : formatDecimal(unit.surveyPoints, points, lang)}</td> : null}
                  <td class="num wide-only">{formatDecimal(unit.total, points, lang)}</td>
                  <td class="num">{formatDecimal(unit.index, decimals, lang)}</td>
                  <td>
                    <span class={`tag ${styleOf(unit).tag}`}>{className(unit)}</span>
                  </td>
                  <td class="wide-only">{changeText(unit, lang, decimals)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        {props.whenSurveyAbsent && block.units.some((unit) => unit.surveyPoints === null) ? (
          <p class="hint">* {t.surveyAbsent[props.whenSurveyAbsent]}</p>
        ) : null}
      </div>
    </RankingBlock>
  );
}

/** "tăng 2 bậc (+1,25)", "giữ nguyên (−0,40)", or "–" without a ranking last year. */
export function changeText(unit: RankedUnit, lang: Lang, decimals: number): string {
  const t = TEXT[lang];
  if (!unit.previous) return t.noPrevious;
  const { rankChange, indexChange } = unit.previous;
  const rank = formatRankChange(rankChange, lang);
  return `${rank} (${indexChange > 0 ? "+" : ""}${formatDecimal(indexChange, decimals, lang)})`;
}
