import type { Context } from "hono";
import { STATE_NAMES, nameIn } from "../../../src/index.js";
import { formatInstant, formatTimeLeft } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { AppEnv } from "../../app-env.js";
import type { CampaignView, Deadlines } from "../../services/campaign-service.js";
import { currentDeadline } from "../ward/ward-data.js";

export interface Work {
  now: Date;
  /** A unit official: their unit's assessment in each open campaign. */
  assessments: { campaign: CampaignView; unitCode: string; state: string; deadlines: Deadlines }[];
  /** Staff: the open campaigns with how many units are in each state. */
  campaigns: { campaign: CampaignView; states: Record<string, number> }[];
}

/** What a signed-in person has to do, read through the services with their access rules. */
export async function loadWork(c: Context<AppEnv>): Promise<Work | undefined> {
  const actor = c.var.actor;
  if (actor.role === "public") return undefined;
  const { campaigns, assessments } = c.var.services;
  const open = (await campaigns.list(actor)).filter((campaign) => campaign.state === "open");
  const work: Work = { now: c.var.services.deps.now(), assessments: [], campaigns: [] };
  for (const campaign of open) {
    const rows = await assessments.list(actor, campaign.id);
    if (actor.role === "unit")
      work.assessments.push(...rows.map((r) => ({ campaign, unitCode: r.unitCode, state: r.state, deadlines: r.deadlines ?? campaign.deadlines })));
    else {
      const states: Record<string, number> = {};
      for (const row of rows) states[row.state] = (states[row.state] ?? 0) + 1;
      work.campaigns.push({ campaign, states });
    }
  }
  return work;
}

const TEXT = {
  vi: {
    title: "Việc của bạn",
    none: "Hiện không có đợt đánh giá nào đang mở cho bạn.",
    open: "Mở bản tự chấm",
    due: "Hạn",
    units: "đơn vị",
    users: "Quản trị",
    password: "Đổi mật khẩu",
    worklist: "Mở danh sách đơn vị",
  },
  en: {
    title: "Your work",
    none: "No open campaign for you right now.",
    open: "Open the self-assessment",
    due: "Due",
    units: "units",
    users: "Administration",
    password: "Change your password",
    worklist: "Open the units to appraise",
  },
} as const;

export function YourWork(props: { lang: Lang; work: Work; admin: boolean }) {
  const { lang, work } = props;
  const t = TEXT[lang];
  const empty = work.assessments.length === 0 && work.campaigns.length === 0;
  return (
    <section aria-labelledby="your-work">
      <h2 id="your-work">{t.title}</h2>
      {empty ? <p>{t.none}</p> : null}
      <ul class="card-list two">
        {work.assessments.map((a) => {
          const deadline = currentDeadline(a.deadlines, a.state);
          return (
            <li class="card">
              <h3>
                {a.campaign.title} · {a.unitCode}
              </h3>
              <p>
                <span class={`tag state-${a.state}`}>{nameIn(STATE_NAMES, a.state, lang)}</span>
              </p>
              {deadline ? (
                <p>
                  {t.due}: {formatInstant(deadline.at, lang)} (<strong>{formatTimeLeft(deadline.at, work.now, lang)}</strong>)
                </p>
              ) : null}
              <a class="button" href={`/assess/${encodeURIComponent(a.campaign.id)}/${encodeURIComponent(a.unitCode)}`}>
                {t.open}
                <span class="visually-hidden">: {a.campaign.title}</span>
              </a>
            </li>
          );
        })}
        {work.campaigns.map(({ campaign, states }) => (
          <li class="card">
            <h3>{campaign.title}</h3>
            <ul>
              {Object.entries(states).map(([state, n]) => (
                <li>
                  {nameIn(STATE_NAMES, state, lang)}: {n} {t.units}
                </li>
              ))}
            </ul>
            <a class="button" href={`/work/${encodeURIComponent(campaign.id)}`}>
              {t.worklist}
              <span class="visually-hidden">: {campaign.title}</span>
            </a>
          </li>
        ))}
      </ul>
      <p>
        {props.admin ? (
          <>
            <a href="/admin">{t.users}</a> ·{" "}
          </>
        ) : null}
        <a href="/account/password">{t.password}</a>
      </p>
    </section>
  );
}
