import { checkEntry, isoDatesInFact, type Round, ROUNDS } from "../../src/index.js";
import { type Actor, isStaff } from "../auth/actor.js";
import type { EntryKind } from "../domain.js";
import { requireRole, requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, type ApiProblem, notFound } from "../errors.js";
import type { EvidenceSummary, Row, Store } from "../storage/store.js";
import { assembleAssessment } from "./assemble-assessment.js";
import { recordAudit } from "./audit.js";
import type { CampaignService } from "./campaign-service.js";
import type { CriteriaService } from "./criteria-service.js";
import { gatherInputs } from "./live-scores.js";
import { markedDownItems } from "./score-rounds.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";
import { staleVersion } from "./unit-service.js";
import {
  type AssessmentState,
  type DeadlineName,
  type Deadlines,
  ROUND_RULES,
  TRANSITIONS,
  type Transition,
  type TransitionName,
  transitionDeadline,
  unitDeadlines,
} from "./workflow.js";

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
    if (!assessment)
      throw notFound({ en: `assessment of unit ${unitCode} in campaign ${campaignId}`, vi: `bản đánh giá của đơn vị ${unitCode} trong đợt ${campaignId}` });
    const [entries, evidence, campaign, extensions] = await Promise.all([
      store.listEntries(campaignId, unitCode),
      store.listEvidence(campaignId, unitCode),
      store.getCampaign(campaignId),
      store.listDeadlineExtensions(campaignId, unitCode),
    ]);
    const rounds = Object.fromEntries(ROUNDS.map((round) => [round, entries.filter((e) => e.round === round).map(toEntryView)]));
    return {
      campaignId,
      unitCode,
      state: assessment.state,
      version: assessment.version,
      updatedAt: assessment.updated_at,
      /** The deadlines binding this unit (the campaign's, moved by its extensions) and the extensions with their reasons. */
      deadlines: unitDeadlines(JSON.parse(campaign!.deadlines) as Deadlines, extensions),
      extensions: extensions.map((e) => ({ round: e.round, until: e.until, reason: e.reason })),
      rounds,
      evidence: evidence.map(toEvidenceView),
    };
  }

  async list(actor: Actor, campaignId: string) {
    requireRole(actor, "admin", "scorer", "unit");
    const { store } = this.deps;
    const [rows, campaign, extensions] = await Promise.all([
      store.listAssessments(campaignId),
      store.getCampaign(campaignId),
      store.listDeadlineExtensions(campaignId),
    ]);
    const deadlines = campaign ? (JSON.parse(campaign.deadlines) as Deadlines) : undefined;
    return rows
      .filter((r) => isStaff(actor) || (actor.role === "unit" && actor.unitCode === r.unit_code))
      .map((r) => ({
        unitCode: r.unit_code,
        state: r.state,
        version: r.version,
        updatedAt: r.updated_at,
        deadlines:
          deadlines &&
          unitDeadlines(
            deadlines,
            extensions.filter((e) => e.unit_code === r.unit_code),
          ),
      }));
  }

  async getEntry(actor: Actor, ref: EntryRef): Promise<EntryView> {
    requireUnitAccess(actor, ref.unitCode);
    if (!(await this.deps.store.getAssessment(ref.campaignId, ref.unitCode)))
      throw notFound({
        en: `assessment of unit ${ref.unitCode} in campaign ${ref.campaignId}`,
        vi: `bản đánh giá của đơn vị ${ref.unitCode} trong đợt ${ref.campaignId}`,
      });
    const row = await this.deps.store.getEntry(entryKey(ref));
    return row ? toEntryView(row) : { round: ref.round, kind: ref.kind, code: ref.code, value: null, version: 0, updatedBy: null, updatedAt: null };
  }

  /**
   * Saves one fact or item of one round if the caller may, the round is open and `expectedVersion` is current;
   * `within` a transaction already open (a sheet upload saves many entries all or nothing).
   */
  async saveEntry(actor: Actor, ref: EntryRef, value: unknown, expectedVersion: number, reason?: string, within?: Store): Promise<EntryView> {
    requireUnitAccess(actor, ref.unitCode);
    const rule = ROUND_RULES[ref.round];
    if (actor.role !== rule.role)
      throw new ApiError("forbidden", {
        en: `the ${ref.round} round is entered by the ${rule.role} role; you are ${actor.role}`,
        vi: `vòng ${ref.round} do vai trò ${rule.role} nhập; bạn có vai trò ${actor.role}`,
      });
    if (ref.round === "explanation") checkExplanation(ref.kind, value);
    const transaction = <T>(work: (store: Store) => Promise<T>) => (within ? work(within) : this.deps.store.transaction(work));
    return transaction(async (store) => {
      const { assessment, campaign } = await this.lock(store, ref.campaignId, ref.unitCode);
      const state = assessment.state;
      if (!rule.states.includes(state))
        throw new ApiError("wrong-state", {
          en: `the ${ref.round} round of ${ref.unitCode} cannot be edited while its assessment is ${state} (it can while ${rule.states.join(" or ")})`,
          vi: `không thể sửa vòng ${ref.round} của ${ref.unitCode} khi bản đánh giá đang ở trạng thái ${state} (chỉ sửa được khi ${rule.states.join(" hoặc ")})`,
        });
      if (rule.deadline) await this.checkDeadline(store, campaign, ref.unitCode, rule.deadline);
      const stale = (row: Row<"entries"> | undefined) =>
        staleVersion(
          { en: `${ref.kind} ${ref.code} (${ref.round})`, vi: `${ref.kind === "fact" ? "số liệu" : "tiêu chí"} ${ref.code} (vòng ${ref.round})` },
          row?.version ?? 0,
          row ? JSON.parse(row.value) : null,
        );
      const current = await store.getEntry(entryKey(ref));
      if ((current?.version ?? 0) !== expectedVersion) throw stale(current);
      if (ref.kind === "fact") value = await this.isoDates(store, campaign, ref, value);
      await this.checkValue(store, campaign, ref, value);
      if (ref.round === "explanation") await this.checkMarkedDown(store, campaign, ref);
      const at = this.deps.now().toISOString();
      const row: Row<"entries"> = { ...entryKey(ref), value: JSON.stringify(value), version: expectedVersion + 1, updated_by: actor.id, updated_at: at };
      if (!(await store.putEntry(row, expectedVersion))) throw stale(await store.getEntry(entryKey(ref)));
      if (rule.starts && state === rule.starts.from) {
        await this.moveState(store, assessment, rule.starts.to, at);
        await recordAudit(store, actor, this.deps.now(), {
          action: "assessment.start-appraisal",
          campaignId: ref.campaignId,
          unitCode: ref.unitCode,
          before: { state },
          after: { state: rule.starts.to },
        });
      }
      await recordAudit(store, actor, this.deps.now(), {
        action: `${ref.kind}.save`,
        campaignId: ref.campaignId,
        unitCode: ref.unitCode,
        code: ref.code,
        before: current ? { round: ref.round, value: JSON.parse(current.value), version: current.version } : null,
        after: { round: ref.round, value, version: row.version },
        reason,
      });
      return toEntryView(row);
    });
  }

  /**
   * Moves the assessment along (submit, withdraw, request-explanation, submit-explanation,
   * finalise). `beforeCommit` runs inside the transaction (finalisation stores its snapshot there).
   */
  async transition(
    actor: Actor,
    campaignId: string,
    unitCode: string,
    action: TransitionName,
    expectedVersion: number,
    reason: string | undefined,
    beforeCommit?: (store: Store, campaign: Row<"campaigns">) => Promise<void>,
  ) {
    requireUnitAccess(actor, unitCode);
    const transition: Transition = TRANSITIONS[action];
    if (actor.role !== transition.role)
      throw new ApiError("forbidden", {
        en: `${action} is done by the ${transition.role} role; you are ${actor.role}`,
        vi: `${action} do vai trò ${transition.role} thực hiện; bạn có vai trò ${actor.role}`,
      });
    return this.deps.store.transaction(async (store) => {
      const { assessment, campaign } = await this.lock(store, campaignId, unitCode);
      const state = assessment.state;
      // The precondition first (RFC 9110 §13.2.2): a request that lost a race learns the new version, whatever the new state.
      if (assessment.version !== expectedVersion)
        throw staleVersion({ en: `the assessment of ${unitCode}`, vi: `bản đánh giá của ${unitCode}` }, assessment.version, { state });
      if (!(transition.from as readonly AssessmentState[]).includes(state)) {
        throw new ApiError("wrong-state", {
          en: `cannot ${action} the assessment of ${unitCode}: it is ${state}, and ${action} needs ${transition.from.join(" or ")}`,
          vi: `không thể ${action} bản đánh giá của ${unitCode}: đang ở trạng thái ${state}, mà ${action} cần ${transition.from.join(" hoặc ")}`,
        });
      }
      const deadline = transitionDeadline(transition, state);
      if (deadline) await this.checkDeadline(store, campaign, unitCode, deadline);
      await beforeCommit?.(store, campaign);
      const at = this.deps.now().toISOString();
      await this.moveState(store, assessment, transition.to, at);
      await recordAudit(store, actor, this.deps.now(), {
        action: `assessment.${action}`,
        campaignId,
        unitCode,
        before: { state },
        after: { state: transition.to },
        reason,
      });
      return { campaignId, unitCode, state: transition.to, version: expectedVersion + 1, updatedAt: at };
    });
  }

  /** Sets the state if the assessment is still at the version read (else 412 with the stored one). */
  async moveState(store: Store, assessment: Row<"assessments">, to: AssessmentState, at: string): Promise<void> {
    if (await store.setAssessmentState(assessment.campaign_id, assessment.unit_code, assessment.version, to, at)) return;
    const current = await store.getAssessment(assessment.campaign_id, assessment.unit_code);
    throw staleVersion({ en: `the assessment of ${assessment.unit_code}`, vi: `bản đánh giá của ${assessment.unit_code}` }, current?.version ?? 0, {
      state: current?.state ?? null,
    });
  }

  /** Reads (and on PostgreSQL locks) the assessment; the campaign must be open. */
  async lock(store: Store, campaignId: string, unitCode: string): Promise<{ assessment: Row<"assessments">; campaign: Row<"campaigns"> }> {
    const assessment = await store.lockAssessment(campaignId, unitCode);
    if (!assessment)
      throw notFound({ en: `assessment of unit ${unitCode} in campaign ${campaignId}`, vi: `bản đánh giá của đơn vị ${unitCode} trong đợt ${campaignId}` });
    const campaign = await this.campaigns.requireOpen(campaignId, store);
    return { assessment, campaign };
  }

  /** Refuses the change when the unit's deadline of the round (the campaign's, or the unit's extension) has passed. */
  async checkDeadline(store: Store, campaign: Row<"campaigns">, unitCode: string, name: DeadlineName): Promise<void> {
    const extensions = await store.listDeadlineExtensions(campaign.id, unitCode);
    const deadline = unitDeadlines(JSON.parse(campaign.deadlines) as Deadlines, extensions)[name];
    if (this.deps.now().getTime() > Date.parse(deadline))
      throw new ApiError("deadline-passed", {
        en: `the ${name} deadline of campaign ${campaign.id} (${deadline}) has passed`,
        vi: `đã quá hạn ${name} của đợt ${campaign.id} (${deadline})`,
      });
  }

  /** In the explanation round the unit answers only the items appraisal round 1 marked down (`markedDownItems`). */
  private async checkMarkedDown(store: Store, campaign: Row<"campaigns">, ref: EntryRef): Promise<void> {
    const set = await this.criteria.forCampaign(campaign, store);
    const down = markedDownItems(set, assembleAssessment(await gatherInputs(store, campaign, ref.unitCode)));
    if (!down.ok) throw new ApiError("invalid-input", `the stored inputs of ${ref.unitCode} cannot be scored yet`, { problems: toApiProblems(down.problems) });
    if (down.value.has(ref.code)) return;
    const message = {
      en: `item ${ref.code} was not marked down in appraisal round 1: only the items scored below the self-assessment are explained`,
      vi: `tiêu chí ${ref.code} không bị trừ điểm ở vòng thẩm định lần 1: chỉ giải trình các tiêu chí được chấm thấp hơn điểm tự chấm`,
    };
    throw new ApiError("invalid-input", message, { problems: [{ code: "not-marked-down", path: "", message: message.en, vi: message.vi }] });
  }

  /** A date fact may be written DD/MM/YYYY, as in the sheets: stored as YYYY-MM-DD. */
  private async isoDates(store: Store, campaign: Row<"campaigns">, ref: EntryRef, value: unknown): Promise<unknown> {
    const type = (await this.criteria.forCampaign(campaign, store)).facts[ref.code]?.type ?? "";
    const read = isoDatesInFact(value, type);
    if (read.ok) return read.value;
    throw new ApiError("invalid-input", `fact ${ref.code} has 1 problem(s)`, {
      problems: [{ path: "value", message: read.message, vi: read.vi, code: "date-order" }],
    });
  }

  /** Checks the value as the engine checks an entry of an assessment (`checkEntry`); the entry itself is the body, `value`. */
  private async checkValue(store: Store, campaign: Row<"campaigns">, ref: EntryRef, value: unknown): Promise<void> {
    const set = await this.criteria.forCampaign(campaign, store);
    // Evidence ids matter only to a value that cites evidence.
    const evidence = citesEvidence(value) ? await store.listEvidence(ref.campaignId, ref.unitCode) : [];
    const problems = checkEntry(set, { kind: ref.kind, code: ref.code, value }, new Set(evidence.map((e) => e.id)));
    if (problems.length === 0) return;
    throw new ApiError(
      "invalid-input",
      {
        en: `${ref.kind} ${ref.code} has ${problems.length} problem(s)`,
        vi: `${ref.kind === "fact" ? "số liệu" : "tiêu chí"} ${ref.code} có ${problems.length} lỗi`,
      },
      { problems: toApiProblems(problems.map((p) => (p.path === "" ? { ...p, path: "value" } : p))) },
    );
  }
}

function citesEvidence(value: unknown): boolean {
  return value !== null && typeof value === "object" && "evidence" in value;
}

function checkExplanation(kind: EntryKind, value: unknown): void {
  const fields = value !== null && typeof value === "object" ? Object.keys(value) : [];
  const extra = fields.filter((f) => f !== "comment" && f !== "evidence");
  if (kind === "fact" || extra.length > 0) {
    const message = {
      en: "an explanation is a reply: a comment and added evidence per item; only an appraisal changes points or facts",
      vi: "giải trình là phần trả lời: ý kiến và tài liệu kiểm chứng bổ sung cho từng tiêu chí; chỉ vòng thẩm định mới thay đổi điểm hoặc số liệu",
    };
    const problems: ApiProblem[] =
      kind === "fact"
        ? [{ code: "not-in-explanation", path: "", message: "facts are not entered in the explanation round", vi: "không nhập số liệu trong vòng giải trình" }]
        : extra.map((f) => ({
            code: "not-in-explanation",
            path: f,
            message: `${f} is not part of an explanation (comment, evidence)`,
            vi: `${f} không thuộc phần giải trình (comment, evidence)`,
          }));
    throw new ApiError("invalid-input", message, { problems });
  }
}

function entryKey(ref: EntryRef) {
  return { campaign_id: ref.campaignId, unit_code: ref.unitCode, round: ref.round, kind: ref.kind, code: ref.code };
}

function toEntryView(row: Row<"entries">): EntryView {
  return {
    round: row.round,
    kind: row.kind,
    code: row.code,
    value: JSON.parse(row.value),
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export function toEvidenceView(row: EvidenceSummary) {
  return {
    id: row.id,
    title: row.title,
    number: row.number,
    date: row.date,
    issuer: row.issuer,
    link: row.link,
    file: row.file_name ? { name: row.file_name, type: row.file_type, size: row.file_size } : null,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
