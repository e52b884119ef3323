import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, openFixture } from "../api/api-fixture.js";
import { BACKENDS } from "../api/backends.js";
import { givePasswords, webClient } from "./web-client.js";

const P01 = "/campaigns/c2026/units/P01";

describe.each(BACKENDS)("sign-in, sessions and CSRF: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "web", () => {
    let f: Fixture;
    let passwords: Awaited<ReturnType<typeof givePasswords>>;
    beforeAll(async () => {
      f = await openFixture(backend);
      passwords = await givePasswords(f);
    }, 60_000);
    afterAll(async () => f?.close());

    it("signs in with a session cookie that is HttpOnly, SameSite=Lax and stored only hashed", async () => {
      const web = webClient(f);
      const signedIn = await web.signIn("p01", passwords.p01!.password);
      expect(signedIn.status).toBe(303);
      expect(signedIn.location).toBe("/");
      const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith("par_session="))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/);
      const id = web.jar.get("par_session")!;
      const rows = await f.store.db.selectFrom("sessions").selectAll().execute();
      expect(rows.some((r) => r.id_hash === id)).toBe(false);
      expect(rows.length).toBeGreaterThan(0);
      const home = await web.get("/");
      expect(home.html).toContain("UBND P01");
      expect(home.html).toContain("Việc của bạn");
      expect(home.html).toContain('href="/assess/c2026/P01"');
    });

    it("marks the cookie Secure behind HTTPS (X-Forwarded-Proto)", async () => {
      const page = await f.app.request("http://localhost/sign-in", { headers: { host: "localhost" } });
      const csrf = /name="csrf" value="([^"]*)"/.exec(await page.text())![1]!;
      const jar = page.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const body = new URLSearchParams({ csrf, login: "p02", password: passwords.p02!.password }).toString();
      const response = await f.app.request("http://localhost/sign-in", {
        method: "POST",
        headers: {
          host: "localhost",
          origin: "https://localhost",
          cookie: jar,
          "x-forwarded-proto": "https",
          "content-type": "application/x-www-form-urlencoded",
        },
        body,
      });
      expect(response.status).toBe(303);
      expect(response.headers.getSetCookie().find((c) => c.startsWith("par_session="))).toMatch(/Secure/);
    });

    it("lets a session read the JSON API as its person; a bearer token wins over the cookie", async () => {
      const web = webClient(f);
      await web.signIn("p01", passwords.p01!.password);
      const cookie = `par_session=${web.jar.get("par_session")}`;
      expect((await f.request("GET", P01, { headers: { cookie } })).status).toBe(200);
      expect((await f.request("GET", P01, { headers: { cookie }, token: f.tokens.p02 })).status).toBe(403);
      expect((await f.request("GET", P01)).status).toBe(401);
    });

    it.each([
      ["a wrong password", "p01", "not-the-password", "Tên đăng nhập hoặc mật khẩu không đúng"],
      ["an unknown login", "nobody", "whatever-password", "Tên đăng nhập hoặc mật khẩu không đúng"],
      ["an empty form", "", "", "Nhập tên đăng nhập"],
    ])("refuses %s with the message next to the field", async (_, login, password, message) => {
      const web = webClient(f, { address: "198.51.100.9" });
      const response = await web.signIn(login, password);
      expect(response.status).toBe(400);
      expect(response.html).toContain(message);
      expect(response.html).toContain('href="#login"');
      expect(web.jar.has("par_session")).toBe(false);
    });

    it.each([
      ["without a token", { csrf: "" }, undefined],
      ["with a forged token", { csrf: "x".repeat(32) }, undefined],
      ["from another site", {}, "https://evil.example"],
    ])("refuses a sign-in form %s (403)", async (_, form, origin) => {
      const web = webClient(f);
      await web.get("/sign-in");
      const response = await web.post("/sign-in", { login: "p01", password: passwords.p01!.password, ...form }, origin);
      expect(response.status).toBe(403);
      expect(web.jar.has("par_session")).toBe(false);
    });

    it("refuses signed-in forms without the session's token, and cookie-authenticated API changes from another site", async () => {
      const web = webClient(f);
      await web.signIn("p01", passwords.p01!.password);
      expect(
        (await web.post("/account/password", { csrf: "", current: passwords.p01!.password, password: "a-new-password-1", confirm: "a-new-password-1" })).status,
      ).toBe(403);
      expect((await web.post("/sign-out", { csrf: "nope" })).status).toBe(403);
      const cookie = `par_session=${web.jar.get("par_session")}`;
      const put = await f.request("PUT", `${P01}/rounds/self/items/1.1.2`, {
        body: { points: 1 },
        headers: { cookie, origin: "https://evil.example", "if-match": '"0"' },
      });
      expect(put.status).toBe(403);
      expect((await f.request("GET", `${P01}/rounds/self/items/1.1.2`, { token: f.tokens.p01 })).body.version).toBe(0);
    });

    it("signs out: the session is deleted, the old cookie no longer works", async () => {
      const web = webClient(f);
      await web.signIn("p01", passwords.p01!.password);
      const cookie = `par_session=${web.jar.get("par_session")}`;
      await web.get("/");
      const out = await web.post("/sign-out", {});
      expect(out.status).toBe(303);
      expect(web.jar.has("par_session")).toBe(false);
      expect((await f.request("GET", P01, { headers: { cookie } })).status).toBe(401);
    });

    it("ends a session after 12 hours", async () => {
      const web = webClient(f);
      await web.signIn("p01", passwords.p01!.password);
      const start = f.clock.now;
      try {
        f.clock.now = new Date(start.getTime() + 12 * 3_600_000 + 1000);
        expect((await web.get("/assess/c2026/P01")).location).toMatch(/^\/sign-in\?next=/);
      } finally {
        f.clock.now = start;
      }
    });

    it("throttles failed sign-ins per login name, with Retry-After and a Vietnamese message, until the window passes", async () => {
      const web = webClient(f, { address: "203.0.113.5" });
      for (let i = 0; i < 5; i++) expect((await web.signIn("p02", "wrong-password")).status).toBe(400);
      const blocked = await webClient(f, { address: "203.0.113.77" }).signIn("p02", passwords.p02!.password);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBe(900);
      expect(blocked.html).toContain("Đăng nhập sai quá nhiều lần");
      expect(blocked.html).toContain("15 phút");
      const start = f.clock.now;
      try {
        f.clock.now = new Date(start.getTime() + 15 * 60_000 + 1000);
        expect((await web.signIn("p02", passwords.p02!.password)).status).toBe(303);
      } finally {
        f.clock.now = start;
      }
    }, 30_000);

    it("throttles one address guessing many login names, not other addresses", async () => {
      const attacker = webClient(f, { address: "203.0.113.66" });
      for (let i = 0; i < 20; i++) await attacker.signIn(`guess${i}`, "wrong-password");
      expect((await attacker.signIn("scorer", passwords.scorer!.password)).status).toBe(429);
      expect((await webClient(f, { address: "203.0.113.67" }).signIn("scorer", passwords.scorer!.password)).status).toBe(303);
    }, 60_000);

    it("changes a password: current one checked, both entries equal, other sessions signed out", async () => {
      const other = webClient(f);
      await other.signIn("scorer", passwords.scorer!.password);
      const web = webClient(f);
      await web.signIn("scorer", passwords.scorer!.password);
      await web.get("/account/password");
      const wrong = await web.post("/account/password", { current: "not-it-at-all", password: "mot-cau-de-nho-2026", confirm: "mot-cau-de-nho-2026" });
      expect(wrong.status).toBe(422);
      expect(wrong.html).toContain("Mật khẩu hiện tại không đúng");
      const mismatch = await web.post("/account/password", {
        current: passwords.scorer!.password,
        password: "mot-cau-de-nho-2026",
        confirm: "mot-cau-khac-2026",
      });
      expect(mismatch.html).toContain('href="#confirm"');
      const short = await web.post("/account/password", { current: passwords.scorer!.password, password: "ngan", confirm: "ngan" });
      expect(short.html).toContain("ít nhất 10 ký tự");
      const done = await web.post("/account/password", {
        current: passwords.scorer!.password,
        password: "mot-cau-de-nho-2026",
        confirm: "mot-cau-de-nho-2026",
      });
      expect(done.status).toBe(303);
      expect((await web.get("/")).html).toContain("Thẩm định viên");
      expect((await other.get("/")).html).not.toContain("Thẩm định viên");
      expect((await webClient(f).signIn("scorer", passwords.scorer!.password)).status).toBe(400);
      expect((await webClient(f).signIn("scorer", "mot-cau-de-nho-2026")).status).toBe(303);
      passwords.scorer!.password = "mot-cau-de-nho-2026";
    }, 30_000);

    it("lets only the administrator set or reset passwords, on the page and through the API", async () => {
      const ward = webClient(f);
      await ward.signIn("p01", passwords.p01!.password);
      expect((await ward.get("/admin/users")).status).toBe(403);
      const users = (await f.request("GET", "/users", { token: f.tokens.admin })).body as { id: string; name: string }[];
      const p02 = users.find((u) => u.name === "UBND P02")!;
      expect((await f.request("PUT", `/users/${p02.id}/password`, { token: f.tokens.scorer, body: { password: "something-long-enough" } })).status).toBe(403);
      const bad = await f.request("PUT", `/users/${p02.id}/password`, { token: f.tokens.admin, body: { login: "x", password: "short" } });
      expect(bad.status).toBe(422);
      expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(["login", "password"]);
      const admin = webClient(f);
      await admin.signIn("admin", passwords.admin!.password);
      const list = await admin.get("/admin/users");
      expect(list.html).toContain("UBND P02");
      const reset = await admin.post(`/admin/users/${p02.id}/password`, { login: "p02", password: "dat-lai-mat-khau-2026" });
      expect(reset.status).toBe(303);
      expect((await webClient(f).signIn("p02", "dat-lai-mat-khau-2026")).status).toBe(303);
      const stored = await f.store.getUser(p02.id);
      expect(stored!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(stored!.password_hash).not.toContain("dat-lai-mat-khau-2026");
    }, 30_000);
  });
});
