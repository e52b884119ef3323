import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { compress } from "hono/compress";
import type { Lang } from "../../../src/index.js";
import type { AppEnv } from "../../app-env.js";
import { isStaff } from "../../auth/actor.js";
import type { AssessmentState } from "../../domain.js";
import { ApiError } from "../../errors.js";
import type { AppraisalRound } from "../../services/appraisal-service.js";
import { ROUND_RULES } from "../../services/workflow.js";
import type { FormError } from "../form-parts.js";
import { expired } from "../mount-account.js";
import { type Collision, fieldId, saveItemForm } from "../ward/save-item.js";
import { entryOf, leavesOf, sectionOf, sections } from "../ward/ward-data.js";
import { csrfValid, field, fields, readForm } from "../web-form.js";
import { page, refusal } from "../web-page.js";
import { pageLang } from "../web-lang.js";
import { AppraisalAreaPage } from "./appraisal-area-page.js";
import { AppraisalConfirmPage } from "./appraisal-confirm-page.js";
import { type AppraisalData, appraisalSections, appraisedLeaves, editedRound, loadAppraisalData, scorerActions, stillToAppraise } from "./appraisal-data.js";
import { ACTION_TEXT, AppraisalOverviewPage } from "./appraisal-overview-page.js";
import { RoundReportPage } from "./round-report-page.js";

const BASE = "/work/:campaign/:unit";
const ACTIONS = ["request-explanation", "finalise"] as const;
/** Evidence the browser shows itself (PDF and photos); anything else (DOCX, XLSX) is downloaded. Never HTML or SVG: the service accepts neither. */
const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/heic"]);
const TEXT = {
  vi: {
    overview: "Thẩm định",
    notNow: "Hồ sơ không ở vòng thẩm định",
    stale: "Hồ sơ vừa được người khác thay đổi; hãy xem lại báo cáo dưới đây rồi xác nhận lại.",
  },
  en: {
    overview: "Appraisal",
    notNow: "The assessment is not in an appraisal round",
    stale: "Someone else has just changed this assessment; look at the report below again and confirm again.",
  },
} as const;

/**
 * The scorer's appraisal of one unit under /work/{campaign}/{unit}: overview, one page per area,
 * saving an item, accepting the self-assessment of an item or of a whole area, confirmation pages
 * for requesting an explanation and finalising, and the evidence files shown in the browser.
 * The services decide who may do what (only scorers appraise); the pages only render.
 */
export function mountAppraisal(app: OpenAPIHono<AppEnv>): void {
  app.use(`${BASE}/*`, compress());
  app.use(BASE, compress());

  app.get(BASE, (c) =>
    guarded(c, async (data, lang) =>
      page(
        c,
        `${TEXT[lang].overview}: ${data.unit.name}`,
        <AppraisalOverviewPage
          lang={lang}
          data={data}
          sections={appraisalSections(sections(data.set, lang))}
          actions={scorerActions(state(data), c.var.actor)}
          base={base(data)}
          done={c.req.query("done")}
        />,
      ),
    ),
  );

  app.get(`${BASE}/area/:area`, (c) =>
    guarded(c, async (data) =>
      renderArea(c, data, c.req.param("area"), { errors: [], notice: { saved: c.req.query("saved"), accepted: c.req.query("accepted") } }),
    ),
  );

  app.post(`${BASE}/items/:code`, (c) =>
    guarded(c, async (data, lang) => {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const { leaf, area, round } = itemOf(data, c.req.param("code"), lang);
      const result = await saveItemForm(c.var.services, c.var.actor, data, leaf, form, lang, round);
      const fresh = await load(c);
      if (!result.ok)
        return renderArea(c, fresh, area, { errors: result.errors, errorItem: leaf.code, collision: result.collision }, result.collision ? 409 : 422);
      return c.redirect(nextPlace(fresh, area, round, lang, leaf.code), 303);
    }),
  );

  app.post(`${BASE}/items/:code/accept`, (c) =>
    guarded(c, async (data, lang) => {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const { leaf, area, round } = itemOf(data, c.req.param("code"), lang);
      const version = Number(field(form, "v-item"));
      try {
        await c.var.services.appraisals.acceptSelf(c.var.actor, data.campaign.id, data.unit.code, round, [{ code: leaf.code, version }]);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== "version-mismatch") throw error;
        const collision = await collisionOf(c, data, round, leaf.code);
        const errors = [{ field: fieldId.points(leaf.code), message: staleMessage(lang) }];
        return renderArea(c, await load(c), area, { errors, errorItem: leaf.code, collision }, 409);
      }
      return c.redirect(nextPlace(await load(c), area, round, lang, leaf.code), 303);
    }),
  );

  app.post(`${BASE}/area/:area/accept`, (c) =>
    guarded(c, async (data, lang) => {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const area = c.req.param("area");
      const round = roundOf(data, lang);
      const items = fields(form, "item").map((pair) => {
        const [code = "", version = ""] = pair.split(":");
        return { code, version: Number(version) };
      });
      try {
        const { saved } = await c.var.services.appraisals.acceptSelf(c.var.actor, data.campaign.id, data.unit.code, round, items);
        return c.redirect(`${base(data)}/area/${encodeURIComponent(area)}?accepted=${saved}`, 303);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== "version-mismatch") throw error;
        const errors: FormError[] = (error.details.problems ?? []).map((p) => ({
          field: `item-${p.path}`,
          message: lang === "vi" ? (p.vi ?? p.message) : p.message,
        }));
        return renderArea(c, await load(c), area, { errors }, 409);
      }
    }),
  );

  for (const action of ACTIONS) {
    app.get(`${BASE}/${action}`, (c) => guarded(c, async (data, lang) => confirmPage(c, data, lang, action)));
    app.post(`${BASE}/${action}`, (c) =>
      guarded(c, async (data, lang) => {
        const form = await readForm(c);
        if (!csrfValid(c, form)) return expired(c);
        const version = Number(field(form, "version"));
        const { actor, services } = c.var;
        try {
          if (action === "finalise") await services.reports.finalise(actor, data.campaign.id, data.unit.code, version);
          else await services.assessments.transition(actor, data.campaign.id, data.unit.code, action, version, undefined);
        } catch (error) {
          if (!(error instanceof ApiError) || error.code !== "version-mismatch") throw error;
          return confirmPage(c, await load(c), lang, action, 409);
        }
        return c.redirect(`${base(data)}?done=${action}`, 303);
      }),
    );
  }

  // Every round's points and comments; staff and the unit itself (the service decides who may read it).
  app.get(`${BASE}/report`, async (c) => {
    try {
      const { campaign: campaignId, unit } = c.req.param();
      if (c.var.actor.role === "public") throw new ApiError("unauthenticated", { en: "sign in first", vi: "hãy đăng nhập trước" });
      const lang = pageLang(c);
      const campaign = await c.var.services.campaigns.get(c.var.actor, campaignId);
      const history = await c.var.services.rounds.history(c.var.actor, campaignId, unit);
      const back = isStaff(c.var.actor) ? `/work/${encodeURIComponent(campaignId)}/${encodeURIComponent(unit)}` : undefined;
      return page(
        c,
        `${lang === "vi" ? "Báo cáo điểm qua các vòng" : "Score report of every round"}: ${history.unit.name}`,
        <RoundReportPage
          lang={lang}
          history={history}
          campaignTitle={campaign.title}
          backHref={back}
          whyMovedHref={`/work/${encodeURIComponent(campaignId)}/${encodeURIComponent(unit)}/why-moved`}
        />,
      );
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.get(`${BASE}/evidence/:id`, async (c) => {
    try {
      staffOnly(c);
      const file = await c.var.services.evidence.file(c.var.actor, c.req.param("campaign"), c.req.param("unit"), c.req.param("id"));
      const disposition = INLINE_TYPES.has(file.type) ? "inline" : "attachment";
      return c.body(file.bytes.buffer as ArrayBuffer, 200, {
        "content-type": file.type,
        "content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-cache",
      });
    } catch (error) {
      return refusal(c, error);
    }
  });
}

function staffOnly(c: Context<AppEnv>): void {
  const actor = c.var.actor;
  if (!isStaff(actor)) throw new ApiError(actor.role === "public" ? "unauthenticated" : "forbidden", { en: "staff only", vi: "chỉ dành cho cán bộ thẩm định" });
}

/** Staff only; loads the unit's data (the services check access again) and runs `handle`; refusals become pages. */
async function guarded(c: Context<AppEnv>, handle: (data: AppraisalData, lang: Lang) => Promise<Response>): Promise<Response> {
  try {
    staffOnly(c);
    return await handle(await load(c), pageLang(c));
  } catch (error) {
    return refusal(c, error);
  }
}

function load(c: Context<AppEnv>): Promise<AppraisalData> {
  return loadAppraisalData(c.var.services, c.var.actor, c.req.param("campaign")!, c.req.param("unit")!);
}

const base = (data: AppraisalData) => `/work/${encodeURIComponent(data.campaign.id)}/${encodeURIComponent(data.unit.code)}`;
const csrf = (c: Context<AppEnv>) => c.var.session?.csrf ?? "";
const state = (data: AppraisalData) => data.assessment.state as AssessmentState;

function roundOf(data: AppraisalData, lang: Lang): AppraisalRound {
  const round = editedRound(state(data));
  if (!round) throw new ApiError("wrong-state", { en: TEXT.en.notNow, vi: TEXT.vi.notNow }[lang]);
  return round;
}

function itemOf(data: AppraisalData, code: string, lang: Lang) {
  const leaf = leavesOf(sections(data.set, lang).flatMap((s) => s.nodes)).find((l) => l.code === code);
  const area = sectionOf(data.set, code);
  if (!leaf || !area || leaf.scoring.kind === "survey") throw new ApiError("not-found", `item ${code} does not exist`);
  return { leaf, area, round: roundOf(data, lang) };
}

/**
 * Where a save or an accept leads: the next item still to appraise in this area, else the next
 * area with something to appraise ("save and go to the next area"), else the overview.
 */
function nextPlace(data: AppraisalData, area: string, round: AppraisalRound, lang: Lang, saved: string): string {
  const all = appraisalSections(sections(data.set, lang));
  const at = all.findIndex((s) => s.code === area);
  const here = at >= 0 ? stillToAppraise(data, appraisedLeaves(all[at]!), round)[0] : undefined;
  const query = `?saved=${encodeURIComponent(saved)}`;
  if (here) return `${base(data)}/area/${encodeURIComponent(area)}${query}#item-${here.code}`;
  const next = all.slice(at + 1).find((s) => stillToAppraise(data, appraisedLeaves(s), round).length > 0) ?? all[at + 1];
  return next ? `${base(data)}/area/${encodeURIComponent(next.code)}${query}` : `${base(data)}${query}`;
}

async function collisionOf(c: Context<AppEnv>, data: AppraisalData, round: AppraisalRound, code: string): Promise<Collision> {
  const { services, actor } = c.var;
  const ref = { campaignId: data.campaign.id, unitCode: data.unit.code, round, kind: "item" as const, code };
  const now = await services.assessments.getEntry(actor, ref);
  return {
    field: fieldId.points(code),
    kind: "item",
    code,
    current: now.value,
    mine: entryOf(data, "self", "item", code)?.value ?? null,
    by: now.updatedBy ? await services.accounts.nameOf(now.updatedBy) : "–",
    at: now.updatedAt,
  };
}

function staleMessage(lang: Lang): string {
  return lang === "vi"
    ? "Tiêu chí này vừa được người khác lưu; thay đổi của bạn chưa được lưu"
    : "Someone else has just saved this item; your change was not saved";
}

function confirmPage(c: Context<AppEnv>, data: AppraisalData, lang: Lang, action: (typeof ACTIONS)[number], status: 200 | 409 = 200) {
  if (!scorerActions(state(data), c.var.actor).includes(action))
    throw new ApiError("wrong-state", { en: `${action} is not possible now`, vi: `không thể ${ACTION_TEXT.vi[action]?.toLowerCase()} lúc này` }[lang]);
  return page(
    c,
    `${ACTION_TEXT[lang][action]}: ${data.unit.name}`,
    <>
      {status === 409 ? (
        <div class="notice warn" role="alert">
          <p>{TEXT[lang].stale}</p>
        </div>
      ) : null}
      <AppraisalConfirmPage lang={lang} data={data} action={action} csrf={csrf(c)} base={base(data)} />
    </>,
    status,
  );
}

function renderArea(
  c: Context<AppEnv>,
  data: AppraisalData,
  code: string,
  extra: { errors: FormError[]; errorItem?: string; collision?: Collision | undefined; notice?: { saved?: string | undefined; accepted?: string | undefined } },
  status: 200 | 409 | 422 = 200,
) {
  const lang = pageLang(c);
  const all = appraisalSections(sections(data.set, lang));
  const at = all.findIndex((s) => s.code === code);
  if (at < 0) throw new ApiError("not-found", `area ${code} does not exist`);
  const section = all[at]!;
  const round = editedRound(state(data));
  return page(
    c,
    `${section.title} – ${data.unit.name}`,
    <AppraisalAreaPage
      lang={lang}
      data={data}
      section={section}
      neighbours={{ prev: all[at - 1], next: all[at + 1] }}
      round={round && ROUND_RULES[round].role === c.var.actor.role ? round : undefined}
      csrf={csrf(c)}
      base={base(data)}
      {...extra}
    />,
    status,
  );
}
