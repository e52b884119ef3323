import { type Lang, STATE_NAMES, formatDecimal, nameIn, textIn } from "../../../src/index.js";
import type { FinaliseCandidate, FinaliseCandidates, FinaliseOutcome } from "../../services/finalisation-service.js";
import { TableWrap } from "../components/table-wrap.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";

export const FINALISE_MANY_TEXT = {
  vi: {
    worklist: "Danh sách đơn vị",
    heading: "Chốt điểm nhiều đơn vị",
    lead: "Chốt điểm lưu báo cáo điểm của từng đơn vị được chọn thành bản không thể sửa, như khi chốt từng đơn vị; sau khi chốt không thẩm định được nữa. Điểm dưới đây là điểm sẽ được lưu.",
    notSuggested:
      "Đơn vị đang thẩm định lần 1 mà có tiêu chí bị trừ điểm thì không được chọn sẵn: chốt điểm lúc này sẽ bỏ qua vòng giải trình của đơn vị. Nên yêu cầu giải trình trước.",
    none: "Không có đơn vị nào đang ở vòng thẩm định: không có gì để chốt.",
    table: "Các đơn vị có thể chốt điểm",
    pick: "Chọn",
    unit: "Đơn vị",
    state: "Trạng thái",
    self: "Tự chấm",
    appraised: "Thẩm định",
    index: "Chỉ số (%)",
    note: "Lưu ý",
    markedDown: (n: number) => `${n} tiêu chí bị trừ điểm chưa được giải trình`,
    unscorable: "Chưa tính được điểm: không chốt được",
    submit: "Chốt điểm các đơn vị đã chọn",
    nothingPicked: "Hãy chọn ít nhất một đơn vị để chốt điểm",
    finalised: (n: number) => `Đã chốt điểm ${n} đơn vị.`,
    refused: (n: number) => `${n} đơn vị chưa chốt được`,
    refusedLead: "Các đơn vị còn lại đã được chốt; các đơn vị dưới đây giữ nguyên:",
  },
  en: {
    worklist: "Units to appraise",
    heading: "Finalise many units",
    lead: "Finalising stores each chosen unit's score report as one that cannot change, as finalising one unit does; no appraisal is possible afterwards. The figures below are the ones that will be stored.",
    notSuggested:
      "A unit in appraisal round 1 with items marked down is not chosen for you: finalising it now skips its explanation round. Ask for an explanation first.",
    none: "No unit is in an appraisal round: nothing to finalise.",
    table: "Units that can be finalised",
    pick: "Choose",
    unit: "Unit",
    state: "State",
    self: "Self-assessed",
    appraised: "Appraised",
    index: "Index (%)",
    note: "Note",
    markedDown: (n: number) => `${n} item(s) marked down, not explained`,
    unscorable: "Cannot be scored yet: cannot be finalised",
    submit: "Finalise the chosen units",
    nothingPicked: "Choose at least one unit to finalise",
    finalised: (n: number) => `${n} unit(s) finalised.`,
    refused: (n: number) => `${n} unit(s) could not be finalised`,
    refusedLead: "The others were finalised; these stay as they were:",
  },
} as const;

export interface FinaliseManyPageProps {
  lang: Lang;
  csrf: string;
  candidates: FinaliseCandidates;
  errors: FormError[];
  /** What the last submission did. */
  outcome?: FinaliseOutcome | undefined;
}

/**
 * `/finalise/{campaign}`: the scorer finalises many units in one go. Every unit in an appraisal
 * round with the figures finalising would store; units explained (round 2) or with nothing marked
 * down come chosen; each chosen unit is finalised by the same service as on its own page.
 */
export function FinaliseManyPage(props: FinaliseManyPageProps) {
  const { lang, candidates, outcome } = props;
  const t = FINALISE_MANY_TEXT[lang];
  const campaignId = encodeURIComponent(candidates.campaign.id);
  const names = new Map(candidates.units.map((u) => [u.code, u.name]));
  return (
    <>
      <nav aria-label={lang === "vi" ? "Vị trí" : "Breadcrumb"} class="breadcrumb">
        <a href={`/work/${campaignId}`}>{t.worklist}</a> <span aria-hidden="true">›</span> {t.heading}
      </nav>
      <h1>
        {t.heading}: {candidates.campaign.title}
      </h1>
      <ErrorSummary lang={lang} errors={props.errors} />
      {outcome && outcome.finalised.length > 0 ? (
        <p class="notice" role="status">
          {t.finalised(outcome.finalised.length)}
        </p>
      ) : null}
      {outcome && outcome.refused.length > 0 ? (
        <div class="notice warn" role="alert">
          <h2>{t.refused(outcome.refused.length)}</h2>
          {outcome.finalised.length > 0 ? <p>{t.refusedLead}</p> : null}
          <ul>
            {outcome.refused.map((r) => (
              <li>
                <strong>{names.get(r.unit) ?? r.unit}</strong> ({r.unit}): {lang === "vi" ? r.vi : r.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="lead">{t.lead}</p>
      {candidates.units.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <form method="post" action={`/finalise/${campaignId}`}>
          <CsrfField token={props.csrf} />
          {candidates.units.some((u) => u.markedDown > 0 && u.state === "appraisal1") ? <p>{t.notSuggested}</p> : null}
          <TableWrap label={t.table}>
            <table class="results-table cards-on-phone" id="units">
              <caption class="visually-hidden">{t.table}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.pick}</th>
                  <th scope="col">{t.unit}</th>
                  <th scope="col">{t.state}</th>
                  <th scope="col" class="num">
                    {t.self}
                  </th>
                  <th scope="col" class="num">
                    {t.appraised}
                  </th>
                  <th scope="col" class="num">
                    {t.index}
                  </th>
                  <th scope="col">{t.note}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.units.map((unit) => (
                  <CandidateRow lang={lang} unit={unit} decimals={candidates.decimals} />
                ))}
              </tbody>
            </table>
          </TableWrap>
          <button type="submit" class="button warning">
            {t.submit}
          </button>
        </form>
      )}
    </>
  );
}

function CandidateRow(props: { lang: Lang; unit: FinaliseCandidate; decimals: FinaliseCandidates["decimals"] }) {
  const { lang, unit, decimals } = props;
  const t = FINALISE_MANY_TEXT[lang];
  const id = `unit-${unit.code}`;
  const points = (value: number | null | undefined) => (value === null || value === undefined ? "–" : formatDecimal(value, decimals.points, lang));
  const note = unit.figures === null ? t.unscorable : unit.state === "appraisal1" && unit.markedDown > 0 ? t.markedDown(unit.markedDown) : "";
  return (
    <tr>
      <td data-label={t.pick}>
        {unit.figures === null ? (
          "–"
        ) : (
          <input type="checkbox" id={id} name="unit" value={`${unit.code}:${unit.version}`} checked={unit.suggested} class="pick" />
        )}
      </td>
      <th scope="row">
        <label for={unit.figures === null ? undefined : id}>
          {unit.name} <span class="code">({unit.code})</span>
        </label>
        {unit.block ? <span class="muted"> · {textIn(unit.block, lang)}</span> : null}
      </th>
      <td data-label={t.state}>{nameIn(STATE_NAMES, unit.state, lang)}</td>
      <td class="num" data-label={t.self}>
        {points(unit.figures?.self)}
      </td>
      <td class="num" data-label={t.appraised}>
        {points(unit.figures?.appraised)}
      </td>
      <td class="num" data-label={t.index}>
        {unit.figures ? formatDecimal(unit.figures.index, decimals.index, lang) : "–"}
      </td>
      <td data-label={t.note}>{note}</td>
    </tr>
  );
}
