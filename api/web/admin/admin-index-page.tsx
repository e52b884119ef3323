import { CAMPAIGN_STATE_NAMES, nameIn } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { CampaignService } from "../../services/campaign-service.js";

export type CampaignSummary = Awaited<ReturnType<CampaignService["summaries"]>>[number];

const TEXT = {
  vi: {
    title: "Quản trị",
    lead: "Công việc của năm: bộ tiêu chí, đơn vị, người dùng, rồi các đợt đánh giá từ khi mở đến khi công bố.",
    criteria: ["Bộ tiêu chí", "Tải lên, kiểm tra và so sánh các phiên bản."],
    units: ["Đơn vị", "Đăng ký, sửa và nhập danh sách đơn vị."],
    users: ["Người dùng", "Thêm, gán đơn vị, đặt mật khẩu, khóa."],
    campaigns: ["Đợt đánh giá", "Mở đợt, hạn chót từng vòng, gia hạn cho đơn vị."],
    perCampaign: "Các đợt đánh giá",
    usersCount: (n: number, off: number) => `${n} người dùng${off > 0 ? `, ${off} đã khóa` : ""}`,
    units_: "đơn vị",
    open: "Trang đợt",
    survey: "Điều tra xã hội học",
    publish: "Công bố",
    none: "Chưa có đợt đánh giá nào.",
  },
  en: {
    title: "Administration",
    lead: "The year's work: criteria sets, units, users, then each campaign from opening to publication.",
    criteria: ["Criteria sets", "Upload, check and compare versions."],
    units: ["Units", "Register, edit and import the list of units."],
    users: ["Users", "Add, assign a unit, set a password, deactivate."],
    campaigns: ["Campaigns", "Open a campaign, the deadline of each round, extensions for a unit."],
    perCampaign: "Campaigns",
    usersCount: (n: number, off: number) => `${n} users${off > 0 ? `, ${off} deactivated` : ""}`,
    units_: "units",
    open: "Campaign page",
    survey: "Survey",
    publish: "Publish",
    none: "No campaign yet.",
  },
} as const;

/** The administrator's start page: the four areas of the year's work, and each campaign's pages. */
export function AdminIndexPage(props: { lang: Lang; campaigns: CampaignSummary[]; users: { total: number; deactivated: number } }) {
  const t = TEXT[props.lang];
  const areas = [
    { href: "/admin/criteria", text: t.criteria },
    { href: "/admin/units", text: t.units },
    { href: "/admin/users", text: t.users, extra: t.usersCount(props.users.total, props.users.deactivated) },
    { href: "/admin/campaigns", text: t.campaigns },
  ];
  return (
    <>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <ul class="card-list two">
        {areas.map((a) => (
          <li class="card">
            <h2 class="card-title">
              <a href={a.href}>{a.text[0]}</a>
            </h2>
            <p>{a.text[1]}</p>
            {a.extra ? <p class="muted">{a.extra}</p> : null}
          </li>
        ))}
      </ul>
      <h2>{t.perCampaign}</h2>
      {props.campaigns.length === 0 ? <p>{t.none}</p> : null}
      <ul class="card-list two">
        {props.campaigns.map((c) => {
          const base = `/admin/campaigns/${encodeURIComponent(c.id)}`;
          return (
            <li class="card">
              <h3>
                {c.title} <span class="muted">({c.id})</span>
              </h3>
              <p>
                <span class={`tag state-${c.state}`}>{nameIn(CAMPAIGN_STATE_NAMES, c.state, props.lang)}</span> · {c.units} {t.units_}
              </p>
              <p>
                <a href={base}>
                  {t.open}
                  <span class="visually-hidden">: {c.title}</span>
                </a>{" "}
                ·{" "}
                <a href={`${base}/survey`}>
                  {t.survey}
                  <span class="visually-hidden">: {c.title}</span>
                </a>{" "}
                ·{" "}
                <a href={`${base}/publish`}>
                  {t.publish}
                  <span class="visually-hidden">: {c.title}</span>
                </a>
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
