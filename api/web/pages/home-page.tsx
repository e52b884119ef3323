import { PUBLIC, type Actor } from "../../auth/actor.js";
import type { CampaignView } from "../../services/campaign-service.js";
import { formatInstant } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { type Work, YourWork } from "./your-work.js";

const TEXT = {
  vi: {
    title: "Chỉ số cải cách hành chính",
    lead: "Nơi các xã, phường tự chấm điểm Chỉ số CCHC kèm tài liệu kiểm chứng, Sở Nội vụ thẩm định, và kết quả được công bố cho mọi người.",
    published: "Kết quả đã công bố",
    none: "Chưa có đợt đánh giá nào được công bố.",
    publishedOn: "Công bố ngày",
    view: "Xem bảng xếp hạng",
    signInHint: "Cán bộ xã, phường và cán bộ thẩm định: đăng nhập để làm việc.",
    signIn: "Đăng nhập",
  },
  en: {
    title: "Administrative reform index",
    lead: "Communes and wards self-assess their PAR index with evidence, the Department of Home Affairs appraises, and the results are published for everyone.",
    published: "Published results",
    none: "No campaign has been published yet.",
    publishedOn: "Published on",
    view: "See the ranking",
    signInHint: "Commune and ward officials and scorers: sign in to work.",
    signIn: "Sign in",
  },
} as const;

/** `/`: what this is, the published campaigns for anyone, and (for a signed-in person) their work. */
export function HomePage(props: { lang: Lang; actor: Actor; published: CampaignView[]; work?: Work | undefined }) {
  const t = TEXT[props.lang];
  return (
    <>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {props.actor === PUBLIC || props.actor.role === "public" ? (
        <div class="panel">
          <p>{t.signInHint}</p>
          <a class="button" href="/sign-in">
            {t.signIn}
          </a>
        </div>
      ) : null}
      {props.work ? <YourWork lang={props.lang} work={props.work} admin={props.actor.role === "admin"} /> : null}
      <h2>{t.published}</h2>
      {props.published.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="card-list two">
          {props.published.map((campaign) => (
            <li class="card">
              <h3>{campaign.title}</h3>
              <p class="muted">
                {t.publishedOn} {campaign.publishedAt ? formatInstant(new Date(campaign.publishedAt), props.lang) : "–"}
              </p>
              <a href={`/results/${encodeURIComponent(campaign.id)}`}>
                {t.view}
                <span class="visually-hidden">: {campaign.title}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
