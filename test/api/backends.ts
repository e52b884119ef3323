import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../api/storage/open-database.js";

/**
 * The storage backends every contract and API test runs against: SQLite in a temporary file
 * always; PostgreSQL when PAR_TEST_DATABASE_URL is set (each opened database gets its own
 * schema, dropped on close). In CI (CI=true) a missing PostgreSQL is a failure, not a skip.
 */
export interface TestBackend {
  name: string;
  /** Why this backend is skipped, or null when it runs. */
  skip: string | null;
  open(): Promise<TestDatabase>;
}
/** An opened test database; on PostgreSQL, with the schema it lives in (for other processes to join). */
export type TestDatabase = Database & { schema?: string };

const POSTGRES_URL = process.env.PAR_TEST_DATABASE_URL;

export const BACKENDS: TestBackend[] = [
  { name: "sqlite", skip: null, open: openTemporarySqlite },
  {
    name: "postgres",
    skip:
      POSTGRES_URL || process.env.CI === "true" ? null : "PAR_TEST_DATABASE_URL is not set (e.g. postgres://par:par@localhost/par_test); CI runs this backend",
    open: openTemporaryPostgres,
  },
];

async function openTemporarySqlite(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), "par-api-"));
  const database = await openDatabase({ kind: "sqlite", file: join(dir, "par.sqlite") });
  return {
    ...database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openTemporaryPostgres(): Promise<TestDatabase> {
  if (!POSTGRES_URL) throw new Error("CI=true but PAR_TEST_DATABASE_URL is not set: the PostgreSQL backend must run in CI");
  const schema = `test_${randomBytes(6).toString("hex")}`;
  await runAdmin(`create schema ${schema}`);
  const database = await openDatabase({ kind: "postgres", url: POSTGRES_URL, schema, poolSize: 4 });
  return {
    ...database,
    schema,
    close: async () => {
      await database.close();
      await runAdmin(`drop schema ${schema} cascade`);
    },
  };
}

async function runAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
