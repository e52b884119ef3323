import { type Lang, type UnitRobustness, formatDecimal, formatInteger, textIn } from "../../../src/index.js";
import type { CampaignRobustness, RobustnessOptionsInput } from "../../services/robustness-service.js";
import { RankingBlock } from "../components/ranking-block.js";
import { NO_CLASS, classStyle } from "../components/class-style.js";
import { RankBandChart } from "../components/rank-band-chart.js";
import { TableWrap } from "../components/table-wrap.js";
import { ErrorSummary, FieldError, type FormError, describedBy } from "../form-parts.js";

type Block = CampaignRobustness["robustness"]["blocks"][number];

const TEXT = {
  vi: {
    title: "Độ tin cậy của thứ hạng",
    worklist: "Danh sách đơn vị",
    lead: (n: string) =>
      `Thứ hạng được tính lại ${n} lần: mỗi lần, kết quả điều tra xã hội học của từng đơn vị được rút ngẫu nhiên theo sai số mẫu (số người trả lời, khoảng tin cậy Wilson 95 %). Dải cho biết thứ hạng nằm ở đâu trong 90 % số lần (từ bách phân vị 5 đến 95).`,
    disputesOn: "Các tiêu chí còn chênh lệch giữa tự chấm và thẩm định cũng được rút ngẫu nhiên trong khoảng giữa hai mức điểm.",
    live: "Đợt đánh giá đang mở: phân tích trên bảng xếp hạng tạm tính từ điểm hiện có.",
    published: "Phân tích trên bảng xếp hạng đã công bố.",
    unscored: (codes: string) => `Chưa tính được điểm, không đưa vào phân tích: ${codes}.`,
    noSurvey: "Chưa đơn vị nào có số người trả lời khảo sát: thứ hạng không thay đổi giữa các lần mô phỏng.",
    form: "Tùy chọn phân tích",
    replicates: "Số lần mô phỏng",
    replicatesHint: (min: number, max: number) => `Từ ${min} đến ${formatInteger(max, "vi")}.`,
    seed: "Hạt giống ngẫu nhiên",
    seedHint: "Cùng hạt giống cho cùng kết quả.",
    disputes: "Tính cả các tiêu chí còn chênh lệch",
    run: "Phân tích",
    units: "đơn vị",
    chartTitle: (block: string) => `Khoảng thứ hạng của từng đơn vị, ${block}`,
    chartDesc: (n: number, replicates: string) =>
      `Biểu đồ dải: với mỗi đơn vị trong ${n} đơn vị, khoảng thứ hạng từ bách phân vị 5 đến 95 qua ${replicates} lần mô phỏng, vạch đen là thứ hạng trung vị; hạng 1 ở bên trái. Màu và hoa văn theo xếp loại đã tính; số liệu đầy đủ ở bảng bên dưới.`,
    caption: "Dải: thứ hạng từ bách phân vị 5 đến 95; vạch đen: thứ hạng trung vị; màu và hoa văn: xếp loại đã tính.",
    band: (median: number, low: number, high: number) => (low === high ? `luôn hạng ${median}` : `trung vị ${median}, từ ${low} đến ${high}`),
    tick: (rank: number) => (rank === 1 ? "hạng 1" : String(rank)),
    table: (block: string) => `Khoảng thứ hạng và khả năng xếp loại, ${block}`,
    rank: "Hạng",
    unit: "Đơn vị",
    median: "Hạng trung vị",
    range: "Khoảng hạng (5–95 %)",
    cls: "Xếp loại",
    classes: "Khả năng từng xếp loại",
    noClass: "chưa xếp loại",
    pairs: "Các cặp chưa chắc thứ tự",
    pairsLead: "Các cặp đơn vị bị đảo thứ tự trong hơn 5 % số lần mô phỏng.",
    noPairs: "Mọi cặp đơn vị giữ nguyên thứ tự trong ít nhất 95 % số lần mô phỏng.",
    above: "Đơn vị xếp trên",
    below: "Đơn vị xếp dưới",
    reversed: "Tỷ lệ đảo thứ tự",
  },
  en: {
    title: "How sure the ranking is",
    worklist: "Units to appraise",
    lead: (n: string) =>
      `The ranking is computed again ${n} times: each time every unit's survey results are drawn from their sampling uncertainty (respondents, 95 % Wilson interval). The band shows where the rank lands in 90 % of the replicates (5th to 95th percentile).`,
    disputesOn: "Items whose appraised points still differ from the self-assessment are also drawn anywhere between the two.",
    live: "The campaign is open: the analysis is of the live ranking from the points entered so far.",
    published: "The analysis is of the published ranking.",
    unscored: (codes: string) => `Cannot be scored yet, left out: ${codes}.`,
    noSurvey: "No unit has a known number of survey respondents: the ranks do not move between replicates.",
    form: "Analysis options",
    replicates: "Replicates",
    replicatesHint: (min: number, max: number) => `From ${min} to ${formatInteger(max, "en")}.`,
    seed: "Random seed",
    seedHint: "The same seed gives the same result.",
    disputes: "Also vary disputed items",
    run: "Analyse",
    units: "units",
    chartTitle: (block: string) => `Rank band of each unit, ${block}`,
    chartDesc: (n: number, replicates: string) =>
      `Band chart: for each of ${n} units, the ranks from the 5th to the 95th percentile over ${replicates} replicates, with a black bar at the median rank; rank 1 is on the left. Colour and pattern follow the class; every figure is in the table below.`,
    caption: "Band: ranks from the 5th to the 95th percentile; black bar: median rank; colour and pattern: the class.",
    band: (median: number, low: number, high: number) => (low === high ? `always ${median}` : `median ${median}, ${low} to ${high}`),
    tick: (rank: number) => (rank === 1 ? "rank 1" : String(rank)),
    table: (block: string) => `Rank bands and class chances, ${block}`,
    rank: "Rank",
    unit: "Unit",
    median: "Median rank",
    range: "Rank band (5–95 %)",
    cls: "Class",
    classes: "Chance of each class",
    noClass: "no class",
    pairs: "Pairs whose order is not settled",
    pairsLead: "Pairs of units reversed in more than 5 % of the replicates.",
    noPairs: "Every pair of units keeps its order in at least 95 % of the replicates.",
    above: "Unit ranked above",
    below: "Unit ranked below",
    reversed: "Reversed in",
  },
} as const;

export interface RobustnessPageProps {
  lang: Lang;
  campaignId: string;
  /** The options as typed, shown back in the form. */
  input: RobustnessOptionsInput;
  bounds: { min: number; max: number };
  errors: FormError[];
  analysis?: CampaignRobustness | undefined;
}

/**
 * `/analysis/{campaign}/robustness`: how sure each rank is, for scorers. A GET form (replicates,
 * seed, disputed items), then per block a chart of rank bands and the same figures as a table
 * with each class's chance, and the pairs whose order is not settled. Every figure comes from the
 * robustness service; the page formats.
 */
export function RobustnessPage(props: RobustnessPageProps) {
  const { lang, analysis } = props;
  const t = TEXT[lang];
  const report = analysis?.robustness;
  const varied = report?.blocks.some((b) => b.units.some((u) => u.drawn.indicators > 0 || u.drawn.disputed > 0)) ?? true;
  return (
    <>
      <nav aria-label={lang === "vi" ? "Vị trí" : "Breadcrumb"} class="breadcrumb">
        <a href={`/work/${encodeURIComponent(props.campaignId)}`}>{t.worklist}</a> <span aria-hidden="true">›</span> {t.title}
      </nav>
      <h1>
        {t.title}
        {analysis ? `: ${analysis.campaign.title}` : ""}
      </h1>
      <ErrorSummary lang={lang} errors={props.errors} />
      {report ? (
        <>
          <p class="lead">{t.lead(formatInteger(report.replicates, lang))}</p>
          {report.disputes ? <p>{t.disputesOn}</p> : null}
          <p>{analysis.source === "live" ? t.live : t.published}</p>
          {analysis.unscored.length > 0 ? <p class="notice warn">{t.unscored(analysis.unscored.join(", "))}</p> : null}
          {varied ? null : <p class="notice warn">{t.noSurvey}</p>}
        </>
      ) : null}
      <OptionsForm {...props} />
      {analysis && report ? report.blocks.map((block) => <BlockSection lang={lang} analysis={analysis} block={block} />) : null}
    </>
  );
}

function OptionsForm(props: RobustnessPageProps) {
  const { lang, errors, input, bounds } = props;
  const t = TEXT[lang];
  const checked = ["true", "1", "on"].includes(input.disputes ?? "");
  return (
    <form method="get" class="robustness-form" aria-label={t.form}>
      <div class={`field${errors.some((e) => e.field === "replicates") ? " field-error" : ""}`}>
        <label for="replicates">{t.replicates}</label>
        <span class="hint" id="replicates-hint">
          {t.replicatesHint(bounds.min, bounds.max)}
        </span>
        <FieldError id="replicates" errors={errors} lang={lang} />
        <input
          id="replicates"
          name="replicates"
          type="text"
          inputmode="numeric"
          class="input-short"
          value={input.replicates ?? String(props.analysis?.robustness.replicates ?? "")}
          aria-describedby={describedBy("replicates", errors, true)}
        />
      </div>
      <div class={`field${errors.some((e) => e.field === "seed") ? " field-error" : ""}`}>
        <label for="seed">{t.seed}</label>
        <span class="hint" id="seed-hint">
          {t.seedHint}
        </span>
        <FieldError id="seed" errors={errors} lang={lang} />
        <input
          id="seed"
          name="seed"
          type="text"
          inputmode="numeric"
          class="input-short"
          value={input.seed ?? String(props.analysis?.robustness.seed ?? "")}
          aria-describedby={describedBy("seed", errors, true)}
        />
      </div>
      <div class="field checkboxes">
        <label for="disputes">
          <input id="disputes" name="disputes" type="checkbox" value="true" checked={checked} />
          {t.disputes}
        </label>
      </div>
      <button class="button" type="submit">
        {t.run}
      </button>
    </form>
  );
}

function BlockSection(props: { lang: Lang; analysis: CampaignRobustness; block: Block }) {
  const { lang, analysis, block } = props;
  const t = TEXT[lang];
  const title = textIn(block.title, lang);
  const position = new Map(analysis.classes.map((c, i) => [c.code, i]));
  const styleOf = (code: string | null) => (code === null ? NO_CLASS : classStyle(position.get(code) ?? 0));
  const classTitle = (code: string | null) => {
    const found = analysis.classes.find((c) => c.code === code);
    return found ? textIn(found.title, lang) : t.noClass;
  };
  const names = new Map(block.units.map((u) => [u.code, u.name]));
  const percent = (share: number) => `${formatDecimal(share * 100, 1, lang)} %`;
  const id = `block-${block.code}`;
  const replicates = formatInteger(analysis.robustness.replicates, lang);
  return (
    <RankingBlock code={block.code} title={title} units={block.units.length} unitsWord={t.units}>
      <figure class="chart-figure">
        <RankBandChart
          id={`${id}-chart`}
          title={t.chartTitle(title)}
          description={t.chartDesc(block.units.length, replicates)}
          ranks={block.units.length}
          tickText={t.tick}
          bands={block.units.map((u: UnitRobustness) => ({
            label: `${u.rank}. ${u.name} · ${classTitle(u.class)}`,
            low: u.low,
            median: u.median,
            high: u.high,
            valueText: t.band(u.median, u.low, u.high),
            style: styleOf(u.class),
          }))}
        />
        <figcaption>{t.caption}</figcaption>
      </figure>
      <TableWrap label={t.table(title)}>
        <table class="results-table">
          <caption>{t.table(title)}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t.rank}
              </th>
              <th scope="col">{t.unit}</th>
              <th scope="col" class="num">
                {t.median}
              </th>
              <th scope="col" class="num">
                {t.range}
              </th>
              <th scope="col">{t.cls}</th>
              <th scope="col">{t.classes}</th>
            </tr>
          </thead>
          <tbody>
            {block.units.map((u) => (
              <tr>
                <td class="num">{u.rank}</td>
                <th scope="row">
                  {u.name} <span class="code">({u.code})</span>
                </th>
                <td class="num">{u.median}</td>
                <td class="num">{u.low === u.high ? u.low : `${u.low}–${u.high}`}</td>
                <td>
                  <span class={`tag ${styleOf(u.class).tag}`}>{classTitle(u.class)}</span>
                </td>
                <td>
                  <ul class="plain-list">
                    {u.classes.map((c) => (
                      <li>
                        {classTitle(c.code)}: {percent(c.share)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{t.pairs}</h3>
      {block.unsettled.length === 0 ? (
        <p>{t.noPairs}</p>
      ) : (
        <>
          <p>{t.pairsLead}</p>
          <TableWrap label={`${t.pairs}, ${title}`}>
            <table class="results-table">
              <thead>
                <tr>
                  <th scope="col">{t.above}</th>
                  <th scope="col">{t.below}</th>
                  <th scope="col" class="num">
                    {t.reversed}
                  </th>
                </tr>
              </thead>
              <tbody>
                {block.unsettled.map((pair) => (
                  <tr>
                    <td>{names.get(pair.above) ?? pair.above}</td>
                    <td>{names.get(pair.below) ?? pair.below}</td>
                    <td class="num">{percent(pair.reversed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </RankingBlock>
  );
}
