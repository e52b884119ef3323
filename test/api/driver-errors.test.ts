import { describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import type { Database } from "../../api/storage/open-database.js";
import { Store } from "../../api/storage/store.js";

/** The app answers a driver's verdict on the data as the client's problem (409, 400), anything else as 500, for both drivers. */
class FailingStore extends Store {
  constructor(private readonly failure: Error) {
    super(undefined as unknown as Database["db"], "sqlite");
  }
  override listUnits(): never {
    throw this.failure;
  }
}

describe("driver errors at the API edge", () => {
  it.each<[string, number, string]>([
    ["SQLITE_CONSTRAINT_PRIMARYKEY", 409, "conflict"],
    ["SQLITE_CONSTRAINT_UNIQUE", 409, "conflict"],
    ["23505", 409, "conflict"],
    ["SQLITE_CONSTRAINT_FOREIGNKEY", 409, "conflict"],
    ["23503", 409, "conflict"],
    ["22021", 400, "invalid-request"],
    ["SQLITE_BUSY", 500, "internal"],
    ["XX000", 500, "internal"],
  ])("%s → %i %s", async (code, status, errorCode) => {
    const store = new FailingStore(Object.assign(new Error("driver says no"), { code }));
    const app = createApp({ store, now: () => new Date("2026-03-01T08:00:00Z"), logError: () => {} });
    const response = await app.request("/units");
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(errorCode);
    expect(body.error.message).not.toContain("driver says no");
  });
});
