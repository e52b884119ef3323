import { type ChildProcess, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

export interface Reply {
  status: number;
  body: any;
  etag: string | null;
}
export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  raw?: Uint8Array;
  headers?: Record<string, string>;
}
export type Send = (method: string, path: string, options?: RequestOptions) => Promise<Reply>;

/**
 * Real HTTP over loopback to one or more API servers: request i goes to server i mod n, so a
 * race with two servers is fought between two processes.
 */
export function httpClient(urls: string[]) {
  let turn = 0;
  const send: Send = async (method, path, options = {}) => {
    const url = urls[turn++ % urls.length]!;
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined = options.raw;
    if (options.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, body: type.includes("json") ? await response.json() : await response.text(), etag: response.headers.get("etag") };
  };
  return { send };
}

/** Fires `n` requests at once (built by `build(i)`) and waits for every answer. */
export async function race(send: Send, n: number, build: (i: number) => [string, string, RequestOptions]): Promise<Reply[]> {
  const ready = Array.from({ length: n }, (_, i) => build(i));
  return Promise.all(ready.map(([method, path, options]) => send(method, path, options)));
}

/**
 * The outcome the suite asserts: how many won (`win` status), how many lost with an expected
 * status (`lose`), and every other answer counted by `status code` (server errors show here).
 */
export function outcome(replies: Reply[], win: number, lose: number[]) {
  const unexpected: Record<string, number> = {};
  for (const r of replies) {
    if (r.status === win || lose.includes(r.status)) continue;
    const key = `${r.status} ${r.body?.error?.code ?? ""}`.trim();
    unexpected[key] = (unexpected[key] ?? 0) + 1;
  }
  return { winners: replies.filter((r) => r.status === win).length, losers: replies.filter((r) => lose.includes(r.status)).length, unexpected };
}

/** Serves a fetch handler over real HTTP on a free loopback port. */
export function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      const close = () =>
        new Promise<void>((done) => {
          server.close(() => done());
          if ("closeAllConnections" in server) server.closeAllConnections();
        });
      resolve({ url: `http://127.0.0.1:${info.port}`, close });
    });
  });
}

/** Starts `serve-for-test.ts` in its own Node process; resolves with its URL once it listens. */
export function spawnServer(env: Record<string, string>, timeoutMs = 60_000): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const hooks = new URL("./ts-hooks.mjs", import.meta.url).pathname;
  const entry = new URL("./serve-for-test.ts", import.meta.url).pathname;
  const child = spawn(process.execPath, ["--import", hooks, entry], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API process did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.on("exit", (code) => reject(new Error(`the API process exited (${code}): ${stderr}`)));
    child.stdout!.on("data", (chunk) => {
      const match = /listening (\d+)/.exec(String(chunk));
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${match[1]}`, child, stderr: () => stderr });
    });
  });
}
