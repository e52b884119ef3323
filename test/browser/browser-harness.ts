import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type Browser, type Page, chromium } from "playwright-core";
import { createApp } from "../../api/app.js";
import { loadCriteriaDirectory } from "../../api/load-criteria-directory.js";
import { seedDemo } from "../../api/seed-demo.js";
import { createServices } from "../../api/services/create-services.js";
import { DEFAULT_LIMITS } from "../../api/services/service-deps.js";
import { openDatabase } from "../../api/storage/open-database.js";
import { Store } from "../../api/storage/store.js";

/**
 * What the browser suites share: the demo province served over real HTTP on loopback, Debian's
 * Chromium driven by playwright-core (never a downloaded browser), screenshots of every page
 * visited (git-ignored `screenshots/`, for a reviewer to look at) and axe-core run in the page.
 */
export const CHROMIUM = process.env.PAR_CHROMIUM ?? "/usr/bin/chromium";
/** Without Chromium the suites skip on a developer's machine; in CI a missing browser fails them. */
export const HAS_BROWSER = existsSync(CHROMIUM) || process.env.CI === "true";
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
const ROOT = new URL("../../", import.meta.url).pathname;
const SHOTS = join(ROOT, "screenshots");

export interface DemoServer {
  url: string;
  /** The demo users' bearer tokens (PAR_ADMIN, PAR_SCORER, PAR_WARD). */
  tokens: Record<string, string>;
  clock: { now: Date };
  close(): Promise<void>;
}

/** The demo province on a fresh SQLite file, listening on 127.0.0.1 at a free port. */
export async function startDemoServer(now = new Date("2026-03-01T02:00:00Z")): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), "par-browser-"));
  const database = await openDatabase({ kind: "sqlite", file: join(dir, "par.sqlite") });
  const store = new Store(database.db, database.dialect);
  const clock = { now };
  const services = createServices({ store, now: () => clock.now, limits: DEFAULT_LIMITS });
  await loadCriteriaDirectory(join(ROOT, "criteria"), services.criteria, () => {});
  const tokensFile = join(dir, "demo-tokens.env");
  await seedDemo(services, ROOT, clock.now, tokensFile, () => {});
  const tokens = Object.fromEntries(
    readFileSync(tokensFile, "utf8")
      .trim()
      .split("\n")
      .map((line) => line.replace(/^export /, "").split("=") as [string, string]),
  );
  const app = createApp({ store, now: () => clock.now, logError: (error) => console.error(error) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    clock,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Saves a full-page screenshot as `screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy (script-src 'self') does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Visits `path`, saves a screenshot and returns the axe violations, for the usual "look and check" step. */
export async function visit(page: Page, url: string, name: string): Promise<AxeViolation[]> {
  const response = await page.goto(url);
  if (!response || response.status() >= 400) throw new Error(`${url} answered ${response?.status()}`);
  await screenshot(page, name);
  return seriousViolations(page);
}

/** Signs a demo user in through the sign-in form and waits for the page it leads to: home, or `next`. */
export async function signIn(page: Page, server: DemoServer, who: "ADMIN" | "SCORER" | "WARD", next?: string): Promise<void> {
  await signInAs(page, server, server.tokens[`PAR_${who}_LOGIN`]!, server.tokens[`PAR_${who}_PASSWORD`]!, next);
}

/** Signs in with a login and password (a user the administrator created on the pages) and waits for home, or `next`. */
export async function signInAs(page: Page, server: DemoServer, login: string, password: string, next?: string): Promise<void> {
  await page.goto(`${server.url}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  await page.getByLabel("Tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${server.url}${next ?? "/"}`);
}

/** Types a deadline the Vietnamese way into the date-and-time field under `legend`: "31/03/2027" and "17:00". */
export async function fillDateTime(page: Page, legend: string, date: string, time: string): Promise<void> {
  const group = page.getByRole("group", { name: legend, exact: true });
  await group.getByLabel(/^(Ngày|Date)$/).fill(date);
  await group.getByLabel(/^(Giờ|Time)$/).fill(time);
}
