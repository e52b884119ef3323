import type { Ranking } from "../../src/index.js";
import type { Row, Store } from "../storage/store.js";
import type { RankingView } from "./ranking-view.js";

/**
 * "Last year" for a campaign: the previous year's published campaign of the same criteria family;
 * of several (a pilot and the province's campaign), the one ranking most of `units`. With `unit`,
 * only campaigns whose ranking holds that unit count (a unit's own change since last year).
 * The ranking's change since last year and a unit's "why did the score move" both use this rule.
 */
export async function previousCampaign(
  store: Store,
  campaign: Pick<Row<"campaigns">, "year" | "criteria_family">,
  units: Set<string>,
  unit?: string,
): Promise<{ campaign: Row<"campaigns">; ranking: Ranking } | undefined> {
  const earlier = (await store.listCampaigns()).filter(
    (c) => c.year === campaign.year - 1 && c.criteria_family === campaign.criteria_family && c.state === "published",
  );
  let best: { campaign: Row<"campaigns">; ranking: Ranking; common: number } | undefined;
  for (const candidate of earlier) {
    const row = await store.getCampaign(candidate.id);
    if (!row?.ranking) continue;
    const ranking = JSON.parse(row.ranking) as RankingView as Ranking;
    if (unit !== undefined && !ranking.blocks.some((block) => block.units.some((u) => u.unit.code === unit))) continue;
    const common = ranking.blocks.reduce((n, block) => n + block.units.filter((u) => units.has(u.unit.code)).length, 0);
    if (!best || common > best.common) best = { campaign: row, ranking, common };
  }
  return best && { campaign: best.campaign, ranking: best.ranking };
}
