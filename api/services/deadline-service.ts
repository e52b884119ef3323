import { DEADLINE_NAMES, formatInstant } from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole, requireUnitAccess } from "../auth/authenticate.js";
import { ApiError, type ApiProblem, notFound } from "../errors.js";
import type { Row } from "../storage/store.js";
import { recordAudit } from "./audit.js";
import { type CampaignService, type CampaignView, deadlineProblems, toCampaignView } from "./campaign-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { staleVersion } from "./unit-service.js";
import type { DeadlineExtension, DeadlineName, Deadlines } from "./workflow.js";

export interface ExtensionView extends DeadlineExtension {
  unitCode: string;
  createdBy: string;
  createdAt: string;
}

/** A withdrawn extension: the unit's deadline of the round is the campaign's again. */
export interface Withdrawal {
  unitCode: string;
  round: DeadlineName;
  /** The unit's deadline of the round now (the campaign's). */
  until: string;
  withdrawn: ExtensionView;
}

const REASON_MAX = 2000;

/**
 * The administrator moves a campaign's deadlines, or one round's deadline for one unit with a
 * reason (a ward whose office flooded, a scorer off sick). Extensions are kept per unit and round,
 * audited, and honoured by every deadline check through `unitDeadlines`.
 */
export class DeadlineService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly campaigns: CampaignService,
  ) {}

  /** New deadlines for every unit of an open campaign (If-Match: the campaign's version). */
  async change(actor: Actor, campaignId: string, expectedVersion: number, deadlines: Deadlines, reason?: string): Promise<CampaignView> {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const before = await this.campaigns.requireOpen(campaignId, store);
      const stale = (row: Row<"campaigns">) =>
        staleVersion({ en: `campaign ${campaignId}`, vi: `đợt đánh giá ${campaignId}` }, row.version, toCampaignView(row));
      if (before.version !== expectedVersion) throw stale(before);
      const problems = deadlineProblems(deadlines);
      if (problems.length > 0)
        throw new ApiError("invalid-input", { en: `the deadlines have ${problems.length} problem(s)`, vi: `hạn chót có ${problems.length} lỗi` }, { problems });
      const text = JSON.stringify(deadlines);
      if (!(await store.updateCampaign(campaignId, expectedVersion, { deadlines: text }))) throw stale((await store.getCampaign(campaignId))!);
      const after = { ...before, deadlines: text, version: expectedVersion + 1 };
      await recordAudit(store, actor, this.deps.now(), {
        action: "campaign.deadlines",
        campaignId,
        before: { deadlines: JSON.parse(before.deadlines) },
        after: { deadlines },
        reason,
      });
      return toCampaignView(after);
    });
  }

  /** Moves one round's deadline later for one unit; a second extension of the same round replaces the first (both stay in the audit trail). */
  async extend(actor: Actor, campaignId: string, unitCode: string, round: DeadlineName, until: string, reason: string): Promise<ExtensionView> {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      if (!(await store.getAssessment(campaignId, unitCode)))
        throw notFound({ en: `unit ${unitCode} in campaign ${campaignId}`, vi: `đơn vị ${unitCode} trong đợt ${campaignId}` });
      const deadline = (JSON.parse(campaign.deadlines) as Deadlines)[round];
      const problems: ApiProblem[] = [];
      const text = reason.normalize("NFC").trim();
      if (text === "" || text.length > REASON_MAX)
        problems.push({
          code: "reason-required",
          path: "reason",
          message: `give the reason for the extension (1–${REASON_MAX} characters)`,
          vi: `hãy ghi lý do gia hạn (1–${REASON_MAX} ký tự)`,
        });
      if (Number.isNaN(Date.parse(until)) || Date.parse(until) <= Date.parse(deadline))
        problems.push({
          code: "not-later",
          path: "until",
          message: `an extension must end after the campaign's deadline "${DEADLINE_NAMES[round].en}" (${formatInstant(new Date(deadline), "en")})`,
          vi: `hạn gia hạn phải sau "${DEADLINE_NAMES[round].vi}" của đợt (${formatInstant(new Date(deadline), "vi")})`,
        });
      if (problems.length > 0)
        throw new ApiError("invalid-input", { en: `the extension has ${problems.length} problem(s)`, vi: `gia hạn có ${problems.length} lỗi` }, { problems });
      const at = this.deps.now().toISOString();
      const iso = new Date(until).toISOString();
      const before = (await store.listDeadlineExtensions(campaignId, unitCode)).find((e) => e.round === round);
      const row: Row<"deadline_extensions"> = {
        campaign_id: campaignId,
        unit_code: unitCode,
        round,
        until: iso,
        reason: text,
        created_by: actor.id,
        created_at: at,
      };
      await store.putDeadlineExtension(row);
      await recordAudit(store, actor, this.deps.now(), {
        action: "deadline.extend",
        campaignId,
        unitCode,
        code: round,
        before: before ? { round, until: before.until, reason: before.reason } : { round, until: deadline },
        after: { round, until: iso },
        reason: text,
      });
      return toExtensionView(row);
    });
  }

  /**
   * Takes one unit's extension of one round back (a mistyped date, a reason that no longer holds), with
   * a reason: the unit's deadline of that round is the campaign's again. Audited with the extension before.
   */
  async withdraw(actor: Actor, campaignId: string, unitCode: string, round: DeadlineName, reason: string): Promise<Withdrawal> {
    requireRole(actor, "admin");
    return this.deps.store.transaction(async (store) => {
      const campaign = await this.campaigns.requireOpen(campaignId, store);
      const before = (await store.listDeadlineExtensions(campaignId, unitCode)).find((e) => e.round === round);
      if (!before)
        throw notFound({
          en: `an extension of the deadline "${DEADLINE_NAMES[round].en}" for unit ${unitCode} in campaign ${campaignId}`,
          vi: `gia hạn "${DEADLINE_NAMES[round].vi}" cho đơn vị ${unitCode} trong đợt ${campaignId}`,
        });
      const text = reason.normalize("NFC").trim();
      if (text === "" || text.length > REASON_MAX)
        throw new ApiError(
          "invalid-input",
          { en: "the withdrawal has 1 problem(s)", vi: "thu hồi gia hạn có 1 lỗi" },
          {
            problems: [
              {
                code: "reason-required",
                path: "reason",
                message: `give the reason for withdrawing the extension (1–${REASON_MAX} characters)`,
                vi: `hãy ghi lý do thu hồi gia hạn (1–${REASON_MAX} ký tự)`,
              },
            ],
          },
        );
      const deadline = (JSON.parse(campaign.deadlines) as Deadlines)[round];
      await store.deleteDeadlineExtension(campaignId, unitCode, round);
      await recordAudit(store, actor, this.deps.now(), {
        action: "deadline.withdraw",
        campaignId,
        unitCode,
        code: round,
        before: { round, until: before.until, reason: before.reason },
        after: { round, until: deadline },
        reason: text,
      });
      return { unitCode, round, until: deadline, withdrawn: toExtensionView(before) };
    });
  }

  /** The campaign's extensions (staff), or one unit's (staff or that unit). */
  async extensions(actor: Actor, campaignId: string, unitCode?: string): Promise<ExtensionView[]> {
    if (unitCode === undefined) requireRole(actor, "admin", "scorer");
    else requireUnitAccess(actor, unitCode);
    return (await this.deps.store.listDeadlineExtensions(campaignId, unitCode)).map(toExtensionView);
  }
}

function toExtensionView(row: Row<"deadline_extensions">): ExtensionView {
  return { unitCode: row.unit_code, round: row.round, until: row.until, reason: row.reason, createdBy: row.created_by, createdAt: row.created_at };
}
