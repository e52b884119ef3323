import { textIn } from "../../../src/index.js";
import { DEADLINE_NAMES, STATE_NAMES, nameIn } from "../../../src/index.js";
import { formatInstant, formatTimeLeft } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { CsrfField } from "../form-parts.js";
import { ItemLinks } from "./item-links.js";
import { type WardData, currentDeadline, entersItem, leavesOf, plainText, progress, sectionOf, sections } from "./ward-data.js";
import { formatIndex, formatPoints } from "./ward-format.js";

const TEXT = {
  vi: {
    extended: "Được gia hạn vì",
    state: "Trạng thái",
    index: "Chỉ số tạm tính",
    indexNote: "Tính theo số liệu đã nhập, chưa có kết quả điều tra xã hội học; chỉ số chính thức do Sở Nội vụ thẩm định.",
    indexNoteSurvey: "Tính theo số liệu đã nhập và kết quả điều tra xã hội học; chỉ số chính thức do Sở Nội vụ thẩm định.",
    klass: "Xếp loại",
    progress: "Tiến độ",
    entered: (n: number, total: number) => `Đã nhập ${n} trên ${total} tiêu chí`,
    missingFacts: (n: number) => `${n} tiêu chí còn thiếu số liệu`,
    missingEvidence: (n: number) => `${n} tiêu chí còn thiếu tài liệu kiểm chứng`,
    gaps: "Điểm còn có thể đạt",
    gapsLead: "Những việc sau sẽ mang lại thêm điểm (nhiều điểm nhất trước):",
    more: (n: number) => `Xem thêm ${n} tiêu chí`,
    areas: "Các lĩnh vực",
    area: "Lĩnh vực",
    points: "Điểm",
    open: "Nhập",
    view: "Xem",
    submit: "Nộp bản tự chấm",
    sheet: "Hoặc nhập bằng Excel: tải phiếu chấm điểm về, điền rồi tải lên",
    withdraw: "Rút lại để sửa",
    withdrawHint: "Rút lại được cho đến hạn nộp tự chấm.",
    withdrawConfirm: "Rút bản tự chấm về để sửa?",
    explain: "Giải trình các tiêu chí bị trừ điểm",
    submitted: "Đã nộp bản tự chấm. Sở Nội vụ sẽ thẩm định.",
    withdrawn: "Đã rút lại; có thể sửa và nộp lại trước hạn.",
    explained: "Đã gửi giải trình.",
  },
  en: {
    extended: "Extended because",
    state: "State",
    index: "Live index",
    indexNote: "From what has been entered, without the satisfaction survey; the official index comes from the Department's appraisal.",
    indexNoteSurvey: "From what has been entered and the satisfaction survey; the official index comes from the Department's appraisal.",
    klass: "Class",
    progress: "Progress",
    entered: (n: number, total: number) => `${n} of ${total} items entered`,
    missingFacts: (n: number) => `${n} item(s) missing facts`,
    missingEvidence: (n: number) => `${n} item(s) missing evidence`,
    gaps: "Points still available",
    gapsLead: "These would earn more points (most first):",
    more: (n: number) => `Show ${n} more`,
    areas: "Areas",
    area: "Area",
    points: "Points",
    open: "Enter",
    view: "View",
    submit: "Submit the self-assessment",
    sheet: "Or enter it in Excel: download the scoring sheet, fill it in, upload it",
    withdraw: "Withdraw to edit",
    withdrawHint: "You can withdraw until the self-assessment deadline.",
    withdrawConfirm: "Withdraw the self-assessment to edit it?",
    explain: "Explain the items marked down",
    submitted: "Self-assessment submitted. The Department will appraise it.",
    withdrawn: "Withdrawn: you can edit and submit again before the deadline.",
    explained: "Explanation sent.",
  },
} as const;

const GAPS_SHOWN = 8;

/** The ward's overview: deadline, progress, the live index and the points still available. */
export function WardDashboardPage(props: { lang: Lang; data: WardData; csrf: string; base: string; done?: string | undefined; isUnit: boolean }) {
  const { lang, data } = props;
  const t = TEXT[lang];
  const state = data.assessment.state;
  const deadline = currentDeadline(data.assessment.deadlines, state);
  const extension = deadline && data.assessment.extensions.find((e) => e.round === deadline.round);
  const p = progress(data);
  const surveyCodes = new Set(
    leavesOf(sections(data.set, lang).flatMap((s) => s.nodes))
      .filter((leaf) => !entersItem(leaf))
      .map((leaf) => leaf.code),
  );
  const totals = data.report.totals;
  const text = (x: { vi: string; en?: string }) => textIn(x, lang);
  const titled = (items: { code: string; title: { vi: string; en?: string } }[]) => items.map((i) => ({ code: i.code, title: text(i.title) }));
  const itemLink = (code: string) => `${props.base}/areas/${encodeURIComponent(sectionOf(data.set, code) ?? "")}#item-${code}`;
  // Survey points come from the Department's survey: not something the ward can act on here.
  const gaps = data.report.gaps.filter((g) => !surveyCodes.has(g.code)).sort((a, b) => b.available - a.available);
  const gapItem = (g: (typeof gaps)[number]) => (
    <li>
      <a href={itemLink(g.code)}>
        {g.code}. {text(g.title)}
      </a>
      : {plainText(data.set, text(g.hint), lang)}
    </li>
  );
  const done = props.done && (t as Record<string, unknown>)[props.done];
  return (
    <>
      <h1>{data.unit.name}</h1>
      <p class="muted">{data.campaign.title}</p>
      {typeof done === "string" ? (
        <div class="notice" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <dl class="summary">
        <dt>{t.state}</dt>
        <dd>
          <span class={`tag state-${state}`}>{nameIn(STATE_NAMES, state, lang)}</span>
        </dd>
        {deadline ? (
          <>
            <dt>{nameIn(DEADLINE_NAMES, deadline.round, lang)}</dt>
            <dd>
              {formatInstant(deadline.at, lang)} (<strong>{formatTimeLeft(deadline.at, data.now, lang)}</strong>)
            </dd>
            {extension ? (
              <>
                <dt>{t.extended}</dt>
                <dd class="extension">{extension.reason}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      <div class="panel">
        <h2 class="panel-title">{t.index}</h2>
        <p class="big-figure">
          {formatIndex(totals.index, data.set.display.indexDecimals, lang)}
          {totals.class ? (
            <>
              {" "}
              · {t.klass}: {text(totals.class.title)}
            </>
          ) : null}
        </p>
        <p class="hint">{data.report.survey.included ? t.indexNoteSurvey : t.indexNote}</p>
      </div>
      <h2>{t.progress}</h2>
      <p>
        <label for="progress">{t.entered(p.entered, p.total)}</label>
      </p>
      <progress id="progress" max={p.total} value={p.entered}>
        {p.entered}/{p.total}
      </progress>
      <ul>
        <li>
          {p.missingFacts.length === 0 ? (
            t.missingFacts(0)
          ) : (
            <ItemLinks summary={t.missingFacts(p.missingFacts.length)} items={titled(p.missingFacts)} link={itemLink} />
          )}
        </li>
        <li>
          {p.missingEvidence.length === 0 ? (
            t.missingEvidence(0)
          ) : (
            <ItemLinks summary={t.missingEvidence(p.missingEvidence.length)} items={titled(p.missingEvidence)} link={itemLink} />
          )}
        </li>
      </ul>
      {props.isUnit && state === "draft" ? (
        <p class="button-row">
          <a class="button" href={`${props.base}/submit`}>
            {t.submit}
          </a>
        </p>
      ) : null}
      {props.isUnit && state === "submitted" && data.now.getTime() <= Date.parse(data.assessment.deadlines.self) ? (
        <form method="post" action={`${props.base}/withdraw`} data-confirm={t.withdrawConfirm} class="button-row">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="version" value={String(data.assessment.version)} />
          <button type="submit" class="button secondary">
            {t.withdraw}
          </button>
          <span class="hint">{t.withdrawHint}</span>
        </form>
      ) : null}
      {props.isUnit && state === "explanation" ? (
        <p class="button-row">
          <a class="button" href={`${props.base}/explanation`}>
            {t.explain}
          </a>
        </p>
      ) : null}
      {gaps.length > 0 ? (
        <>
          <h2>{t.gaps}</h2>
          <p>{t.gapsLead}</p>
          <ul class="gap-list">{gaps.slice(0, GAPS_SHOWN).map(gapItem)}</ul>
          {gaps.length > GAPS_SHOWN ? (
            <details>
              <summary>{t.more(gaps.length - GAPS_SHOWN)}</summary>
              <ul class="gap-list">{gaps.slice(GAPS_SHOWN).map(gapItem)}</ul>
            </details>
          ) : null}
        </>
      ) : null}
      <h2>{t.areas}</h2>
      {props.isUnit && (state === "draft" || state === "explanation") ? (
        <p>
          <a href={`${props.base}/sheet`}>{t.sheet}</a>
        </p>
      ) : null}
      <ul class="card-list two area-list">
        {sections(data.set, lang).map((s) => {
          const node = data.nodes.get(s.code);
          return (
            <li class="card">
              <a href={`${props.base}/areas/${encodeURIComponent(s.code)}`} class="area-link">
                {/^\d/.test(s.code) ? `${s.code}. ` : ""}
                {s.title}
              </a>
              <span class="muted">
                {" "}
                · {t.points}: {formatPoints(node?.self ?? 0, lang)} / {formatPoints(s.max, lang)}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
