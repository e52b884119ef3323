import { join, resolve } from "node:path";
import { DEFAULT_LIMITS, type Limits } from "./services/service-deps.js";
import type { DatabaseConfig } from "./storage/open-database.js";

/**
 * The one reader of the environment, used by every entry point (the server, `admin:create`): a
 * typed configuration, or every bad value with a Vietnamese and an English message saying what
 * is wrong and what to write instead. Nothing else in api/ reads `process.env`.
 */
export interface Config {
  port: number;
  host: string;
  /** The SQLite file, the demo tokens. */
  dataDir: string;
  database: DatabaseConfig;
  /** Seed the demo province on an empty database. */
  demo: boolean;
  limits: Limits;
}

export interface ConfigProblem {
  variable: string;
  message: string;
  vi: string;
}

export type ConfigResult = { ok: true; value: Config } | { ok: false; problems: ConfigProblem[] };

type Env = Partial<Record<string, string | undefined>>;

export function readConfig(env: Env, cwd = process.cwd()): ConfigResult {
  const problems: ConfigProblem[] = [];
  const bad = (variable: string, message: string, vi: string) =>
    problems.push({ variable, message: `${variable}=${env[variable]}: ${message}`, vi: `${variable}=${env[variable]}: ${vi}` });
  const set = (name: string) => (env[name] ?? "").trim() !== "";

  const port = readInteger(env.PORT, 3000, 0, 65_535);
  if (port === null) bad("PORT", "must be a whole number from 0 to 65535 (0: any free port)", "phải là số nguyên từ 0 đến 65535 (0: một cổng trống bất kỳ)");
  const host = set("HOST") ? env.HOST!.trim() : "127.0.0.1";
  const dataDir = resolve(cwd, set("DATA_DIR") ? env.DATA_DIR!.trim() : "data");

  let database: DatabaseConfig = { kind: "sqlite", file: join(dataDir, "par.sqlite") };
  if (set("DATABASE_URL")) {
    const url = env.DATABASE_URL!.trim();
    if (!isPostgresUrl(url))
      bad(
        "DATABASE_URL",
        "must be a PostgreSQL URL such as postgres://user:password@host:5432/database",
        "phải là địa chỉ PostgreSQL, ví dụ postgres://user:password@host:5432/database",
      );
    database = { kind: "postgres", url };
  }
  if (set("DATABASE_SCHEMA")) {
    const schema = env.DATABASE_SCHEMA!.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema))
      bad(
        "DATABASE_SCHEMA",
        "must be a schema name: letters, digits and _, starting with a letter or _, at most 63",
        "phải là tên schema: chữ, số và _, bắt đầu bằng chữ hoặc _, tối đa 63 ký tự",
      );
    else if (database.kind !== "postgres")
      bad(
        "DATABASE_SCHEMA",
        "is only used with DATABASE_URL (PostgreSQL): set DATABASE_URL or remove DATABASE_SCHEMA",
        "chỉ dùng cùng DATABASE_URL (PostgreSQL): đặt DATABASE_URL hoặc bỏ DATABASE_SCHEMA",
      );
    else database = { ...database, schema };
  }

  const demo = env.PAR_DEMO === undefined || env.PAR_DEMO.trim() === "" || env.PAR_DEMO.trim() === "1";
  if (!demo && env.PAR_DEMO!.trim() !== "0")
    bad(
      "PAR_DEMO",
      "must be 0 (no demo data) or 1 (demo province on an empty database)",
      "phải là 0 (không có dữ liệu mẫu) hoặc 1 (tỉnh mẫu khi cơ sở dữ liệu trống)",
    );

  const tokenDays = readInteger(env.PAR_TOKEN_DAYS, DEFAULT_LIMITS.tokenDays, 1, 3650);
  if (tokenDays === null) bad("PAR_TOKEN_DAYS", "must be a whole number of days from 1 to 3650", "phải là số ngày nguyên từ 1 đến 3650");
  const quotaMb = readInteger(env.PAR_EVIDENCE_QUOTA_MB, DEFAULT_LIMITS.evidenceQuotaBytes / MB, 1, 1_000_000);
  if (quotaMb === null) bad("PAR_EVIDENCE_QUOTA_MB", "must be a whole number of megabytes from 1 to 1000000", "phải là số megabyte nguyên từ 1 đến 1000000");

  if (problems.length > 0) return { ok: false, problems };
  const limits: Limits = { ...DEFAULT_LIMITS, tokenDays: tokenDays!, evidenceQuotaBytes: quotaMb! * MB };
  return { ok: true, value: { port: port!, host, dataDir, database, demo, limits } };
}

/** One line per problem, Vietnamese then English, for an entry point to print before exiting. */
export function formatConfigProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.vi} / ${p.message}`).join("\n");
}

const MB = 1024 * 1024;

function readInteger(text: string | undefined, fallback: number, min: number, max: number): number | null {
  if (text === undefined || text.trim() === "") return fallback;
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}
