import { CRITERIA_CHANGE_NAMES, ITEM_STATUS_NAMES, ROUND_NAMES, formatDate, formatDecimal, nameIn, term, textIn } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { ChangeReason, UnitScoreChange } from "../../services/score-change-service.js";
import { TableWrap } from "../components/table-wrap.js";
import { formatIndex, formatPoints } from "../ward/ward-format.js";

type Item = UnitScoreChange["items"][number];

const TEXT = {
  vi: {
    heading: "Vì sao điểm thay đổi so với năm trước?",
    lead: (older: string, newer: string) =>
      `So sánh kết quả ${newer} với ${older}: tiêu chí nào bị giảm điểm, tiêu chí nào được tăng điểm, bao nhiêu và vì sao.`,
    year: (year: number) => `Năm ${year}`,
    judged: (round: string) => `Tiêu chí chấm theo đánh giá, không tính từ số liệu; điểm năm nay là điểm của vòng ${round.toLocaleLowerCase("vi")}`,
    live: "Kết quả năm nay tính theo dữ liệu hiện tại, chưa chốt: có thể còn thay đổi.",
    summary: "Tổng hợp",
    what: "Nội dung",
    change: "Thay đổi",
    noClass: "chưa xếp loại",
    lost: "Tiêu chí bị giảm điểm",
    gained: "Tiêu chí được tăng điểm",
    noneLost: "Không tiêu chí nào bị giảm điểm.",
    noneGained: "Không tiêu chí nào được tăng điểm.",
    formerly: (code: string, year: number) => `năm ${year} là tiêu chí ${code}`,
    points: (year: number) => `Điểm năm ${year}`,
    absent: "không có",
    why: "Vì sao",
    howScored: (year: number) => `Cách chấm năm ${year}`,
    rule: "Bộ tiêu chí thay đổi",
    facts: "Số liệu thay đổi",
    status: "Tình trạng",
    evidenceAdded: "Có thêm tài liệu kiểm chứng",
    evidenceRemoved: "Không còn tài liệu kiểm chứng",
    evidenceMissing: "Còn thiếu tài liệu kiểm chứng",
    appraised: (year: number, self: string, appraised: string) => `Năm ${year}, cán bộ thẩm định chấm ${appraised} điểm (đơn vị tự chấm ${self} điểm)`,
    yes: "có",
    no: "không",
    adjustments: "Điểm thưởng và điểm trừ",
    bonusChange: "Thay đổi điểm thưởng",
    penaltyChange: "Thay đổi điểm trừ",
    sum: "Cộng các thay đổi trên (kể cả điểm thưởng, trừ điểm trừ) bằng đúng thay đổi của tổng điểm.",
    back: "Quay lại",
  },
  en: {
    heading: "Why did the score move since last year?",
    lead: (older: string, newer: string) => `${newer} against ${older}: which items lost points, which gained, by how much and why.`,
    year: (year: number) => `${year}`,
    judged: (round: string) => `Points given by judgement, not from facts; this year's points are those of ${round.toLocaleLowerCase("en")}`,
    live: "This year's result is from the current inputs, not finalised: it may still change.",
    summary: "Summary",
    what: "Figure",
    change: "Change",
    noClass: "no class",
    lost: "Items that lost points",
    gained: "Items that gained points",
    noneLost: "No item lost points.",
    noneGained: "No item gained points.",
    formerly: (code: string, year: number) => `item ${code} in ${year}`,
    points: (year: number) => `Points in ${year}`,
    absent: "none",
    why: "Why",
    howScored: (year: number) => `How it was scored in ${year}`,
    rule: "The criteria changed",
    facts: "Facts changed",
    status: "Status",
    evidenceAdded: "Evidence added",
    evidenceRemoved: "Evidence no longer given",
    evidenceMissing: "Evidence still missing",
    appraised: (year: number, self: string, appraised: string) => `In ${year} the scorer gave ${appraised} points (self-assessed ${self})`,
    yes: "yes",
    no: "no",
    adjustments: "Bonus and penalty points",
    bonusChange: "Change of the bonus",
    penaltyChange: "Change of the penalty",
    sum: "The changes above (plus the bonus, minus the penalty) add up to the change of the total.",
    back: "Back",
  },
} as const;

/** A signed change with the locale's decimal mark: "+0,5", "−1", "±0". */
export function signedPoints(change: number, lang: Lang): string {
  if (change === 0) return "±0";
  return `${change > 0 ? "+" : "−"}${formatPoints(Math.abs(change), lang)}`;
}

/**
 * One unit's "why did the score move" (the score change service's data, rendered): the two years'
 * totals, index and class, then the items that lost points (largest loss first), then those that
 * gained (largest gain first), each with its points before → after and its reasons in words.
 */
export function WhyMovedPage(props: { lang: Lang; change: UnitScoreChange; back?: { href: string; text: string } | undefined }) {
  const { lang, change } = props;
  const t = TEXT[lang];
  const { older, newer } = change.campaigns;
  const lost = change.items.filter((i) => i.change < 0);
  const gained = change.items.filter((i) => i.change > 0).sort((a, b) => b.change - a.change);
  const decimals = change.indexDecimals;
  const signedIndex = (n: number) => (n === 0 ? "±0" : `${n > 0 ? "+" : "−"}${formatDecimal(Math.abs(n), decimals, lang)}`);
  const cls = (title: UnitScoreChange["classTitles"]["older"]) => (title ? textIn(title, lang) : t.noClass);
  return (
    <div class="why-moved">
      {props.back ? (
        <p class="back-link">
          <a href={props.back.href}>{props.back.text}</a>
        </p>
      ) : null}
      <p class="caption">
        {change.unit.name} <span class="code">({change.unit.code})</span>
      </p>
      <h1>{t.heading}</h1>
      <p class="lead">{t.lead(older.title, newer.title)}</p>
      {newer.source === "live" ? <p class="notice warn">{t.live}</p> : null}
      <h2>{t.summary}</h2>
      <TableWrap label={t.summary}>
        <table class="why-summary">
          <thead>
            <tr>
              <th scope="col">{t.what}</th>
              <th scope="col" class="num">
                {t.year(older.year)}
              </th>
              <th scope="col" class="num">
                {t.year(newer.year)}
              </th>
              <th scope="col" class="num">
                {t.change}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{term("total", lang, true)}</th>
              <td class="num">{formatPoints(change.older.total, lang)}</td>
              <td class="num">{formatPoints(change.newer.total, lang)}</td>
              <td class="num" data-figure="total-change">
                {signedPoints(change.totalChange, lang)}
              </td>
            </tr>
            <tr>
              <th scope="row">{term("parIndex", lang)}</th>
              <td class="num">{formatIndex(change.older.index, decimals, lang)}</td>
              <td class="num">{formatIndex(change.newer.index, decimals, lang)}</td>
              <td class="num" data-figure="index-change">
                {signedIndex(change.indexChange)}
              </td>
            </tr>
            <tr>
              <th scope="row">{term("class", lang, true)}</th>
              <td class="num">{cls(change.classTitles.older)}</td>
              <td class="num">{cls(change.classTitles.newer)}</td>
              <td class="num">{change.older.class === change.newer.class ? "" : `${cls(change.classTitles.older)} → ${cls(change.classTitles.newer)}`}</td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      <ItemSection id="lost" heading={t.lost} none={t.noneLost} items={lost} lang={lang} years={[older.year, newer.year]} />
      <ItemSection id="gained" heading={t.gained} none={t.noneGained} items={gained} lang={lang} years={[older.year, newer.year]} />
      <h2>{t.adjustments}</h2>
      <ul>
        <li>
          {t.bonusChange}: {signedPoints(change.bonus, lang)}
        </li>
        <li>
          {t.penaltyChange}: {signedPoints(change.penalty, lang)}
        </li>
      </ul>
      <p class="hint">{t.sum}</p>
    </div>
  );
}

function ItemSection(props: { id: string; heading: string; none: string; items: Item[]; lang: Lang; years: [number, number] }) {
  const headingId = `${props.id}-heading`;
  return (
    <section id={props.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.heading} ({props.items.length})
      </h2>
      {props.items.length === 0 ? (
        <p>{props.none}</p>
      ) : (
        <ol class="card-list why-items">
          {props.items.map((item) => (
            <ItemCard item={item} lang={props.lang} years={props.years} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ItemCard(props: { item: Item; lang: Lang; years: [number, number] }) {
  const { item, lang } = props;
  const [olderYear, newerYear] = props.years;
  const t = TEXT[lang];
  const points = (side: Item["older"]) => (side ? `${formatPoints(side.points, lang)}/${formatPoints(side.max, lang)}` : t.absent);
  return (
    <li class="card why-item" data-code={item.code}>
      <h3>
        {item.code}. {textIn(item.title, lang)}
        {item.older && item.older.code !== item.code ? <span class="code"> ({t.formerly(item.older.code, olderYear)})</span> : null}
      </h3>
      <p class="why-points">
        {t.points(olderYear)}: {points(item.older)} → {t.points(newerYear)}: {points(item.newer)}{" "}
        <strong class={item.change < 0 ? "why-loss" : "why-gain"} data-figure="change">
          {signedPoints(item.change, lang)}
        </strong>
      </p>
      {item.reasons.length > 0 ? (
        <>
          <p class="why-label">{t.why}:</p>
          <ul class="why-reasons">
            {item.reasons.map((reason) => (
              <li>{reasonText(reason, lang, props.years)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <dl class="why-rules">
        {item.newer ? (
          <>
            <dt>{t.howScored(newerYear)}</dt>
            <dd>{textIn(item.newer.why, lang)}</dd>
          </>
        ) : null}
        {item.older ? (
          <>
            <dt>{t.howScored(olderYear)}</dt>
            <dd>{textIn(item.older.why, lang)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

function reasonText(reason: ChangeReason, lang: Lang, [olderYear, newerYear]: [number, number]) {
  const t = TEXT[lang];
  switch (reason.kind) {
    case "rule":
      return `${t.rule}: ${reason.notes.map((note) => nameIn(CRITERIA_CHANGE_NAMES, note, lang)).join(", ")}`;
    case "facts":
      return (
        <>
          {t.facts}:
          <ul>
            {reason.facts.map((fact) => (
              <li>
                {fact.title ? textIn(fact.title, lang) : fact.name}: {factValue(fact.before, lang)} → {factValue(fact.after, lang)}
              </li>
            ))}
          </ul>
        </>
      );
    case "status":
      return `${t.status}: ${reason.before ? nameIn(ITEM_STATUS_NAMES, reason.before, lang) : t.absent} → ${reason.after ? nameIn(ITEM_STATUS_NAMES, reason.after, lang) : t.absent}`;
    case "evidence-added":
      return `${t.evidenceAdded}: ${reason.ids.join(", ")}`;
    case "evidence-removed":
      return `${t.evidenceRemoved}: ${reason.ids.join(", ")}`;
    case "evidence-missing":
      return t.evidenceMissing;
    case "judged":
      return t.judged(nameIn(ROUND_NAMES, reason.round, lang));
    case "appraised":
      return t.appraised(reason.year === "older" ? olderYear : newerYear, formatPoints(reason.self, lang), formatPoints(reason.appraised, lang));
  }
}

/** A fact's value in words: numbers with the locale's decimal mark, dates dd/mm/yyyy in Vietnamese, yes/no, lists. */
function factValue(value: unknown, lang: Lang): string {
  const t = TEXT[lang];
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (typeof value === "number") return formatPoints(value, lang);
  if (typeof value === "string") return formatDate(value, lang);
  if (Array.isArray(value)) return value.map((v) => factValue(v, lang)).join("; ");
  return JSON.stringify(value);
}
