import type { InsertResult, Insertable, Kysely, SelectQueryBuilder, Selectable, Transaction, Updateable } from "kysely";
import type { Round } from "../../src/index.js";
import type { AssessmentState, EntryKind, Role } from "../domain.js";
import type { DialectName } from "./dialect.js";
import type { Schema } from "./schema.js";

export type Row<T extends keyof Schema> = Selectable<Schema[T]>;
export type NewRow<T extends keyof Schema> = Insertable<Schema[T]>;
export type EvidenceSummary = Omit<Row<"evidence">, "file_data">;
export interface EntryKey {
  campaign_id: string;
  unit_code: string;
  round: Round;
  kind: EntryKind;
  code: string;
}
export interface AuditFilter {
  campaignId?: string;
  unitCode?: string;
  code?: string;
  /** Only entries with an id above this one (paging). */
  after?: number;
  limit: number;
}

const EVIDENCE_SUMMARY = [
  "campaign_id",
  "unit_code",
  "id",
  "title",
  "number",
  "date",
  "issuer",
  "link",
  "file_name",
  "file_type",
  "file_size",
  "version",
  "updated_by",
  "updated_at",
] as const;

/**
 * Every read and write of the service, over one Kysely instance: the same queries for SQLite
 * and PostgreSQL. Writes that race report whether they applied instead of throwing: conditional
 * updates (`… where version = ?`) and inserts that do nothing when the key exists
 * (`on conflict do nothing`) return false, and the caller answers 412 or 409 with the current
 * value. `transaction` runs work atomically; the `lock…` reads take row locks on PostgreSQL,
 * where transactions run side by side (SQLite runs one writer at a time already).
 */
export class Store {
  constructor(
    readonly db: Kysely<Schema> | Transaction<Schema>,
    readonly dialect: DialectName,
  ) {}

  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    return this.db.transaction().execute((tx) => work(new Store(tx, this.dialect)));
  }

  /** Inside a transaction on PostgreSQL, the rows read stay locked until commit: `update` against writers, `share` against changes. */
  private locking<O>(query: SelectQueryBuilder<Schema, keyof Schema, O>, mode: "update" | "share" = "update"): SelectQueryBuilder<Schema, keyof Schema, O> {
    if (this.dialect !== "postgres" || !this.db.isTransaction) return query;
    return mode === "update" ? query.forUpdate() : query.forShare();
  }

  // Criteria sets
  getCriteriaSet(family: string, version: string): Promise<Row<"criteria_sets"> | undefined> {
    return this.db.selectFrom("criteria_sets").selectAll().where("family", "=", family).where("version", "=", version).executeTakeFirst();
  }
  getCriteriaHash(family: string, version: string): Promise<{ hash: string } | undefined> {
    return this.db.selectFrom("criteria_sets").select("hash").where("family", "=", family).where("version", "=", version).executeTakeFirst();
  }
  listCriteriaSets(): Promise<Omit<Row<"criteria_sets">, "content">[]> {
    return this.db.selectFrom("criteria_sets").select(["family", "version", "status", "hash", "created_at"]).orderBy("family").orderBy("version").execute();
  }
  /** The stored hash, locked until commit (`share`: a campaign being created on it; `update`: a replacement). */
  lockCriteriaSet(family: string, version: string, mode: "update" | "share"): Promise<{ hash: string } | undefined> {
    return this.locking(
      this.db.selectFrom("criteria_sets").select("hash").where("family", "=", family).where("version", "=", version),
      mode,
    ).executeTakeFirst();
  }
  /** False when the version is stored already (by a request at the same time, too). */
  async insertCriteriaSet(row: NewRow<"criteria_sets">): Promise<boolean> {
    return inserted(
      await this.db
        .insertInto("criteria_sets")
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  /** Replaces the content if it still has `expectedHash`. */
  async replaceCriteriaSet(row: NewRow<"criteria_sets">, expectedHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable("criteria_sets")
      .set(row)
      .where("family", "=", row.family)
      .where("version", "=", row.version)
      .where("hash", "=", expectedHash)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
  async isCriteriaUsed(family: string, version: string): Promise<boolean> {
    const used = await this.db
      .selectFrom("campaigns")
      .select("id")
      .where("criteria_family", "=", family)
      .where("criteria_version", "=", version)
      .executeTakeFirst();
    return used !== undefined;
  }

  // Units
  /** False when the code exists already. */
  async insertUnit(row: NewRow<"units">): Promise<boolean> {
    return inserted(
      await this.db
        .insertInto("units")
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  getUnit(code: string): Promise<Row<"units"> | undefined> {
    return this.db.selectFrom("units").selectAll().where("code", "=", code).executeTakeFirst();
  }
  listUnits(): Promise<Row<"units">[]> {
    return this.db.selectFrom("units").selectAll().orderBy("code").execute();
  }
  async updateUnit(code: string, expectedVersion: number, changes: Updateable<Schema["units"]>): Promise<boolean> {
    const result = await this.db
      .updateTable("units")
      .set({ ...changes, version: expectedVersion + 1 })
      .where("code", "=", code)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  // Users
  async insertUser(row: NewRow<"users">): Promise<void> {
    await this.db.insertInto("users").values(row).execute();
  }
  findUserByTokenHash(hash: string): Promise<Row<"users"> | undefined> {
    return this.db.selectFrom("users").selectAll().where("token_hash", "=", hash).executeTakeFirst();
  }
  listUsers(): Promise<Omit<Row<"users">, "token_hash" | "password_hash">[]> {
    return this.db
      .selectFrom("users")
      .select(["id", "name", "role", "unit_code", "created_at", "token_expires_at", "token_revoked_at", "login", "password_changed_at", "deactivated_at"])
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  }
  /** A new token (rotation) or a revocation: the hash, expiry and revocation time as given. */
  async setUserToken(id: string, changes: Pick<Updateable<Schema["users"]>, "token_hash" | "token_expires_at" | "token_revoked_at">): Promise<void> {
    await this.db.updateTable("users").set(changes).where("id", "=", id).execute();
  }
  async countUsers(role: Role): Promise<number> {
    const row = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("role", "=", role)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // Campaigns
  /** False when the id exists already. */
  async insertCampaign(row: NewRow<"campaigns">): Promise<boolean> {
    return inserted(
      await this.db
        .insertInto("campaigns")
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst(),
    );
  }
  /** Reads the campaign, locked until commit (publication). */
  lockCampaign(id: string): Promise<Row<"campaigns"> | undefined> {
    return this.locking(this.db.selectFrom("campaigns").selectAll().where("id", "=", id)).executeTakeFirst();
  }
  getCampaign(id: string): Promise<Row<"campaigns"> | undefined> {
    return this.db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
  }
  listCampaigns(): Promise<Omit<Row<"campaigns">, "ranking">[]> {
    return this.db
      .selectFrom("campaigns")
      .select(["id", "year", "title", "criteria_family", "criteria_version", "deadlines", "state", "version", "published_at", "created_at"])
      .orderBy("year", "desc")
      .orderBy("id")
      .execute();
  }
  async updateCampaign(id: string, expectedVersion: number, changes: Updateable<Schema["campaigns"]>): Promise<boolean> {
    const result = await this.db
      .updateTable("campaigns")
      .set({ ...changes, version: expectedVersion + 1 })
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  // Assessments
  async insertAssessment(row: NewRow<"assessments">): Promise<void> {
    await this.db.insertInto("assessments").values(row).execute();
  }
  getAssessment(campaignId: string, unitCode: string): Promise<Row<"assessments"> | undefined> {
    return this.db.selectFrom("assessments").selectAll().where("campaign_id", "=", campaignId).where("unit_code", "=", unitCode).executeTakeFirst();
  }
  /** Reads the assessment and, inside a transaction on PostgreSQL, locks its row until commit (SQLite transactions are serial already). */
  lockAssessment(campaignId: string, unitCode: string): Promise<Row<"assessments"> | undefined> {
    return this.locking(
      this.db.selectFrom("assessments").selectAll().where("campaign_id", "=", campaignId).where("unit_code", "=", unitCode),
    ).executeTakeFirst();
  }
  /** Every assessment of the campaign, locked in unit order (one order for every caller, so no two wait on each other). */
  lockAssessments(campaignId: string): Promise<Row<"assessments">[]> {
    return this.locking(this.db.selectFrom("assessments").selectAll().where("campaign_id", "=", campaignId).orderBy("unit_code")).execute();
  }
  listAssessments(campaignId: string): Promise<Row<"assessments">[]> {
    return this.db.selectFrom("assessments").selectAll().where("campaign_id", "=", campaignId).orderBy("unit_code").execute();
  }
  async setAssessmentState(campaignId: string, unitCode: string, expectedVersion: number, state: AssessmentState, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable("assessments")
      .set({ state, version: expectedVersion + 1, updated_at: at })
      .where("campaign_id", "=", campaignId)
      .where("unit_code", "=", unitCode)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  // Entries (facts and items per round)
  getEntry(key: EntryKey): Promise<Row<"entries"> | undefined> {
    return this.db
      .selectFrom("entries")
      .selectAll()
      .where("campaign_id", "=", key.campaign_id)
      .where("unit_code", "=", key.unit_code)
      .where("round", "=", key.round)
      .where("kind", "=", key.kind)
      .where("code", "=", key.code)
      .executeTakeFirst();
  }
  /** The campaign's entries: all, one unit's, or a few units' (read in parts, a large campaign does not block the event loop). */
  listEntries(campaignId: string, unitCode?: string | string[]): Promise<Row<"entries">[]> {
    let query = this.db.selectFrom("entries").selectAll().where("campaign_id", "=", campaignId);
    if (typeof unitCode === "string") query = query.where("unit_code", "=", unitCode);
    else if (unitCode !== undefined) query = query.where("unit_code", "in", unitCode.length > 0 ? unitCode : [""]);
    return query.orderBy("unit_code").orderBy("round").orderBy("kind").orderBy("code").execute();
  }
  /** The items an appraisal round holds an entry for, per unit: two short columns where the worklist needs no values. */
  listAppraisedItems(campaignId: string): Promise<{ unit_code: string; code: string }[]> {
    return this.db
      .selectFrom("entries")
      .select(["unit_code", "code"])
      .where("campaign_id", "=", campaignId)
      .where("kind", "=", "item")
      .where("round", "in", ["appraisal1", "appraisal2"])
      .execute();
  }
  /** Inserts the entry when `expectedVersion` is 0 (false if it exists), else updates it if still at that version. */
  async putEntry(row: Row<"entries">, expectedVersion: number): Promise<boolean> {
    if (expectedVersion === 0)
      return inserted(
        await this.db
          .insertInto("entries")
          .values({ ...row, version: 1 })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst(),
      );
    const result = await this.db
      .updateTable("entries")
      .set({ value: row.value, version: expectedVersion + 1, updated_by: row.updated_by, updated_at: row.updated_at })
      .where("campaign_id", "=", row.campaign_id)
      .where("unit_code", "=", row.unit_code)
      .where("round", "=", row.round)
      .where("kind", "=", row.kind)
      .where("code", "=", row.code)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  // Evidence
  listEvidence(campaignId: string, unitCode?: string): Promise<EvidenceSummary[]> {
    let query = this.db.selectFrom("evidence").select(EVIDENCE_SUMMARY).where("campaign_id", "=", campaignId);
    if (unitCode !== undefined) query = query.where("unit_code", "=", unitCode);
    return query.orderBy("unit_code").orderBy("id").execute();
  }
  /** Bytes of the evidence files stored for one unit in one campaign. */
  async sumEvidenceBytes(campaignId: string, unitCode: string): Promise<number> {
    const row = await this.db
      .selectFrom("evidence")
      .select((eb) => eb.fn.sum<number | string | null>("file_size").as("bytes"))
      .where("campaign_id", "=", campaignId)
      .where("unit_code", "=", unitCode)
      .executeTakeFirst();
    return Number(row?.bytes ?? 0);
  }
  getEvidence(campaignId: string, unitCode: string, id: string): Promise<Row<"evidence"> | undefined> {
    return this.db
      .selectFrom("evidence")
      .selectAll()
      .where("campaign_id", "=", campaignId)
      .where("unit_code", "=", unitCode)
      .where("id", "=", id)
      .executeTakeFirst();
  }
  /** Inserts when `expectedVersion` is 0 (false if it exists), else updates if still at that version. */
  async putEvidence(row: Row<"evidence">, expectedVersion: number): Promise<boolean> {
    if (expectedVersion === 0)
      return inserted(
        await this.db
          .insertInto("evidence")
          .values({ ...row, version: 1 })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst(),
      );
    const { campaign_id, unit_code, id, ...changes } = row;
    const result = await this.db
      .updateTable("evidence")
      .set({ ...changes, version: expectedVersion + 1 })
      .where("campaign_id", "=", campaign_id)
      .where("unit_code", "=", unit_code)
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  // Survey results
  async putSurvey(row: Row<"surveys">): Promise<void> {
    const { content, updated_at } = row;
    await this.db
      .insertInto("surveys")
      .values(row)
      .onConflict((oc) => oc.columns(["campaign_id", "unit_code"]).doUpdateSet({ content, updated_at }))
      .execute();
  }
  listSurveys(campaignId: string, unitCode?: string): Promise<Row<"surveys">[]> {
    let query = this.db.selectFrom("surveys").selectAll().where("campaign_id", "=", campaignId);
    if (unitCode !== undefined) query = query.where("unit_code", "=", unitCode);
    return query.orderBy("unit_code").execute();
  }

  // Snapshots (immutable: inserted once, never updated)
  async insertSnapshot(row: Row<"snapshots">): Promise<void> {
    await this.db.insertInto("snapshots").values(row).execute();
  }
  getSnapshot(campaignId: string, unitCode: string): Promise<Row<"snapshots"> | undefined> {
    return this.db.selectFrom("snapshots").selectAll().where("campaign_id", "=", campaignId).where("unit_code", "=", unitCode).executeTakeFirst();
  }
  listSnapshots(campaignId: string): Promise<Row<"snapshots">[]> {
    return this.db.selectFrom("snapshots").selectAll().where("campaign_id", "=", campaignId).orderBy("unit_code").execute();
  }

  // Audit trail (append-only: no update or delete exists)
  async appendAudit(row: NewRow<"audit">): Promise<void> {
    await this.db.insertInto("audit").values(row).execute();
  }
  listAudit(filter: AuditFilter): Promise<Row<"audit">[]> {
    let query = this.db.selectFrom("audit").selectAll();
    if (filter.campaignId !== undefined) query = query.where("campaign_id", "=", filter.campaignId);
    if (filter.unitCode !== undefined) query = query.where("unit_code", "=", filter.unitCode);
    if (filter.code !== undefined) query = query.where("code", "=", filter.code);
    if (filter.after !== undefined) query = query.where("id", ">", filter.after);
    return query.orderBy("id").limit(filter.limit).execute();
  }

  // Sign-in: login names, password hashes and sessions
  getUser(id: string): Promise<Row<"users"> | undefined> {
    return this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  }
  findUserByLogin(login: string): Promise<Row<"users"> | undefined> {
    return this.db.selectFrom("users").selectAll().where("login", "=", login).executeTakeFirst();
  }
  async setUserPassword(id: string, login: string, passwordHash: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable("users")
      .set({ login, password_hash: passwordHash, password_changed_at: at })
      .where("id", "=", id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
  async insertSession(row: Row<"sessions">): Promise<void> {
    await this.db.insertInto("sessions").values(row).execute();
  }
  /** The session and its user, if the session has not expired at `now`. */
  findSession(idHash: string, now: string): Promise<(Row<"sessions"> & { name: string; role: string; unit_code: string | null }) | undefined> {
    return this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "sessions.id_hash",
        "sessions.user_id",
        "sessions.csrf",
        "sessions.created_at",
        "sessions.expires_at",
        "users.name",
        "users.role",
        "users.unit_code",
      ])
      .where("sessions.id_hash", "=", idHash)
      .where("sessions.expires_at", ">", now)
      .where("users.deactivated_at", "is", null)
      .executeTakeFirst();
  }
  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  }
  /** Signs a user out everywhere (after a password change or reset), except `keep`. */
  async deleteUserSessions(userId: string, keep?: string): Promise<void> {
    let query = this.db.deleteFrom("sessions").where("user_id", "=", userId);
    if (keep !== undefined) query = query.where("id_hash", "!=", keep);
    await query.execute();
  }
  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
  }

  // The administrator's year: users deactivated and assigned, deadlines per unit
  async setUserDeactivated(id: string, at: string | null): Promise<void> {
    await this.db.updateTable("users").set({ deactivated_at: at }).where("id", "=", id).execute();
  }
  async setUserUnit(id: string, unitCode: string | null): Promise<void> {
    await this.db.updateTable("users").set({ unit_code: unitCode }).where("id", "=", id).execute();
  }
  /** The campaign's deadline extensions: all, or one unit's. */
  listDeadlineExtensions(campaignId: string, unitCode?: string): Promise<Row<"deadline_extensions">[]> {
    let query = this.db.selectFrom("deadline_extensions").selectAll().where("campaign_id", "=", campaignId);
    if (unitCode !== undefined) query = query.where("unit_code", "=", unitCode);
    return query.orderBy("unit_code").orderBy("round").execute();
  }
  /** Sets (or replaces) one unit's extension of one round. */
  async putDeadlineExtension(row: Row<"deadline_extensions">): Promise<void> {
    const { until, reason, created_by, created_at } = row;
    await this.db
      .insertInto("deadline_extensions")
      .values(row)
      .onConflict((oc) => oc.columns(["campaign_id", "unit_code", "round"]).doUpdateSet({ until, reason, created_by, created_at }))
      .execute();
  }
  /** Takes one unit's extension of one round away; false when there was none. */
  async deleteDeadlineExtension(campaignId: string, unitCode: string, round: Row<"deadline_extensions">["round"]): Promise<boolean> {
    const result = await this.db
      .deleteFrom("deadline_extensions")
      .where("campaign_id", "=", campaignId)
      .where("unit_code", "=", unitCode)
      .where("round", "=", round)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // Survey imports checked and awaiting "apply"
  async insertSurveyImport(row: Row<"survey_imports">): Promise<void> {
    await this.db.insertInto("survey_imports").values(row).execute();
  }
  /** The pending import if it has not expired at `now`. */
  getSurveyImport(id: string, now: string): Promise<Row<"survey_imports"> | undefined> {
    return this.db.selectFrom("survey_imports").selectAll().where("id", "=", id).where("expires_at", ">", now).executeTakeFirst();
  }
  /** Takes the pending import away; false when another request took it first (or it is gone). */
  async deleteSurveyImport(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom("survey_imports").where("id", "=", id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
  async deleteExpiredSurveyImports(now: string): Promise<void> {
    await this.db.deleteFrom("survey_imports").where("expires_at", "<=", now).execute();
  }
}

function inserted(result: InsertResult): boolean {
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}
