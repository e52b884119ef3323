import { ROUND_NAMES, STATE_NAMES, nameIn, textIn } from "../../../src/index.js";
import type { Lang, Round } from "../../../src/index.js";
import type { HistoryRow, RoundHistory, SectionHistory, StageTotals } from "../../services/round-history.js";
import type { ScoredRound } from "../../services/score-rounds.js";
import { TableWrap } from "../components/table-wrap.js";
import { formatIndex, formatPoints } from "../ward/ward-format.js";

const TEXT = {
  vi: {
    heading: "Báo cáo điểm qua các vòng",
    state: "Trạng thái",
    intro:
      "Mỗi vòng giữ nguyên điểm và ý kiến đã nhập; điểm cuối cùng là điểm được tính vào chỉ số. Dòng tô màu là tiêu chí bị trừ điểm ở vòng thẩm định lần 1.",
    code: "Mã",
    title: "Tiêu chí",
    max: "Tối đa",
    final: "Cuối cùng",
    totals: "Tổng điểm, chỉ số và xếp loại sau mỗi vòng",
    total: "Tổng điểm",
    index: "Chỉ số",
    class: "Xếp loại",
    markedDown: "bị trừ điểm",
    notApplicable: "không áp dụng",
    finalSource: { snapshot: "theo kết quả đã chốt", live: "theo dữ liệu hiện tại (chưa chốt)" },
    back: "Về trang thẩm định",
    whyMoved: "Vì sao điểm thay đổi so với năm trước?",
  },
  en: {
    heading: "Score report of every round",
    state: "State",
    intro:
      "Each round keeps the points and comments entered in it; the final points are the ones the index counts. Highlighted rows are items appraisal round 1 marked down.",
    code: "Code",
    title: "Item",
    max: "Max",
    final: "Final",
    totals: "Total, index and class after each round",
    total: "Total",
    index: "Index",
    class: "Class",
    markedDown: "marked down",
    notApplicable: "not applicable",
    finalSource: { snapshot: "as finalised", live: "from the current inputs (not finalised)" },
    back: "Back to the appraisal",
    whyMoved: "Why did the score move since last year?",
  },
} as const;

const SCORED: readonly Round[] = ["self", "appraisal1", "appraisal2"];

/** One unit's points and comments per round, every round kept (the round history service's data, rendered). */
export function RoundReportPage(props: {
  lang: Lang;
  history: RoundHistory;
  campaignTitle: string;
  backHref?: string | undefined;
  whyMovedHref?: string | undefined;
}) {
  const { lang, history } = props;
  const t = TEXT[lang];
  const scored = history.rounds.filter((r): r is ScoredRound => SCORED.includes(r));
  const decimals = history.display.indexDecimals;
  return (
    <div class="round-report">
      <p class="caption">{props.campaignTitle}</p>
      <h1>
        {t.heading}: {history.unit.name}
      </h1>
      <p>
        {t.state}: <strong>{nameIn(STATE_NAMES, history.state, lang)}</strong>
      </p>
      <p>{t.intro}</p>
      {props.whyMovedHref ? (
        <p>
          <a href={props.whyMovedHref}>{t.whyMoved}</a>
        </p>
      ) : null}
      <h2>{t.totals}</h2>
      <TableWrap label={t.totals}>
        <table>
          <thead>
            <tr>
              <th scope="col"> </th>
              <th scope="col" class="num">
                {t.total}
              </th>
              <th scope="col" class="num">
                {t.index}
              </th>
              <th scope="col">{t.class}</th>
            </tr>
          </thead>
          <tbody>
            {scored.map((round) => (
              <TotalsRow label={nameIn(ROUND_NAMES, round, lang)} totals={history.totals[round]} lang={lang} decimals={decimals} />
            ))}
            <TotalsRow label={`${t.final} (${t.finalSource[history.final.source]})`} totals={history.final} lang={lang} decimals={decimals} />
          </tbody>
        </table>
      </TableWrap>
      {history.sections.map((section) => (
        <SectionTable section={section} history={history} scored={scored} lang={lang} />
      ))}
      {props.backHref ? (
        <p>
          <a href={props.backHref}>{t.back}</a>
        </p>
      ) : null}
    </div>
  );
}

function TotalsRow(props: { label: string; totals: StageTotals | undefined; lang: Lang; decimals: number }) {
  const { totals, lang } = props;
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td class="num">{totals ? `${formatPoints(totals.total, lang)} / ${formatPoints(totals.applicableMax, lang)}` : "–"}</td>
      <td class="num">{totals ? formatIndex(totals.index, props.decimals, lang) : "–"}</td>
      <td>{totals?.class ? textIn(totals.class.title, lang) : "–"}</td>
    </tr>
  );
}

function SectionTable(props: { section: SectionHistory; history: RoundHistory; scored: ScoredRound[]; lang: Lang }) {
  const { section, history, scored, lang } = props;
  const t = TEXT[lang];
  const title = section.kind === "area" ? `${section.code}. ${textIn(section.title, lang)}` : textIn(section.title, lang);
  return (
    <section>
      <h2>{title}</h2>
      <TableWrap label={title}>
        <table class="round-report-table">
          <thead>
            <tr>
              <th scope="col">{t.code}</th>
              <th scope="col">{t.title}</th>
              <th scope="col" class="num">
                {t.max}
              </th>
              {history.rounds.map((round) => (
                <th scope="col">{nameIn(ROUND_NAMES, round, lang)}</th>
              ))}
              <th scope="col" class="num">
                {t.final}
              </th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <HistoryLine row={row} rounds={history.rounds} scored={scored} lang={lang} />
            ))}
            <tr class="section-total">
              <th scope="row" colspan={2}>
                {t.total}
              </th>
              <td class="num">{formatPoints(section.max, lang)}</td>
              {history.rounds.map((round) => (
                <td class="num">{SCORED.includes(round) ? formatPoints(section.points[round as ScoredRound] ?? 0, lang) : ""}</td>
              ))}
              <td class="num">
                <strong>{formatPoints(section.final, lang)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** A criterion (its points per round) or an item (also what each round entered); a change from the round before is marked. */
function HistoryLine(props: { row: HistoryRow; rounds: Round[]; scored: ScoredRound[]; lang: Lang }) {
  const { row, rounds, lang } = props;
  const t = TEXT[lang];
  const leaf = row.entries !== undefined;
  return (
    <tr class={`${row.markedDown ? "marked-down-row " : ""}depth-${Math.min(row.depth, 3)}`}>
      <th scope="row">{row.code}</th>
      <td>
        {textIn(row.title, lang)}
        {row.markedDown ? <span class="tag flag-down"> {t.markedDown}</span> : null}
      </td>
      <td class="num">{formatPoints(row.max, lang)}</td>
      {rounds.map((round, i) => {
        const entry = row.entries?.[round];
        const points = SCORED.includes(round) ? row.points[round as ScoredRound] : undefined;
        const previous = previousScored(rounds, i);
        const changed = points !== undefined && previous !== undefined && row.points[previous] !== points;
        return (
          <td class={changed ? "changed" : undefined}>
            {points !== undefined ? <span class={leaf ? "num-inline" : "num-inline subtotal"}>{formatPoints(points, lang)}</span> : null}
            {entry?.notApplicable ? <span class="note"> ({t.notApplicable})</span> : null}
            {entry?.comment ? <span class="comment">{entry.comment}</span> : null}
            {entry?.reason ? <span class="comment">{entry.reason}</span> : null}
          </td>
        );
      })}
      <td class="num">{leaf ? formatPoints(row.final, lang) : <strong>{formatPoints(row.final, lang)}</strong>}</td>
    </tr>
  );
}

function previousScored(rounds: Round[], index: number): ScoredRound | undefined {
  for (let i = index - 1; i >= 0; i--) if (SCORED.includes(rounds[i]!)) return rounds[i] as ScoredRound;
  return undefined;
}
