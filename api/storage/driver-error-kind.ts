/**
 * What a database driver's error means for the caller, for both drivers in one place:
 * better-sqlite3 throws `SqliteError` with codes like `SQLITE_CONSTRAINT_PRIMARYKEY`, pg throws
 * `DatabaseError` with SQLSTATE codes (`23505`). Anything else is not a driver's verdict on the
 * data (undefined): a bug or an outage, answered 500.
 */
export type DriverErrorKind = "duplicate" | "missing-reference" | "invalid-text";

const KINDS: Record<string, DriverErrorKind> = {
  SQLITE_CONSTRAINT_PRIMARYKEY: "duplicate",
  SQLITE_CONSTRAINT_UNIQUE: "duplicate",
  "23505": "duplicate",
  SQLITE_CONSTRAINT_FOREIGNKEY: "missing-reference",
  "23503": "missing-reference",
  // PostgreSQL text cannot hold NUL (22021) or a character the database encoding lacks (22P05).
  "22021": "invalid-text",
  "22P05": "invalid-text",
};

export function driverErrorKind(error: unknown): DriverErrorKind | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && Object.hasOwn(KINDS, code) ? KINDS[code] : undefined;
}
