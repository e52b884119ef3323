import { randomBytes } from "node:crypto";
import type { WebSession } from "../auth/web-session.js";
import type { Actor, Role } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { hashPassword, passwordProblems, verifyPassword } from "../auth/passwords.js";
import { SignInThrottle, normaliseLogin } from "../auth/sign-in-throttle.js";
import { hashToken } from "../auth/tokens.js";
import { ApiError, notFound } from "../errors.js";
import { recordAudit } from "./audit.js";
import type { ServiceDeps } from "./service-deps.js";
import type { Store } from "../storage/store.js";
import type { ApiProblem } from "../errors.js";

/** How long a browser stays signed in (absolute, from sign-in). */
export const SESSION_HOURS = 12;

export type SignInOutcome =
  | { ok: true; sessionId: string; csrf: string; expiresAt: Date; actor: Actor }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** A hash that never matches, verified when the login is unknown so both answers take as long. */
const NO_MATCH = `scrypt$32768$8$1$${Buffer.alloc(16).toString("base64url")}$${Buffer.alloc(32).toString("base64url")}`;

/**
 * People signing in to the web pages: login names and scrypt password hashes, sessions (a random
 * id in a cookie, its sha256 in the table, an expiry and a CSRF token), password changes by the
 * person and resets by the administrator. Failed sign-ins are throttled per login and address.
 */
export type { WebSession };

export class AccountService {
  readonly throttle: SignInThrottle;

  constructor(private readonly deps: ServiceDeps) {
    this.throttle = new SignInThrottle(deps.now);
  }

  async signIn(login: string, password: string, address: string): Promise<SignInOutcome> {
    const name = normaliseLogin(login);
    const verdict = this.throttle.check(name, address);
    if (!verdict.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
    const user = name === "" ? undefined : await this.deps.store.findUserByLogin(name);
    const matches = await verifyPassword(password, user?.password_hash ?? NO_MATCH);
    // A deactivated user is refused as a wrong password is: the sign-in page tells no one which accounts exist.
    if (!user || !matches || user.deactivated_at !== null) {
      this.throttle.recordFailure(name, address);
      return { ok: false, reason: "wrong" };
    }
    this.throttle.recordSuccess(name);
    const sessionId = randomBytes(32).toString("base64url");
    const csrf = randomBytes(24).toString("base64url");
    const now = this.deps.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
    await this.deps.store.deleteExpiredSessions(now.toISOString());
    await this.deps.store.insertSession({
      id_hash: hashToken(sessionId),
      user_id: user.id,
      csrf,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    });
    const actor: Actor = { id: user.id, name: user.name, role: user.role as Role, unitCode: user.unit_code };
    return { ok: true, sessionId, csrf, expiresAt, actor };
  }

  /** The person and session behind a session cookie, or undefined when unknown or expired. */
  async session(sessionId: string): Promise<{ actor: Actor; session: WebSession } | undefined> {
    const idHash = hashToken(sessionId);
    const row = await this.deps.store.findSession(idHash, this.deps.now().toISOString());
    if (!row) return undefined;
    return {
      actor: { id: row.user_id, name: row.name, role: row.role as Role, unitCode: row.unit_code },
      session: { idHash, csrf: row.csrf, expiresAt: row.expires_at },
    };
  }

  signOut(session: WebSession): Promise<void> {
    return this.deps.store.deleteSession(session.idHash);
  }

  /** The person changes their own password: the current one must match; their other sessions end. */
  async changePassword(actor: Actor, current: string, next: string, session: WebSession | null): Promise<void> {
    if (actor.role === "public") throw new ApiError("unauthenticated", "sign in first");
    const user = await this.deps.store.getUser(actor.id);
    if (!user?.login) throw new ApiError("forbidden", "this user has no password yet: the administrator sets one");
    const problems = [];
    if (!(await verifyPassword(current, user.password_hash)))
      problems.push({ path: "current", message: "the current password is not right", vi: "Mật khẩu hiện tại không đúng" });
    for (const p of passwordProblems(next, user.login)) problems.push({ path: "password", message: p.en, vi: p.vi });
    if (problems.length > 0) throw new ApiError("invalid-input", `the password change has ${problems.length} problem(s)`, { problems });
    await this.write(actor, user.id, user.login, next, "user.password-change", session?.idHash);
  }

  /** The administrator sets or resets a user's login name and password; the user's sessions end. */
  async setPassword(actor: Actor, userId: string, login: string | undefined, password: string): Promise<{ id: string; login: string }> {
    requireRole(actor, "admin");
    const user = await this.deps.store.getUser(userId);
    if (!user) throw notFound(`user ${userId}`);
    const name = normaliseLogin(login ?? user.login ?? "");
    const problems = await loginProblems(this.deps.store, name, password, userId);
    if (problems.length > 0) throw new ApiError("invalid-input", `the password has ${problems.length} problem(s)`, { problems });
    await this.write(actor, userId, name, password, "user.password-set");
    return { id: userId, login: name };
  }

  async listAccounts(actor: Actor) {
    requireRole(actor, "admin");
    const rows = await this.deps.store.listUsers();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      unitCode: r.unit_code,
      login: r.login,
      passwordChangedAt: r.password_changed_at,
      createdAt: r.created_at,
      tokenExpiresAt: r.token_expires_at,
      tokenRevokedAt: r.token_revoked_at,
      active: r.deactivated_at === null,
      deactivatedAt: r.deactivated_at,
    }));
  }

  /**
   * Deactivates a user (no sign-in, no token, every session ends at once) or reactivates them.
   * The row, its audit trail and what the user entered stay. An administrator cannot deactivate themselves.
   */
  async setActive(actor: Actor, userId: string, active: boolean, reason?: string): Promise<{ id: string; active: boolean; deactivatedAt: string | null }> {
    requireRole(actor, "admin");
    if (!active && actor.id === userId)
      throw new ApiError("invalid-input", {
        en: "you cannot deactivate yourself: another administrator can",
        vi: "bạn không thể tự khóa tài khoản của mình: hãy nhờ quản trị khác",
      });
    const user = await this.deps.store.getUser(userId);
    if (!user) throw notFound({ en: `user ${userId}`, vi: `người dùng ${userId}` });
    const at = active ? null : this.deps.now().toISOString();
    await this.deps.store.transaction(async (store) => {
      await store.setUserDeactivated(userId, at);
      if (!active) await store.deleteUserSessions(userId);
      await recordAudit(store, actor, this.deps.now(), {
        action: active ? "user.reactivate" : "user.deactivate",
        code: userId,
        unitCode: user.unit_code,
        before: { id: userId, deactivatedAt: user.deactivated_at },
        after: { id: userId, deactivatedAt: at },
        reason,
      });
    });
    return { id: userId, active, deactivatedAt: at };
  }

  /** Assigns a unit user to another unit (admin and scorer users have none). */
  async assignUnit(actor: Actor, userId: string, unitCode: string, reason?: string): Promise<{ id: string; unitCode: string }> {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const user = await store.getUser(userId);
      if (!user) throw notFound({ en: `user ${userId}`, vi: `người dùng ${userId}` });
      if (user.role !== "unit")
        throw new ApiError(
          "invalid-input",
          { en: "only unit users have a unit", vi: "chỉ cán bộ đơn vị mới gắn với đơn vị" },
          {
            problems: [
              {
                code: "unit-not-allowed",
                path: "unit",
                message: `${user.name} is ${user.role}: only unit users have a unit`,
                vi: `${user.name} có vai trò ${user.role}: chỉ cán bộ đơn vị mới gắn với đơn vị`,
              },
            ],
          },
        );
      if (!(await store.getUnit(unitCode)))
        throw new ApiError(
          "invalid-input",
          { en: `unit ${unitCode} does not exist`, vi: `đơn vị ${unitCode} không tồn tại` },
          { problems: [{ code: "unknown-unit", path: "unit", message: `unit ${unitCode} does not exist`, vi: `đơn vị ${unitCode} không tồn tại` }] },
        );
      await store.setUserUnit(userId, unitCode);
      await recordAudit(store, actor, this.deps.now(), {
        action: "user.unit",
        code: userId,
        unitCode,
        before: { id: userId, unitCode: user.unit_code },
        after: { id: userId, unitCode },
        reason,
      });
      return { id: userId, unitCode };
    });
  }

  /** A user's display name (who changed an entry), or the id when the user is unknown. */
  async nameOf(userId: string): Promise<string> {
    if (userId === "system") return "system";
    return (await this.deps.store.getUser(userId))?.name ?? userId;
  }

  private async write(actor: Actor, userId: string, login: string, password: string, action: string, keepSession?: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.deps.store.transaction(async (store) => {
      await store.setUserPassword(userId, login, hash, this.deps.now().toISOString());
      await store.deleteUserSessions(userId, keepSession);
      await recordAudit(store, actor, this.deps.now(), { action, code: userId, after: { id: userId, login } });
    });
  }
}

/** What is wrong with a login name and password for a user (`userId`: the user keeping the name, if any); every problem at once. */
export async function loginProblems(store: Store, login: string, password: string, userId?: string): Promise<ApiProblem[]> {
  const problems: ApiProblem[] = [];
  if (!/^[a-z0-9][a-z0-9._-]{2,59}$/.test(login))
    problems.push({
      path: "login",
      message: "the login name needs 3–60 characters: letters a–z, digits, . _ -",
      vi: "Tên đăng nhập gồm 3–60 ký tự: chữ a–z, chữ số, dấu . _ -",
    });
  else {
    const other = await store.findUserByLogin(login);
    if (other && other.id !== userId)
      problems.push({ path: "login", message: `the login name ${login} is taken`, vi: `Tên đăng nhập ${login} đã có người dùng` });
  }
  for (const p of passwordProblems(password, login)) problems.push({ path: "password", message: p.en, vi: p.vi });
  return problems;
}
