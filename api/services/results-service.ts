import type { Assessment, SurveyResults } from "../../src/assessment/types.js";
import type { CriteriaSet } from "../../src/criteria/types.js";
import type { Checked } from "../../src/problem.js";
import { readSurveyResults } from "../../src/io/read-survey-results.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
import type { Ranking } from "../../src/ranking/types.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import type { ScoreReport } from "../../src/scoring/report.js";
import { ENGINE } from "../../src/version.js";
import { type Actor, isStaff } from "../auth/actor.js";
import { requireRole, requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import { assembleAssessment } from "./assemble-assessment.js";
import type { AssessmentService } from "./assessment-service.js";
import { recordAudit } from "./audit.js";
import type { CampaignService } from "./campaign-service.js";
import type { CriteriaService } from "./criteria-service.js";
import { type RankingFile, type RankingFormat, encodeRanking, withGzip } from "./ranking-formats.js";
import { type RankingView, selectBlock, viewRanking } from "./ranking-view.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";
import { staleVersion } from "./unit-service.js";

const MAX_LIVE_REPORTS = 20_000;

export interface UnitReport {
  source: "snapshot" | "live";
  report: ScoreReport;
  snapshot?: { criteria: { family: string; version: string }; engine: string; createdAt: string; createdBy: string };
}

/**
 * Scores, snapshots, rankings, publication and the survey. Scores are always recomputed by the
 * engine from the stored inputs; only finalisation stores a report, as an immutable snapshot.
 */
export class ResultsService {
  /** Published rankings never change: each (campaign, block, format) kept in memory once encoded. */
  private readonly published = new Map<string, RankingFile>();
  /** Live scores: per campaign and unit, the last report with the inputs it came from, so only changed units are rescored. */
  private readonly live = new Map<string, { inputs: string; report: ScoreReport }>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly campaigns: CampaignService,
    private readonly assessments: AssessmentService,
  ) {}

  async report(actor: Actor, campaignId: string, unitCode: string): Promise<UnitReport> {
    const campaign = await this.deps.store.getCampaign(campaignId);
    if (!campaign || (actor.role === "public" && campaign.state !== "published")) throw notFound(`campaign ${campaignId}`);
    if (campaign.state !== "published") requireUnitAccess(actor, unitCode);
    const snapshot = await this.deps.store.getSnapshot(campaignId, unitCode);
    if (snapshot) return fromSnapshot(snapshot);
    if (campaign.state === "published") throw notFound(`a published report of ${unitCode} in ${campaignId}`);
    const inputs = await this.gather(this.deps.store, campaign, unitCode);
    const scored = this.scoreLive(campaign, await this.criteria.forCampaign(campaign), assembleAssessment(inputs));
    if (!scored.ok) throw new ApiError("invalid-input", `the stored inputs of ${unitCode} cannot be scored yet`, { problems: toApiProblems(scored.problems) });
    return { source: "live", report: scored.value };
  }

  /** Finalises one unit: scores it and stores the report as an immutable snapshot, in the same transaction. */
  finalise(actor: Actor, campaignId: string, unitCode: string, expectedVersion: number, reason?: string) {
    return this.assessments.transition(actor, campaignId, unitCode, "finalise", expectedVersion, reason, async (store, campaign) => {
      const set = await this.criteria.forCampaign(campaign, store);
      const scored = scoreAssessment(set, assembleAssessment(await this.gather(store, campaign, unitCode)));
      if (!scored.ok) throw new ApiError("invalid-input", `${unitCode} cannot be finalised: its inputs have ${scored.problems.length} problem(s)`, { problems: toApiProblems(scored.problems) });
      const at = this.deps.now().toISOString();
      await store.insertSnapshot({
        campaign_id: campaignId, unit_code: unitCode, report: JSON.stringify(scored.value), criteria_family: set.family, criteria_version: set.version,
        engine_version: ENGINE.version, created_by: actor.id, created_at: at,
      });
      await recordAudit(store, actor, this.deps.now(), { action: "snapshot.create", campaignId, unitCode, after: { index: scored.value.totals.index, total: scored.value.totals.total, engine: ENGINE.version } });
    });
  }

  /**
   * The ranking (all blocks or one) as JSON, CSV or XLSX: the published one (anyone), or for staff
   * a live ranking of an open campaign. A published ranking never changes, so each
   * (campaign, block, format) is encoded once and served from memory.
   */
  async rankingFile(actor: Actor, campaignId: string, block: string | undefined, format: RankingFormat): Promise<RankingFile> {
    const key = `${campaignId}\n${block ?? ""}\n${format}`;
    const cached = this.published.get(key);
    if (cached) return cached;
    const { view, published } = await this.ranking(actor, campaignId);
    const selected = selectBlock(view, block);
    if (block !== undefined && selected.blocks.length === 0) throw new ApiError("not-found", `block ${block} is not in this ranking. Expected one of: ${view.blocks.map((b) => b.code).join(", ")}`);
    const file = await encodeRanking(selected, format, `ranking-${campaignId}${block ? `-${block}` : ""}`);
    if (!published) return file;
    const encoded = withGzip(file);
    this.published.set(key, encoded);
    return encoded;
  }

  private async ranking(actor: Actor, campaignId: string): Promise<{ view: RankingView; published: boolean }> {
    const campaign = await this.deps.store.getCampaign(campaignId);
    if (!campaign || (campaign.state !== "published" && !isStaff(actor))) {
      if (campaign && actor.role !== "public") throw new ApiError("forbidden", `the ranking of ${campaignId} is shown once published`);
      throw notFound(`published campaign ${campaignId}`);
    }
    if (campaign.ranking) return { view: JSON.parse(campaign.ranking) as RankingView, published: true };
    return { view: await this.liveRanking(this.deps.store, campaign, false), published: false };
  }

  /**
   * Publishes the campaign: every unit finalised; the ranking (from the snapshots) is stored once.
   * The campaign and its assessments stay locked until commit, so one publication wins.
   */
  async publish(actor: Actor, campaignId: string, expectedVersion: number, reason?: string) {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const locked = await store.lockCampaign(campaignId);
      if (!locked) throw notFound(`campaign ${campaignId}`);
      const stale = (row: Row<"campaigns">) => staleVersion(`campaign ${campaignId}`, row.version, { state: row.state });
      if (locked.version !== expectedVersion) throw stale(locked);
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      const set = await this.criteria.forCampaign(campaign, store);
      if (set.status !== "published") {
        const which = `${set.family} ${set.version}`;
        throw new ApiError("wrong-state", `criteria set ${which} is still a draft: publish it as a published version before publishing results`, {
          problems: [
            {
              path: "criteria",
              code: "criteria-draft",
              message: `criteria set ${which} has status "draft": upload it with "status": "published" (the signed decision) before publishing results scored with it`,
              vi: `bộ tiêu chí ${which} vẫn là bản dự thảo (status "draft"): hãy tải lên bản có "status": "published" (theo quyết định đã ký) trước khi công bố kết quả chấm theo bộ này`,
            },
          ],
        });
      }
      const assessments = await store.lockAssessments(campaignId);
      const pending = assessments.filter((a) => a.state !== "finalised");
      if (pending.length > 0) {
        throw new ApiError("wrong-state", `${pending.length} unit(s) are not finalised yet`, { problems: pending.map((a) => ({ path: a.unit_code, message: `${a.unit_code} is ${a.state}` })) });
      }
      const view = await this.liveRanking(store, campaign, true);
      this.forgetLive(campaignId);
      const at = this.deps.now().toISOString();
      if (!(await store.updateCampaign(campaignId, expectedVersion, { state: "published", published_at: at, ranking: JSON.stringify(view) }))) throw stale((await store.getCampaign(campaignId))!);
      for (const a of assessments) await this.assessments.moveState(store, a, "published", at);
      await recordAudit(store, actor, this.deps.now(), { action: "campaign.publish", campaignId, before: { state: "open" }, after: { state: "published", units: view.blocks.reduce((n, b) => n + b.units.length, 0) }, reason });
      return { id: campaignId, state: "published", version: expectedVersion + 1, publishedAt: at };
    });
  }

  /** Imports survey results (CSV: unit, respondents, one column per indicator) for units not yet finalised. */
  async importSurvey(actor: Actor, campaignId: string, csv: string, reason?: string): Promise<{ units: number }> {
    requireRole(actor, "admin", "scorer");
    return this.deps.store.transaction(async (store) => {
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      const set = await this.criteria.forCampaign(campaign, store);
      const read = readSurveyResults(csv, { fileName: "survey.csv", criteria: set });
      if (!read.ok) throw new ApiError("invalid-input", `the survey file has ${read.problems.length} problem(s)`, { problems: toApiProblems(read.problems) });
      // Locked: a unit being finalised at the same time keeps the survey result its snapshot scored.
      const states = new Map((await store.lockAssessments(campaignId)).map((a) => [a.unit_code, a.state]));
      const problems = [...read.value.keys()].flatMap((code) => {
        const state = states.get(code);
        if (state === undefined) return [{ path: `survey.csv: unit ${code}`, message: `unit ${code} is not in campaign ${campaignId}` }];
        return state === "finalised" || state === "published" ? [{ path: `survey.csv: unit ${code}`, message: `unit ${code} is ${state}; its survey result can no longer change` }] : [];
      });
      if (problems.length > 0) throw new ApiError("invalid-input", `the survey file has ${problems.length} problem(s)`, { problems });
      const at = this.deps.now().toISOString();
      for (const [code, results] of read.value) {
        const before = (await store.listSurveys(campaignId, code))[0];
        await store.putSurvey({ campaign_id: campaignId, unit_code: code, content: JSON.stringify(results), updated_at: at });
        await recordAudit(store, actor, this.deps.now(), { action: "survey.import", campaignId, unitCode: code, before: before ? JSON.parse(before.content) : null, after: results, reason });
      }
      return { units: read.value.size };
    });
  }

  async audit(actor: Actor, filter: { campaignId?: string | undefined; unitCode?: string | undefined; code?: string | undefined; after?: number | undefined; limit?: number | undefined }) {
    if (filter.unitCode !== undefined) requireUnitAccess(actor, filter.unitCode);
    else requireRole(actor, "admin", "scorer");
    const rows = await this.deps.store.listAudit({ ...stripUndefined(filter), limit: Math.min(filter.limit ?? 100, 1000) });
    return rows.map((r) => ({
      id: r.id, at: r.at, actor: r.actor, role: r.role, action: r.action, campaignId: r.campaign_id, unitCode: r.unit_code, code: r.code,
      before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after), reason: r.reason,
    }));
  }

  private async gather(store: Store, campaign: Row<"campaigns">, unitCode: string) {
    const [unit, entries, evidence, surveys] = await Promise.all([store.getUnit(unitCode), store.listEntries(campaign.id, unitCode), store.listEvidence(campaign.id, unitCode), store.listSurveys(campaign.id, unitCode)]);
    if (!unit) throw notFound(`unit ${unitCode}`);
    return { unit, campaign, entries, evidence, survey: surveys[0] };
  }

  /** Ranks every unit: snapshots where finalised, else live scores (units that cannot be scored yet are listed apart). */
  private async liveRanking(store: Store, campaign: Row<"campaigns">, snapshotsOnly: boolean): Promise<RankingView> {
    const set = await this.criteria.forCampaign(campaign, store);
    const [assessments, snapshots] = await Promise.all([store.listAssessments(campaign.id), store.listSnapshots(campaign.id)]);
    const bySnapshot = new Map(snapshots.map((s) => [s.unit_code, JSON.parse(s.report) as ScoreReport]));
    const reports: ScoreReport[] = [];
    const unscored: { unit: string; problems: ReturnType<typeof toApiProblems> }[] = [];
    const missing = assessments.filter((a) => !bySnapshot.has(a.unit_code));
    if (!snapshotsOnly && missing.length > 0) {
      const [units, entries, evidence, surveys] = await Promise.all([store.listUnits(), store.listEntries(campaign.id), store.listEvidence(campaign.id), store.listSurveys(campaign.id)]);
      const unitByCode = new Map(units.map((u) => [u.code, u]));
      for (const a of missing) {
        const inputs = { unit: unitByCode.get(a.unit_code)!, campaign, entries: entries.filter((e) => e.unit_code === a.unit_code), evidence: evidence.filter((e) => e.unit_code === a.unit_code), survey: surveys.find((s) => s.unit_code === a.unit_code) };
        const scored = this.scoreLive(campaign, set, assembleAssessment(inputs));
        if (scored.ok) reports.push(scored.value);
        else unscored.push({ unit: a.unit_code, problems: toApiProblems(scored.problems) });
      }
    }
    reports.push(...bySnapshot.values());
    const previous = await this.previousRanking(store, campaign);
    const ranked = rankUnits(set, reports, previous);
    if (!ranked.ok) throw new ApiError("invalid-input", "the reports cannot be ranked", { problems: toApiProblems(ranked.problems) });
    return viewRanking(ranked.value, campaign.id, snapshotsOnly ? "published" : "live", unscored);
  }

  /** Scores an open campaign's unit, reusing its last report while its inputs are unchanged (the set of a campaign never changes). */
  private scoreLive(campaign: Row<"campaigns">, set: CriteriaSet, assessment: Assessment): Checked<ScoreReport> {
    const key = `${campaign.id}\n${assessment.unit.code}`;
    const inputs = JSON.stringify(assessment);
    const last = this.live.get(key);
    if (last?.inputs === inputs) return { ok: true, value: last.report };
    const scored = scoreAssessment(set, assessment);
    if (scored.ok) {
      if (this.live.size >= MAX_LIVE_REPORTS) this.live.clear();
      this.live.set(key, { inputs, report: scored.value });
    }
    return scored;
  }

  private forgetLive(campaignId: string): void {
    for (const key of this.live.keys()) if (key.startsWith(`${campaignId}\n`)) this.live.delete(key);
  }

  /** Last year's published ranking of the same criteria family, for the change since last year. */
  private async previousRanking(store: Store, campaign: Row<"campaigns">): Promise<Ranking | undefined> {
    const earlier = (await store.listCampaigns()).find((c) => c.year === campaign.year - 1 && c.criteria_family === campaign.criteria_family && c.state === "published");
    const row = earlier && (await store.getCampaign(earlier.id));
    return row?.ranking ? (JSON.parse(row.ranking) as RankingView as Ranking) : undefined;
  }
}

function fromSnapshot(row: Row<"snapshots">): UnitReport {
  return {
    source: "snapshot",
    report: JSON.parse(row.report) as ScoreReport,
    snapshot: { criteria: { family: row.criteria_family, version: row.criteria_version }, engine: row.engine_version, createdAt: row.created_at, createdBy: row.created_by },
  };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

export type { SurveyResults };
