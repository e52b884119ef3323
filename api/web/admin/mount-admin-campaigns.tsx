import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Lang } from "../../../src/index.js";
import type { AppEnv } from "../../app-env.js";
import { ApiError } from "../../errors.js";
import { DEADLINE_ROUNDS, type DeadlineName, type Deadlines } from "../../services/workflow.js";
import type { FormError } from "../form-parts.js";
import { expired, problemsAsErrors } from "../mount-account.js";
import { csrfValid, dateTimeIds, field, readDateTime, readForm } from "../web-form.js";
import { pageLang } from "../web-lang.js";
import { page, refusal } from "../web-page.js";
import { CampaignNewPage } from "./campaign-new-page.js";
import { CampaignPage } from "./campaign-page.js";
import { CampaignsPage } from "./campaigns-page.js";

const TEXT = {
  vi: {
    campaigns: "Đợt đánh giá",
    add: "Mở đợt đánh giá mới",
    badRound: "Chọn một vòng",
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
    badRound: "Choose a round",
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

/** Reads the four `deadline-…` fields (dd/mm/yyyy and HH:MM, Vietnam time) as UTC ISO instants; each wrong part is a form error. */
function readDeadlines(form: Record<string, unknown>, lang: Lang): { deadlines: Deadlines; errors: FormError[] } {
  const errors: FormError[] = [];
  const deadlines = {} as Deadlines;
  for (const round of DEADLINE_ROUNDS) {
    const read = readDateTime(form, `deadline-${round}`, lang);
    if (read.instant) deadlines[round] = read.instant.toISOString();
    errors.push(...read.errors);
  }
  return { deadlines, errors };
}

/** The posted texts of the date-and-time fields `ids`, to show again beside their errors. */
const typedDateTimes = (form: Record<string, unknown>, ids: string[]) =>
  Object.fromEntries(ids.flatMap((id) => Object.values(dateTimeIds(id)).map((name) => [name, field(form, name)])));

/** A campaign problem's path as the id of its field on the page. */
const fieldOfPath = (path: string) => (path.startsWith("deadlines.") ? `deadline-${path.slice(10)}-date` : path.startsWith("units") ? "exclude" : path || "id");

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
    const names = ["id", "year", "title", "criteria", "include", "exclude"];
    const values: Record<string, string> = {
      ...Object.fromEntries(names.map((name) => [name, field(form, name).trim()])),
      ...typedDateTimes(
        form,
        DEADLINE_ROUNDS.map((r) => `deadline-${r}`),
      ),
    };
    try {
      const { deadlines, errors } = readDeadlines(form, lang);
      const id = values.id ?? "";
      if (!/^[A-Za-z0-9_.-]{1,60}$/.test(id)) errors.unshift({ field: "id", message: t.badId });
      const year = Number(values.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.push({ field: "year", message: t.badYear });
      const [family, version] = (values.criteria ?? "").split("@");
      if (!family || !version) errors.push({ field: "criteria", message: t.noCriteria });
      const codes = (name: string) => new Set((values[name] ?? "").split(/[\s,;]+/).filter(Boolean));
      const [included, excluded] = [codes("include"), codes("exclude")];
      const all = await c.var.services.units.list();
      for (const [name, listed] of [
        ["include", included],
        ["exclude", excluded],
      ] as const) {
        const unknown = [...listed].filter((code) => !all.some((u) => u.code === code));
        if (unknown.length > 0) errors.push({ field: name, message: t.unknown(unknown) });
      }
      if (errors.length > 0 || !family || !version) return await newCampaign(c, values, errors, 422);
      const set = await c.var.services.criteria.get(family, version);
      const units = all
        .filter((u) => set.appliesTo.unitTypes.includes(u.type as never) && (included.size === 0 || included.has(u.code)) && !excluded.has(u.code))
        .map((u) => u.code);
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
      ...typedDateTimes(
        form,
        DEADLINE_ROUNDS.map((r) => `deadline-${r}`),
      ),
      "change-reason": field(form, "reason"),
    };
    try {
      const { deadlines, errors } = readDeadlines(form, lang);
      if (errors.length > 0) return await campaignPage(c, errors, values, 422);
      await c.var.services.deadlines.change(c.var.actor, id, Number(field(form, "version")), deadlines, field(form, "reason").trim() || undefined);
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}?done=deadlines`, 303);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid-input") return campaignPage(c, problemsAsErrors(error, lang, fieldOfPath), values, 422);
      // Someone changed the campaign since the page was read: show the stored deadlines, with what was typed kept in the form.
      if (error instanceof ApiError && error.code === "version-mismatch")
        return campaignPage(c, [{ field: "deadline-self-date", message: error.text[lang] }], values, 412);
      return refusal(c, error);
    }
  });

  app.post("/admin/campaigns/:id/extensions", async (c) => {
    const lang = pageLang(c);
    const id = c.req.param("id");
    const form = await readForm(c);
    if (!csrfValid(c, form)) return expired(c);
    const round = field(form, "round") as DeadlineName;
    const values = { "ext-unit": field(form, "unit"), "ext-round": round, ...typedDateTimes(form, ["ext-until"]), "ext-reason": field(form, "reason") };
    try {
      if (!DEADLINE_ROUNDS.includes(round)) return await campaignPage(c, [{ field: "ext-round", message: TEXT[lang].badRound }], values, 422);
      const until = readDateTime(form, "ext-until", lang);
      if (!until.instant) return await campaignPage(c, until.errors, values, 422);
      await c.var.services.deadlines.extend(c.var.actor, id, field(form, "unit"), round, until.instant.toISOString(), field(form, "reason"));
      return c.redirect(`/admin/campaigns/${encodeURIComponent(id)}?done=extended`, 303);
    } catch (error) {
      if (error instanceof ApiError && error.code === "invalid-input")
        return campaignPage(
          c,
          problemsAsErrors(error, lang, (path) => (path === "until" ? "ext-until-date" : `ext-${path}`)),
          values,
          422,
        );
      return refusal(c, error);
    }
  });
}
