import type { CriteriaSet } from "../../../src/index.js";
import { formatDecimal, formatInteger } from "../../../src/index.js";
import { UNIT_TYPE_NAMES, capitaliseFirst, nameIn, term } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { textIn } from "../../../src/index.js";
import type { NodeReport, ScoreReport } from "../../../src/index.js";
import { wilsonInterval } from "../../../src/index.js";
import type { CampaignView } from "../../services/campaign-service.js";
import type { RankingView } from "../../services/ranking-view.js";
import { BarChart } from "../components/bar-chart.js";
import { NEUTRAL, NO_CLASS, classStyle } from "../components/class-style.js";
import { TableWrap } from "../components/table-wrap.js";
import { changeText } from "./results-page.js";

type Block = RankingView["blocks"][number];

const TEXT = {
  vi: {
    back: "Bảng xếp hạng",
    home: "Trang chủ",
    of: "trên",
    outOf: "điểm tối đa áp dụng",
    summary: "Kết quả chung",
    index: "Chỉ số CCHC",
    rankIn: (rank: number, n: number, block: string) => `${rank} trên ${n} đơn vị (${block})`,
    areas: "Chỉ số thành phần theo lĩnh vực",
    chartTitle: (unit: string) => `Chỉ số thành phần từng lĩnh vực của ${unit}`,
    chartDesc: (n: number, low: string, high: string) =>
      `Biểu đồ thanh: chỉ số thành phần (%) của ${n} lĩnh vực, từ ${low} % đến ${high} %; số liệu ở bảng bên dưới.`,
    selfVsAppraised: "Điểm tự chấm và điểm thẩm định theo lĩnh vực",
    subIndex: "Chỉ số thành phần (%)",
    self: "Tự chấm",
    gap: "Chênh lệch (thẩm định − tự chấm)",
    appraised: "Thẩm định",
    notApplicable: "không áp dụng",
    survey: "Điều tra xã hội học: mức độ hài lòng",
    surveyLead: (n: string) =>
      `Tính trên ${n} phiếu. Khoảng tin cậy 95 % (Wilson) cho biết mức hài lòng thực có thể nằm trong khoảng nào, do chỉ khảo sát một mẫu người dân.`,
    indicator: "Chỉ tiêu",
    satisfied: "Tỷ lệ hài lòng (%)",
    interval: "Khoảng tin cậy 95 % (%)",
    noSurvey: "Đơn vị chưa có kết quả điều tra xã hội học trong đợt này.",
    surveyAbsent: { rescale: "Chỉ số được tính trên điểm tối đa của các phần còn lại (không gồm phần điều tra).", zero: "Phần điều tra được tính 0 điểm." },
    noRespondents: "Không rõ số phiếu, nên không tính được khoảng tin cậy.",
    stage: { "self-assessed": "Điểm tự chấm (chưa thẩm định)", appraised: "Điểm sau thẩm định" },
    noClass: "chưa xếp loại",
    onePage: "Báo cáo một trang để in (A4)",
    onePageXlsx: "Báo cáo một trang (Excel, XLSX)",
    whyMoved: "Vì sao điểm thay đổi so với năm trước?",
  },
  en: {
    back: "Ranking",
    home: "Home",
    of: "of",
    outOf: "applicable maximum",
    summary: "Overall result",
    index: "PAR index",
    rankIn: (rank: number, n: number, block: string) => `${rank} of ${n} units (${block})`,
    areas: "Sub-index per area",
    chartTitle: (unit: string) => `Sub-index per area of ${unit}`,
    chartDesc: (n: number, low: string, high: string) =>
      `Bar chart: the sub-index (%) of ${n} areas, from ${low} % to ${high} %; the figures are in the table below.`,
    selfVsAppraised: "Self-assessed and appraised points per area",
    subIndex: "Sub-index (%)",
    self: "Self-assessed",
    gap: "Difference (appraised − self-assessed)",
    appraised: "Appraised",
    notApplicable: "not applicable",
    survey: "Survey: satisfaction",
    surveyLead: (n: string) =>
      `From ${n} respondents. The 95 % confidence interval (Wilson) shows where the true satisfaction is likely to lie, since only a sample of residents was asked.`,
    indicator: "Indicator",
    satisfied: "Satisfied (%)",
    interval: "95 % confidence interval (%)",
    noSurvey: "This unit has no survey result in this campaign.",
    surveyAbsent: { rescale: "Its index is over the maximum of the other parts (the survey left out).", zero: "The survey part counts 0 points." },
    noRespondents: "The number of respondents is unknown, so no confidence interval can be given.",
    stage: { "self-assessed": "Self-assessed points (not appraised)", appraised: "Appraised points" },
    noClass: "no class",
    onePage: "One-page report to print (A4)",
    onePageXlsx: "One-page report (Excel, XLSX)",
    whyMoved: "Why did the score move since last year?",
  },
} as const;

export interface UnitResultsPageProps {
  lang: Lang;
  campaign: CampaignView;
  report: ScoreReport;
  block: Block;
  set: CriteriaSet;
  /** Whether last year's comparable campaign ranked this unit (then the page links to why the score moved). */
  whyMoved?: boolean;
}

/**
 * `/results/{campaign}/units/{code}`: one unit's published result. Figures come from the unit's
 * finalised report and the published ranking; only the survey's confidence interval is derived
 * here, from the stored satisfaction and respondents, by the survey module's Wilson interval.
 */
export function UnitResultsPage(props: UnitResultsPageProps) {
  const { lang, campaign, report, block, set } = props;
  const t = TEXT[lang];
  const decimals = report.display.indexDecimals;
  const points = report.display.pointsDecimals;
  const ranked = block.units.find((u) => u.unit.code === report.unit.code)!;
  const classPosition = block.classCounts.findIndex((c) => c.code === ranked.class?.code);
  const style = ranked.class ? classStyle(classPosition) : NO_CLASS;
  const blockTitle = textIn(block.title, lang);
  const applicable = report.areas.filter((area) => area.subIndex !== null);
  const subIndices = applicable.map((area) => area.subIndex!);
  const back = `/results/${encodeURIComponent(campaign.id)}#block-${block.code}`;
  const unitBase = `/results/${encodeURIComponent(campaign.id)}/units/${encodeURIComponent(report.unit.code)}`;
  return (
    <>
      <nav aria-label={lang === "vi" ? "Vị trí" : "Breadcrumb"} class="breadcrumb no-print">
        <a href="/">{t.home}</a> <span aria-hidden="true">›</span>{" "}
        <a href={back}>
          {t.back}: {campaign.title}
        </a>
      </nav>
      <h1>{report.unit.name}</h1>
      <p class="lead">
        {capitaliseFirst(nameIn(UNIT_TYPE_NAMES, report.unit.type, lang))} · {report.unit.code} · {campaign.title}
      </p>
      <ul class="downloads no-print">
        <li>
          <a href={`${unitBase}/report`}>{t.onePage}</a>
        </li>
        <li>
          <a href={`${unitBase}/report.xlsx`} download>
            {t.onePageXlsx}
          </a>
        </li>
        {props.whyMoved ? (
          <li>
            <a href={`${unitBase}/why-moved`}>{t.whyMoved}</a>
          </li>
        ) : null}
      </ul>
      <h2>{t.summary}</h2>
      <dl class="summary">
        <dt>{t.index}</dt>
        <dd class="figure">{formatDecimal(report.totals.index, decimals, lang)} %</dd>
        <dt>{capitaliseFirst(term("class", lang))}</dt>
        <dd>
          <span class={`tag ${style.tag}`}>{ranked.class ? textIn(ranked.class.title, lang) : t.noClass}</span>
        </dd>
        <dt>{capitaliseFirst(term("rank", lang))}</dt>
        <dd>{t.rankIn(ranked.rank, block.units.length, blockTitle)}</dd>
        <dt>{capitaliseFirst(term("total", lang))}</dt>
        <dd>
          {formatDecimal(report.totals.total, points, lang)} {t.of} {formatDecimal(report.totals.applicableMax, points, lang)} {t.outOf}
        </dd>
        <dt>{capitaliseFirst(term("changeSinceLastYear", lang))}</dt>
        <dd>{changeText(ranked, lang, decimals)}</dd>
      </dl>

      <h2>{t.areas}</h2>
      {applicable.length > 0 ? (
        <figure class="chart-figure">
          <BarChart
            id="chart-areas"
            title={t.chartTitle(report.unit.name)}
            description={t.chartDesc(
              applicable.length,
              formatDecimal(Math.min(...subIndices), decimals, lang),
              formatDecimal(Math.max(...subIndices), decimals, lang),
            )}
            bars={applicable.map((area) => ({
              label: `${area.code}. ${textIn(area.title, lang)}`,
              value: area.subIndex!,
              valueText: formatDecimal(area.subIndex!, decimals, lang),
              style: NEUTRAL,
            }))}
            tickText={(tick) => `${tick} %`}
          />
          <figcaption>{t.chartTitle(report.unit.name)}</figcaption>
        </figure>
      ) : null}

      <TableWrap label={t.selfVsAppraised}>
        <table class="results-table">
          <caption>
            {t.selfVsAppraised} · {t.stage[report.stage]}
          </caption>
          <thead>
            <tr>
              <th scope="col">{capitaliseFirst(term("area", lang))}</th>
              <th scope="col" class="num wide-only">
                {capitaliseFirst(term("applicableMaximum", lang))}
              </th>
              <th scope="col" class="num">
                {t.self}
              </th>
              <th scope="col" class="num">
                {t.appraised}
              </th>
              <th scope="col" class="num wide-only">
                {t.gap}
              </th>
              <th scope="col" class="num">
                {t.subIndex}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.areas.map((area) => (
              <AreaRow area={area} gap={report.selfGap.find((g) => g.code === area.code)?.gap ?? null} lang={lang} points={points} decimals={decimals} />
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>{t.survey}</h2>
      <SurveySection report={report} set={set} lang={lang} />

      <p class="no-print">
        <a href={back}>
          {t.back}: {campaign.title}
        </a>
      </p>
    </>
  );
}

function AreaRow(props: { area: NodeReport; gap: number | null; lang: Lang; points: number; decimals: number }) {
  const { area, lang, points } = props;
  const t = TEXT[lang];
  const number = (value: number | null) => (value === null ? "–" : formatDecimal(value, points, lang));
  return (
    <tr>
      <th scope="row">
        {area.code}. {textIn(area.title, lang)}
      </th>
      <td class="num wide-only">{formatDecimal(area.applicableMax, points, lang)}</td>
      <td class="num">{number(area.self)}</td>
      <td class="num">{number(area.appraised)}</td>
      <td class="num wide-only">{props.gap === null ? "–" : `${props.gap > 0 ? "+" : ""}${formatDecimal(props.gap, points, lang)}`}</td>
      <td class="num">{area.subIndex === null ? t.notApplicable : formatDecimal(area.subIndex, props.decimals, lang)}</td>
    </tr>
  );
}

/** Each survey indicator the unit was scored on: satisfaction and its 95 % Wilson interval from the respondents. */
function SurveySection(props: { report: ScoreReport; set: CriteriaSet; lang: Lang }) {
  const { report, set, lang } = props;
  const t = TEXT[lang];
  if (!report.survey.included)
    return (
      <p>
        {t.noSurvey} {set.survey ? t.surveyAbsent[set.survey.whenAbsent] : null}
      </p>
    );
  const n = report.survey.respondents;
  const indicators = surveyIndicators(report.areas);
  return (
    <>
      <p>{n === undefined ? t.noRespondents : t.surveyLead(formatInteger(n, lang))}</p>
      <TableWrap label={t.survey}>
        <table class="results-table">
          <caption class="visually-hidden">{t.survey}</caption>
          <thead>
            <tr>
              <th scope="col">{t.indicator}</th>
              <th scope="col" class="num">
                {t.satisfied}
              </th>
              <th scope="col" class="num">
                {t.interval}
              </th>
            </tr>
          </thead>
          <tbody>
            {indicators.map(({ id, value }) => {
              const interval = n === undefined ? null : wilsonInterval((value / 100) * n, n);
              const title = set.survey?.indicators[id]?.title;
              return (
                <tr>
                  <th scope="row">{title ? textIn(title, lang) : id}</th>
                  <td class="num">{formatDecimal(value, 2, lang)}</td>
                  <td class="num">{interval ? `${formatDecimal(interval[0] * 100, 2, lang)} – ${formatDecimal(interval[1] * 100, 2, lang)}` : "–"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** The survey indicators read by the report's survey items, with the stored value, in item order. */
function surveyIndicators(areas: NodeReport[]): { id: string; value: number }[] {
  const found = new Map<string, number>();
  const visit = (node: NodeReport) => {
    if (node.leaf?.kind === "survey")
      for (const [id, value] of Object.entries(node.leaf.facts)) if (typeof value === "number" && !found.has(id)) found.set(id, value);
    node.children?.forEach(visit);
  };
  areas.forEach(visit);
  return [...found].map(([id, value]) => ({ id, value }));
}
