import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env.js";
import { ApiError } from "../../errors.js";
import type { Row } from "../../storage/store.js";
import type { FormError } from "../form-parts.js";
import { expired } from "../mount-account.js";
import { csrfValid, field, readForm } from "../web-form.js";
import { pageLang } from "../web-lang.js";
import { page, refusal } from "../web-page.js";
import { UNIT_FIELDS, checkUnitForm } from "./check-unit-form.js";
import type { UnitFormValues } from "./unit-fields.js";
import { UnitEditPage } from "./unit-edit-page.js";
import { UnitImportPage } from "./unit-import-page.js";
import { type UnitsNotice, UnitsPage, searchUnits } from "./units-page.js";

const TITLES = {
  vi: { units: "Đơn vị", import: "Nhập danh sách đơn vị" },
  en: { units: "Units", import: "Import a unit list" },
} as const;
const EMPTY: UnitFormValues = { code: "", name: "", type: "", block: "" };

/** The administrator's unit pages: list and search, register, edit with the stale check, and the import of a unit list. */
export function mountAdminUnits(app: OpenAPIHono<AppEnv>): void {
  app.get("/admin/units", async (c) => {
    try {
      const count = (name: string) => Number.parseInt(c.req.query(name) ?? "", 10);
      const code = c.req.query("created") ?? c.req.query("saved");
      const notice: UnitsNotice | undefined =
        code !== undefined
          ? { kind: c.req.query("created") !== undefined ? "created" : "saved", code }
          : Number.isInteger(count("imported"))
            ? { kind: "imported", created: count("imported"), changed: Number.isInteger(count("changed")) ? count("changed") : 0 }
            : undefined;
      return await unitsPage(c, EMPTY, [], 200, notice);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/units", async (c) => {
    try {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const values = formValues(form);
      await c.var.services.units.listForAdmin(c.var.actor);
      const checked = checkUnitForm(values, pageLang(c));
      if (!checked.ok) return await unitsPage(c, values, checked.errors, 422);
      const { row: _row, ...unit } = checked.unit;
      try {
        await c.var.services.units.create(c.var.actor, unit);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === "conflict")) throw error;
        return await unitsPage(c, values, [{ field: UNIT_FIELDS.code, message: error.text[pageLang(c)] }], 409);
      }
      return c.redirect(`/admin/units?created=${encodeURIComponent(unit.code)}`, 303);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.get("/admin/units/import", async (c) => {
    try {
      await c.var.services.units.listForAdmin(c.var.actor);
      return importPage(c, {});
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/units/import", async (c) => {
    try {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      await c.var.services.units.listForAdmin(c.var.actor);
      const file = form.file;
      const lang = pageLang(c);
      if (!(file instanceof File) || file.size === 0) {
        const missing = { code: "missing-file", path: "file", message: "choose the unit list file", vi: "hãy chọn tệp danh sách đơn vị" };
        return importPage(c, { problems: { fileName: lang === "vi" ? "Chưa chọn tệp" : "No file chosen", list: [missing] } }, 422);
      }
      return await preview(c, new Uint8Array(await file.arrayBuffer()), file.name);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/units/import/apply", async (c) => {
    try {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const bytes = new Uint8Array(Buffer.from(field(form, "data"), "base64"));
      const name = field(form, "name") || "units.csv";
      let expected: Record<string, number> = {};
      try {
        const parsed: unknown = JSON.parse(field(form, "expected"));
        if (parsed !== null && typeof parsed === "object") expected = parsed as Record<string, number>;
      } catch {
        // A damaged form: every unit counts as changed since the preview, which shows the preview again.
      }
      try {
        const plan = await c.var.services.units.importUnits(c.var.actor, bytes, name, { apply: true, expected });
        return c.redirect(`/admin/units?imported=${plan.create.length}&changed=${plan.change.length}`, 303);
      } catch (error) {
        if (!(error instanceof ApiError && (error.code === "version-mismatch" || error.code === "conflict"))) throw error;
        return await preview(c, bytes, name, true);
      }
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.get("/admin/units/:code", async (c) => {
    try {
      const unit = await c.var.services.units.getForAdmin(c.var.actor, c.req.param("code"));
      return editPage(c, unit, valuesOf(unit), "", []);
    } catch (error) {
      return refusal(c, error);
    }
  });

  app.post("/admin/units/:code", async (c) => {
    try {
      const form = await readForm(c);
      if (!csrfValid(c, form)) return expired(c);
      const unit = await c.var.services.units.getForAdmin(c.var.actor, c.req.param("code"));
      const values = { ...formValues(form), code: unit.code };
      const reason = field(form, "reason").trim();
      const checked = checkUnitForm(values, pageLang(c));
      if (!checked.ok) return editPage(c, unit, values, reason, checked.errors, undefined, 422);
      const version = Number.parseInt(field(form, "version"), 10);
      try {
        const { name, type, block } = checked.unit;
        await c.var.services.units.update(c.var.actor, unit.code, version, { name, type, block, province: unit.province }, reason || undefined);
      } catch (error) {
        if (!(error instanceof ApiError && error.code === "version-mismatch")) throw error;
        const stored = await c.var.services.units.getForAdmin(c.var.actor, unit.code);
        return editPage(c, stored, values, reason, [], stored, 412);
      }
      return c.redirect(`/admin/units?saved=${encodeURIComponent(unit.code)}`, 303);
    } catch (error) {
      return refusal(c, error);
    }
  });
}

function formValues(form: Record<string, unknown>): UnitFormValues {
  return { code: field(form, "code").trim(), name: field(form, "name").trim(), type: field(form, "type"), block: field(form, "block").trim() };
}

function valuesOf(unit: Row<"units">): UnitFormValues {
  return { code: unit.code, name: unit.name, type: unit.type, block: unit.block ?? "" };
}

async function unitsPage(c: Context<AppEnv>, values: UnitFormValues, errors: FormError[], status: 200 | 409 | 422, notice?: UnitsNotice) {
  const lang = pageLang(c);
  const all = await c.var.services.units.listForAdmin(c.var.actor);
  const q = c.req.query("q") ?? "";
  return page(
    c,
    TITLES[lang].units,
    <UnitsPage
      lang={lang}
      csrf={c.var.session?.csrf ?? ""}
      units={searchUnits(all, q)}
      total={all.length}
      q={q}
      values={values}
      errors={errors}
      notice={notice}
    />,
    status,
  );
}

function editPage(
  c: Context<AppEnv>,
  unit: Row<"units">,
  values: UnitFormValues,
  reason: string,
  errors: FormError[],
  stored?: Row<"units">,
  status: 200 | 412 | 422 = 200,
) {
  const lang = pageLang(c);
  return page(
    c,
    `${unit.code} · ${unit.name}`,
    <UnitEditPage lang={lang} csrf={c.var.session?.csrf ?? ""} unit={unit} values={values} reason={reason} errors={errors} stored={stored} />,
    status,
  );
}

function importPage(c: Context<AppEnv>, props: Omit<Parameters<typeof UnitImportPage>[0], "lang" | "csrf">, status: 200 | 412 | 422 = 200) {
  const lang = pageLang(c);
  return page(c, TITLES[lang].import, <UnitImportPage lang={lang} csrf={c.var.session?.csrf ?? ""} {...props} />, status);
}

/** The preview of a file (or its problems), carrying the file to the apply step. */
async function preview(c: Context<AppEnv>, bytes: Uint8Array, fileName: string, stale = false) {
  try {
    const plan = await c.var.services.units.importUnits(c.var.actor, bytes, fileName, { apply: false });
    return importPage(c, { plan, carry: { data: Buffer.from(bytes).toString("base64"), name: fileName }, stale }, stale ? 412 : 200);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === "invalid-input")) throw error;
    return importPage(
      c,
      {
        problems: {
          fileName,
          list: (error.details.problems ?? []).map((p) => ({ code: p.code ?? "", path: p.path, message: p.message, vi: p.vi ?? p.message })),
        },
      },
      422,
    );
  }
}
