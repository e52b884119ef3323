import { CAMPAIGN_STATE_NAMES, DEADLINE_NAMES, type Lang, STATE_NAMES, formatInstant, nameIn } from "../../../src/index.js";
import type { CampaignService } from "../../services/campaign-service.js";
import { DEADLINE_ROUNDS } from "../../services/workflow.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";
import { dateTimeValue } from "../web-form.js";
import { DateTimeField, SelectField, TextArea } from "../form-fields.js";
import { withdrawalHref } from "./extension-withdrawal-page.js";

export type CampaignOverview = Awaited<ReturnType<CampaignService["overview"]>>;

const TEXT = {
  vi: {
    back: "Đợt đánh giá",
    criteria: "Bộ tiêu chí",
    year: "Năm",
    state: "Trạng thái",
    worklist: "Danh sách đơn vị thẩm định",
    survey: "Điều tra xã hội học",
    publish: "Công bố",
    results: "Kết quả công bố",
    states: "Đơn vị theo trạng thái",
    step: "Bước",
    count: "Số đơn vị",
    total: "Tổng",
    deadlines: "Hạn chót",
    vietnamTime: "Giờ Việt Nam (UTC+7).",
    change: "Đổi hạn chót của đợt",
    changeHint: "Áp dụng cho mọi đơn vị (trừ vòng mà đơn vị được gia hạn muộn hơn).",
    reason: "Lý do (ghi vào nhật ký)",
    save: "Lưu hạn chót",
    extensions: "Gia hạn cho từng đơn vị",
    noExtensions: "Chưa có đơn vị nào được gia hạn.",
    unit: "Đơn vị",
    round: "Vòng",
    until: "Gia hạn đến",
    why: "Lý do",
    extend: "Gia hạn cho một đơn vị",
    extendHint: "Chỉ đơn vị này được làm tiếp sau hạn chung, đến thời điểm mới. Lý do được ghi lại và hiển thị cho đơn vị.",
    extendReason: "Lý do gia hạn",
    extendButton: "Gia hạn",
    withdraw: "Thu hồi",
    closed: "Đợt đã công bố: không thể đổi hạn chót.",
  },
  en: {
    back: "Campaigns",
    criteria: "Criteria set",
    year: "Year",
    state: "State",
    worklist: "Units to appraise",
    survey: "Survey",
    publish: "Publish",
    results: "Published results",
    states: "Units by state",
    step: "Step",
    count: "Units",
    total: "Total",
    deadlines: "Deadlines",
    vietnamTime: "Vietnam time (UTC+7).",
    change: "Change the campaign's deadlines",
    changeHint: "For every unit (except a round a unit has been given longer for).",
    reason: "Reason (kept in the audit trail)",
    save: "Save the deadlines",
    extensions: "Extensions for a unit",
    noExtensions: "No unit has an extension yet.",
    unit: "Unit",
    round: "Round",
    until: "Extended until",
    why: "Reason",
    extend: "Extend a deadline for one unit",
    extendHint: "Only this unit may go on after the common deadline, until the new time. The reason is recorded and shown to the unit.",
    extendReason: "Reason for the extension",
    extendButton: "Extend",
    withdraw: "Withdraw",
    closed: "The campaign is published: its deadlines cannot change.",
  },
} as const;

/** One campaign for the administrator: units per state, the deadlines and the form to change them, the extensions and the form to add one. */
export function CampaignPage(props: {
  lang: Lang;
  csrf: string;
  overview: CampaignOverview;
  errors: FormError[];
  values: Record<string, string>;
  done?: string | undefined;
}) {
  const { lang, errors, overview } = props;
  const { campaign } = overview;
  const t = TEXT[lang];
  const base = `/admin/campaigns/${encodeURIComponent(campaign.id)}`;
  const v = (name: string, fallback = "") => props.values[name] ?? fallback;
  const unitName = new Map(overview.units.map((u) => [u.code, u.name]));
  const open = campaign.state === "open";
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="back-link">
        <a href="/admin/campaigns">← {t.back}</a>
      </p>
      <h1>{campaign.title}</h1>
      {props.done ? (
        <div class="notice" role="status">
          <p>{props.done}</p>
        </div>
      ) : null}
      <dl class="summary">
        <dt>{t.criteria}</dt>
        <dd>
          {campaign.criteria.family} {campaign.criteria.version}
        </dd>
        <dt>{t.year}</dt>
        <dd>{campaign.year}</dd>
        <dt>{t.state}</dt>
        <dd>{nameIn(CAMPAIGN_STATE_NAMES, campaign.state, lang)}</dd>
      </dl>
      <p>
        <a href={`/work/${encodeURIComponent(campaign.id)}`}>{t.worklist}</a> · <a href={`${base}/survey`}>{t.survey}</a> ·{" "}
        <a href={`${base}/publish`}>{t.publish}</a>
        {open ? null : (
          <>
            {" "}
            · <a href={`/results/${encodeURIComponent(campaign.id)}`}>{t.results}</a>
          </>
        )}
      </p>

      <h2>{t.states}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.step}</th>
              <th scope="col" class="num">
                {t.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.keys(STATE_NAMES)
              .filter((state) => overview.states[state])
              .map((state) => (
                <tr>
                  <td>{nameIn(STATE_NAMES, state, lang)}</td>
                  <td class="num">{overview.states[state]}</td>
                </tr>
              ))}
            <tr>
              <th scope="row">{t.total}</th>
              <td class="num">{overview.units.length}</td>
            </tr>
          </tbody>
        </table>
      </div>

      <h2>{t.deadlines}</h2>
      <p class="hint">{t.vietnamTime}</p>
      <dl class="summary">
        {DEADLINE_ROUNDS.map((round) => (
          <>
            <dt>{nameIn(DEADLINE_NAMES, round, lang)}</dt>
            <dd>{formatInstant(new Date(campaign.deadlines[round]), lang)}</dd>
          </>
        ))}
      </dl>
      {open ? (
        <details open={errors.some((e) => e.field.startsWith("deadline-") || e.field === "change-reason")}>
          <summary>{t.change}</summary>
          <form method="post" action={`${base}/deadlines`} novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="version" value={String(campaign.version)} />
            <p class="hint">{t.changeHint}</p>
            {DEADLINE_ROUNDS.map((round) => (
              <DateTimeField
                id={`deadline-${round}`}
                legend={nameIn(DEADLINE_NAMES, round, lang)}
                value={dateTimeValue(props.values, `deadline-${round}`, campaign.deadlines[round])}
                errors={errors}
                lang={lang}
              />
            ))}
            <TextArea id="change-reason" name="reason" label={t.reason} value={v("change-reason")} errors={errors} lang={lang} />
            <button type="submit" class="button secondary">
              {t.save}
            </button>
          </form>
        </details>
      ) : (
        <p>{t.closed}</p>
      )}

      <h2>{t.extensions}</h2>
      {overview.extensions.length === 0 ? (
        <p>{t.noExtensions}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.round}</th>
                <th scope="col">{t.until}</th>
                <th scope="col">{t.why}</th>
                {open ? <th scope="col">{t.withdraw}</th> : null}
              </tr>
            </thead>
            <tbody>
              {overview.extensions.map((e) => (
                <tr>
                  <td>
                    {e.unitCode} · {unitName.get(e.unitCode) ?? ""}
                  </td>
                  <td>{nameIn(DEADLINE_NAMES, e.round, lang)}</td>
                  <td>{formatInstant(new Date(e.until), lang)}</td>
                  <td>{e.reason}</td>
                  {open ? (
                    <td>
                      <a class="button secondary" href={withdrawalHref(campaign.id, e)}>
                        {t.withdraw}
                        <span class="visually-hidden"> {e.unitCode}</span>
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open ? (
        <>
          <h3>{t.extend}</h3>
          <p class="hint">{t.extendHint}</p>
          <form method="post" action={`${base}/extensions`} novalidate>
            <CsrfField token={props.csrf} />
            <SelectField
              id="ext-unit"
              name="unit"
              label={t.unit}
              value={v("ext-unit")}
              options={overview.units.map((u) => ({ value: u.code, text: `${u.code} · ${u.name} (${nameIn(STATE_NAMES, u.state, lang)})` }))}
              errors={errors}
              lang={lang}
            />
            <SelectField
              id="ext-round"
              name="round"
              label={t.round}
              value={v("ext-round")}
              options={DEADLINE_ROUNDS.map((round) => ({ value: round, text: nameIn(DEADLINE_NAMES, round, lang) }))}
              errors={errors}
              lang={lang}
            />
            <DateTimeField id="ext-until" legend={t.until} value={dateTimeValue(props.values, "ext-until")} errors={errors} lang={lang} />
            <TextArea id="ext-reason" name="reason" label={t.extendReason} value={v("ext-reason")} errors={errors} lang={lang} />
            <button type="submit" class="button">
              {t.extendButton}
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
