import { CAMPAIGN_STATE_NAMES, type Lang, STATE_NAMES, nameIn } from "../../../src/index.js";
import type { CampaignSummary } from "./admin-index-page.js";

const TEXT = {
  vi: {
    back: "Quản trị",
    title: "Đợt đánh giá",
    add: "Mở đợt đánh giá mới",
    id: "Mã",
    name: "Tên đợt",
    year: "Năm",
    criteria: "Bộ tiêu chí",
    state: "Trạng thái",
    units: "Đơn vị theo trạng thái",
  },
  en: {
    back: "Administration",
    title: "Campaigns",
    add: "Open a new campaign",
    id: "Id",
    name: "Title",
    year: "Year",
    criteria: "Criteria set",
    state: "State",
    units: "Units by state",
  },
} as const;

/** Every campaign with its criteria version, state and how many units are at each step. */
export function CampaignsPage(props: { lang: Lang; campaigns: CampaignSummary[] }) {
  const t = TEXT[props.lang];
  return (
    <>
      <p class="back-link">
        <a href="/admin">← {t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p class="button-row">
        <a class="button" href="/admin/campaigns/new">
          {t.add}
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.id}</th>
              <th scope="col">{t.year}</th>
              <th scope="col">{t.criteria}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">{t.units}</th>
            </tr>
          </thead>
          <tbody>
            {props.campaigns.map((c) => (
              <tr>
                <td>
                  <a href={`/admin/campaigns/${encodeURIComponent(c.id)}`}>{c.title}</a>
                </td>
                <td>{c.id}</td>
                <td>{c.year}</td>
                <td>
                  {c.criteria.family} {c.criteria.version}
                </td>
                <td>{nameIn(CAMPAIGN_STATE_NAMES, c.state, props.lang)}</td>
                <td>
                  {Object.entries(c.states)
                    .map(([state, n]) => `${nameIn(STATE_NAMES, state, props.lang)}: ${n}`)
                    .join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
