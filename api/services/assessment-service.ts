import { checkAssessment } from "../../src/assessment/check-assessment.js";
import { ASSESSMENT_FORMAT, ROUNDS, type Round } from "../../src/assessment/types.js";
import { type Actor, isStaff } from "../auth/actor.js";
import { requireRole, requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, notFound } from "../errors.js";
import type { EvidenceSummary, Row, Store } from "../storage/store.js";
import { toUnit } from "./assemble-assessment.js";
import { recordAudit } from "./audit.js";
import type { CampaignService } from "./campaign-service.js";
import type { CriteriaService } from "./criteria-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";
import { staleVersion } from "./unit-service.js";
import { type AssessmentState, type DeadlineName, ROUND_RULES, TRANSITIONS, type Transition, type TransitionName, transitionDeadline } from "./workflow.js";

export type EntryKind = "fact" | "item";
export interface EntryRef {
  campaignId: string;
  unitCode: string;
  round: Round;
  kind: EntryKind;
  code: string;
}
export interface EntryView {
  round: Round;
  kind: EntryKind;
  code: string;
  value: unknown;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Per unit: the state machine, and every fact and item entered in each round. */
export class AssessmentService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly campaigns: CampaignService,
  ) {}

  async get(actor: Actor, campaignId: string, unitCode: string) {
    requireUnitAccess(actor, unitCode);
    const { store } = this.deps;
    const assessment = await store.getAssessment(campaignId, unitCode);
    if (!assessment) throw notFound(`assessment of unit ${unitCode} in campaign ${campaignId}`);
    const [entries, evidence] = await Promise.all([store.listEntries(campaignId, unitCode), store.listEvidence(campaignId, unitCode)]);
    const rounds = Object.fromEntries(ROUNDS.map((round) => [round, entries.filter((e) => e.round === round).map(toEntryView)]));
    return { campaignId, unitCode, state: assessment.state, version: assessment.version, updatedAt: assessment.updated_at, rounds, evidence: evidence.map(toEvidenceView) };
  }

  async list(actor: Actor, campaignId: string) {
    requireRole(actor, "admin", "scorer", "unit");
    const rows = await this.deps.store.listAssessments(campaignId);
    return rows
      .filter((r) => isStaff(actor) || (actor.role === "unit" && actor.unitCode === r.unit_code))
      .map((r) => ({ unitCode: r.unit_code, state: r.state, version: r.version, updatedAt: r.updated_at }));
  }

  async getEntry(actor: Actor, ref: EntryRef): Promise<EntryView> {
    requireUnitAccess(actor, ref.unitCode);
    if (!(await this.deps.store.getAssessment(ref.campaignId, ref.unitCode))) throw notFound(`assessment of unit ${ref.unitCode} in campaign ${ref.campaignId}`);
    const row = await this.deps.store.getEntry(entryKey(ref));
    return row ? toEntryView(row) : { round: ref.round, kind: ref.kind, code: ref.code, value: null, version: 0, updatedBy: null, updatedAt: null };
  }

  /** Saves one fact or item of one round if the caller may, the round is open and `expectedVersion` is current. */
  async saveEntry(actor: Actor, ref: EntryRef, value: unknown, expectedVersion: number, reason?: string): Promise<EntryView> {
    requireUnitAccess(actor, ref.unitCode);
    const rule = ROUND_RULES[ref.round];
    if (actor.role !== rule.role) throw new ApiError("forbidden", `the ${ref.round} round is entered by the ${rule.role} role; you are ${actor.role}`);
    if (ref.round === "explanation") checkExplanation(ref.kind, value);
    return this.deps.store.transaction(async (store) => {
      const { assessment, campaign } = await this.lock(store, ref.campaignId, ref.unitCode);
      const state = assessment.state as AssessmentState;
      if (!rule.states.includes(state)) throw new ApiError("wrong-state", `the ${ref.round} round of ${ref.unitCode} cannot be edited while its assessment is ${state} (it can while ${rule.states.join(" or ")})`);
      if (rule.deadline) this.checkDeadline(campaign, rule.deadline);
      const current = await store.getEntry(entryKey(ref));
      if ((current?.version ?? 0) !== expectedVersion) throw staleVersion(`${ref.kind} ${ref.code} (${ref.round})`, current?.version ?? 0, current ? JSON.parse(current.value) : null);
      await this.checkValue(store, campaign, ref, value);
      const at = this.deps.now().toISOString();
      const row: Row<"entries"> = { ...entryKey(ref), value: JSON.stringify(value), version: expectedVersion + 1, updated_by: actor.id, updated_at: at };
      await store.putEntry(row, expectedVersion);
      if (rule.starts && state === rule.starts.from) {
        await store.setAssessmentState(ref.campaignId, ref.unitCode, assessment.version, rule.starts.to, at);
        await recordAudit(store, actor, this.deps.now(), { action: "assessment.start-appraisal", campaignId: ref.campaignId, unitCode: ref.unitCode, before: { state }, after: { state: rule.starts.to } });
      }
      await recordAudit(store, actor, this.deps.now(), {
        action: `${ref.kind}.save`, campaignId: ref.campaignId, unitCode: ref.unitCode, code: ref.code,
        before: current ? { round: ref.round, value: JSON.parse(current.value), version: current.version } : null,
        after: { round: ref.round, value, version: row.version }, reason,
      });
      return toEntryView(row);
    });
  }

  /**
   * Moves the assessment along (submit, withdraw, request-explanation, submit-explanation,
   * finalise). `beforeCommit` runs inside the transaction (finalisation stores its snapshot there).
   */
  async transition(actor: Actor, campaignId: string, unitCode: string, action: TransitionName, expectedVersion: number, reason: string | undefined, beforeCommit?: (store: Store, campaign: Row<"campaigns">) => Promise<void>) {
    requireUnitAccess(actor, unitCode);
    const transition: Transition = TRANSITIONS[action];
    if (actor.role !== transition.role) throw new ApiError("forbidden", `${action} is done by the ${transition.role} role; you are ${actor.role}`);
    return this.deps.store.transaction(async (store) => {
      const { assessment, campaign } = await this.lock(store, campaignId, unitCode);
      const state = assessment.state as AssessmentState;
      if (!(transition.from as readonly AssessmentState[]).includes(state)) {
        throw new ApiError("wrong-state", `cannot ${action} the assessment of ${unitCode}: it is ${state}, and ${action} needs ${transition.from.join(" or ")}`);
      }
      const deadline = transitionDeadline(transition, state);
      if (deadline) this.checkDeadline(campaign, deadline);
      if (assessment.version !== expectedVersion) throw staleVersion(`the assessment of ${unitCode}`, assessment.version, { state });
      await beforeCommit?.(store, campaign);
      const at = this.deps.now().toISOString();
      await store.setAssessmentState(campaignId, unitCode, expectedVersion, transition.to, at);
      await recordAudit(store, actor, this.deps.now(), { action: `assessment.${action}`, campaignId, unitCode, before: { state }, after: { state: transition.to }, reason });
      return { campaignId, unitCode, state: transition.to, version: expectedVersion + 1, updatedAt: at };
    });
  }

  /** Reads (and on PostgreSQL locks) the assessment; the campaign must be open. */
  async lock(store: Store, campaignId: string, unitCode: string): Promise<{ assessment: Row<"assessments">; campaign: Row<"campaigns"> }> {
    const assessment = await store.lockAssessment(campaignId, unitCode);
    if (!assessment) throw notFound(`assessment of unit ${unitCode} in campaign ${campaignId}`);
    const campaign = await this.campaigns.requireOpen(campaignId, store);
    return { assessment, campaign };
  }

  checkDeadline(campaign: Row<"campaigns">, name: DeadlineName): void {
    const deadline = (JSON.parse(campaign.deadlines) as Record<DeadlineName, string>)[name];
    if (this.deps.now().getTime() > Date.parse(deadline)) throw new ApiError("deadline-passed", `the ${name} deadline of campaign ${campaign.id} (${deadline}) has passed`);
  }

  /** Checks the value as the engine would: a one-entry assessment through `checkAssessment`. */
  private async checkValue(store: Store, campaign: Row<"campaigns">, ref: EntryRef, value: unknown): Promise<void> {
    const set = await this.criteria.forCampaign(campaign, store);
    const unit = await store.getUnit(ref.unitCode);
    // Evidence ids matter only to a value that cites evidence.
    const evidence = citesEvidence(value) ? await store.listEvidence(ref.campaignId, ref.unitCode) : [];
    const entry = { [ref.kind === "fact" ? "facts" : "items"]: { [ref.code]: value } };
    const rounds = ref.round === "self" ? [{ round: "self", ...entry }] : [{ round: "self" }, { round: ref.round, ...entry }];
    const probe = {
      format: ASSESSMENT_FORMAT, unit: toUnit(unit!), year: campaign.year, criteria: { family: set.family, version: set.version },
      evidence: evidence.map((e) => ({ id: e.id })), rounds,
    };
    const checked = checkAssessment(probe, set);
    if (checked.ok) return;
    const mine = checked.problems.filter((p) => p.path.startsWith("rounds["));
    if (mine.length === 0) return;
    const prefix = /^rounds\[\d+\]\.(?:items\["[^"]*"\]|facts\.[^.[]+)\.?/;
    throw new ApiError("invalid-input", `${ref.kind} ${ref.code} has ${mine.length} problem(s)`, { problems: toApiProblems(mine, (path) => path.replace(prefix, "") || "value") });
  }
}

function citesEvidence(value: unknown): boolean {
  return value !== null && typeof value === "object" && "evidence" in value;
}

function checkExplanation(kind: EntryKind, value: unknown): void {
  const fields = value !== null && typeof value === "object" ? Object.keys(value) : [];
  const extra = fields.filter((f) => f !== "comment" && f !== "evidence");
  if (kind === "fact" || extra.length > 0) {
    throw new ApiError("invalid-input", "an explanation is a reply: a comment and added evidence per item; only an appraisal changes points or facts", {
      problems: kind === "fact" ? [{ path: "", message: "facts are not entered in the explanation round" }] : extra.map((f) => ({ path: f, message: `${f} is not part of an explanation (comment, evidence)` })),
    });
  }
}

function entryKey(ref: EntryRef) {
  return { campaign_id: ref.campaignId, unit_code: ref.unitCode, round: ref.round, kind: ref.kind, code: ref.code };
}

function toEntryView(row: Row<"entries">): EntryView {
  return { round: row.round as Round, kind: row.kind as EntryKind, code: row.code, value: JSON.parse(row.value), version: row.version, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

export function toEvidenceView(row: EvidenceSummary) {
  return {
    id: row.id, title: row.title, number: row.number, date: row.date, issuer: row.issuer, link: row.link,
    file: row.file_name ? { name: row.file_name, type: row.file_type, size: row.file_size } : null,
    version: row.version, updatedBy: row.updated_by, updatedAt: row.updated_at,
  };
}
