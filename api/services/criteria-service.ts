import { createHash } from "node:crypto";
import { type CriteriaDiff, type CriteriaSet, diffCriteriaSets, loadCriteriaSet } from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { ApiError, notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import { recordAudit } from "./audit.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";

export type SaveOutcome = "created" | "replaced" | "unchanged";

/** A stored criteria set as the administrator lists it. */
export interface CriteriaOverview {
  family: string;
  version: string;
  status: CriteriaSet["status"];
  createdAt: string;
  usedBy: { id: string; title: string; year: number }[];
}

/**
 * Criteria sets: validated exactly as the CLI does (`loadCriteriaSet`), stored as text with a
 * hash, and loaded once per hash. A version used by a campaign never changes: a different
 * upload under the same version is refused; publish a new version that supersedes it.
 */
export class CriteriaService {
  private readonly loaded = new Map<string, CriteriaSet>();
  /** Sets used by a campaign, by family and version: such a version never changes (see `save`). */
  private readonly used = new Map<string, CriteriaSet>();
  constructor(private readonly deps: ServiceDeps) {}

  async save(actor: Actor, json: unknown): Promise<{ outcome: SaveOutcome; set: CriteriaSet }> {
    requireRole(actor, "admin");
    const checked = loadCriteriaSet(json);
    if (!checked.ok)
      throw new ApiError(
        "invalid-input",
        { en: `the criteria set has ${checked.problems.length} problem(s)`, vi: `bộ tiêu chí có ${checked.problems.length} lỗi` },
        { problems: toApiProblems(checked.problems) },
      );
    const set = checked.value;
    const content = JSON.stringify(json);
    const hash = createHash("sha256").update(content).digest("hex");
    const row = { family: set.family, version: set.version, status: set.status, hash, content, created_at: this.deps.now().toISOString() };
    const outcome = await this.deps.store.transaction(async (store): Promise<SaveOutcome> => {
      let existing = await store.lockCriteriaSet(set.family, set.version, "update");
      if (!existing) {
        if (await store.insertCriteriaSet(row)) {
          await recordAudit(store, actor, this.deps.now(), {
            action: "criteria.create",
            code: `${set.family}@${set.version}`,
            after: { hash, status: set.status },
          });
          return "created";
        }
        // Stored by a request at the same time: carry on as if it had come first.
        existing = await store.lockCriteriaSet(set.family, set.version, "update");
        if (!existing)
          throw new ApiError("conflict", {
            en: `${set.family} ${set.version} is being changed by another request: send it again`,
            vi: `bộ tiêu chí ${set.family} ${set.version} đang được một yêu cầu khác sửa: hãy gửi lại`,
          });
      }
      if (existing.hash === hash) return "unchanged";
      if (await store.isCriteriaUsed(set.family, set.version)) {
        throw new ApiError("criteria-in-use", {
          en: `${set.family} ${set.version} is used by a campaign and cannot change: publish the change as a new version (e.g. "supersedes": "${set.version}")`,
          vi: `bộ tiêu chí ${set.family} ${set.version} đang được một đợt đánh giá sử dụng nên không thể sửa: hãy ban hành thay đổi thành phiên bản mới (ví dụ "supersedes": "${set.version}")`,
        });
      }
      if (!(await store.replaceCriteriaSet(row, existing.hash)))
        throw new ApiError("conflict", {
          en: `${set.family} ${set.version} was changed by another request: send it again`,
          vi: `bộ tiêu chí ${set.family} ${set.version} vừa được một yêu cầu khác sửa: hãy gửi lại`,
        });
      await recordAudit(store, actor, this.deps.now(), {
        action: "criteria.replace",
        code: `${set.family}@${set.version}`,
        before: { hash: existing.hash },
        after: { hash, status: set.status },
      });
      return "replaced";
    });
    this.loaded.set(hash, set);
    return { outcome, set };
  }

  list(): ReturnType<Store["listCriteriaSets"]> {
    return this.deps.store.listCriteriaSets();
  }

  /** Every stored set with the campaigns that use it (administrator): such a version can no longer change. */
  async overview(actor: Actor): Promise<CriteriaOverview[]> {
    requireRole(actor, "admin");
    const [sets, campaigns] = await Promise.all([this.deps.store.listCriteriaSets(), this.deps.store.listCampaigns()]);
    return sets.map((row) => ({
      family: row.family,
      version: row.version,
      status: row.status,
      createdAt: row.created_at,
      usedBy: campaigns
        .filter((c) => c.criteria_family === row.family && c.criteria_version === row.version)
        .map((c) => ({ id: c.id, title: c.title, year: c.year })),
    }));
  }

  /** The loaded set; cached per content hash, so a replaced (unused) version is reloaded. */
  async get(family: string, version: string, store: Store = this.deps.store): Promise<CriteriaSet> {
    const found = await store.getCriteriaHash(family, version);
    if (!found) throw notFound({ en: `criteria set ${family} ${version}`, vi: `bộ tiêu chí ${family} ${version}` });
    const cached = this.loaded.get(found.hash);
    if (cached) return cached;
    const row = await store.getCriteriaSet(family, version);
    const checked = loadCriteriaSet(JSON.parse(row!.content));
    if (!checked.ok) throw new Error(`stored criteria set ${family} ${version} no longer loads: ${checked.problems[0]?.message}`);
    this.loaded.set(found.hash, checked.value);
    return checked.value;
  }

  /** The set of a campaign, without a query once loaded: a version used by a campaign never changes. */
  async forCampaign(campaign: Pick<Row<"campaigns">, "criteria_family" | "criteria_version">, store: Store = this.deps.store): Promise<CriteriaSet> {
    const key = `${campaign.criteria_family}@${campaign.criteria_version}`;
    const cached = this.used.get(key);
    if (cached) return cached;
    const set = await this.get(campaign.criteria_family, campaign.criteria_version, store);
    this.used.set(key, set);
    return set;
  }

  async diff(family: string, from: string, to: string): Promise<CriteriaDiff> {
    return diffCriteriaSets(await this.get(family, from), await this.get(family, to));
  }
}
