import {
  type CriteriaSet,
  type ItemChange,
  type LocalizedText,
  type NodeReport,
  type ScoreChange,
  type ScoreReport,
  diffCriteriaSets,
  explainScoreChange,
  reportLeaves,
} from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { ApiError, notFound } from "../errors.js";
import type { Row } from "../storage/store.js";
import type { CriteriaService } from "./criteria-service.js";
import { previousCampaign } from "./previous-campaign.js";
import type { ReportService, UnitReport } from "./report-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";

/**
 * Why an item's points moved, as data (the page puts it in words): the criteria changed it
 * (`rule`), its facts or status changed, evidence was added, dropped or is missing, or the scorer
 * appraised it below or above the self-assessment.
 */
export type ChangeReason =
  | { kind: "rule"; notes: string[] }
  | { kind: "facts"; facts: { name: string; title: LocalizedText | null; before: unknown; after: unknown }[] }
  | { kind: "status"; before: string | null; after: string | null }
  | { kind: "evidence-added"; ids: string[] }
  | { kind: "evidence-removed"; ids: string[] }
  | { kind: "evidence-missing" }
  | { kind: "appraised"; year: "older" | "newer"; self: number; appraised: number }
  /** A manual item: its points are a judgement (the round that decided them), not a rule over facts. */
  | { kind: "judged"; round: string };

export interface ComparedCampaign {
  id: string;
  title: string;
  year: number;
  state: string;
  /** The finalised snapshot, or a live score of the stored inputs (an open campaign). */
  source: UnitReport["source"];
}

/** The engine's ScoreChange, each moved item with its reasons, and which two campaigns were compared. */
export interface UnitScoreChange extends Omit<ScoreChange, "items"> {
  items: (ItemChange & { reasons: ChangeReason[] })[];
  campaigns: { older: ComparedCampaign; newer: ComparedCampaign };
  /** Each year's class in words (the engine's ScoreChange names the class by code). */
  classTitles: { older: LocalizedText | null; newer: LocalizedText | null };
  indexDecimals: number;
}

/**
 * One unit's "why did the score move": its report in a campaign against its report in the
 * comparable earlier campaign (last year's, by the ranking's rule, or an explicit `since`). The
 * reports come from the report service (snapshot, else live score) so whoever may read both
 * reports may read the comparison: anyone when both campaigns are published, else staff and the unit.
 */
export class ScoreChangeService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly reports: ReportService,
  ) {}

  async explain(actor: Actor, campaignId: string, unitCode: string, since?: string): Promise<UnitScoreChange> {
    const newer = await this.reports.report(actor, campaignId, unitCode);
    const campaign = (await this.deps.store.getCampaign(campaignId))!;
    const older = await this.olderCampaign(actor, campaign, unitCode, since);
    const olderReport = await this.reports.report(actor, older.id, unitCode);
    const [olderSet, newerSet] = await Promise.all([this.criteria.forCampaign(older), this.criteria.forCampaign(campaign)]);
    const change = explainScoreChange(olderReport.report, newer.report, diffCriteriaSets(olderSet, newerSet));
    if (!change.ok)
      throw new ApiError(
        "invalid-input",
        {
          en: `the reports of ${unitCode} in ${older.id} and ${campaignId} cannot be compared`,
          vi: `không so sánh được báo cáo của ${unitCode} trong ${older.id} và ${campaignId}`,
        },
        { problems: toApiProblems(change.problems) },
      );
    const missing = new Set(newer.report.missingEvidence.map((m) => m.code));
    const before = leaves(olderReport.report);
    const after = leaves(newer.report);
    const compared = (row: Row<"campaigns">, report: UnitReport): ComparedCampaign => ({
      id: row.id,
      title: row.title,
      year: row.year,
      state: row.state,
      source: report.source,
    });
    return {
      ...change.value,
      items: change.value.items.map((item) => ({
        ...item,
        reasons: reasonsOf(item, item.older && before.get(item.older.code), item.newer && after.get(item.newer.code), missing, factTitles(olderSet, newerSet)),
      })),
      campaigns: { older: compared(older, olderReport), newer: compared(campaign, newer) },
      classTitles: { older: olderReport.report.totals.class?.title ?? null, newer: newer.report.totals.class?.title ?? null },
      indexDecimals: newer.report.display.indexDecimals,
    };
  }

  /** Whether the unit has a campaign to compare with by default (the public unit page links to the comparison only then). */
  async hasEarlier(campaignId: string, unitCode: string): Promise<boolean> {
    const campaign = await this.deps.store.getCampaign(campaignId);
    return campaign !== undefined && (await previousCampaign(this.deps.store, campaign, new Set(), unitCode)) !== undefined;
  }

  /**
   * The campaign to compare with: `since` (an earlier year's campaign the actor may read), else
   * last year's published campaign of the same family that ranked this unit.
   */
  private async olderCampaign(actor: Actor, campaign: Row<"campaigns">, unitCode: string, since: string | undefined): Promise<Row<"campaigns">> {
    if (since !== undefined) {
      const row = await this.deps.store.getCampaign(since);
      if (!row || (actor.role === "public" && row.state !== "published")) throw notFound(`campaign ${since}`);
      if (row.year >= campaign.year)
        throw new ApiError("invalid-request", {
          en: `since=${since} is of ${row.year}: compare with a campaign of a year before ${campaign.year}`,
          vi: `since=${since} là đợt năm ${row.year}: chỉ so sánh với đợt đánh giá của một năm trước năm ${campaign.year}`,
        });
      return row;
    }
    const units = new Set((await this.deps.store.listAssessments(campaign.id)).map((a) => a.unit_code));
    const previous = await previousCampaign(this.deps.store, campaign, units, unitCode);
    if (!previous)
      throw new ApiError("not-found", {
        en: `no published ${campaign.year - 1} campaign of the ${campaign.criteria_family} criteria ranks ${unitCode}: there is no earlier year to compare with`,
        vi: `chưa có đợt đánh giá năm ${campaign.year - 1} (bộ tiêu chí ${campaign.criteria_family}) đã công bố có đơn vị ${unitCode}: không có năm trước để so sánh`,
      });
    return previous.campaign;
  }
}

function leaves(report: ScoreReport): Map<string, NodeReport> {
  return new Map(reportLeaves(report.areas).map((node) => [node.code, node]));
}

/** Each fact's and survey indicator's title, the newer set's where both declare it. */
function factTitles(older: CriteriaSet, newer: CriteriaSet): Map<string, LocalizedText> {
  const declared = (set: CriteriaSet) => [...Object.entries(set.facts ?? {}), ...Object.entries(set.survey?.indicators ?? {})];
  return new Map([...declared(older), ...declared(newer)].map(([name, fact]) => [name, fact.title]));
}

/** Why one item moved, from the two years' leaves: criteria, facts, status, evidence, the scorer. */
export function reasonsOf(
  item: ItemChange,
  older: NodeReport | undefined | null,
  newer: NodeReport | undefined | null,
  missing: Set<string>,
  titles: Map<string, LocalizedText>,
): ChangeReason[] {
  const reasons: ChangeReason[] = [];
  if (item.criteria.length > 0) reasons.push({ kind: "rule", notes: item.criteria });
  const beforeFacts = older?.leaf?.facts ?? {};
  const afterFacts = newer?.leaf?.facts ?? {};
  const facts = [...new Set([...Object.keys(beforeFacts), ...Object.keys(afterFacts)])]
    .filter((name) => JSON.stringify(beforeFacts[name] ?? null) !== JSON.stringify(afterFacts[name] ?? null))
    .map((name) => ({ name, title: titles.get(name) ?? null, before: beforeFacts[name] ?? null, after: afterFacts[name] ?? null }));
  if (older && newer && facts.length > 0) reasons.push({ kind: "facts", facts });
  const beforeStatus = item.older?.status ?? null;
  const afterStatus = item.newer?.status ?? null;
  if (older && newer && beforeStatus !== afterStatus) reasons.push({ kind: "status", before: beforeStatus, after: afterStatus });
  const beforeEvidence = new Set(item.older?.evidence ?? []);
  const afterEvidence = new Set(item.newer?.evidence ?? []);
  const added = [...afterEvidence].filter((id) => !beforeEvidence.has(id));
  const removed = [...beforeEvidence].filter((id) => !afterEvidence.has(id));
  if (older && newer && added.length > 0) reasons.push({ kind: "evidence-added", ids: added });
  if (older && newer && removed.length > 0) reasons.push({ kind: "evidence-removed", ids: removed });
  if (newer && missing.has(item.code)) reasons.push({ kind: "evidence-missing" });
  for (const [year, node] of [
    ["older", older],
    ["newer", newer],
  ] as const) {
    const leaf = node?.leaf;
    if (leaf?.self && leaf.appraised && leaf.decidedBy !== "self" && leaf.self.points !== leaf.appraised.points)
      reasons.push({ kind: "appraised", year, self: leaf.self.points, appraised: leaf.appraised.points });
  }
  if (newer?.leaf?.kind === "manual" && !reasons.some((r) => r.kind === "appraised")) reasons.push({ kind: "judged", round: newer.leaf.decidedBy });
  return reasons;
}
