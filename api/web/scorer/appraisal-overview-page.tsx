import { textIn } from "../../../src/index.js";
import { ROUND_NAMES, STATE_NAMES, formatInstant, formatTimeLeft, nameIn } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { AssessmentState } from "../../domain.js";
import type { TransitionName } from "../../services/workflow.js";
import type { Section } from "../ward/ward-data.js";
import { formatIndex, formatPoints } from "../ward/ward-format.js";
import { type AppraisalData, appraisalDeadline, areaProgress, editedRound } from "./appraisal-data.js";

const TEXT = {
  vi: {
    worklist: "Danh sách đơn vị",
    state: "Trạng thái",
    round: "Vòng đang thẩm định",
    deadline: "Hạn chót",
    index: "Chỉ số tạm tính",
    class: "Xếp loại",
    areas: "Các lĩnh vực",
    area: "Lĩnh vực",
    self: "Tự chấm",
    appraised: "Thẩm định",
    max: "Tối đa",
    items: "Đã thẩm định",
    down: "Bị trừ điểm",
    of: "trên",
    actions: "Bước tiếp theo",
    noAction: "Không có bước nào bạn thực hiện được ở trạng thái này.",
    report: "Báo cáo điểm qua các vòng",
    done: {
      "request-explanation": "Đã yêu cầu đơn vị giải trình.",
      finalise: "Đã chốt điểm đơn vị.",
    } as Record<string, string>,
  },
  en: {
    worklist: "Units to appraise",
    state: "State",
    round: "Round being appraised",
    deadline: "Deadline",
    index: "Live index",
    class: "Class",
    areas: "Areas",
    area: "Area",
    self: "Self-assessed",
    appraised: "Appraised",
    max: "Maximum",
    items: "Appraised",
    down: "Marked down",
    of: "of",
    actions: "Next step",
    noAction: "Nothing you can do at this step.",
    report: "Score report of every round",
    done: {
      "request-explanation": "The unit has been asked to explain.",
      finalise: "The unit's scores are finalised.",
    } as Record<string, string>,
  },
} as const;

export const ACTION_TEXT = {
  vi: { "request-explanation": "Yêu cầu giải trình", finalise: "Chốt điểm" } as Record<string, string>,
  en: { "request-explanation": "Request an explanation", finalise: "Finalise" } as Record<string, string>,
};

/** One unit's appraisal at a glance: state, deadline, per area how far the appraisal has got, and the next steps. */
export function AppraisalOverviewPage(props: {
  lang: Lang;
  data: AppraisalData;
  sections: Section[];
  actions: TransitionName[];
  base: string;
  done?: string | undefined;
}) {
  const { lang, data } = props;
  const t = TEXT[lang];
  const state = data.assessment.state as AssessmentState;
  const round = editedRound(state);
  const deadline = appraisalDeadline(data.assessment.deadlines, state);
  const totals = data.report.totals;
  const decimals = data.set.display.indexDecimals;
  return (
    <>
      <p class="back-link">
        <a href={`/work/${encodeURIComponent(data.campaign.id)}`}>← {t.worklist}</a>
      </p>
      <h1>
        {data.unit.name} <span class="code">({data.unit.code})</span>
      </h1>
      <p class="muted">{data.campaign.title}</p>
      {props.done && t.done[props.done] ? (
        <div class="notice" role="status">
          <p>{t.done[props.done]}</p>
        </div>
      ) : null}
      <dl class="summary">
        <dt>{t.state}</dt>
        <dd>
          <span class={`tag state-${state}`}>{nameIn(STATE_NAMES, state, lang)}</span>
        </dd>
        {round ? (
          <>
            <dt>{t.round}</dt>
            <dd>{nameIn(ROUND_NAMES, round, lang)}</dd>
          </>
        ) : null}
        {deadline ? (
          <>
            <dt>
              {t.deadline} ({nameIn(ROUND_NAMES, deadline.round, lang).toLowerCase()})
            </dt>
            <dd>
              {formatInstant(deadline.at, lang)} · <strong>{formatTimeLeft(deadline.at, data.now, lang)}</strong>
            </dd>
          </>
        ) : null}
        <dt>{t.index}</dt>
        <dd>
          <strong>{formatIndex(totals.index, decimals, lang)}</strong>
          {totals.class ? ` · ${t.class}: ${textIn(totals.class.title, lang)}` : ""}
        </dd>
      </dl>
      <div class="table-wrap">
        <table class="appraisal-areas">
          <caption>{t.areas}</caption>
          <thead>
            <tr>
              <th scope="col">{t.area}</th>
              <th scope="col" class="num">
                {t.self}
              </th>
              <th scope="col" class="num">
                {t.appraised}
              </th>
              <th scope="col" class="num">
                {t.max}
              </th>
              <th scope="col" class="num">
                {t.items}
              </th>
              <th scope="col" class="num">
                {t.down}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.sections.map((section) => {
              const p = areaProgress(data, section);
              return (
                <tr>
                  <th scope="row">
                    <a href={`${props.base}/area/${encodeURIComponent(section.code)}`}>
                      {/^\d/.test(section.code) ? `${section.code}. ` : ""}
                      {section.title}
                    </a>
                  </th>
                  <td class="num">{p.self === null ? "–" : formatPoints(p.self, lang)}</td>
                  <td class="num">{p.appraised === null ? "–" : formatPoints(p.appraised, lang)}</td>
                  <td class="num">{formatPoints(p.max, lang)}</td>
                  <td class="num">
                    {p.appraisedItems} {t.of} {p.items}
                  </td>
                  <td class="num">{p.markedDown > 0 ? <strong class="flag-text">▼ {p.markedDown}</strong> : "0"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>{t.actions}</h2>
      {props.actions.length === 0 ? <p>{t.noAction}</p> : null}
      <div class="button-row">
        {props.actions.map((action) => (
          <a class="button" href={`${props.base}/${action}`}>
            {ACTION_TEXT[lang][action]}…
          </a>
        ))}
      </div>
      <p>
        <a href={`${props.base}/report`}>{t.report}</a>
      </p>
    </>
  );
}
