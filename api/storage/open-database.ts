import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from "kysely";
import pg from "pg";
import type { DialectName } from "./dialect.js";
import { migrateToLatest } from "./migrations.js";
import type { Schema } from "./schema.js";

export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** Where it lives, for logs: the SQLite file or the PostgreSQL host/database (no password). */
  describe: string;
  close(): Promise<void>;
}

export type DatabaseConfig = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string; schema?: string; poolSize?: number };

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const database = config.kind === "sqlite" ? openSqlite(config.file) : openPostgres(config.url, config.schema, config.poolSize);
  try {
    await migrateToLatest(database.db as Kysely<unknown>, database.dialect);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * SQLite in WAL mode with full sync: a committed (acknowledged) write survives a killed process
 * and a power cut. One connection; Kysely serialises its transactions.
 */
function openSqlite(file: string): Database {
  if (file !== ":memory:") keepPrivate(file);
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return { db, dialect: "sqlite", describe: `SQLite ${file}`, close: () => db.destroy() };
}

/**
 * The database holds every unit's assessment and the users' token hashes: its folder is created
 * owner-only (0700) and the file is made owner-only (0600) before SQLite opens it; SQLite gives
 * its -wal and -shm files the same permissions as the database file.
 */
function keepPrivate(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  closeSync(openSync(file, "a", 0o600));
  chmodSync(file, 0o600);
}

/**
 * Kysely prepares every query anew; the service runs a few dozen distinct statements, so they
 * are prepared once and reused (the connection is single and serial, and nothing streams).
 */
function cachingStatements(sqlite: BetterSqlite3.Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= limit) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

function openPostgres(url: string, schema: string | undefined, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const where = new URL(url);
  return { db, dialect: "postgres", describe: `PostgreSQL ${where.host}${where.pathname}${schema ? ` (schema ${schema})` : ""}`, close: () => db.destroy() };
}
