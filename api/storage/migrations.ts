import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import type { DialectName } from "./dialect.js";

/**
 * The migrations, in order, written once for both backends: portable column types (text,
 * integer), JSON as text; only the audit id and the file bytes differ by dialect.
 */
function migrations(dialect: DialectName): Record<string, Migration> {
  const bytes = dialect === "postgres" ? sql`bytea` : sql`blob`;
  return {
    "0001-initial": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("criteria_sets")
          .addColumn("family", "text", (c) => c.notNull())
          .addColumn("version", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("hash", "text", (c) => c.notNull())
          .addColumn("content", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("criteria_sets_pk", ["family", "version"])
          .execute();
        await db.schema
          .createTable("units")
          .addColumn("code", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("block", "text")
          .addColumn("province", "text")
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("users")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("unit_code", "text", (c) => c.references("units.code"))
          .addColumn("token_hash", "text", (c) => c.notNull().unique())
          .addColumn("created_at", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("campaigns")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("year", "integer", (c) => c.notNull())
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("criteria_family", "text", (c) => c.notNull())
          .addColumn("criteria_version", "text", (c) => c.notNull())
          .addColumn("deadlines", "text", (c) => c.notNull())
          .addColumn("state", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("published_at", "text")
          .addColumn("ranking", "text")
          .addColumn("created_at", "text", (c) => c.notNull())
          .addForeignKeyConstraint("campaigns_criteria_fk", ["criteria_family", "criteria_version"], "criteria_sets", ["family", "version"])
          .execute();
        await db.schema
          .createTable("assessments")
          .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id"))
          .addColumn("unit_code", "text", (c) => c.notNull().references("units.code"))
          .addColumn("state", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("assessments_pk", ["campaign_id", "unit_code"])
          .execute();
        await db.schema
          .createTable("entries")
          .addColumn("campaign_id", "text", (c) => c.notNull())
          .addColumn("unit_code", "text", (c) => c.notNull())
          .addColumn("round", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("code", "text", (c) => c.notNull())
          .addColumn("value", "text", (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("updated_by", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("entries_pk", ["campaign_id", "unit_code", "round", "kind", "code"])
          .addForeignKeyConstraint("entries_assessment_fk", ["campaign_id", "unit_code"], "assessments", ["campaign_id", "unit_code"])
          .execute();
        await db.schema
          .createTable("evidence")
          .addColumn("campaign_id", "text", (c) => c.notNull())
          .addColumn("unit_code", "text", (c) => c.notNull())
          .addColumn("id", "text", (c) => c.notNull())
          .addColumn("title", "text")
          .addColumn("number", "text")
          .addColumn("date", "text")
          .addColumn("issuer", "text")
          .addColumn("link", "text")
          .addColumn("file_name", "text")
          .addColumn("file_type", "text")
          .addColumn("file_size", "integer")
          .addColumn("file_data", bytes)
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("updated_by", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("evidence_pk", ["campaign_id", "unit_code", "id"])
          .addForeignKeyConstraint("evidence_assessment_fk", ["campaign_id", "unit_code"], "assessments", ["campaign_id", "unit_code"])
          .execute();
        await db.schema
          .createTable("surveys")
          .addColumn("campaign_id", "text", (c) => c.notNull())
          .addColumn("unit_code", "text", (c) => c.notNull())
          .addColumn("content", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("surveys_pk", ["campaign_id", "unit_code"])
          .addForeignKeyConstraint("surveys_assessment_fk", ["campaign_id", "unit_code"], "assessments", ["campaign_id", "unit_code"])
          .execute();
        await db.schema
          .createTable("snapshots")
          .addColumn("campaign_id", "text", (c) => c.notNull())
          .addColumn("unit_code", "text", (c) => c.notNull())
          .addColumn("report", "text", (c) => c.notNull())
          .addColumn("criteria_family", "text", (c) => c.notNull())
          .addColumn("criteria_version", "text", (c) => c.notNull())
          .addColumn("engine_version", "text", (c) => c.notNull())
          .addColumn("created_by", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("snapshots_pk", ["campaign_id", "unit_code"])
          .addForeignKeyConstraint("snapshots_assessment_fk", ["campaign_id", "unit_code"], "assessments", ["campaign_id", "unit_code"])
          .execute();
        const audit = db.schema.createTable("audit");
        await (dialect === "postgres"
          ? audit.addColumn("id", "serial", (c) => c.primaryKey())
          : audit.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
        )
          .addColumn("at", "text", (c) => c.notNull())
          .addColumn("actor", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("campaign_id", "text")
          .addColumn("unit_code", "text")
          .addColumn("code", "text")
          .addColumn("before", "text")
          .addColumn("after", "text")
          .addColumn("reason", "text")
          .execute();
        await db.schema.createIndex("audit_unit").on("audit").columns(["campaign_id", "unit_code", "code"]).execute();
      },
    },
    "0002-token-lifetime": {
      // Tokens expire and can be revoked; tokens issued before this migration get the default 90 days from now.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("users").addColumn("token_expires_at", "text").execute();
        await db.schema.alterTable("users").addColumn("token_revoked_at", "text").execute();
        await sql`update users set token_expires_at = ${new Date(Date.now() + 90 * 86_400_000).toISOString()}`.execute(db);
      },
    },
    "0003-sign-in": {
      // People sign in to the web pages with a login name and a password (scrypt hash); a session
      // is a random id kept in a cookie and stored here only as its sha256, with its CSRF token.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("users").addColumn("login", "text").execute();
        await db.schema.alterTable("users").addColumn("password_hash", "text").execute();
        await db.schema.alterTable("users").addColumn("password_changed_at", "text").execute();
        await db.schema.createIndex("users_login").unique().on("users").column("login").execute();
        await db.schema
          .createTable("sessions")
          .addColumn("id_hash", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
          .addColumn("csrf", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
      },
    },
    "0004-admin-year": {
      // The administrator deactivates users (their token and sessions stop working; the row and its
      // audit trail stay), and extends one round's deadline for one unit with a recorded reason.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("users").addColumn("deactivated_at", "text").execute();
        await db.schema
          .createTable("deadline_extensions")
          .addColumn("campaign_id", "text", (c) => c.notNull())
          .addColumn("unit_code", "text", (c) => c.notNull())
          .addColumn("round", "text", (c) => c.notNull())
          .addColumn("until", "text", (c) => c.notNull())
          .addColumn("reason", "text", (c) => c.notNull())
          .addColumn("created_by", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("deadline_extensions_pk", ["campaign_id", "unit_code", "round"])
          .addForeignKeyConstraint("deadline_extensions_assessment_fk", ["campaign_id", "unit_code"], "assessments", ["campaign_id", "unit_code"])
          .execute();
      },
    },
    "0005-survey-imports": {
      // A survey export checked but not yet applied: its results and data-quality report, kept until it is applied or
      // expires, so the preview and the apply may reach different API processes (the export itself is not kept).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("survey_imports")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id"))
          .addColumn("file_name", "text", (c) => c.notNull())
          .addColumn("result", "text", (c) => c.notNull())
          .addColumn("created_by", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("expires_at", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("survey_imports_expiry").on("survey_imports").column("expires_at").execute();
      },
    },
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.dialect);
  }
}

/**
 * Brings the schema up to date; run at start-up. Throws with the failing migration's name. On
 * PostgreSQL the migration tables are looked for in the current schema only: Kysely otherwise
 * takes another schema's `kysely_migration` (a second deployment, a parallel test) for its own.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const schema = dialect === "postgres" ? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name : undefined;
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
