import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../api/app.js";
import { createAdministrator } from "../../../api/services/create-administrator.js";
import { Store } from "../../../api/storage/store.js";
import { CRITERIA, DEADLINES } from "../api-fixture.js";
import { BACKENDS, type TestBackend } from "../backends.js";
import { httpClient, listen, outcome, race, spawnServer } from "./race-client.js";

/**
 * A survey export previewed by one API process and applied by another (nothing of the preview held in a process), and
 * applied by N requests at once split over two processes on one PostgreSQL schema: exactly one applies it, the others
 * find it gone (404), and each unit's result is saved and audited once.
 */
const N = 12;
const NOW = "2026-03-01T08:00:00Z";
const KOBO = readFileSync(new URL("../../../criteria/examples/survey/kobo-xml.csv", import.meta.url), "utf8")
  .replaceAll("DV0001", "P01")
  .replaceAll("DV0002", "P02")
  .replaceAll("DV0003", "X01");

interface Servers {
  urls: string[];
  admin: string;
  close(): Promise<void>;
}

const targets = [
  {
    name: "sqlite, one process",
    backend: BACKENDS[0]!,
    async start(backend: TestBackend): Promise<Servers> {
      const database = await backend.open();
      const store = new Store(database.db, database.dialect);
      const admin = (await createAdministrator(store, new Date(NOW), "Quản trị")).token;
      const app = createApp({ store, now: () => new Date(NOW), logError: () => {} });
      const server = await listen(app.fetch);
      return {
        urls: [server.url],
        admin,
        close: async () => {
          await server.close();
          await database.close();
        },
      };
    },
  },
  {
    name: "postgres, two processes",
    backend: BACKENDS[1]!,
    async start(backend: TestBackend): Promise<Servers> {
      const database = await backend.open();
      const admin = (await createAdministrator(new Store(database.db, database.dialect), new Date(NOW), "Quản trị")).token;
      const env = { PAR_TEST_DATABASE_URL: process.env.PAR_TEST_DATABASE_URL ?? "", PAR_TEST_SCHEMA: database.schema ?? "", PAR_TEST_NOW: NOW };
      const children: ChildProcess[] = [];
      const stop = () => {
        for (const child of children) child.kill("SIGTERM");
      };
      try {
        const servers = await Promise.all([spawnServer(env), spawnServer(env)]);
        children.push(...servers.map((s) => s.child));
        return {
          urls: servers.map((s) => s.url),
          admin,
          close: async () => {
            stop();
            await database.close();
          },
        };
      } catch (error) {
        stop();
        await database.close();
        throw error;
      }
    },
  },
];

describe.each(targets)("survey import applied at once: $name", (target) => {
  const suite = target.backend.skip ? describe.skip : describe;
  suite(target.backend.skip ? `skipped: ${target.backend.skip}` : "one apply wins", () => {
    let servers: Servers;
    beforeAll(async () => {
      servers = await target.start(target.backend);
      const { send } = httpClient([servers.urls[0]!]);
      const ok = async (path: string, body: unknown) => {
        const reply = await send("POST", path, { token: servers.admin, body });
        if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      };
      await ok("/criteria", CRITERIA);
      for (const [code, name, type] of [
        ["P01", "Phường Tân Lập", "phuong"],
        ["P02", "Phường Hòa Bình", "phuong"],
        ["X01", "Xã Đông Hưng", "xa"],
      ])
        await ok("/units", { code, name, type });
      await ok("/campaigns", { id: "race", year: 2026, criteria: { family: "reference-commune", version: "2026.1" }, deadlines: DEADLINES });
    }, 120_000);
    afterAll(async () => servers?.close());

    it("previewed in one process, shown by the other, applied once of N", async () => {
      const form = new FormData();
      form.set("export", new File([KOBO], "kobo.csv"));
      form.set("mapping", "reference-sipas/2026.1");
      const previewed = await fetch(`${servers.urls[0]}/campaigns/race/survey/imports`, {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${servers.admin}` },
      });
      expect(previewed.status).toBe(201);
      const pending = (await previewed.json()) as { id: string; result: { quality: unknown } };
      const other = httpClient([servers.urls.at(-1)!]).send;
      const shown = await other("GET", `/campaigns/race/survey/imports/${pending.id}`, { token: servers.admin });
      expect(shown.status).toBe(200);
      expect(shown.body.result.quality).toEqual(pending.result.quality);

      const { send } = httpClient(servers.urls);
      const replies = await race(send, N, () => ["POST", `/campaigns/race/survey/imports/${pending.id}/apply`, { token: servers.admin }]);
      expect(outcome(replies, 200, [404])).toEqual({ winners: 1, losers: N - 1, unexpected: {} });
      const audit = (await send("GET", "/audit?limit=1000", { token: servers.admin })).body as { action: string; unitCode: string }[];
      expect(audit.filter((a) => a.action === "survey.import").map((a) => a.unitCode)).toEqual(["P01", "P02", "X01"]);
    }, 120_000);
  });
});
