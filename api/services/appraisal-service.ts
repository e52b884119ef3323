import { indexCriteriaSet } from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { ApiError, type ApiProblem, notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import type { AssessmentService } from "./assessment-service.js";
import type { CriteriaService } from "./criteria-service.js";
import type { ServiceDeps } from "./service-deps.js";

export type AppraisalRound = "appraisal1" | "appraisal2";

/** An item to accept, with the version of its entry in the round that the scorer's page showed (0: none yet). */
export interface AcceptedItem {
  code: string;
  version: number;
}

/**
 * The scorer's "accept the self-assessment": one item, or every item of an area at once. The
 * round's item entry is set to what the unit self-assessed (its points for a hand-scored item,
 * its not-applicable claim where the item allows one), keeping the scorer's comment, so the
 * appraised stage equals the self-assessment again even in round 2 after a round-1 change.
 * Rule items are scored from facts: accepting records the appraisal and leaves the facts as
 * they stand. All items are saved in one transaction, each through the assessment service's
 * own checks (scorer only, round open, deadline) and in the audit trail; an item whose entry
 * changed since the page was read is refused and listed (412) and nothing is saved.
 */
export class AppraisalService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly assessments: AssessmentService,
  ) {}

  async acceptSelf(actor: Actor, campaignId: string, unitCode: string, round: AppraisalRound, items: AcceptedItem[]): Promise<{ saved: number }> {
    requireRole(actor, "scorer");
    if (round !== "appraisal1" && round !== "appraisal2") throw new ApiError("invalid-request", `round ${String(round)} is not an appraisal round`);
    const campaign = await this.deps.store.getCampaign(campaignId);
    if (!campaign) throw notFound(`campaign ${campaignId}`);
    const index = indexCriteriaSet(await this.criteria.forCampaign(campaign));
    const unknown = items.filter((item) => {
      const leaf = index.leaves.get(item.code)?.leaf;
      return !leaf || leaf.scoring.kind === "survey";
    });
    if (unknown.length > 0)
      throw new ApiError("invalid-request", {
        en: `not items a scorer appraises: ${unknown.map((i) => i.code).join(", ")}`,
        vi: `không phải tiêu chí do cán bộ thẩm định chấm: ${unknown.map((i) => i.code).join(", ")}`,
      });
    const unique = [...new Map(items.map((item) => [item.code, item])).values()];
    return this.deps.store.transaction(async (store) => {
      const entries = await store.listEntries(campaignId, unitCode);
      const find = (r: string, code: string) => entries.find((e) => e.round === r && e.kind === "item" && e.code === code);
      const stale: ApiProblem[] = unique.flatMap(({ code, version }) => {
        const current = find(round, code);
        if ((current?.version ?? 0) === version) return [];
        return [
          {
            code: "stale-item",
            path: code,
            message: `item ${code} was saved by ${current?.updated_by ?? "someone"} after you read the page: reload it and look again`,
            vi: `tiêu chí ${code} đã được ${current?.updated_by ?? "người khác"} lưu sau khi bạn mở trang: hãy tải lại trang và xem lại`,
          },
        ];
      });
      if (stale.length > 0)
        throw new ApiError(
          "version-mismatch",
          {
            en: `${stale.length} item(s) changed since you read them; nothing was saved`,
            vi: `${stale.length} tiêu chí đã thay đổi kể từ khi bạn mở trang; chưa lưu gì`,
          },
          { problems: stale },
        );
      for (const { code, version } of unique) {
        const leaf = index.leaves.get(code)!.leaf;
        const value = accepted(read(find("self", code)), read(find(round, code)), leaf.scoring.kind === "manual", leaf.notApplicable !== undefined);
        const ref = { campaignId, unitCode, round, kind: "item" as const, code };
        await this.assessments.saveEntry(actor, ref, value, version, "chấp nhận điểm tự chấm (accepted the self-assessment)", store as Store);
      }
      return { saved: unique.length };
    });
  }
}

interface ItemValue {
  points?: number;
  notApplicable?: boolean;
  reason?: string;
  comment?: string;
}

function read(row: Row<"entries"> | undefined): ItemValue {
  return row ? (JSON.parse(row.value) as ItemValue) : {};
}

/** The round's entry that agrees with the self-assessment, keeping the scorer's comment. */
function accepted(self: ItemValue, current: ItemValue, manual: boolean, mayBeNotApplicable: boolean): ItemValue {
  return {
    ...(manual && typeof self.points === "number" ? { points: self.points } : {}),
    ...(mayBeNotApplicable ? { notApplicable: self.notApplicable === true } : {}),
    ...(self.notApplicable === true && self.reason ? { reason: self.reason } : {}),
    ...(current.comment ? { comment: current.comment } : {}),
  };
}
