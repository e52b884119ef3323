import type { Fixture } from "../api/api-fixture.js";

export interface WebResponse {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

/**
 * A browser over `app.request`: keeps cookies, sends forms as a browser would (same Origin, or
 * another one to play a cross-site attacker) and reads the CSRF token from the last page.
 */
export function webClient(f: Fixture, options: { address?: string } = {}) {
  const jar = new Map<string, string>();
  let lastCsrf = "";
  const send = async (
    method: string,
    path: string,
    init: { form?: Record<string, string | string[]>; body?: FormData; origin?: string } = {},
  ): Promise<WebResponse> => {
    const headers: Record<string, string> = { host: "localhost", origin: init.origin ?? "http://localhost" };
    if (method === "GET") delete headers.origin;
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    let body: string | FormData | undefined = init.body;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = params.toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const env = { incoming: { socket: { remoteAddress: options.address ?? "192.0.2.1" } } };
    const response = await f.app.request(`http://localhost${path}`, { method, headers, ...(body !== undefined ? { body } : {}) }, env);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, value] = pair!.split("=") as [string, string];
      if (value === "" || attributes.some((a) => /max-age=0\b/i.test(a.trim()))) jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    const html = await response.text();
    lastCsrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1] ?? lastCsrf;
    return { status: response.status, html, location: response.headers.get("location"), headers: response.headers };
  };
  return {
    jar,
    get: (path: string) => send("GET", path),
    post: (path: string, form: Record<string, string | string[]>, origin?: string) =>
      send("POST", path, { form: { csrf: lastCsrf, ...form }, ...(origin ? { origin } : {}) }),
    postMultipart: (path: string, body: FormData) => send("POST", path, { body }),
    get csrf() {
      return lastCsrf;
    },
    /** Opens the sign-in page and signs in. */
    async signIn(login: string, password: string): Promise<WebResponse> {
      await send("GET", "/sign-in");
      return send("POST", "/sign-in", { form: { csrf: lastCsrf, login, password } });
    },
  };
}

/** Gives every fixture user a login name and password through the administrator's API. */
export async function givePasswords(f: Fixture): Promise<Record<string, { login: string; password: string }>> {
  const users = (await f.request("GET", "/users", { token: f.tokens.admin })).body as { id: string; name: string }[];
  const logins: Record<string, string> = { "Quản trị": "admin", "Thẩm định viên": "scorer", "UBND P01": "p01", "UBND P02": "p02" };
  const out: Record<string, { login: string; password: string }> = {};
  for (const [i, user] of users.entries()) {
    const login = logins[user.name];
    if (!login) continue;
    const password = `mat-khau-so-${i}-2026`;
    const r = await f.request("PUT", `/users/${user.id}/password`, { token: f.tokens.admin, body: { login, password } });
    if (r.status !== 200) throw new Error(`PUT password ${login}: ${r.status} ${JSON.stringify(r.body)}`);
    out[login] = { login, password };
  }
  return out;
}
