import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../api/app.js";
import { createAdministrator } from "../../../api/services/create-administrator.js";
import { Store } from "../../../api/storage/store.js";
import { CRITERIA, DEADLINES } from "../api-fixture.js";
import { BACKENDS, type TestBackend, type TestDatabase } from "../backends.js";
import { type Reply, type RequestOptions, type Send, httpClient, listen, outcome, race, spawnServer } from "./race-client.js";

/**
 * N requests at once through real HTTP, for every edit and transition, on every backend and
 * with two API processes on one PostgreSQL schema: exactly one wins, the others get 412 (a stale
 * If-Match) or 409 (the thing already exists), never a server error; and the winner's change is
 * applied once (version + 1, one audit line).
 */
const N = 20;
const NOW = "2026-03-01T08:00:00Z";
const UNIT = "/campaigns/race/units/P01";
const PDF = new TextEncoder().encode("%PDF-1.4\n% race\n");

interface Servers {
  urls: string[];
  admin: string;
  close(): Promise<void>;
}
interface Target {
  name: string;
  skip: string | null;
  start(): Promise<Servers>;
}

async function withAdmin(backend: TestBackend): Promise<{ database: TestDatabase; admin: string }> {
  const database = await backend.open();
  const admin = (await createAdministrator(new Store(database.db, database.dialect), new Date(NOW), "Quản trị")).token;
  return { database, admin };
}

/** The app in this process, served over loopback. */
const inProcess = (backend: TestBackend): Target => ({
  name: `${backend.name}, one process`,
  skip: backend.skip,
  async start() {
    const { database, admin } = await withAdmin(backend);
    const app = createApp({ store: new Store(database.db, database.dialect), now: () => new Date(NOW), logError: () => {} });
    const server = await listen(app.fetch);
    return { urls: [server.url], admin, close: async () => (await server.close(), await database.close()) };
  },
});

/** Two API processes (child Node processes) sharing one PostgreSQL schema. */
const twoProcesses = (backend: TestBackend): Target => ({
  name: `${backend.name}, two processes`,
  skip: backend.skip,
  async start() {
    const { database, admin } = await withAdmin(backend);
    const env = { PAR_TEST_DATABASE_URL: process.env.PAR_TEST_DATABASE_URL ?? "", PAR_TEST_SCHEMA: database.schema ?? "", PAR_TEST_NOW: NOW };
    const children: ChildProcess[] = [];
    try {
      const servers = await Promise.all([spawnServer(env), spawnServer(env)]);
      children.push(...servers.map((s) => s.child));
      return { urls: servers.map((s) => s.url), admin, close: async () => (stopAll(children), await database.close()) };
    } catch (error) {
      stopAll(children);
      await database.close();
      throw error;
    }
  },
});

function stopAll(children: ChildProcess[]): void {
  for (const child of children) child.kill("SIGTERM");
}

const TARGETS: Target[] = [inProcess(BACKENDS[0]!), inProcess(BACKENDS[1]!), twoProcesses(BACKENDS[1]!)];

describe.each(TARGETS)("concurrency: $name", (target) => {
  const suite = target.skip ? describe.skip : describe;
  suite(target.skip ? `skipped: ${target.skip}` : `${N} requests at once`, () => {
    let servers: Servers;
    let send: Send;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      servers = await target.start();
      send = httpClient(servers.urls).send;
      tokens.admin = servers.admin;
    }, 120_000);
    afterAll(async () => servers?.close());

    const ok = async (method: string, path: string, options: RequestOptions, status = 200): Promise<Reply> => {
      const reply = await send(method, path, options);
      if (reply.status !== status) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply;
    };
    const read = (path: string, token = tokens.admin) => ok("GET", path, { token });
    const audit = async (action: string) => (await read("/audit?limit=1000")).body.filter((a: { action: string }) => a.action === action).length;
    /** Fires N requests and expects exactly one `win`, the rest one of `lose`, nothing else. */
    const expectOneWinner = async (win: number, lose: number[], build: (i: number) => [string, string, RequestOptions]) => {
      const replies = await race(send, N, build);
      expect(outcome(replies, win, lose)).toEqual({ winners: 1, losers: N - 1, unexpected: {} });
      return replies;
    };
    /** An edit raced with the ETag of `etagPath` just read: one winner, the rest 412 with the new version; the version moves by exactly one. */
    const raceEdit = async (etagPath: string, token: string, method: string, path: string, options: (i: number) => RequestOptions = () => ({})) => {
      const before = (await read(etagPath, token)).etag!;
      const replies = await expectOneWinner(200, [412], (i) => [method, path, { token, ...options(i), headers: { "if-match": before } }]);
      for (const loser of replies.filter((r) => r.status === 412)) expect(loser.body.error.current.version).toBe(Number(before.replaceAll('"', "")) + 1);
      expect((await read(etagPath, token)).etag).toBe(`"${Number(before.replaceAll('"', "")) + 1}"`);
      return replies;
    };
    const transition = (action: string, token: string) => raceEdit(UNIT, token, "POST", `${UNIT}/transitions/${action}`);
    const state = async () => (await read(UNIT)).body.state as string;

    it("POST /criteria: one stores the set, the others find it unchanged", async () => {
      await expectOneWinner(201, [200], () => ["POST", "/criteria", { token: tokens.admin, body: CRITERIA }]);
      expect(await audit("criteria.create")).toBe(1);
    }, 60_000);

    it("POST /criteria, one new version in different contents: one creates it, the others replace it in turn", async () => {
      const variant = (i: number) => ({ ...CRITERIA, version: "2026.8", title: { ...CRITERIA.title, en: `${CRITERIA.title.en} (${i})` } });
      const replies = await race(send, N, (i) => ["POST", "/criteria", { token: tokens.admin, body: variant(i) }]);
      expect(outcome(replies, 201, [])).toEqual({ winners: N, losers: 0, unexpected: {} });
      expect(replies.map((r) => r.body.outcome).sort()).toEqual(["created", ...Array(N - 1).fill("replaced")]);
      expect(await audit("criteria.create")).toBe(2);
      expect(await audit("criteria.replace")).toBe(N - 1);
    }, 60_000);

    it("POST /units with one code: one 201, the others 409 with the stored unit", async () => {
      const replies = await expectOneWinner(201, [409], (i) => [
        "POST",
        "/units",
        { token: tokens.admin, body: { code: "P01", name: `Phường Tân Lập ${i}`, type: "phuong" } },
      ]);
      const stored = (await read("/units/P01")).body;
      for (const loser of replies.filter((r) => r.status === 409)) expect(loser.body.error.current).toEqual({ version: 1, value: stored });
      await ok("POST", "/units", { token: tokens.admin, body: { code: "P02", name: "Phường Hòa Bình", type: "phuong" } }, 201);
      const user = async (name: string, role: string, unit?: string) =>
        (await ok("POST", "/users", { token: tokens.admin, body: { name, role, ...(unit ? { unit } : {}) } }, 201)).body.token as string;
      Object.assign(tokens, {
        scorer: await user("Thẩm định viên", "scorer"),
        p01: await user("UBND P01", "unit", "P01"),
        p02: await user("UBND P02", "unit", "P02"),
      });
    }, 60_000);

    it("PUT /units/{code} with one If-Match: one change, no lost update", async () => {
      await raceEdit("/units/P01", tokens.admin!, "PUT", "/units/P01", (i) => ({
        body: { name: `Phường Tân Lập (${i})`, type: "phuong", changeReason: `đổi tên ${i}` },
      }));
      expect(await audit("unit.update")).toBe(1);
    }, 60_000);

    it("POST /campaigns with one id: one 201, the others 409 with the stored campaign", async () => {
      const body = { id: "race", year: 2026, criteria: { family: "reference-commune", version: "2026.1" }, deadlines: DEADLINES, units: ["P01", "P02"] };
      const replies = await expectOneWinner(201, [409], () => ["POST", "/campaigns", { token: tokens.admin, body }]);
      for (const loser of replies.filter((r) => r.status === 409)) expect(loser.body.error.current.value.id).toBe("race");
      expect(await audit("campaign.create")).toBe(1);
    }, 60_000);

    it("evidence: create (If-None-Match: *), change, upload its file", async () => {
      const path = `${UNIT}/evidence/KH-01`;
      await expectOneWinner(200, [412], (i) => ["PUT", path, { token: tokens.p01, body: { title: `Kế hoạch ${i}` }, headers: { "if-none-match": "*" } }]);
      const change = await expectOneWinner(200, [412], (i) => [
        "PUT",
        path,
        { token: tokens.p01, body: { title: `Kế hoạch CCHC ${i}`, number: `${i}/KH-UBND` }, headers: { "if-match": '"1"' } },
      ]);
      for (const loser of change.filter((r) => r.status === 412)) expect(loser.body.error.current.version).toBe(2);
      const etag = (await read(`${UNIT}/evidence`, tokens.p01)).body[0].version;
      await expectOneWinner(200, [412], () => [
        "PUT",
        `${path}/file?name=kh.pdf`,
        { token: tokens.p01, raw: PDF, headers: { "content-type": "application/pdf", "if-match": `"${etag}"` } },
      ]);
      expect((await read(`${UNIT}/evidence`, tokens.p01)).body[0].version).toBe(3);
      expect(await audit("evidence.save")).toBe(2);
      expect(await audit("evidence.file")).toBe(1);
    }, 60_000);

    it.each([
      ["facts/law_enforcement_plan_issued", (i: number) => ({ value: i % 2 === 0, evidence: ["KH-01"] })],
      ["items/1.1.2", (i: number) => ({ points: i % 2 === 0 ? 1 : 0.5, evidence: ["KH-01"] })],
    ])(
      "the self round's %s: a first entry (If-Match 0), then a change",
      async (entry, value) => {
        const path = `${UNIT}/rounds/self/${entry}`;
        await raceEdit(path, tokens.p01!, "PUT", path, (i) => ({ body: value(i) }));
        await raceEdit(path, tokens.p01!, "PUT", path, (i) => ({ body: value(i + 1) }));
      },
      60_000,
    );

    it("submit and withdraw at once with the draft's ETag: one submit wins", async () => {
      const etag = (await read(UNIT)).etag!;
      const actions = (i: number) => (i % 2 === 0 ? "submit" : "withdraw");
      const replies = await expectOneWinner(200, [409, 412], (i) => [
        "POST",
        `${UNIT}/transitions/${actions(i)}`,
        { token: tokens.p01, headers: { "if-match": etag } },
      ]);
      expect(replies.find((r) => r.status === 200)!.body.state).toBe("submitted");
      expect(await state()).toBe("submitted");
    }, 60_000);

    it.each([
      ["withdraw", "draft"],
      ["submit", "submitted"],
    ])(
      "%s with one If-Match",
      async (action, after) => {
        await transition(action, tokens.p01!);
        expect(await state()).toBe(after);
      },
      60_000,
    );

    it("the first appraisal entry starts the appraisal once", async () => {
      const before = Number((await read(UNIT)).etag!.replaceAll('"', ""));
      const path = `${UNIT}/rounds/appraisal1/items/1.1.2`;
      await raceEdit(path, tokens.scorer!, "PUT", path, (i) => ({ body: { points: 0, comment: `nhận xét ${i}` } })); // below any self value: 1.1.2 is then explained
      expect((await read(UNIT)).etag).toBe(`"${before + 1}"`);
      expect(await state()).toBe("appraisal1");
      expect(await audit("assessment.start-appraisal")).toBe(1);
    }, 60_000);

    it("request-explanation; the unit's reply; submit-explanation; the second appraisal; finalise", async () => {
      await transition("request-explanation", tokens.scorer!);
      const reply = `${UNIT}/rounds/explanation/items/1.1.2`;
      await raceEdit(reply, tokens.p01!, "PUT", reply, (i) => ({ body: { comment: `Đã bổ sung ${i}`, evidence: ["KH-01"] } }));
      await transition("submit-explanation", tokens.p01!);
      const second = `${UNIT}/rounds/appraisal2/items/1.1.2`;
      await raceEdit(second, tokens.scorer!, "PUT", second, (i) => ({ body: { points: i % 2 === 0 ? 1 : 0.5 } }));
      await transition("finalise", tokens.scorer!);
      expect(await state()).toBe("finalised");
      expect(await audit("snapshot.create")).toBe(1);
    }, 60_000);

    it("survey imports racing a finalisation: each import lands before the snapshot or is refused", async () => {
      const P02 = "/campaigns/race/units/P02";
      await ok("POST", `${P02}/transitions/submit`, { token: tokens.p02!, headers: { "if-match": '"1"' } });
      await ok("PUT", `${P02}/rounds/appraisal1/items/1.1.2`, { token: tokens.scorer!, body: { points: 0 }, headers: { "if-match": '"0"' } });
      const csv = (i: number) =>
        `unit,respondents,sipas_access,sipas_procedure,sipas_civil_servant,sipas_result,sipas_feedback,satisfaction_overall\nP02,${100 + i},80,81,82,83,84,${60 + i}\n`;
      const replies = await race(send, N, (i) =>
        i === N / 2
          ? ["POST", `${P02}/transitions/finalise`, { token: tokens.scorer, headers: { "if-match": '"3"' } }]
          : ["PUT", "/campaigns/race/survey", { token: tokens.admin, raw: new TextEncoder().encode(csv(i)), headers: { "content-type": "text/csv" } }],
      );
      expect(replies[N / 2]!.status).toBe(200);
      expect(outcome(replies, 200, [422]).unexpected).toEqual({});
      const trail = (await read("/audit?campaign=race&unit=P02&limit=1000")).body as { id: number; action: string }[];
      const snapshot = trail.find((a) => a.action === "snapshot.create")!.id;
      const imports = trail.filter((a) => a.action === "survey.import").map((a) => a.id);
      expect(imports.length).toBe(replies.filter((r) => r.status === 200).length - 1);
      expect(imports.filter((id) => id > snapshot)).toEqual([]);
    }, 60_000);

    it("publish with one If-Match: published once", async () => {
      await raceEdit("/campaigns/race", tokens.admin!, "POST", "/campaigns/race/publish");
      expect((await read("/campaigns/race")).body.state).toBe("published");
      expect(await audit("campaign.publish")).toBe(1);
    }, 60_000);
  });
});
