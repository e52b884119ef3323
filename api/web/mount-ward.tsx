import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { compress } from "hono/compress";
import type { Lang } from "../../src/index.js";
import type { AppEnv } from "../app-env.js";
import { ApiError } from "../errors.js";
import { ACCEPTED_FILE_TYPES, matchesFileType } from "../services/file-types.js";
import type { FormError } from "./form-parts.js";
import { expired } from "./mount-account.js";
import { formatBytes, uploadFieldId } from "./ward/evidence-upload.js";
import { type Collision, saveExplanation, saveItemForm } from "./ward/save-item.js";
import { WardAreaPage } from "./ward/ward-area-page.js";
import { WardDashboardPage } from "./ward/ward-dashboard-page.js";
import { type WardData, leavesOf, loadWardData, sectionOf, sections } from "./ward/ward-data.js";
import { WardExplanationPage } from "./ward/ward-explanation-page.js";
import { WardSubmitPage } from "./ward/ward-submit-page.js";
import { csrfValid, field, readForm, safeNext } from "./web-form.js";
import { page, refusal } from "./web-page.js";
import { pageLang } from "./web-lang.js";

const BASE = "/assess/:campaign/:unit";
const TEXT = {
  vi: {
    overview: "Tự chấm",
    submit: "Nộp bản tự chấm",
    explanation: "Giải trình",
    noFile: "Chọn ảnh hoặc tệp để tải lên",
    tooBig: (size: string) => `Tệp lớn hơn ${size}: chụp lại với độ phân giải thấp hơn hoặc nén tệp`,
    badType: "Chỉ nhận ảnh JPEG, PNG, HEIC, tệp PDF, DOCX hoặc XLSX",
  },
  en: {
    overview: "Self-assessment",
    submit: "Submit the self-assessment",
    explanation: "Explanation",
    noFile: "Choose a photo or file to upload",
    tooBig: (size: string) => `The file is larger than ${size}: take the photo at a lower resolution or compress the file`,
    badType: "Only JPEG, PNG, HEIC photos and PDF, DOCX or XLSX files are accepted",
  },
} as const;
const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  heic: "image/heic",
  heif: "image/heic",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The ward's self-assessment pages under /assess/{campaign}/{unit}: overview, one page per area,
 * saving an item's form, uploading evidence, submit (with a confirmation page), withdraw, and the
 * explanation round. Reads and writes go through the services, with their access checks.
 */
export function mountWard(app: OpenAPIHono<AppEnv>): void {
  // Area pages list every item with its form: gzip takes them from ~50 kB to a few on a slow phone connection.
  app.use("/assess/*", compress());
  app.get(BASE, (c) =>
    guarded(c, async (data, lang) =>
      page(
        c,
        TEXT[lang].overview,
        <WardDashboardPage lang={lang} data={data} csrf={csrf(c)} base={base(data)} done={c.req.query("done")} isUnit={c.var.actor.role === "unit"} />,
      ),
    ),
  );

  app.get(`${BASE}/areas/:area`, (c) =>
    guarded(c, async (data) => {
      const saved = c.req.query("saved");
      const numbers = ["before", "after", "n"].map((k) => Number(c.req.query(k)));
      const notice = saved && numbers.every(Number.isFinite) ? { code: saved, before: numbers[0]!, after: numbers[1]!, saved: numbers[2]! } : undefined;
      return renderArea(c, data, c.req.param("area"), { errors: [], notice });
    }),
  );

  app.post(`${BASE}/items/:code`, (c) =>
    guarded(c, async (data, lang) => {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const code = c.req.param("code");
      const leaf = leavesOf(sections(data.set, lang).flatMap((s) => s.nodes)).find((l) => l.code === code);
      const area = sectionOf(data.set, code);
      if (!leaf || !area) throw new ApiError("not-found", `item ${code} does not exist`);
      const before = data.report.totals.index;
      const result = await saveItemForm(c.var.services, c.var.actor, data, leaf, form, lang);
      const fresh = await load(c);
      if (!result.ok) return renderArea(c, fresh, area, { errors: result.errors, errorItem: code, collision: result.collision }, result.collision ? 409 : 422);
      const query = new URLSearchParams({ saved: code, before: String(before), after: String(fresh.report.totals.index), n: String(result.saved) });
      return c.redirect(`${base(data)}/areas/${encodeURIComponent(area)}?${query}#item-${code}`, 303);
    }),
  );

  app.post(`${BASE}/evidence/file`, (c) =>
    guarded(c, async (data, lang) => {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const item = field(form, "item");
      if (!sectionOf(data.set, item)) throw new ApiError("not-found", `item ${item} does not exist`);
      const problem = await upload(c, data, form, item, lang);
      if (!problem) return c.redirect(safeNext(field(form, "back")), 303);
      const errors = [{ field: uploadFieldId("file", item), message: problem }];
      if (data.assessment.state === "explanation")
        return page(
          c,
          TEXT[lang].explanation,
          <WardExplanationPage
            lang={lang}
            data={data}
            items={await explained(c, data)}
            csrf={csrf(c)}
            base={base(data)}
            errors={errors}
            errorItem={item}
            maxFileBytes={maxFile(c)}
          />,
          422,
        );
      return renderArea(c, data, sectionOf(data.set, item) ?? "1", { errors, errorItem: item }, 422);
    }),
  );

  app.get(`${BASE}/submit`, (c) =>
    guarded(c, async (data, lang) => page(c, TEXT[lang].submit, <WardSubmitPage lang={lang} data={data} csrf={csrf(c)} base={base(data)} />)),
  );

  for (const [action, done] of [
    ["submit", "submitted"],
    ["withdraw", "withdrawn"],
    ["submit-explanation", "explained"],
  ] as const) {
    app.post(`${BASE}/${action}`, (c) =>
      guarded(c, async (data) => {
        const form = await readForm(c);
        if (!csrfValid(c, form)) return expired(c);
        await c.var.services.assessments.transition(c.var.actor, data.campaign.id, data.unit.code, action, Number(field(form, "version")), undefined);
        return c.redirect(`${base(data)}?done=${done}`, 303);
      }),
    );
  }

  app.get(`${BASE}/explanation`, (c) =>
    guarded(c, async (data, lang) =>
      page(
        c,
        TEXT[lang].explanation,
        <WardExplanationPage
          lang={lang}
          data={data}
          items={await explained(c, data)}
          csrf={csrf(c)}
          base={base(data)}
          errors={[]}
          saved={c.req.query("saved")}
          maxFileBytes={maxFile(c)}
        />,
      ),
    ),
  );

  app.post(`${BASE}/explanation/:code`, (c) =>
    guarded(c, async (data, lang) => {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const code = c.req.param("code");
      const result = await saveExplanation(c.var.services, c.var.actor, data, code, form, lang);
      if (result.ok) return c.redirect(`${base(data)}/explanation?saved=${encodeURIComponent(code)}#item-${code}`, 303);
      return page(
        c,
        TEXT[lang].explanation,
        <WardExplanationPage
          lang={lang}
          data={await load(c)}
          items={await explained(c, data)}
          csrf={csrf(c)}
          base={base(data)}
          errors={result.errors}
          errorItem={code}
          maxFileBytes={maxFile(c)}
        />,
        422,
      );
    }),
  );
}

/** Loads the ward's data (the services check who may see it) and runs `handle`; refusals become pages. */
async function guarded(c: Context<AppEnv>, handle: (data: WardData, lang: Lang) => Promise<Response>): Promise<Response> {
  try {
    return await handle(await load(c), pageLang(c));
  } catch (error) {
    return refusal(c, error);
  }
}

function load(c: Context<AppEnv>): Promise<WardData> {
  return loadWardData(c.var.services, c.var.actor, c.req.param("campaign")!, c.req.param("unit")!);
}

const base = (data: WardData) => `/assess/${encodeURIComponent(data.campaign.id)}/${encodeURIComponent(data.unit.code)}`;
const csrf = (c: Context<AppEnv>) => c.var.session?.csrf ?? "";
const maxFile = (c: Context<AppEnv>) => c.var.services.deps.limits.maxFileBytes;
/** The items appraisal round 1 marked down: the ones the ward explains (the service refuses the others). */
const explained = async (c: Context<AppEnv>, data: WardData) =>
  (await c.var.services.rounds.history(c.var.actor, data.campaign.id, data.unit.code)).sections.flatMap((s) => s.rows.filter((r) => r.markedDown));

function renderArea(
  c: Context<AppEnv>,
  data: WardData,
  code: string,
  extra: {
    errors: FormError[];
    errorItem?: string;
    collision?: Collision | undefined;
    notice?: { code: string; before: number; after: number; saved: number } | undefined;
  },
  status: 200 | 409 | 422 = 200,
) {
  const lang = pageLang(c);
  const all = sections(data.set, lang);
  const at = all.findIndex((s) => s.code === code);
  if (at < 0) throw new ApiError("not-found", `area ${code} does not exist`);
  const section = all[at]!;
  const editable = data.assessment.state === "draft" && c.var.actor.role === "unit" && data.now.getTime() <= Date.parse(data.assessment.deadlines.self);
  return page(
    c,
    section.title,
    <WardAreaPage
      lang={lang}
      data={data}
      section={section}
      neighbours={{ prev: all[at - 1], next: all[at + 1] }}
      csrf={csrf(c)}
      editable={editable}
      base={base(data)}
      maxFileBytes={maxFile(c)}
      {...extra}
    />,
    status,
  );
}

/**
 * Stores an uploaded file as a new evidence document and cites it on the item (self round, or the
 * explanation while explaining). The file is checked first with the evidence service's own rules,
 * so a refused file leaves no empty document behind. Returns the problem to show, if any.
 */
async function upload(c: Context<AppEnv>, data: WardData, form: Record<string, unknown>, item: string, lang: Lang): Promise<string | undefined> {
  const file = form.file;
  const t = TEXT[lang];
  if (!(file instanceof File) || file.size === 0) return t.noFile;
  const max = maxFile(c);
  // The app's body limit on …/file paths refuses larger uploads first; this keeps the rule if the limits ever differ.
  if (file.size > max) return t.tooBig(formatBytes(max, lang));
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  const declared = file.type === "image/heif" ? "image/heic" : file.type;
  const type = ACCEPTED_FILE_TYPES.includes(declared) ? declared : (BY_EXTENSION[extension] ?? declared);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!ACCEPTED_FILE_TYPES.includes(type) || !matchesFileType(type, bytes)) return t.badType;
  const { services } = c.var;
  const ids = new Set(data.assessment.evidence.map((e) => e.id));
  let n = ids.size + 1;
  while (ids.has(`TL-${String(n).padStart(3, "0")}`)) n += 1;
  const id = `TL-${String(n).padStart(3, "0")}`;
  const title = field(form, "title").trim() || file.name;
  const number = field(form, "number").trim();
  await services.evidence.save(c.var.actor, data.campaign.id, data.unit.code, id, { title, ...(number ? { number } : {}) }, 0);
  await services.evidence.upload(c.var.actor, data.campaign.id, data.unit.code, id, { name: file.name, type, bytes }, 1);
  const round = data.assessment.state === "explanation" ? "explanation" : "self";
  const ref = { campaignId: data.campaign.id, unitCode: data.unit.code, round, kind: "item", code: item } as const;
  const entry = await services.assessments.getEntry(c.var.actor, ref);
  const value = (entry.value ?? {}) as { evidence?: string[] };
  await services.assessments.saveEntry(c.var.actor, ref, { ...value, evidence: [...(value.evidence ?? []), id] }, entry.version);
  return undefined;
}
