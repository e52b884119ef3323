import { DEADLINE_NAMES, type Lang, formatInstant, nameIn } from "../../../src/index.js";
import type { CampaignService } from "../../services/campaign-service.js";
import type { DeadlineName } from "../../services/workflow.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";
import { TextArea } from "../form-fields.js";

const TEXT = {
  vi: {
    back: "Quay lại đợt đánh giá",
    title: "Thu hồi gia hạn",
    lead: "Sau khi thu hồi, hạn chót chung của đợt lại áp dụng cho đơn vị này. Gia hạn bị thu hồi và lý do được ghi vào nhật ký.",
    unit: "Đơn vị",
    round: "Vòng",
    until: "Đang gia hạn đến",
    why: "Lý do gia hạn",
    after: "Hạn chót sau khi thu hồi",
    reason: "Lý do thu hồi",
    confirm: "Thu hồi gia hạn của đơn vị này? Hạn chót chung của đợt sẽ áp dụng lại.",
    button: "Thu hồi gia hạn",
    cancel: "Huỷ, quay lại",
  },
  en: {
    back: "Back to the campaign",
    title: "Withdraw an extension",
    lead: "Once withdrawn, the campaign's common deadline applies to this unit again. The extension withdrawn and the reason are kept in the audit trail.",
    unit: "Unit",
    round: "Round",
    until: "Extended until",
    why: "Reason for the extension",
    after: "Deadline after the withdrawal",
    reason: "Reason for withdrawing it",
    confirm: "Withdraw this unit's extension? The campaign's common deadline will apply again.",
    button: "Withdraw the extension",
    cancel: "Cancel and go back",
  },
} as const;

type CampaignOverview = Awaited<ReturnType<CampaignService["overview"]>>;
export type Extension = CampaignOverview["extensions"][number];

/** The link beside an extension on the campaign page, to the confirmation page below. */
export function withdrawalHref(campaignId: string, extension: Pick<Extension, "unitCode" | "round">): string {
  return `/admin/campaigns/${encodeURIComponent(campaignId)}/extensions/${encodeURIComponent(extension.unitCode)}/${extension.round}/withdraw`;
}

/** Confirming the withdrawal of one unit's extension: what it is, the deadline that applies again, and the reason asked for. */
export function ExtensionWithdrawalPage(props: {
  lang: Lang;
  csrf: string;
  overview: CampaignOverview;
  extension: Extension;
  errors: FormError[];
  reason: string;
}) {
  const { lang, overview, extension } = props;
  const t = TEXT[lang];
  const campaign = overview.campaign;
  const unit = overview.units.find((u) => u.code === extension.unitCode);
  const back = `/admin/campaigns/${encodeURIComponent(campaign.id)}`;
  return (
    <>
      <ErrorSummary lang={lang} errors={props.errors} />
      <p class="back-link">
        <a href={back}>← {t.back}</a>
      </p>
      <h1>
        {t.title}: {extension.unitCode}
      </h1>
      <p class="muted">{campaign.title}</p>
      <p class="lead">{t.lead}</p>
      <dl class="summary">
        <dt>{t.unit}</dt>
        <dd>
          {extension.unitCode} · {unit?.name ?? ""}
        </dd>
        <dt>{t.round}</dt>
        <dd>{nameIn(DEADLINE_NAMES, extension.round, lang)}</dd>
        <dt>{t.until}</dt>
        <dd>{formatInstant(new Date(extension.until), lang)}</dd>
        <dt>{t.why}</dt>
        <dd>{extension.reason}</dd>
        <dt>{t.after}</dt>
        <dd>
          <strong>{formatInstant(new Date(campaign.deadlines[extension.round as DeadlineName]), lang)}</strong>
        </dd>
      </dl>
      <form method="post" action={withdrawalHref(campaign.id, extension)} data-confirm={t.confirm} novalidate>
        <CsrfField token={props.csrf} />
        <TextArea id="reason" label={t.reason} value={props.reason} errors={props.errors} lang={lang} />
        <div class="button-row">
          <button type="submit" class="button warning">
            {t.button}
          </button>
          <a class="button secondary" href={back}>
            {t.cancel}
          </a>
        </div>
      </form>
    </>
  );
}
