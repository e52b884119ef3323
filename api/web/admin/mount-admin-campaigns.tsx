import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { fromVietnamInput } from "../../../src/index.js";
import type { AppEnv } from "../../app-env.js";
import { ApiError } from "../../errors.js";
import { DEADLINE_ROUNDS, type DeadlineName, type Deadlines } from "../../services/workflow.js";
import type { FormError } from "../form-parts.js";
import { expired, problemsAsErrors } from "../mount-account.js";
import { csrfValid, field, readForm } from "../web-form.js";
import { pageLang } from "../web-lang.js";
import { page, refusal } from "../web-page.js";
import { CampaignNewPage } from "./campaign-new-page.js";
import { CampaignPage } from "./campaign-page.js";
import { CampaignsPage } from "./campaigns-page.js";

const TEXT = {
  vi: {
    campaigns: "Đợt đánh giá",
    add: "Mở đợt đánh giá mới",
    badTime: "Nhập ngày và giờ, ví dụ 31/03/2026 17:00",
    badId: "Mã đợt gồm 1–60 ký tự: chữ, chữ số, dấu . _ -",
    badYear: "Nhập năm bằng số, ví dụ 2026",
    unknown: (codes: string[]) => `Không có đơn vị: ${codes.join(", ")}`,
    noCriteria: "Chọn một bộ tiêu chí",
    done: {
      created: "Đã mở đợt đánh giá; mọi đơn vị bắt đầu tự chấm.",
      deadlines: "Đã lưu hạn chót.",
      extended: "Đã gia hạn cho đơn vị.",
      withdrawn: "Đã thu hồi gia hạn.",
    } as Record<string, string>,
  },
  en: {
    campaigns: "Campaigns",
    add: "Open a new campaign",
    badTime: "Enter a date and time, e.g. 2026-03-31 17:00",
    badId: "The campaign id has 1–60 characters: letters, digits, . _ -",
    badYear: "Enter the year as a number, e.g. 2026",
    unknown: (codes: string[]) => `No such unit: ${codes.join(", ")}`,
    noCriteria: "Choose a criteria set",
    done: {
      created: "Campaign opened; every unit starts its self-assessment.",
      deadlines: "Deadlines saved.",
      extended: "Deadline extended for the unit.",
      withdrawn: "Extension withdrawn.",
    } as Record<string, string>,
  },
} as const;

/** Reads the four `deadline-…` fields (datetime-local, Vietnam time) as UTC ISO instants; a field that is not a date and time is a form error. */
function readDeadlines(form: Record<string, unknown>, message: string): { deadlines: Deadlines; errors: FormError[] } {
  const errors: FormError[] = [];
  const deadlines = {} as Deadlines;
  for (const round of DEADLINE_ROUNDS) {
    const at = fromVietnamInput(field(form, `deadline-${round}`));
    if (at) deadlines[round] = at.toISOString();
    else errors.push({ field: `deadline-${round}`, message });
  }
  return { deadlines, errors };
}

/** A campaign problem's path as the id of its field on the page. */
const fieldOfPath = (path: string) => (path.startsWith("deadlines.") ? `deadline-${path.slice(10)}` : path.startsWith("units") ? "exclude" : path || "id");

/** `/admin/campaigns…`: the list, opening a campaign, and one campaign's page with its deadlines and per-unit extensions. */
export function mountAdminCampaigns(app: OpenAPIHono<AppEnv>): void {
  app.get("/admin/campaigns", async (c) => {
    try {
      const lang = pageLang(c);
      return page(c, TEXT[lang].campaigns, <CampaignsPage lang={lang} campaigns={await c.var.services.campaigns.summaries(c.var.actor)} />);
    } catch (error) {
      return refusal(c, error);
    }
  });

  const newCampaign = async (c: Context<AppEnv>, values: Record<string, string>, errors: FormError[], status: 200 | 422 = 200) => {
    const lang = pageLang(c);
    await c.var.services.campaigns.summaries(c.var.actor);
    const criteria = await c.var.services.criteria.list();
    return page(
      c,
      TEXT[lang].add,
      <CampaignNewPage lang={lang} csrf={c.var.session?.csrf ?? ""} criteria={criteria} values={values} errors={errors} />,
      status,
    );
  };
  app.get("/admin/campaigns/new", async (c) => {
    try {
      return await newCampaign(c, { year: String(c.var.services.deps.now().getUTCFullYear()) }, []);
    } catch (error) {
      return refusal(c, error);
    }
  });
  app.post("/admin/campaigns/new", async (c) => {
    const lang = pageLang(c);
    const t = TEXT[lang];
    const form = await readForm(c);
    if (!csrfValid(c, form)) return expired(c);
    const names = ["id", "year", "title", "criteria", "exclude", ...DEADLINE_ROUNDS.map((r) => `deadline-${r}`)];
    const values = Object.fromEntries(names.map((name) => [name, field(form, name).trim()]));
    try {
      const { deadlines, errors } = readDeadlines(form, t.badTime);
      const id = values.id ?? "";
      if (!/^[A-Za-z0-9_.-]{1,60}$/.test(id)) errors.unshift({ field: "id", message: t.badId });
      const year = Number(values.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.push({ field: "year", message: t.badYear });
      const [family, version] = (values.criteria ?? "").split("@");
      if (!family || !version) errors.push({ field: "criteria", message: t.noCriteria });
      const excluded = new Set((values.exclude ?? "").split(/[\s,;]+/).filter(Boolean));
      const all = await c.var.services.units.list();
      const unknown = [...excluded].filter((code) => !all.some((u) => u.code === code));
      if (unknown.length > 0) errors.push({ field: "exclude", message: t.unknown(unknown) });
      if (errors.length > 0 || !family || !version) return await newCampaign(c, values, errors, 422);
      const set = await c.var.services.criteria.get(family, version);
      const units = all.filter((u) => set.appliesTo.unitTypes.includes(u.type as never) && !excluded.has(u.code)).map((u) => u.code);
      await c.var.services.campaigns.create(c.var.actor, { id, year, title: values.title || undefined, criteria: { family, version }, deadlines, units });
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}?done=created`, 303);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid-input") return newCampaign(c, values, problemsAsErrors(error, lang, fieldOfPath), 422);
      if (error instanceof ApiError && error.code === "conflict") return newCampaign(c, values, [{ field: "id", message: error.text[lang] }], 422);
      return refusal(c, error);
    }
  });

  const campaignPage = async (c: Context<AppEnv>, errors: FormError[], values: Record<string, string>, status: 200 | 409 | 412 | 422 = 200) => {
    const lang = pageLang(c);
    const overview = await c.var.services.campaigns.overview(c.var.actor, c.req.param("id") ?? "");
    const done = TEXT[lang].done[c.req.query("done") ?? ""];
    return page(
      c,
      overview.campaign.title,
      <CampaignPage lang={lang} csrf={c.var.session?.csrf ?? ""} overview={overview} errors={errors} values={values} done={done} />,
      status,
    );
  };
  app.get("/admin/campaigns/:id", async (c) => {
    try {
      return await campaignPage(c, [], {});
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/campaigns/:id/deadlines", async (c) => {
    const lang = pageLang(c);
    const id = c.req.param("id");
    const form = await readForm(c);
    if (!csrfValid(c, form)) return expired(c);
    const values = {
      ...Object.fromEntries(DEADLINE_ROUNDS.map((r) => [`deadline-${r}`, field(form, `deadline-${r}`)])),
      "change-reason": field(form, "reason"),
    };
    try {
      const { deadlines, errors } = readDeadlines(form, TEXT[lang].badTime);
      if (errors.length > 0) return await campaignPage(c, errors, values, 422);
      await c.var.services.deadlines.change(c.var.actor, id, Number(field(form, "version")), deadlines, field(form, "reason").trim() || undefined);
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}?done=deadlines`, 303);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid-input") return campaignPage(c, problemsAsErrors(error, lang, fieldOfPath), values, 422);
      // Someone changed the campaign since the page was read: show the stored deadlines, with what was typed kept in the form.
      if (error instanceof ApiError && error.code === "version-mismatch")
        return campaignPage(c, [{ field: "deadline-self", message: error.text[lang] }], values, 412);
      return refusal(c, error);
    }
  });

  app.post("/admin/campaigns/:id/extensions", async (c) => {
    const lang = pageLang(c);
    const id = c.req.param("id");
    const form = await readForm(c);
    if (!csrfValid(c, form)) return expired(c);
    const round = field(form, "round") as DeadlineName;
    const values = { "ext-unit": field(form, "unit"), "ext-round": round, "ext-until": field(form, "until"), "ext-reason": field(form, "reason") };
    try {
      if (!DEADLINE_ROUNDS.includes(round)) return await campaignPage(c, [{ field: "ext-round", message: TEXT[lang].badTime }], values, 422);
      const until = fromVietnamInput(field(form, "until"));
      if (!until) return await campaignPage(c, [{ field: "ext-until", message: TEXT[lang].badTime }], values, 422);
      await c.var.services.deadlines.extend(c.var.actor, id, field(form, "unit"), round, until.toISOString(), field(form, "reason"));
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}?done=extended`, 303);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid-input")
        return campaignPage(
          c,
          problemsAsErrors(error, lang, (path) => `ext-${path}`),
          values,
          422,
        );
      return refusal(c, error);
    }
  });
}
