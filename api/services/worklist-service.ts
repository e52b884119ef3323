import { type LocalizedText, ROUNDS, type Round, type UnitType, blockOf, indexCriteriaSet } from "../../src/index.js";
import { type Actor, isStaff } from "../auth/actor.js";
import { ApiError } from "../errors.js";
import type { CampaignService, CampaignView, Deadlines } from "./campaign-service.js";
import type { LiveFigures } from "./live-scores.js";
import { type RankingService, groupByUnit } from "./ranking-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { ROUND_RULES, unitDeadlines } from "./workflow.js";

/** One unit of a campaign as a scorer triages it. Figures are null while the unit's inputs cannot be scored yet. */
export interface WorklistUnit {
  code: string;
  name: string;
  block: { code: string; title: LocalizedText } | null;
  state: string;
  /** Self-assessed total of the areas (null: not scored yet, or never recorded). */
  selfTotal: number | null;
  /** Items a scorer appraises (every area, bonus and penalty item that is not the survey's) and how many an appraisal round holds an entry for. */
  items: { appraised: number; all: number } | null;
  /** Items that earn points (or claim not applicable) citing none of the evidence the set expects (the report's `missingEvidence`). */
  missingEvidence: number | null;
  /** Items scored in both stages whose appraised points differ from the self-assessed ones. */
  disputed: number | null;
  /** The deadline of the round now open for this unit (none once finalised), and the seconds left (negative: overdue). */
  deadline: { round: Round; at: string; secondsLeft: number } | null;
  /** How many problems keep the unit's inputs from being scored (0 when scored). */
  problems: number;
}

export interface Worklist {
  campaign: CampaignView;
  /** The instant the figures were read at (time left counts from it). */
  now: string;
  /** The blocks of the campaign's criteria set, in published order. */
  blocks: { code: string; title: LocalizedText }[];
  units: WorklistUnit[];
}

/**
 * The scorer's worklist: every unit of a campaign with what is left to do. The figures come from
 * the reports the ranking counts (snapshots where finalised, else live scores, `RankingService.reports`),
 * so the worklist and the live ranking never disagree and a unit is scored once for both.
 */
export class WorklistService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly campaigns: CampaignService,
    private readonly rankings: RankingService,
  ) {}

  async worklist(actor: Actor, campaignId: string): Promise<Worklist> {
    if (!isStaff(actor))
      throw new ApiError(actor.role === "public" ? "unauthenticated" : "forbidden", {
        en: "the worklist is for scorers and administrators",
        vi: "danh sách đơn vị chỉ dành cho cán bộ thẩm định và quản trị",
      });
    const campaign = await this.campaigns.get(actor, campaignId);
    const { store } = this.deps;
    const row = (await store.getCampaign(campaign.id))!;
    const [{ set, assessments, reports, unscored }, units, appraisedItems, extensions] = await Promise.all([
      this.rankings.reports(store, row, campaign.state === "published"),
      store.listUnits(),
      store.listAppraisedItems(campaign.id),
      store.listDeadlineExtensions(campaign.id),
    ]);
    const extensionsByUnit = groupByUnit(extensions);
    const appraisedByUnit = new Map<string, Set<string>>();
    for (const e of appraisedItems) (appraisedByUnit.get(e.unit_code) ?? appraisedByUnit.set(e.unit_code, new Set()).get(e.unit_code)!).add(e.code);
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const problems = new Map(unscored.map((u) => [u.unit, u.problems.length]));
    const appraisable = [...indexCriteriaSet(set).leaves.values()].filter((l) => l.leaf.scoring.kind !== "survey").map((l) => l.leaf.code);
    const now = this.deps.now();
    return {
      campaign,
      now: now.toISOString(),
      blocks: set.ranking.blocks.map((b) => ({ code: b.code, title: b.title })),
      units: assessments.map((a): WorklistUnit => {
        const unit = unitByCode.get(a.unit_code);
        const block = unit ? blockOf(set, { type: unit.type as UnitType, block: unit.block }) : undefined;
        const report = reports.get(a.unit_code);
        const at = deadlineAt(campaign, unitDeadlines(campaign.deadlines, extensionsByUnit.get(a.unit_code) ?? []), a.state);
        return {
          code: a.unit_code,
          name: unit?.name ?? a.unit_code,
          block: block ? { code: block.code, title: block.title } : null,
          state: a.state,
          ...(report
            ? progressOf(report, appraisable, appraisedByUnit.get(a.unit_code))
            : { selfTotal: null, items: null, missingEvidence: null, disputed: null }),
          deadline: at ? { ...at, secondsLeft: Math.floor((Date.parse(at.at) - now.getTime()) / 1000) } : null,
          problems: problems.get(a.unit_code) ?? 0,
        };
      }),
    };
  }
}

/** The round open in `state` (the one whose rules allow editing then) and the unit's deadline for it (its extension included); none once finalised. */
function deadlineAt(campaign: CampaignView, deadlines: Deadlines, state: string): { round: Round; at: string } | undefined {
  if (campaign.state !== "open") return undefined;
  const round = ROUNDS.find((r) => (ROUND_RULES[r].states as readonly string[]).includes(state));
  const name = round ? ROUND_RULES[round].deadline : undefined;
  return round && name ? { round, at: deadlines[name] } : undefined;
}

/**
 * What a unit's figures say about a scorer's progress on it. An item counts as appraised when an
 * appraisal round holds an entry for it (changed, or accepted as self-assessed), as the unit's
 * appraisal pages count it; `appraisable` are the set's items that are not the survey's.
 */
function progressOf(
  figures: LiveFigures,
  appraisable: string[],
  appraisedCodes: Set<string> | undefined,
): Pick<WorklistUnit, "selfTotal" | "items" | "missingEvidence" | "disputed"> {
  const appraised = appraisable.filter((code) => appraisedCodes?.has(code)).length;
  return {
    selfTotal: figures.summary.totals.self,
    items: { appraised, all: appraisable.length },
    missingEvidence: figures.missingEvidence,
    disputed: figures.disputed,
  };
}
