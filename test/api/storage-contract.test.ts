import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driverErrorKind } from "../../api/storage/driver-error-kind.js";
import { migrateToLatest } from "../../api/storage/migrations.js";
import type { Database } from "../../api/storage/open-database.js";
import { type EntryKey, type Row, Store } from "../../api/storage/store.js";
import type { Kysely } from "kysely";
import { BACKENDS } from "./backends.js";

/** One contract, every backend: what the services rely on the store to do. */
const AT = "2026-03-01T08:00:00.000Z";

describe.each(BACKENDS)("storage contract: $name", (backend) => {
  const suite = backend.skip ? describe.skip : describe;
  suite(backend.skip ? `skipped: ${backend.skip}` : "store", () => {
    let database: Database;
    let store: Store;
    beforeAll(async () => {
      database = await backend.open();
      store = new Store(database.db, database.dialect);
      await store.insertCriteriaSet({ family: "f", version: "1", status: "published", hash: "h1", content: "{}", created_at: AT });
      await store.insertUnit({ code: "P1", name: "Phường Tân Lập", type: "phuong", block: null, province: "Tỉnh Demo", version: 1, updated_at: AT });
      await store.insertCampaign({
        id: "c1",
        year: 2026,
        title: "2026",
        criteria_family: "f",
        criteria_version: "1",
        deadlines: "{}",
        state: "open",
        version: 1,
        published_at: null,
        ranking: null,
        created_at: AT,
      });
      await store.insertAssessment({ campaign_id: "c1", unit_code: "P1", state: "draft", version: 1, updated_at: AT });
    });
    afterAll(async () => database?.close());

    const entry = (value: unknown, by = "u1"): Row<"entries"> => ({
      campaign_id: "c1",
      unit_code: "P1",
      round: "self",
      kind: "item",
      code: "1.1.1",
      value: JSON.stringify(value),
      version: 0,
      updated_by: by,
      updated_at: AT,
    });
    const key: EntryKey = { campaign_id: "c1", unit_code: "P1", round: "self", kind: "item", code: "1.1.1" };

    it("migrations are idempotent", async () => {
      await expect(migrateToLatest(database.db as Kysely<unknown>, database.dialect)).resolves.toBeUndefined();
    });

    it("keeps Vietnamese text exactly", async () => {
      expect((await store.getUnit("P1"))?.name).toBe("Phường Tân Lập");
    });

    it("criteria sets: used once a campaign refers to them", async () => {
      expect(await store.isCriteriaUsed("f", "1")).toBe(true);
      await store.insertCriteriaSet({ family: "f", version: "2", status: "draft", hash: "h2", content: "{}", created_at: AT });
      expect(await store.isCriteriaUsed("f", "2")).toBe(false);
      expect((await store.listCriteriaSets()).map((s) => s.version)).toEqual(["1", "2"]);
      expect(await store.getCriteriaHash("f", "2")).toEqual({ hash: "h2" });
      const replacement = { family: "f", version: "2", status: "draft" as const, hash: "h3", content: "{}", created_at: AT };
      expect(await store.replaceCriteriaSet(replacement, "h1")).toBe(false);
      expect(await store.transaction(async (tx) => (await tx.lockCriteriaSet("f", "2", "update"))?.hash)).toBe("h2");
      expect(await store.replaceCriteriaSet(replacement, "h2")).toBe(true);
    });

    it("entries: insert at version 0, update only at the expected version", async () => {
      expect(await store.putEntry(entry({ points: 1 }), 0)).toBe(true);
      expect(await store.putEntry(entry({ points: 0.5 }), 1)).toBe(true);
      expect(await store.putEntry(entry({ points: 0 }, "u2"), 1)).toBe(false);
      const stored = await store.getEntry(key);
      expect(stored).toMatchObject({ version: 2, value: JSON.stringify({ points: 0.5 }), updated_by: "u1" });
      expect(await store.listEntries("c1", "P1")).toHaveLength(1);
    });

    it("lists the items an appraisal round holds an entry for, and nothing else", async () => {
      const at = (round: Row<"entries">["round"], kind: Row<"entries">["kind"], code: string): Row<"entries"> => ({ ...entry({}), round, kind, code });
      for (const row of [
        at("appraisal1", "item", "2.1.1"),
        at("appraisal2", "item", "2.1.2"),
        at("appraisal1", "fact", "f_x"),
        at("explanation", "item", "2.1.3"),
      ])
        expect(await store.putEntry(row, 0)).toBe(true);
      const listed = (await store.listAppraisedItems("c1")).map((r) => `${r.unit_code} ${r.code}`).sort();
      expect(listed).toEqual(["P1 2.1.1", "P1 2.1.2"]);
    });

    it("a duplicate insert reports false rather than overwriting", async () => {
      expect(await store.putEntry(entry({ points: 0 }), 0)).toBe(false);
      expect((await store.getEntry(key))?.version).toBe(2);
      expect(await store.insertUnit({ code: "P1", name: "x", type: "xa", block: null, province: null, version: 1, updated_at: AT })).toBe(false);
      expect(await store.insertCriteriaSet({ family: "f", version: "1", status: "draft", hash: "x", content: "{}", created_at: AT })).toBe(false);
      expect((await store.getUnit("P1"))?.name).toBe("Phường Tân Lập");
    });

    it("the driver's constraint errors are recognised in one place", async () => {
      const unit = { code: "P1", name: "x", type: "xa" as const, block: null, province: null, version: 1, updated_at: AT };
      const duplicate = await database.db
        .insertInto("units")
        .values(unit)
        .execute()
        .catch((error: unknown) => error);
      expect(driverErrorKind(duplicate)).toBe("duplicate");
      const orphan = await database.db
        .insertInto("assessments")
        .values({ campaign_id: "nope", unit_code: "P1", state: "draft", version: 1, updated_at: AT })
        .execute()
        .catch((error: unknown) => error);
      expect(driverErrorKind(orphan)).toBe("missing-reference");
      expect(driverErrorKind(new Error("boom"))).toBeUndefined();
      expect(driverErrorKind(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toBeUndefined();
    });

    it("a failed transaction leaves nothing behind", async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.putEntry({ ...entry({ points: 1 }), code: "1.1.2" }, 0);
          await tx.appendAudit({
            at: AT,
            actor: "u1",
            role: "unit",
            action: "entry.save",
            campaign_id: "c1",
            unit_code: "P1",
            code: "1.1.2",
            before: null,
            after: "{}",
            reason: null,
          });
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await store.getEntry({ ...key, code: "1.1.2" })).toBeUndefined();
      expect(await store.listAudit({ code: "1.1.2", limit: 10 })).toEqual([]);
    });

    it("assessment state changes are conditional on the version", async () => {
      expect(await store.transaction(async (tx) => (await tx.lockAssessment("c1", "P1"))?.state)).toBe("draft");
      expect(await store.setAssessmentState("c1", "P1", 1, "submitted", AT)).toBe(true);
      expect(await store.setAssessmentState("c1", "P1", 1, "draft", AT)).toBe(false);
      expect(await store.getAssessment("c1", "P1")).toMatchObject({ state: "submitted", version: 2 });
    });

    it("locked writers of one assessment are serialised", async () => {
      const bump = () =>
        store.transaction(async (tx) => {
          const current = await tx.lockAssessment("c1", "P1");
          const stored = await tx.getEntry(key);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return tx.putEntry({ ...entry({ points: current ? 1 : 0 }) }, stored!.version);
        });
      const results = await Promise.all([bump(), bump(), bump()]);
      expect(results).toEqual([true, true, true]);
      expect((await store.getEntry(key))?.version).toBe(5);
    });

    it("evidence: bytes round-trip; listing leaves them out", async () => {
      const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255]);
      const evidence: Row<"evidence"> = {
        campaign_id: "c1",
        unit_code: "P1",
        id: "KH-01",
        title: "Kế hoạch",
        number: "12/KH-UBND",
        date: "2026-01-20",
        issuer: "UBND",
        link: null,
        file_name: "kh.pdf",
        file_type: "application/pdf",
        file_size: bytes.length,
        file_data: bytes,
        version: 0,
        updated_by: "u1",
        updated_at: AT,
      };
      expect(await store.putEvidence(evidence, 0)).toBe(true);
      expect(await store.putEvidence({ ...evidence, title: "x" }, 5)).toBe(false);
      expect(await store.putEvidence({ ...evidence, title: "x" }, 0)).toBe(false);
      const stored = await store.getEvidence("c1", "P1", "KH-01");
      expect([...new Uint8Array(stored!.file_data!)]).toEqual([...bytes]);
      const [listed] = await store.listEvidence("c1", "P1");
      expect(listed).not.toHaveProperty("file_data");
      expect(listed).toMatchObject({ id: "KH-01", file_size: 6, version: 1 });
      expect(await store.sumEvidenceBytes("c1", "P1")).toBe(6);
      expect(await store.sumEvidenceBytes("c1", "P2")).toBe(0);
    });

    it("survey results are replaced by a later import", async () => {
      await store.putSurvey({ campaign_id: "c1", unit_code: "P1", content: '{"a":1}', updated_at: AT });
      await store.putSurvey({ campaign_id: "c1", unit_code: "P1", content: '{"a":2}', updated_at: AT });
      expect((await store.listSurveys("c1")).map((s) => s.content)).toEqual(['{"a":2}']);
    });

    it("snapshots are written once", async () => {
      const snapshot = {
        campaign_id: "c1",
        unit_code: "P1",
        report: "{}",
        criteria_family: "f",
        criteria_version: "1",
        engine_version: "0.1.0",
        created_by: "s1",
        created_at: AT,
      };
      await store.insertSnapshot(snapshot);
      await expect(store.insertSnapshot({ ...snapshot, report: '{"x":1}' })).rejects.toThrow();
      expect((await store.getSnapshot("c1", "P1"))?.report).toBe("{}");
    });

    it("audit entries come back in order, filtered and paged", async () => {
      for (const code of ["a", "b", "a"]) {
        await store.appendAudit({
          at: AT,
          actor: "u1",
          role: "unit",
          action: "entry.save",
          campaign_id: "c1",
          unit_code: "P9",
          code,
          before: null,
          after: "{}",
          reason: "why",
        });
      }
      const all = await store.listAudit({ unitCode: "P9", limit: 10 });
      expect(all.map((a) => a.code)).toEqual(["a", "b", "a"]);
      expect(all[0]!.id).toBeLessThan(all[1]!.id);
      expect(await store.listAudit({ unitCode: "P9", code: "a", limit: 10 })).toHaveLength(2);
      expect(await store.listAudit({ unitCode: "P9", after: all[0]!.id, limit: 1 })).toEqual([all[1]]);
    });

    it("users are found by token hash only", async () => {
      await store.insertUser({ id: "u1", name: "Cán bộ", role: "unit", unit_code: "P1", token_hash: "abc", created_at: AT });
      expect((await store.findUserByTokenHash("abc"))?.id).toBe("u1");
      expect(await store.findUserByTokenHash("abd")).toBeUndefined();
      expect(await store.countUsers("unit")).toBe(1);
      expect(await store.listUsers()).toEqual([
        {
          id: "u1",
          name: "Cán bộ",
          role: "unit",
          unit_code: "P1",
          created_at: AT,
          token_expires_at: null,
          token_revoked_at: null,
          login: null,
          password_changed_at: null,
          deactivated_at: null,
        },
      ]);
      await store.setUserToken("u1", { token_hash: "abe", token_expires_at: "2027-01-01T00:00:00.000Z", token_revoked_at: null });
      expect(await store.findUserByTokenHash("abc")).toBeUndefined();
      expect(await store.getUser("u1")).toMatchObject({ token_expires_at: "2027-01-01T00:00:00.000Z", token_revoked_at: null });
      expect(await store.getUser("u9")).toBeUndefined();
    });

    it("units and campaigns update only at the expected version", async () => {
      expect(await store.updateUnit("P1", 1, { name: "Phường Mới" })).toBe(true);
      expect(await store.updateUnit("P1", 1, { name: "x" })).toBe(false);
      expect(await store.updateCampaign("c1", 1, { state: "published" })).toBe(true);
      expect(await store.updateCampaign("c1", 1, { state: "open" })).toBe(false);
      expect(await store.insertCampaign({ ...(await store.getCampaign("c1"))!, title: "x" })).toBe(false);
      expect((await store.getCampaign("c1"))?.state).toBe("published");
    });
  });
});
