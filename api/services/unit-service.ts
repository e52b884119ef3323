import { randomUUID } from "node:crypto";
import type { UnitType } from "../../src/index.js";
import type { Actor, Role } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { issueToken } from "../auth/tokens.js";
import { hashPassword } from "../auth/passwords.js";
import { normaliseLogin } from "../auth/sign-in-throttle.js";
import { ApiError, type ApiProblem, type Bilingual, notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import { recordAudit } from "./audit.js";
import { loginProblems } from "./account-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { type UnitImport, planUnitImport, readUnitFile, staleSincePreview } from "./unit-import.js";

export interface UnitInput {
  code: string;
  name: string;
  type: UnitType;
  block?: string | null | undefined;
  province?: string | null | undefined;
}

/** A unit as the API shows it. */
export const unitView = (u: Row<"units">) => ({
  code: u.code,
  name: u.name,
  type: u.type,
  block: u.block,
  province: u.province,
  version: u.version,
  updatedAt: u.updated_at,
});

/** Units of the province and the users who sign in (tokens are shown once, stored hashed). */
export class UnitService {
  constructor(private readonly deps: ServiceDeps) {}

  list(): Promise<Row<"units">[]> {
    return this.deps.store.listUnits();
  }

  /** The units as the administrator manages them (the same list, for the administrator only). */
  async listForAdmin(actor: Actor): Promise<Row<"units">[]> {
    requireRole(actor, "admin");
    return this.list();
  }

  /** One unit to edit (the administrator only). */
  async getForAdmin(actor: Actor, code: string): Promise<Row<"units">> {
    requireRole(actor, "admin");
    return this.get(code);
  }

  async get(code: string): Promise<Row<"units">> {
    const unit = await this.deps.store.getUnit(code);
    if (!unit) throw notFound({ en: `unit ${code}`, vi: `đơn vị ${code}` });
    return unit;
  }

  async create(actor: Actor, input: UnitInput): Promise<Row<"units">> {
    requireRole(actor, "admin");
    const row: Row<"units"> = {
      code: input.code,
      name: input.name.normalize("NFC"),
      type: input.type,
      block: input.block ?? null,
      province: input.province ?? null,
      version: 1,
      updated_at: this.deps.now().toISOString(),
    };
    return this.deps.store.transaction(async (store) => {
      if (!(await store.insertUnit(row))) {
        const current = (await store.getUnit(input.code))!;
        throw alreadyExists(
          { en: `unit ${input.code}`, vi: `đơn vị ${input.code}` },
          { en: `change it with PUT /units/${input.code}`, vi: `hãy sửa bằng PUT /units/${input.code}` },
          current.version,
          unitView(current),
        );
      }
      await recordAudit(store, actor, this.deps.now(), { action: "unit.create", unitCode: row.code, after: row });
      return row;
    });
  }

  async update(actor: Actor, code: string, expectedVersion: number, input: Omit<UnitInput, "code">, reason?: string): Promise<Row<"units">> {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const before = await store.getUnit(code);
      if (!before) throw notFound({ en: `unit ${code}`, vi: `đơn vị ${code}` });
      const stale = (current: Row<"units">) => staleVersion({ en: `unit ${code}`, vi: `đơn vị ${code}` }, current.version, unitView(current));
      if (before.version !== expectedVersion) throw stale(before);
      const changes = {
        name: input.name.normalize("NFC"),
        type: input.type,
        block: input.block ?? null,
        province: input.province ?? null,
        updated_at: this.deps.now().toISOString(),
      };
      if (!(await store.updateUnit(code, expectedVersion, changes))) throw stale((await store.getUnit(code))!);
      const after = { ...before, ...changes, version: expectedVersion + 1 };
      await recordAudit(store, actor, this.deps.now(), { action: "unit.update", unitCode: code, before, after, reason });
      return after;
    });
  }

  /**
   * Imports a unit list (CSV, tab-separated text or XLSX; columns code, name, type, block): read
   * and checked as a whole (every problem at its row and column, 422, nothing saved); then the plan
   * of units to create and to change. With `apply`, all of it is saved in one transaction, each
   * unit in the audit trail with the file name as the reason; `expected` (each code's version at
   * the preview, 0 when new) refuses the whole import when any unit changed since (412).
   */
  async importUnits(
    actor: Actor,
    bytes: Uint8Array,
    fileName: string,
    options: { apply: boolean; expected?: Record<string, number> | undefined },
  ): Promise<UnitImport> {
    requireRole(actor, "admin");
    const read = await readUnitFile(bytes, fileName);
    if (!read.ok)
      throw new ApiError(
        "invalid-input",
        { en: `${fileName} has ${read.problems.length} problem(s); nothing was saved`, vi: `${fileName} có ${read.problems.length} lỗi; chưa lưu gì` },
        { problems: read.problems },
      );
    const reason = `nhập danh sách đơn vị từ tệp ${fileName}`;
    return this.deps.store.transaction(async (store) => {
      const plan = planUnitImport(fileName, read.rows, await store.listUnits(), read.warnings);
      const stale = options.expected ? staleSincePreview(plan, read.rows, options.expected) : [];
      if (stale.length > 0)
        throw new ApiError(
          "version-mismatch",
          {
            en: `${stale.length} unit(s) of ${fileName} changed since the preview; nothing was saved`,
            vi: `${stale.length} đơn vị trong ${fileName} đã thay đổi sau khi xem trước; chưa lưu gì`,
          },
          { problems: stale },
        );
      if (!options.apply) return plan;
      const now = this.deps.now();
      for (const row of plan.create) {
        const unit: Row<"units"> = {
          code: row.code,
          name: row.name,
          type: row.type,
          block: row.block ?? null,
          province: null,
          version: 1,
          updated_at: now.toISOString(),
        };
        if (!(await store.insertUnit(unit)))
          throw new ApiError("conflict", {
            en: `unit ${row.code} was registered at the same time: import the file again`,
            vi: `đơn vị ${row.code} vừa được đăng ký cùng lúc: hãy nhập lại tệp`,
          });
        await recordAudit(store, actor, now, { action: "unit.create", unitCode: row.code, after: unit, reason });
      }
      for (const { row, before } of plan.change) {
        const changes = { name: row.name, type: row.type, block: row.block === undefined ? before.block : row.block, updated_at: now.toISOString() };
        if (!(await store.updateUnit(row.code, before.version, changes))) {
          const current = (await store.getUnit(row.code))!;
          throw staleVersion({ en: `unit ${row.code}`, vi: `đơn vị ${row.code}` }, current.version, unitView(current));
        }
        await recordAudit(store, actor, now, {
          action: "unit.update",
          unitCode: row.code,
          before,
          after: { ...before, ...changes, version: before.version + 1 },
          reason,
        });
      }
      return { ...plan, applied: true };
    });
  }

  /**
   * Creates a user and returns the token, which is never shown again; with a login name and a
   * password the user can also sign in to the web pages. Every problem is listed at once.
   */
  async createUser(
    actor: Actor,
    input: { name: string; role: Role; unitCode?: string | undefined; login?: string | undefined; password?: string | undefined },
  ): Promise<{ id: string; token: string; expiresAt: string; login: string | null }> {
    requireRole(actor, "admin");
    const problems: ApiProblem[] = [];
    if (input.name.trim() === "") problems.push({ code: "name-required", path: "name", message: "give the user's name", vi: "hãy ghi tên người dùng" });
    if (input.role === "unit" && input.unitCode === undefined)
      problems.push({ code: "unit-required", path: "unit", message: "give the unit code of this user", vi: "hãy ghi mã đơn vị của người dùng này" });
    if (input.role !== "unit" && input.unitCode !== undefined)
      problems.push({
        code: "unit-not-allowed",
        path: "unit",
        message: "leave out unit for admin and scorer users",
        vi: "bỏ trường unit với người quản trị và thẩm định viên",
      });
    if (input.unitCode !== undefined && input.role === "unit" && !(await this.deps.store.getUnit(input.unitCode)))
      problems.push({ code: "unknown-unit", path: "unit", message: `unit ${input.unitCode} does not exist`, vi: `đơn vị ${input.unitCode} không tồn tại` });
    const login = input.login === undefined ? undefined : normaliseLogin(input.login);
    if (login !== undefined || input.password !== undefined) problems.push(...(await loginProblems(this.deps.store, login ?? "", input.password ?? "")));
    if (problems.length > 0)
      throw new ApiError("invalid-input", { en: `the user has ${problems.length} problem(s)`, vi: `người dùng có ${problems.length} lỗi` }, { problems });
    const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
    const { token, hash, expiresAt } = issueToken(this.deps.now(), this.deps.limits.tokenDays);
    const id = randomUUID();
    const at = this.deps.now().toISOString();
    await this.deps.store.transaction(async (store) => {
      await store.insertUser({
        id,
        name: input.name.normalize("NFC").trim(),
        role: input.role,
        unit_code: input.unitCode ?? null,
        token_hash: hash,
        created_at: at,
        token_expires_at: expiresAt,
        token_revoked_at: null,
        login: passwordHash ? (login ?? null) : null,
        password_hash: passwordHash,
        password_changed_at: passwordHash ? at : null,
      });
      await recordAudit(store, actor, this.deps.now(), {
        action: "user.create",
        unitCode: input.unitCode ?? null,
        after: { id, name: input.name, role: input.role, login: login ?? null, tokenExpiresAt: expiresAt },
      });
    });
    return { id, token, expiresAt, login: login ?? null };
  }

  async listUsers(actor: Actor) {
    requireRole(actor, "admin");
    return (await this.deps.store.listUsers()).map(toUserView);
  }

  /** A new token for the user (an administrator for anyone, a user for themselves); the old one stops working at once. */
  async rotateToken(actor: Actor, userId: string): Promise<{ id: string; token: string; expiresAt: string }> {
    const user = await this.tokenOwner(actor, userId);
    const { token, hash, expiresAt } = issueToken(this.deps.now(), this.deps.limits.tokenDays);
    await this.deps.store.transaction(async (store) => {
      await store.setUserToken(user.id, { token_hash: hash, token_expires_at: expiresAt, token_revoked_at: null });
      await recordAudit(store, actor, this.deps.now(), {
        action: "user.token.rotate",
        unitCode: user.unit_code,
        before: { id: user.id, tokenExpiresAt: user.token_expires_at },
        after: { id: user.id, tokenExpiresAt: expiresAt },
      });
    });
    return { id: user.id, token, expiresAt };
  }

  /** Revokes the user's token (an administrator for anyone, a user for themselves): it is refused from now on, until rotated. */
  async revokeToken(actor: Actor, userId: string): Promise<{ id: string; revokedAt: string }> {
    const user = await this.tokenOwner(actor, userId);
    const at = this.deps.now().toISOString();
    await this.deps.store.transaction(async (store) => {
      await store.setUserToken(user.id, { token_revoked_at: at });
      await recordAudit(store, actor, this.deps.now(), {
        action: "user.token.revoke",
        unitCode: user.unit_code,
        before: { id: user.id, tokenRevokedAt: user.token_revoked_at },
        after: { id: user.id, tokenRevokedAt: at },
      });
    });
    return { id: user.id, revokedAt: at };
  }

  private async tokenOwner(actor: Actor, userId: string) {
    if (actor.role === "public") throw new ApiError("unauthenticated", "this needs a bearer token (Authorization: Bearer <token>)");
    if (actor.role !== "admin" && actor.id !== userId)
      throw new ApiError("forbidden", "you may only rotate or revoke your own token; an administrator can for anyone");
    const user = await this.deps.store.getUser(userId);
    if (!user) throw notFound(`user ${userId}`);
    return user;
  }
}

function toUserView(row: Awaited<ReturnType<Store["listUsers"]>>[number]) {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    unitCode: row.unit_code,
    createdAt: row.created_at,
    tokenExpiresAt: row.token_expires_at,
    tokenRevokedAt: row.token_revoked_at,
    login: row.login,
    active: row.deactivated_at === null,
  };
}

/** 409 for a create that finds the thing stored (by a request at the same time, too), with what is stored. */
export function alreadyExists(what: Bilingual, instead: Bilingual, version: number, value: unknown): ApiError {
  return new ApiError(
    "conflict",
    { en: `${what.en} already exists: ${instead.en}`, vi: `${what.vi} đã tồn tại: ${instead.vi}` },
    { current: { version, value } },
  );
}

/** 412 for an edit whose If-Match is no longer the stored version, with what is stored. */
export function staleVersion(what: string | Bilingual, version: number, value: unknown): ApiError {
  const { en, vi } = typeof what === "string" ? { en: what, vi: what } : what;
  const message = {
    en: `${en} has changed since you read it (now version ${version}): reload, reapply your change and send If-Match: "${version}"`,
    vi: `${vi} đã thay đổi kể từ khi bạn đọc (nay là phiên bản ${version}): hãy tải lại, áp dụng lại thay đổi và gửi If-Match: "${version}"`,
  };
  return new ApiError("version-mismatch", message, { current: { version, value } });
}
