import { type LocalizedText, type RobustnessReport, analyseVariations } from "../../src/index.js";
import { type Actor, isStaff } from "../auth/actor.js";
import { ApiError, type EdgeProblem } from "../errors.js";
import type { CampaignService, CampaignView } from "./campaign-service.js";
import type { RankingService } from "./ranking-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";

/**
 * Replicates one request may ask for: the analysis holds the process while it runs, and 1,000
 * replicates of a 300-unit province take about a second (`npm run bench -- worklist-page`), so a
 * request may hold it for about two at most. The CLI has no such bound.
 */
export const ROBUSTNESS_BOUNDS = { replicates: { min: 1, max: 2000, default: 1000 }, seed: { min: 0, max: 4_294_967_295, default: 1 } } as const;

export interface RobustnessOptionsInput {
  replicates?: string | undefined;
  seed?: string | undefined;
  disputes?: string | undefined;
}

export interface CampaignRobustness {
  campaign: CampaignView;
  /** The published ranking (snapshots), or for an open campaign the live one. */
  source: "published" | "live";
  /** Units left out: their inputs cannot be scored yet. */
  unscored: string[];
  /** The set's classes, best first (how the pages tell them apart). */
  classes: { code: string; title: LocalizedText }[];
  robustness: RobustnessReport;
}

/** Analyses of published campaigns kept in memory (they never change): this many, the oldest dropped first. */
const KEPT_ANALYSES = 32;

/**
 * How sure a campaign's ranking is (staff): the engine's Monte Carlo analysis over the reports the
 * ranking counts (`RankingService.reports`), so its ranks are the live or published ranking's.
 * A published campaign's analysis is computed once per set of options and then served from memory.
 */
export class RobustnessService {
  private readonly published = new Map<string, CampaignRobustness>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly campaigns: CampaignService,
    private readonly rankings: RankingService,
  ) {}

  async analyse(actor: Actor, campaignId: string, input: RobustnessOptionsInput): Promise<CampaignRobustness> {
    if (!isStaff(actor))
      throw new ApiError(actor.role === "public" ? "unauthenticated" : "forbidden", {
        en: "the robustness analysis is for scorers and administrators",
        vi: "phân tích độ tin cậy của thứ hạng chỉ dành cho cán bộ thẩm định và quản trị",
      });
    const options = readRobustnessOptions(input);
    const campaign = await this.campaigns.get(actor, campaignId);
    const published = campaign.state === "published";
    const key = `${campaign.id}\n${options.replicates}\n${options.seed}\n${options.disputes}`;
    const kept = published ? this.published.get(key) : undefined;
    if (kept) return kept;
    const row = (await this.deps.store.getCampaign(campaign.id))!;
    const { set, reports, unscored } = await this.rankings.reports(this.deps.store, row, published);
    const analysed = analyseVariations(set, [...reports.values()], options);
    if (!analysed.ok)
      throw new ApiError(
        "invalid-input",
        { en: "the ranking's robustness cannot be analysed", vi: "không phân tích được độ tin cậy của thứ hạng" },
        { problems: toApiProblems(analysed.problems) },
      );
    const result: CampaignRobustness = {
      campaign,
      source: published ? "published" : "live",
      unscored: unscored.map((u) => u.unit),
      classes: set.classes.map((c) => ({ code: c.code, title: c.title })),
      robustness: analysed.value,
    };
    if (published) {
      if (this.published.size >= KEPT_ANALYSES) this.published.delete(this.published.keys().next().value!);
      this.published.set(key, result);
    }
    return result;
  }
}

/** The options from query text, within bounds; every problem at once (400), in Vietnamese and English. */
export function readRobustnessOptions(input: RobustnessOptionsInput): { replicates: number; seed: number; disputes: boolean } {
  const problems: EdgeProblem[] = [];
  const whole = (name: "replicates" | "seed", label: { vi: string; en: string }): number => {
    const bounds = ROBUSTNESS_BOUNDS[name];
    const text = input[name]?.trim();
    if (text === undefined || text === "") return bounds.default;
    const value = Number(text);
    if (/^\d+$/.test(text) && value >= bounds.min && value <= bounds.max) return value;
    problems.push({
      code: "out-of-range",
      path: `query.${name}`,
      message: `${label.en} must be a whole number from ${bounds.min} to ${bounds.max}, got ${text}`,
      vi: `${label.vi} phải là số nguyên từ ${bounds.min} đến ${bounds.max}, nhận được ${text}`,
    });
    return bounds.default;
  };
  const replicates = whole("replicates", { en: "replicates", vi: "số lần mô phỏng" });
  const seed = whole("seed", { en: "seed", vi: "hạt giống ngẫu nhiên" });
  const disputes = input.disputes?.trim() ?? "";
  if (!["", "true", "false", "1", "0", "on"].includes(disputes))
    problems.push({
      code: "invalid-value",
      path: "query.disputes",
      message: `disputes must be true or false, got ${disputes}`,
      vi: `disputes phải là true hoặc false, nhận được ${disputes}`,
    });
  if (problems.length > 0)
    throw new ApiError("invalid-request", { en: `the request has ${problems.length} problem(s)`, vi: `yêu cầu có ${problems.length} lỗi` }, { problems });
  return { replicates, seed, disputes: disputes === "true" || disputes === "1" || disputes === "on" };
}
