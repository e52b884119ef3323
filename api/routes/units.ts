import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { UNIT_TYPES } from "../../src/index.js";
import type { AppEnv } from "../app-env.js";
import { ROLES } from "../auth/actor.js";
import { PASSWORD_MAX_LENGTH } from "../auth/passwords.js";
import type { UnitImport } from "../services/unit-import.js";
import { unitView } from "../services/unit-service.js";
import { Reason, errors, expectedVersion, json, setEtag, signedIn } from "./http.js";

const UnitFields = z.object({
  name: z.string().min(1).max(200),
  type: z
    .enum(UNIT_TYPES)
    .openapi({ description: "xa (xã), phuong (phường), dac-khu (đặc khu), department; before 2025: huyen, thi-xa, thanh-pho (thuộc tỉnh), thi-tran" }),
  block: z.string().max(50).nullable().optional().openapi({ description: "ranking block; by default the set's block for the type" }),
  province: z.string().max(200).nullable().optional(),
});
const UnitBody = UnitFields.extend({ code: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/) }).openapi("Unit");
const UserBody = z
  .object({
    name: z.string().min(1).max(200),
    role: z.enum(ROLES),
    unit: z.string().optional(),
    login: z.string().max(60).optional().openapi({ description: "with password: the user can also sign in to the web pages" }),
    password: z.string().max(PASSWORD_MAX_LENGTH).optional().openapi({ description: "at least 10 characters, not containing the login name" }),
  })
  .openapi("NewUser");
const Code = z.object({ code: z.string() });

export function mountUnits(app: OpenAPIHono<AppEnv>): void {
  const tags = ["units"];
  app.openapi(createRoute({ method: "get", path: "/units", tags, summary: "The province's units", responses: { 200: json("units") } }), async (c) =>
    c.json((await c.var.services.units.list()).map(unitView), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/units",
      tags,
      ...signedIn,
      summary: "Register a unit",
      request: { body: { required: true, content: { "application/json": { schema: UnitBody } } } },
      responses: { 201: json("created"), ...errors(400, 401, 403, 409) },
    }),
    async (c) => {
      const unit = await c.var.services.units.create(c.var.actor, c.req.valid("json"));
      setEtag(c, unit.version);
      return c.json(unitView(unit), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/units/import",
      tags,
      ...signedIn,
      summary: "Import a unit list, CSV or XLSX (raw body; ?name=units.csv): a preview, or with ?apply=true all of it saved",
      description:
        "Columns code, name, type, block (or Mã đơn vị, Tên đơn vị, Loại đơn vị, Khối). The file is checked as a whole: every problem with its file:ROW:COLUMN (422) and nothing saved. " +
        "The answer lists the units to create, to change (with the stored value) and unchanged; with apply=true they are saved in one transaction, each audited with the file name. " +
        "CSV in UTF-8, UTF-16 with BOM or Windows-1258; a file without a block column keeps the stored blocks.",
      request: {
        query: z.object({
          name: z.string().max(200).optional().openapi({ description: "the file name (its extension decides CSV or XLSX); units.csv by default" }),
          apply: z.enum(["true", "false"]).default("false").openapi({ description: "true: save; false (default): only the preview" }),
        }),
      },
      responses: { 200: json("the units created (or to create), changed (or to change) and unchanged"), ...errors(401, 403, 409, 412, 413, 422) },
    }),
    async (c) => {
      const { name, apply } = c.req.valid("query");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const plan = await c.var.services.units.importUnits(c.var.actor, bytes, name ?? "units.csv", { apply: apply === "true" });
      return c.json(unitImportView(plan), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/units/{code}",
      tags,
      summary: "One unit (ETag = its version)",
      request: { params: Code },
      responses: { 200: json("the unit"), ...errors(404) },
    }),
    async (c) => {
      const unit = await c.var.services.units.get(c.req.valid("param").code);
      setEtag(c, unit.version);
      return c.json(unitView(unit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/units/{code}",
      tags,
      ...signedIn,
      summary: "Change a unit (If-Match)",
      request: { params: Code, body: { required: true, content: { "application/json": { schema: UnitFields.extend({ changeReason: Reason }) } } } },
      responses: { 200: json("updated"), ...errors(400, 401, 403, 404, 412, 428) },
    }),
    async (c) => {
      const { changeReason, ...fields } = c.req.valid("json");
      const unit = await c.var.services.units.update(c.var.actor, c.req.valid("param").code, expectedVersion(c), fields, changeReason);
      setEtag(c, unit.version);
      return c.json(unitView(unit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/users",
      tags: ["users"],
      ...signedIn,
      summary: "Users with their tokens' expiry and revocation (never the tokens)",
      responses: { 200: json("users"), ...errors(401, 403) },
    }),
    async (c) => c.json(await c.var.services.units.listUsers(c.var.actor), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/users",
      tags: ["users"],
      ...signedIn,
      summary: "Create a user; the token is shown once and expires after PAR_TOKEN_DAYS days",
      request: { body: { required: true, content: { "application/json": { schema: UserBody } } } },
      responses: { 201: json("the user id, token and its expiry"), ...errors(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { name, role, unit, login, password } = c.req.valid("json");
      return c.json(await c.var.services.units.createUser(c.var.actor, { name, role, unitCode: unit, login, password }), 201);
    },
  );

  const UserId = z.object({ id: z.string().max(100) });
  app.openapi(
    createRoute({
      method: "post",
      path: "/users/{id}/token",
      tags: ["users"],
      ...signedIn,
      summary: "Rotate a token: a new one (shown once) with a new expiry; the old one stops working (admin: anyone; a user: their own)",
      request: { params: UserId },
      responses: { 201: json("the user id, the new token and its expiry"), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(await c.var.services.units.rotateToken(c.var.actor, c.req.valid("param").id), 201),
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/users/{id}/token",
      tags: ["users"],
      ...signedIn,
      summary: "Revoke a token: refused from now on, until rotated (admin: anyone; a user: their own)",
      request: { params: UserId },
      responses: { 200: json("the user id and when the token was revoked"), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(await c.var.services.units.revokeToken(c.var.actor, c.req.valid("param").id), 200),
  );
}

/** A unit import as the API shows it. */
function unitImportView(plan: UnitImport) {
  const fields = (row: UnitImport["create"][number]) => ({
    code: row.code,
    name: row.name,
    type: row.type,
    ...(row.block === undefined ? {} : { block: row.block }),
    row: row.row,
  });
  return {
    fileName: plan.fileName,
    applied: plan.applied,
    warnings: plan.warnings,
    create: plan.create.map(fields),
    change: plan.change.map(({ row, before }) => ({ ...fields(row), before: unitView(before) })),
    unchanged: plan.unchanged,
  };
}
