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
    if (!user || !matches) {
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
    const problems = [];
    if (!/^[a-z0-9][a-z0-9._-]{2,59}$/.test(name))
      problems.push({
        path: "login",
        message: "the login name needs 3–60 characters: letters a–z, digits, . _ -",
        vi: "Tên đăng nhập gồm 3–60 ký tự: chữ a–z, chữ số, dấu . _ -",
      });
    else {
      const other = await this.deps.store.findUserByLogin(name);
      if (other && other.id !== userId)
        problems.push({ path: "login", message: `the login name ${name} is taken`, vi: `Tên đăng nhập ${name} đã có người dùng` });
    }
    for (const p of passwordProblems(password, name)) problems.push({ path: "password", message: p.en, vi: p.vi });
    if (problems.length > 0) throw new ApiError("invalid-input", `the password has ${problems.length} problem(s)`, { problems });
    await this.write(actor, userId, name, password, "user.password-set");
    return { id: userId, login: name };
  }

  async listAccounts(actor: Actor) {
    requireRole(actor, "admin");
    const rows = await this.deps.store.listUserAccounts();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      unitCode: r.unit_code,
      login: r.login,
      passwordChangedAt: r.password_changed_at,
      createdAt: r.created_at,
    }));
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
