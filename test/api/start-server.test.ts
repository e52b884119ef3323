import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { adminCreate } from "../../api/admin-create.js";
import { readConfig } from "../../api/config.js";
import { ListenError, startServer } from "../../api/start-server.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const dirs: string[] = [];
const temporaryDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "par-start-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function configFor(env: Record<string, string>) {
  const config = readConfig({ PAR_DEMO: "0", ...env });
  if (!config.ok) throw new Error(config.problems[0]!.message);
  return config.value;
}

describe("startServer", () => {
  it("a busy port is reported in one line before the database is touched", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as net.AddressInfo).port;
    const dataDir = join(temporaryDir(), "data");
    try {
      const started = startServer(configFor({ PORT: String(port), DATA_DIR: dataDir }), ROOT, () => {});
      await expect(started).rejects.toBeInstanceOf(ListenError);
      await expect(started).rejects.toThrow(new RegExp(`^cổng 127.0.0.1:${port} đang được dùng.* / port 127.0.0.1:${port} is already in use[^\\n]*$`));
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      busy.close();
    }
  });

  it("keeps the SQLite file owner-only, and stops without waiting for idle or silent connections", async () => {
    const dataDir = join(temporaryDir(), "data");
    const server = await startServer(configFor({ PORT: "0", DATA_DIR: dataDir }), ROOT, () => {});
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, "par.sqlite")).mode & 0o777).toBe(0o600);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const { port } = new URL(server.url);
    const silent = net.connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => silent.once("connect", resolve));
    const closed = new Promise((resolve) => silent.once("close", resolve));
    await server.stop();
    await closed;
    expect(silent.destroyed).toBe(true);
  }, 20_000);
});

describe("admin:create", () => {
  const output = () => {
    const lines: string[] = [];
    return { lines, out: { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) } };
  };

  it("creates the first administrator in DATA_DIR, then refuses a second without --another", async () => {
    const dataDir = temporaryDir();
    const first = output();
    expect(await adminCreate(["Nguyễn", "Văn", "A"], { DATA_DIR: dataDir }, first.out)).toBe(0);
    expect(first.lines.join("\n")).toMatch(/administrator Nguyễn Văn A .* created in SQLite .*par\.sqlite[\s\S]*token .*expires .*: par_/);
    expect(await adminCreate([], { DATA_DIR: dataDir }, output().out)).toBe(1);
    expect(await adminCreate(["--another"], { DATA_DIR: dataDir }, output().out)).toBe(0);
  });

  it("refuses a bad configuration before touching any database", async () => {
    const bad = output();
    expect(await adminCreate([], { DATABASE_SCHEMA: "a-b" }, bad.out)).toBe(2);
    expect(bad.lines.join("\n")).toContain("DATABASE_SCHEMA=a-b");
  });

  const url = process.env.PAR_TEST_DATABASE_URL;
  it.skipIf(!url)("honours DATABASE_SCHEMA, as the server does", async () => {
    const schema = `test_admin_${randomBytes(4).toString("hex")}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create schema ${schema}`);
      expect(await adminCreate(["Admin"], { DATABASE_URL: url!, DATABASE_SCHEMA: schema }, output().out)).toBe(0);
      const { rows } = await client.query(`select count(*)::int as n from ${schema}.users where role = 'admin'`);
      expect(rows[0].n).toBe(1);
    } finally {
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    }
  });
});
