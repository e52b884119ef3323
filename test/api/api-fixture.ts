import { readFileSync } from "node:fs";
import { createApp } from "../../api/app.js";
import { createAdministrator } from "../../api/services/create-administrator.js";
import type { Limits } from "../../api/services/service-deps.js";
import type { Database } from "../../api/storage/open-database.js";
import { Store } from "../../api/storage/store.js";
import type { TestBackend } from "./backends.js";

export const CRITERIA = JSON.parse(readFileSync(new URL("../../criteria/reference-commune/2026.1.json", import.meta.url), "utf8"));
export const DEADLINES = {
  self: "2026-03-31T17:00:00Z",
  appraisal1: "2026-04-30T17:00:00Z",
  explanation: "2026-05-15T17:00:00Z",
  appraisal2: "2026-05-31T17:00:00Z",
};

export type Client = (
  method: string,
  path: string,
  options?: { token?: string | undefined; body?: unknown; raw?: string | Uint8Array; headers?: Record<string, string> },
) => Promise<{ status: number; body: any; etag: string | null; headers: Headers }>;

/**
 * A fresh database, the app with a settable clock, the reference commune set, two wards and a
 * commune, users for each role, and campaign "c2026" with every unit in draft.
 */
export async function openFixture(backend: TestBackend, limits: Partial<Limits> = {}) {
  const database: Database = await backend.open();
  const store = new Store(database.db, database.dialect);
  const clock = { now: new Date("2026-03-01T08:00:00Z") };
  const app = createApp({
    store,
    now: () => clock.now,
    limits: { maxFileBytes: 2048, maxBodyBytes: 1_500_000, tokenDays: 365, ...limits },
    logError: () => {},
  });
  const request: Client = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined = options.raw;
    if (options.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(options.body);
    }
    const response = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const type = response.headers.get("content-type") ?? "";
    const parsed = type.includes("json") ? await response.json() : await response.text();
    return { status: response.status, body: parsed, etag: response.headers.get("etag"), headers: response.headers };
  };
  const admin = (await createAdministrator(store, clock.now, "Quản trị", "admin", null, 365)).token;
  const expectOk = async (method: string, path: string, body: unknown, status = 201) => {
    const r = await request(method, path, { token: admin, body, headers: { "if-none-match": "*" } });
    if (r.status !== status) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  await expectOk("POST", "/criteria", CRITERIA);
  for (const unit of [
    { code: "P01", name: "Phường Tân Lập", type: "phuong" },
    { code: "P02", name: "Phường Hòa Bình", type: "phuong" },
    { code: "X01", name: "Xã Đông Hưng", type: "xa" },
  ])
    await expectOk("POST", "/units", { ...unit, province: "Tỉnh Demo" });
  const user = async (name: string, role: string, unit?: string) =>
    (await expectOk("POST", "/users", { name, role, ...(unit ? { unit } : {}) })).token as string;
  const tokens = {
    admin,
    scorer: await user("Thẩm định viên", "scorer"),
    scorer2: await user("Thẩm định viên 2", "scorer"),
    p01: await user("UBND P01", "unit", "P01"),
    p02: await user("UBND P02", "unit", "P02"),
  };
  await expectOk("POST", "/campaigns", { id: "c2026", year: 2026, criteria: { family: "reference-commune", version: "2026.1" }, deadlines: DEADLINES });
  return { app, store, clock, request, tokens, close: () => database.close() };
}

export type Fixture = Awaited<ReturnType<typeof openFixture>>;
