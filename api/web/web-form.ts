import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { type DateTimeParts, type Lang, parseDateTimeParts, toDateTimeParts } from "../../src/index.js";
import type { AppEnv } from "../app-env.js";
import { sameOrigin } from "../auth/authenticate.js";
import type { FormError } from "./form-parts.js";

/**
 * What every web form shares: the CSRF token it carries, the check on every POST, and reading
 * the posted fields. A signed-in person's forms carry the session's token; the sign-in form
 * (before any session) carries a random token also kept in an HttpOnly cookie (double submit),
 * and every POST must also come from this site (Origin / Sec-Fetch-Site).
 */
const SIGN_IN_CSRF_COOKIE = "par_csrf";

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** The token the page's forms carry (creating the pre-sign-in one when needed). */
export function csrfToken(c: Context<AppEnv>): string {
  if (c.var.session) return c.var.session.csrf;
  const existing = getCookie(c, SIGN_IN_CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString("base64url");
  setCookie(c, SIGN_IN_CSRF_COOKIE, token, { path: "/", httpOnly: true, sameSite: "Lax", secure: isHttps(c), maxAge: 2 * 3600 });
  return token;
}

/** Whether a posted form's `csrf` field is this session's token (or the sign-in cookie's) and the post came from this site. */
export function csrfValid(c: Context<AppEnv>, form: Record<string, unknown>): boolean {
  const sent = typeof form.csrf === "string" ? form.csrf : "";
  const expected = c.var.session?.csrf ?? getCookie(c, SIGN_IN_CSRF_COOKIE) ?? "";
  return expected !== "" && sameOrigin(c) && equalText(sent, expected);
}

function equalText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The posted fields (url-encoded or multipart); repeated fields become arrays. */
export async function readForm(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  return (await c.req.parseBody({ all: true })) as Record<string, string | File | (string | File)[]>;
}

export function field(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" ? one.normalize("NFC") : "";
}

export function fields(form: Record<string, unknown>, name: string): string[] {
  const value = form[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");
}

/** The client's address as the server saw it (Node adapter), for throttling sign-ins. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/** A same-site path to return to after signing in (never another host). */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : "/";
}

/** What a date-and-time field shows: the two texts as typed, or an instant's in Vietnam time. */
export type DateTimeValue = DateTimeParts;

/** The ids (and posted names) of the two parts of the date-and-time field `id`. */
export function dateTimeIds(id: string): { date: string; time: string } {
  return { date: `${id}-date`, time: `${id}-time` };
}

/** The texts to show in field `id`: what was posted (kept on an error), else `instant` in Vietnam time, else no date and 17:00 (deadlines fall at the end of the working day). */
export function dateTimeValue(values: Record<string, string>, id: string, instant?: string): DateTimeValue {
  const ids = dateTimeIds(id);
  if (values[ids.date] !== undefined || values[ids.time] !== undefined) return { date: values[ids.date] ?? "", time: values[ids.time] ?? "" };
  return instant ? toDateTimeParts(new Date(instant)) : { date: "", time: "17:00" };
}

/** Reads the date-and-time field `id` (dd/mm/yyyy and HH:MM, Vietnam time): the instant, or one form error per wrong part. */
export function readDateTime(form: Record<string, unknown>, id: string, lang: Lang): { instant?: Date; errors: FormError[] } {
  const ids = dateTimeIds(id);
  const parsed = parseDateTimeParts({ date: field(form, ids.date), time: field(form, ids.time) });
  if (parsed.ok) return { instant: parsed.instant, errors: [] };
  return { errors: parsed.problems.map((p) => ({ field: ids[p.part], message: p.message[lang] })) };
}
