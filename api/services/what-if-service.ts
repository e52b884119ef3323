import {
  type CriteriaSet,
  type LocalizedText,
  type Policy,
  type RankChange,
  type Ranking,
  type ScoreSummary,
  compareRankings,
  compileScorer,
  currentPolicy,
  derivePolicySet,
  rankUnits,
} from "../../src/index.js";
import { type Actor, isStaff } from "../auth/actor.js";
import { ApiError, type EdgeProblem } from "../errors.js";
import type { CampaignService, CampaignView } from "./campaign-service.js";
import type { RankingService } from "./ranking-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";

/** A policy as typed in a query or a form: each field left empty keeps the set's own rule. */
export interface WhatIfPolicyInput {
  surveyWeight?: string | undefined;
  missingSurvey?: string | undefined;
  notApplicable?: string | undefined;
  /** Lower edges of the classes, highest first, separated by semicolons ("90;80;70;50"). */
  classEdges?: string | undefined;
}

export interface CampaignWhatIf {
  campaign: CampaignView;
  /** The published ranking (snapshots), or for an open campaign the live one. */
  source: "published" | "live";
  /** The set's own policy, in the same terms (what the changed policy is compared with). */
  current: Policy;
  /** The changed policy as read; empty when nothing was asked (then `changes` is empty too). */
  policy: Policy;
  /** Units left out: their inputs cannot be scored yet. */
  unscored: string[];
  /** The set's classes, best first (how the pages tell them apart). */
  classes: { code: string; title: LocalizedText }[];
  /** The index's decimals as the set publishes them. */
  indexDecimals: number;
  /** The blocks in ranking order, with their titles. */
  blocks: { code: string; title: LocalizedText }[];
  /** Every ranked unit in the order of the ranking: rank, index and class before and after. */
  changes: RankChange[];
}

/**
 * What-if for staff: the campaign's ranking (published, or live while open) against the same
 * units' stored assessments re-scored and re-ranked under a changed policy (survey weight,
 * missing-survey rule, not-applicable items, class edges). The policy is applied to the criteria
 * set as data (`derivePolicySet`), so the engine scores it like any set.
 */
export class WhatIfService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly campaigns: CampaignService,
    private readonly rankings: RankingService,
  ) {}

  async whatIf(actor: Actor, campaignId: string, input: WhatIfPolicyInput): Promise<CampaignWhatIf> {
    if (!isStaff(actor))
      throw new ApiError(actor.role === "public" ? "unauthenticated" : "forbidden", {
        en: "what-if rankings are for scorers and administrators",
        vi: "xếp hạng thử theo chính sách khác chỉ dành cho cán bộ thẩm định và quản trị",
      });
    const policy = readWhatIfPolicy(input);
    const campaign = await this.campaigns.get(actor, campaignId);
    const published = campaign.state === "published";
    const row = (await this.deps.store.getCampaign(campaign.id))!;
    const { set, reports, unscored } = await this.rankings.reports(this.deps.store, row, published);
    const result = {
      campaign,
      source: published ? "published" : "live",
      current: currentPolicy(set),
      policy,
      unscored: unscored.map((u) => u.unit),
      classes: set.classes.map((c) => ({ code: c.code, title: c.title })),
      indexDecimals: set.display.indexDecimals,
      blocks: set.ranking.blocks.map((b) => ({ code: b.code, title: b.title })),
    } as const;
    if (Object.keys(policy).length === 0) return { ...result, changes: [] };
    const derived = derivePolicySet(set, policy);
    if (!derived.ok)
      throw new ApiError(
        "invalid-input",
        { en: "this policy cannot be applied to the campaign's criteria set", vi: "chính sách này không áp dụng được cho bộ tiêu chí của đợt đánh giá" },
        { problems: toApiProblems(derived.problems) },
      );
    const before = rankOrRefuse(
      set,
      [...reports.values()].map((figures) => figures.summary),
    );
    // The same units' stored inputs, scored under the derived set (summaries only: no explanation is written).
    const scorer = compileScorer(derived.value);
    const summaries: ScoreSummary[] = [];
    for await (const { assessment } of this.rankings.storedAssessments(this.deps.store, row, [...reports.keys()])) {
      const scored = scorer.score(assessment);
      if (!scored.ok)
        throw new ApiError(
          "invalid-input",
          { en: "a unit cannot be scored under this policy", vi: "có đơn vị không tính được điểm theo chính sách này" },
          { problems: toApiProblems(scored.problems) },
        );
      summaries.push(scored.value);
    }
    return { ...result, changes: compareRankings(before, rankOrRefuse(derived.value, summaries)) };
  }
}

function rankOrRefuse(set: CriteriaSet, summaries: ScoreSummary[]): Ranking {
  const ranked = rankUnits(set, summaries);
  if (!ranked.ok) throw new ApiError("invalid-input", "the reports cannot be ranked", { problems: toApiProblems(ranked.problems) });
  return ranked.value;
}

/** The policy from query or form text (decimal comma or point); every problem at once (400), in Vietnamese and English. */
export function readWhatIfPolicy(input: WhatIfPolicyInput): Policy {
  const problems: EdgeProblem[] = [];
  const number = (name: keyof WhatIfPolicyInput, text: string, label: { vi: string; en: string }): number | undefined => {
    const value = Number(text.replace(",", "."));
    if (/^\d+([.,]\d+)?$/.test(text) && Number.isFinite(value)) return value;
    problems.push({
      code: "invalid-value",
      path: `query.${name}`,
      message: `${label.en}: "${text}" is not a number (write e.g. 20 or 12,5)`,
      vi: `${label.vi}: “${text}” không phải là số (ví dụ 20 hoặc 12,5)`,
    });
    return undefined;
  };
  const choice = <T extends string>(name: keyof WhatIfPolicyInput, options: readonly T[], label: { vi: string; en: string }): T | undefined => {
    const text = input[name]?.trim() ?? "";
    if (text === "") return undefined;
    if ((options as readonly string[]).includes(text)) return text as T;
    problems.push({
      code: "invalid-value",
      path: `query.${name}`,
      message: `${label.en} must be one of ${options.join(", ")}, got "${text}"`,
      vi: `${label.vi} phải là một trong ${options.join(", ")}, nhận được “${text}”`,
    });
    return undefined;
  };
  const policy: Policy = {};
  const weight = input.surveyWeight?.trim() ?? "";
  if (weight !== "") {
    const value = number("surveyWeight", weight, { vi: "Tổng điểm khảo sát", en: "Survey weight" });
    if (value !== undefined) policy.surveyWeight = value;
  }
  const missingSurvey = choice("missingSurvey", ["rescale", "zero"] as const, { vi: "Đơn vị thiếu khảo sát", en: "Missing survey" });
  if (missingSurvey) policy.missingSurvey = missingSurvey;
  const notApplicable = choice("notApplicable", ["exclude", "full"] as const, { vi: "Tiêu chí không phát sinh", en: "Not-applicable items" });
  if (notApplicable) policy.notApplicable = notApplicable;
  const edges = input.classEdges?.trim() ?? "";
  if (edges !== "") {
    const values = edges.split(";").map((edge) => number("classEdges", edge.trim(), { vi: "Ngưỡng xếp loại", en: "Class edges" }));
    if (values.every((v) => v !== undefined)) policy.classEdges = values as number[];
  }
  if (problems.length > 0)
    throw new ApiError("invalid-request", { en: `the request has ${problems.length} problem(s)`, vi: `yêu cầu có ${problems.length} lỗi` }, { problems });
  return policy;
}
