import { type Lang, STATE_NAMES, formatInstant, nameIn } from "../../../src/index.js";
import type { PublicationPreview } from "../../services/publication-service.js";
import type { AreaColumn } from "../components/area-columns.js";
import { TableWrap } from "../components/table-wrap.js";
import { CsrfField, ErrorSummary, FieldError, type FormError, hasError } from "../form-parts.js";
import { BlockSection } from "../pages/results-page.js";

const TEXT = {
  vi: {
    home: "Trang chủ",
    heading: "Công bố kết quả",
    published: (at: string) => `Kết quả đã được công bố lúc ${at}.`,
    public: "Xem bảng xếp hạng công khai",
    pending: (n: number) => `Chưa thể công bố: ${n} đơn vị chưa chốt điểm`,
    pendingLead: "Chỉ công bố được khi mọi đơn vị của đợt đã chốt điểm. Bảng dưới đây chỉ gồm các đơn vị đã chốt.",
    unit: "Đơn vị",
    state: "Trạng thái",
    refused: "Chưa thể công bố",
    preview: "Bảng xếp hạng sẽ được công bố",
    previewLead: "Tính từ bản chốt điểm của từng đơn vị; sau khi công bố, bảng này được lưu và không thay đổi nữa.",
    noUnits: "Chưa có đơn vị nào chốt điểm.",
    confirm: "Tôi xác nhận công bố kết quả này; sau khi công bố không thể sửa điểm của đợt.",
    confirmMissing: "Đánh dấu ô xác nhận để công bố",
    publish: "Công bố kết quả",
    survey: "Nhập kết quả điều tra xã hội học",
  },
  en: {
    home: "Home",
    heading: "Publish the results",
    published: (at: string) => `The results were published at ${at}.`,
    public: "See the public ranking",
    pending: (n: number) => `Cannot publish yet: ${n} unit(s) not finalised`,
    pendingLead: "Publication waits until every unit of the campaign is finalised. The ranking below holds the finalised units only.",
    unit: "Unit",
    state: "State",
    refused: "Cannot publish yet",
    preview: "The ranking that would be published",
    previewLead: "From each unit's finalised snapshot; once published it is stored and never changes.",
    noUnits: "No unit is finalised yet.",
    confirm: "I confirm publishing these results; after publication no score of the campaign can change.",
    confirmMissing: "Tick the confirmation to publish",
    publish: "Publish the results",
    survey: "Import survey results",
  },
} as const;

/**
 * `/admin/campaigns/{id}/publish`: the ranking publication would store (per block, mean and class shares, from the results
 * components), the units not finalised, then publish with a confirmation and the campaign version read (If-Match).
 */
export function PublishPage(props: {
  lang: Lang;
  csrf: string;
  preview: PublicationPreview;
  unitNames: Map<string, string>;
  areas: AreaColumn[];
  whenSurveyAbsent?: "rescale" | "zero" | undefined;
  errors: FormError[];
}) {
  const { lang, preview, errors } = props;
  const { campaign } = preview;
  const t = TEXT[lang];
  const id = encodeURIComponent(campaign.id);
  const published = campaign.state === "published";
  const notFinalised = new Set(preview.pending.map((p) => p.unit));
  const otherRefusals = preview.refusals.filter((p) => !notFinalised.has(p.path));
  const units = preview.ranking.blocks.reduce((n, b) => n + b.units.length, 0);
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <nav aria-label={lang === "vi" ? "Vị trí" : "Breadcrumb"} class="breadcrumb">
        <a href="/">{t.home}</a> <span aria-hidden="true">›</span> <a href={`/work/${id}`}>{campaign.title}</a>
      </nav>
      <h1>{t.heading}</h1>
      <p class="muted">{campaign.title}</p>
      {published ? (
        <div class="notice" role="status">
          <p>{t.published(campaign.publishedAt ? formatInstant(new Date(campaign.publishedAt), lang) : "")}</p>
          <p>
            <a href={`/results/${id}`}>{t.public}</a>
          </p>
        </div>
      ) : null}
      {otherRefusals.length > 0 ? (
        <div class="notice warn" role="alert">
          <h2>{t.refused}</h2>
          <ul>
            {otherRefusals.map((p) => (
              <li>{lang === "vi" ? p.vi : p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.pending.length > 0 ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t.pending(preview.pending.length)}</h2>
          <p>{t.pendingLead}</p>
          <TableWrap label={t.pending(preview.pending.length)}>
            <table class="pending-units">
              <thead>
                <tr>
                  <th scope="col">{t.unit}</th>
                  <th scope="col">{t.state}</th>
                </tr>
              </thead>
              <tbody>
                {preview.pending.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={`/assess/${id}/${encodeURIComponent(p.unit)}`}>{props.unitNames.get(p.unit) ?? p.unit}</a>{" "}
                      <span class="muted code">{p.unit}</span>
                    </th>
                    <td>
                      <span class={`tag state-${p.state}`}>{nameIn(STATE_NAMES, p.state, lang)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      {published ? null : (
        <>
          <h2>{t.preview}</h2>
          <p>{t.previewLead}</p>
          <p>
            <a href={`/admin/campaigns/${id}/survey`}>{t.survey}</a>
          </p>
        </>
      )}
      {units === 0 ? <p>{t.noUnits}</p> : null}
      {preview.ranking.blocks
        .filter((block) => block.units.length > 0)
        .map((block) => (
          <BlockSection
            lang={lang}
            campaign={campaign}
            view={preview.ranking}
            areas={props.areas}
            whenSurveyAbsent={props.whenSurveyAbsent}
            block={block}
            unitHref={published ? undefined : (unit) => `/assess/${id}/${encodeURIComponent(unit.unit.code)}`}
          />
        ))}
      {!published && preview.refusals.length === 0 ? (
        <form method="post" action={`/admin/campaigns/${id}/publish`} novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="version" value={String(campaign.version)} />
          <div class={hasError(errors, "confirm") ? "field field-error" : "field"}>
            <FieldError id="confirm" errors={errors} lang={lang} />
            <div class="checkboxes">
              <label>
                <input type="checkbox" id="confirm" name="confirm" value="yes" /> {t.confirm}
              </label>
            </div>
          </div>
          <button type="submit" class="button warning">
            {t.publish}
          </button>
        </form>
      ) : null}
    </>
  );
}

export const PUBLISH_TEXT = TEXT;
