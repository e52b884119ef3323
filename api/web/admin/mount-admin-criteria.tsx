import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { describeCriteriaPath } from "../../../src/index.js";
import type { AppEnv } from "../../app-env.js";
import { ApiError, notFound } from "../../errors.js";
import type { SaveOutcome } from "../../services/criteria-service.js";
import { expired } from "../mount-account.js";
import { csrfValid, readForm } from "../web-form.js";
import { pageLang } from "../web-lang.js";
import { page, refusal } from "../web-page.js";
import { CriteriaDiffPage } from "./criteria-diff-page.js";
import { type CriteriaProblem, CriteriaListPage, type UploadResult } from "./criteria-list-page.js";
import { CriteriaSetPage } from "./criteria-set-page.js";
import { readCriteriaUpload } from "./read-criteria-upload.js";

const TITLES = {
  vi: { list: "Bộ tiêu chí", diff: "So sánh bộ tiêu chí" },
  en: { list: "Criteria sets", diff: "Compare criteria sets" },
} as const;
const OUTCOMES: readonly string[] = ["created", "replaced", "unchanged"] satisfies SaveOutcome[];

/** The administrator's criteria pages: the list and upload, one set's summary, and the diff of two versions. */
export function mountAdminCriteria(app: OpenAPIHono<AppEnv>): void {
  app.get("/admin/criteria", async (c) => {
    try {
      const sets = await c.var.services.criteria.overview(c.var.actor);
      const [family, version] = (c.req.query("saved") ?? "").split("@");
      const outcome = c.req.query("outcome") ?? "";
      const saved = sets.find((s) => s.family === family && s.version === version);
      const result: UploadResult | undefined =
        saved && OUTCOMES.includes(outcome)
          ? { kind: "saved", outcome: outcome as SaveOutcome, family: saved.family, version: saved.version, status: saved.status }
          : undefined;
      return listPage(c, result);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/criteria", async (c) => {
    try {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      await c.var.services.criteria.overview(c.var.actor);
      const lang = pageLang(c);
      const file = form.file;
      if (!(file instanceof File) || file.size === 0) {
        const problem = { code: "missing-file", path: "file", message: "choose the criteria set's .json file", vi: "hãy chọn tệp .json của bộ tiêu chí" };
        return listPage(c, { kind: "problems", fileName: lang === "vi" ? "Chưa chọn tệp" : "No file chosen", problems: placed([problem], null, lang) }, 422);
      }
      const read = readCriteriaUpload(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!read.ok) return listPage(c, { kind: "problems", fileName: file.name, problems: placed([read.problem], null, lang) }, 422);
      try {
        const { outcome, set } = await c.var.services.criteria.save(c.var.actor, read.json);
        return c.redirect(`/admin/criteria?saved=${encodeURIComponent(`${set.family}@${set.version}`)}&outcome=${outcome}`, 303);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.code === "invalid-input")
          return listPage(c, { kind: "problems", fileName: file.name, problems: placed(error.details.problems ?? [], read.json, lang) }, 422);
        if (error.code === "criteria-in-use") {
          const json = read.json as { family?: unknown; version?: unknown };
          return listPage(
            c,
            { kind: "in-use", fileName: file.name, message: error.text[lang], family: String(json.family), version: String(json.version) },
            409,
          );
        }
        throw error;
      }
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.get("/admin/criteria/diff", async (c) => {
    try {
      const sets = await c.var.services.criteria.overview(c.var.actor);
      const lang = pageLang(c);
      const from = c.req.query("from") ?? "";
      const to = c.req.query("to") ?? "";
      const render = (
        props: { diff?: Awaited<ReturnType<typeof c.var.services.criteria.diff>>; errors?: { field: string; message: string }[] },
        status: 200 | 422 = 200,
      ) => page(c, TITLES[lang].diff, <CriteriaDiffPage lang={lang} sets={sets} from={from} to={to} diff={props.diff} errors={props.errors ?? []} />, status);
      if (from === "" && to === "") return render({});
      const [older, newer] = [from, to].map((key) => sets.find((s) => `${s.family}@${s.version}` === key));
      const errors = [
        ...(older ? [] : [{ field: "diff-from", message: lang === "vi" ? "Chọn phiên bản cũ" : "Choose the older version" }]),
        ...(newer ? [] : [{ field: "diff-to", message: lang === "vi" ? "Chọn phiên bản mới" : "Choose the newer version" }]),
      ];
      if (older && newer && older.family !== newer.family)
        errors.push({
          field: "diff-to",
          message: lang === "vi" ? "Chọn hai phiên bản của cùng một họ bộ tiêu chí" : "Choose two versions of the same family",
        });
      if (!older || !newer || errors.length > 0) return render({ errors }, 422);
      return render({ diff: await c.var.services.criteria.diff(older.family, older.version, newer.version) });
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.get("/admin/criteria/:family/:version", async (c) => {
    try {
      const { family, version } = c.req.param();
      const overview = (await c.var.services.criteria.overview(c.var.actor)).find((s) => s.family === family && s.version === version);
      if (!overview) throw notFound({ en: `criteria set ${family} ${version}`, vi: `bộ tiêu chí ${family} ${version}` });
      const set = await c.var.services.criteria.get(family, version);
      const lang = pageLang(c);
      return page(c, `${family} ${version}`, <CriteriaSetPage lang={lang} set={set} overview={overview} />);
    } catch (error) {
      return refusal(c, error);
    }
  });
}

async function listPage(c: Context<AppEnv>, result: UploadResult | undefined, status: 200 | 409 | 422 = 200) {
  const lang = pageLang(c);
  const sets = await c.var.services.criteria.overview(c.var.actor);
  return page(c, TITLES[lang].list, <CriteriaListPage lang={lang} csrf={c.var.session?.csrf ?? ""} sets={sets} result={result} />, status);
}

/** The problems with where each is in the set (area, item, field, read from the uploaded JSON) and the message in the page's language. */
function placed(problems: { code?: string; path: string; message: string; vi?: string }[], json: unknown, lang: "vi" | "en"): CriteriaProblem[] {
  return problems.map((p) => ({
    code: p.code ?? "invalid-input",
    path: p.path,
    place: json === null || p.path.includes(":") ? p.path : describeCriteriaPath(json, p.path, lang),
    message: lang === "vi" ? (p.vi ?? p.message) : p.message,
  }));
}
