import { textIn } from "../../../src/index.js";
import type { Lang, LocalizedText } from "../../../src/index.js";
import type { TransitionName } from "../../services/workflow.js";
import { CsrfField } from "../form-parts.js";
import { entryOf, leavesOf, sectionOf, sections } from "../ward/ward-data.js";
import { formatIndex, formatPoints } from "../ward/ward-format.js";
import type { AppraisalData } from "./appraisal-data.js";
import { ACTION_TEXT } from "./appraisal-overview-page.js";

const TEXT = {
  vi: {
    back: "Quay lại tổng quan",
    lead: {
      "request-explanation": "Đơn vị sẽ được yêu cầu giải trình các tiêu chí bị trừ điểm dưới đây; chỉ các tiêu chí này được giải trình.",
      finalise: "Điểm dưới đây sẽ được chốt và lưu thành báo cáo không thể sửa. Sau khi chốt không thẩm định được nữa.",
    } as Record<string, string>,
    report: "Báo cáo sẽ được tạo",
    area: "Lĩnh vực",
    self: "Tự chấm",
    appraised: "Thẩm định",
    max: "Tối đa",
    total: "Tổng điểm",
    index: "Chỉ số",
    class: "Xếp loại",
    down: "Tiêu chí bị trừ điểm ở vòng thẩm định lần 1 (điểm hiện tại)",
    none: "Không có tiêu chí nào bị trừ điểm.",
    noneToExplain: "Không có tiêu chí nào bị trừ điểm: đơn vị sẽ không có gì để giải trình. Có thể chốt điểm ngay.",
    comment: "Nhận xét",
    cancel: "Huỷ, quay lại",
  },
  en: {
    back: "Back to the overview",
    lead: {
      "request-explanation": "The unit will be asked to explain the items marked down below; only these items can be explained.",
      finalise: "The scores below will be finalised and stored as a report that cannot change. No appraisal is possible afterwards.",
    } as Record<string, string>,
    report: "The report it will produce",
    area: "Area",
    self: "Self-assessed",
    appraised: "Appraised",
    max: "Maximum",
    total: "Total",
    index: "Index",
    class: "Class",
    down: "Items marked down in appraisal round 1 (points now)",
    none: "No item is marked down.",
    noneToExplain: "No item is marked down: the unit would have nothing to explain. You can finalise now.",
    comment: "Comment",
    cancel: "Cancel and go back",
  },
} as const;

/**
 * Before a scorer moves a unit on (request an explanation, finalise): the report that step will
 * produce, from the engine's live report of the stored entries, and the items appraisal round 1 marked down (the one
 * rule the service enforces), with their points now.
 */
export function AppraisalConfirmPage(props: { lang: Lang; data: AppraisalData; action: TransitionName; csrf: string; base: string }) {
  const { lang, data, action } = props;
  const t = TEXT[lang];
  const text = (x: LocalizedText) => textIn(x, lang);
  const points = (n: number | null) => (n === null ? "–" : formatPoints(n, lang));
  const totals = data.report.totals;
  const down = leavesOf(sections(data.set, lang).flatMap((s) => s.nodes)).filter((leaf) => data.markedDown.has(leaf.code));
  return (
    <>
      <p class="back-link">
        <a href={props.base}>← {t.back}</a>
      </p>
      <h1>
        {ACTION_TEXT[lang][action]}: {data.unit.name}
      </h1>
      <p class="lead">{t.lead[action]}</p>
      <div class="table-wrap">
        <table>
          <caption>{t.report}</caption>
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
            </tr>
          </thead>
          <tbody>
            {data.report.areas.map((area) => (
              <tr>
                <th scope="row">
                  {area.code}. {text(area.title)}
                </th>
                <td class="num">{points(area.self)}</td>
                <td class="num">{points(area.appraised ?? area.final)}</td>
                <td class="num">{points(area.max)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              <td class="num">{points(totals.self)}</td>
              <td class="num">
                <strong>{points(totals.total)}</strong>
              </td>
              <td class="num">{points(totals.applicableMax)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <dl class="summary">
        <dt>{t.index}</dt>
        <dd>
          <strong>{formatIndex(totals.index, data.set.display.indexDecimals, lang)}</strong>
        </dd>
        <dt>{t.class}</dt>
        <dd>{totals.class ? text(totals.class.title) : "–"}</dd>
      </dl>
      <h2>{t.down}</h2>
      {down.length === 0 ? (
        <p class={action === "request-explanation" ? "notice warn" : undefined}>{action === "request-explanation" ? t.noneToExplain : t.none}</p>
      ) : (
        <ul class="down-list">
          {down.map((leaf) => {
            const explained = data.nodes.get(leaf.code)?.leaf;
            const comment = (entryOf(data, "appraisal2", "item", leaf.code)?.value ?? entryOf(data, "appraisal1", "item", leaf.code)?.value) as
              | { comment?: string }
              | undefined;
            return (
              <li>
                <a href={`${props.base}/area/${encodeURIComponent(sectionOf(data.set, leaf.code) ?? "")}#item-${leaf.code}`}>
                  {leaf.code}. {text(leaf.title)}
                </a>
                : {points(explained?.self?.points ?? null)} → <strong>{points(explained?.appraised?.points ?? null)}</strong>
                {comment?.comment ? ` · ${t.comment}: “${comment.comment}”` : ""}
              </li>
            );
          })}
        </ul>
      )}
      <form method="post" action={`${props.base}/${action}`} class="button-row">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="version" value={String(data.assessment.version)} />
        <button type="submit" class={action === "finalise" ? "button warning" : "button"}>
          {ACTION_TEXT[lang][action]}
        </button>
        <a class="button secondary" href={props.base}>
          {t.cancel}
        </a>
      </form>
    </>
  );
}
