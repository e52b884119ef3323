import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Kill -9 the real server (built, SQLite in WAL mode) while it acknowledges writes, restart it
 * and check that every acknowledged write is there and the database is intact.
 */
const ROOT = new URL("../..", import.meta.url).pathname;
const SERVER = join(ROOT, "dist/api/server.js");

describe("crash: kill -9 during writes (SQLite)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "par-crash-"));
  let child: ChildProcess | undefined;
  beforeAll(() => {
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], { stdio: "ignore" });
    } catch {
      // type errors elsewhere still emit; the check below is what matters
    }
    if (!existsSync(SERVER)) throw new Error(`${SERVER} was not built`);
  }, 120_000);
  afterAll(() => {
    child?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged write", async () => {
    let started = await start(dataDir);
    child = started.child;
    const tokens = Object.fromEntries(
      readFileSync(join(dataDir, "demo-tokens.env"), "utf8")
        .trim()
        .split("\n")
        .map((line) => line.replace("export ", "").split("=") as [string, string]),
    );
    const path = "/campaigns/demo-2026/units/DV0002/evidence";
    const base = `${started.url}${path}`;
    const acknowledged: string[] = [];
    let next = 0;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const id = `E-${String(next++).padStart(5, "0")}`;
        try {
          const response = await fetch(`${base}/${id}`, {
            method: "PUT",
            headers: { authorization: `Bearer ${tokens.PAR_WARD}`, "content-type": "application/json", "if-none-match": "*" },
            body: JSON.stringify({ number: id, title: "Báo cáo" }),
          });
          if (response.status === 200) acknowledged.push(id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill("SIGKILL");
    await Promise.all(writers);
    stop = true;
    expect(acknowledged.length).toBeGreaterThan(20);

    const sqlite = new BetterSqlite3(join(dataDir, "par.sqlite"));
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    sqlite.close();
    started = await start(dataDir);
    child = started.child;
    const listed = await (await fetch(`${started.url}${path}`, { headers: { authorization: `Bearer ${tokens.PAR_WARD}` } })).json();
    const stored = new Set((listed as { id: string }[]).map((e) => e.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    child.kill("SIGTERM");
    await new Promise((resolve) => child!.once("exit", resolve));
  }, 120_000);
});

async function start(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  return { child, url };
}
