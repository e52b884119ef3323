import { setImmediate as nextTurn } from "node:timers/promises";
import { rankUnits } from "../../src/index.js";
import type { Ranking } from "../../src/index.js";
import type { Assessment, CriteriaSet, Lang, ScoreReport } from "../../src/index.js";
import { type Actor, isStaff } from "../auth/actor.js";
import { ApiError, notFound } from "../errors.js";
import type { Row, Store } from "../storage/store.js";
import { assembleAssessment } from "./assemble-assessment.js";
import type { CriteriaService } from "./criteria-service.js";
import { type LiveFigures, type LiveScores, figuresOf } from "./live-scores.js";
import { type RankingFile, type RankingFormat, encodeRanking, withGzip } from "./ranking-formats.js";
import { type RankingView, selectBlock, viewRanking, withSummaries } from "./ranking-view.js";
import type { ServiceDeps } from "./service-deps.js";
import { toApiProblems } from "./to-api-problems.js";

/** A campaign's reports as the ranking counts them (their figures: summary, tallies, variation), by unit code, with its assessments (state per unit). */
export interface CampaignReports {
  set: CriteriaSet;
  assessments: Row<"assessments">[];
  reports: Map<string, LiveFigures>;
  unscored: RankingView["unscored"];
}

/** Units read and scored between two turns of the event loop: a live ranking never holds up other requests for long. */
const UNITS_PER_TURN = 10;

/**
 * Rankings per block: the published one (anyone), stored once at publication; or for staff a
 * live ranking of an open campaign from snapshots and live scores.
 */
export class RankingService {
  /** Published rankings never change: each (campaign, block, format, language) kept in memory once encoded. */
  private readonly published = new Map<string, RankingFile>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
    private readonly live: LiveScores,
  ) {}

  /** The ranking (all blocks or one) as JSON, CSV or XLSX, the annex's words in `lang`; a published one is encoded once and served from memory. */
  async rankingFile(actor: Actor, campaignId: string, block: string | undefined, format: RankingFormat, lang: Lang = "vi"): Promise<RankingFile> {
    const key = `${campaignId}\n${block ?? ""}\n${format}\n${format === "json" ? "" : lang}`;
    const cached = this.published.get(key);
    if (cached) return cached;
    const { view, published } = await this.ranking(actor, campaignId);
    const selected = selectBlock(view, block);
    if (block !== undefined && selected.blocks.length === 0)
      throw new ApiError("not-found", `block ${block} is not in this ranking. Expected one of: ${view.blocks.map((b) => b.code).join(", ")}`);
    const set = await this.criteria.get(view.criteria.family, view.criteria.version);
    const file = await encodeRanking(selected, set, format, `ranking-${campaignId}${block ? `-${block}` : ""}`, lang);
    if (!published) return file;
    const encoded = withGzip(file);
    this.published.set(key, encoded);
    return encoded;
  }

  /** The ranking as data (the pages render it): the published one, or for staff a live one of an open campaign. */
  async ranking(actor: Actor, campaignId: string): Promise<{ view: RankingView; published: boolean }> {
    const campaign = await this.deps.store.getCampaign(campaignId);
    if (!campaign || (campaign.state !== "published" && !isStaff(actor))) {
      if (campaign && actor.role !== "public") throw new ApiError("forbidden", `the ranking of ${campaignId} is shown once published`);
      throw notFound(`published campaign ${campaignId}`);
    }
    if (campaign.ranking) return { view: withSummaries(JSON.parse(campaign.ranking) as RankingView), published: true };
    return { view: await this.rank(this.deps.store, campaign, false), published: false };
  }

  /**
   * Ranks every unit: snapshots where finalised, else (unless `snapshotsOnly`) live scores; units
   * that cannot be scored yet are listed apart.
   */
  async rank(store: Store, campaign: Row<"campaigns">, snapshotsOnly: boolean): Promise<RankingView> {
    const { set, reports, unscored } = await this.reports(store, campaign, snapshotsOnly);
    const previous = await this.previousRanking(store, campaign, new Set(reports.keys()));
    const ranked = rankUnits(
      set,
      [...reports.values()].map((figures) => figures.summary),
      previous,
    );
    if (!ranked.ok) throw new ApiError("invalid-input", "the reports cannot be ranked", { problems: toApiProblems(ranked.problems) });
    return viewRanking(ranked.value, campaign.id, snapshotsOnly ? "published" : "live", unscored);
  }

  /**
   * Every unit's figures (`LiveFigures`) as the ranking counts them (the worklist and the robustness
   * analysis read the same): the snapshot's where finalised, else (unless `snapshotsOnly`) its live score's; units
   * that cannot be scored yet are listed apart (`storedAssessments` reads their inputs).
   */
  async reports(store: Store, campaign: Row<"campaigns">, snapshotsOnly: boolean): Promise<CampaignReports> {
    const set = await this.criteria.forCampaign(campaign, store);
    const [assessments, snapshots] = await Promise.all([store.listAssessments(campaign.id), store.listSnapshots(campaign.id)]);
    const bySnapshot = new Map(snapshots.map((s) => [s.unit_code, JSON.parse(s.report) as ScoreReport]));
    const reports = new Map<string, LiveFigures>();
    const unscored: RankingView["unscored"] = [];
    const missing = assessments.filter((a) => !bySnapshot.has(a.unit_code));
    if (!snapshotsOnly) {
      for await (const { unit, assessment } of this.storedAssessments(
        store,
        campaign,
        missing.map((a) => a.unit_code),
      )) {
        const scored = this.live.score(campaign, set, assessment);
        if (scored.ok) reports.set(unit, scored.value);
        else unscored.push({ unit, problems: toApiProblems(scored.problems) });
      }
    }
    for (const [code, report] of bySnapshot) reports.set(code, figuresOf(set, report));
    return { set, assessments, reports, unscored };
  }

  /**
   * The listed units' assessments as stored (entries, evidence, survey), assembled for the engine.
   * Entries are read a few units at a time and grouped by unit (never filtered once per unit), and
   * the event loop gets a turn between those parts.
   */
  async *storedAssessments(store: Store, campaign: Row<"campaigns">, unitCodes: string[]): AsyncGenerator<{ unit: string; assessment: Assessment }> {
    if (unitCodes.length === 0) return;
    const [units, evidence, surveys] = await Promise.all([store.listUnits(), store.listEvidence(campaign.id), store.listSurveys(campaign.id)]);
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const evidenceByUnit = groupByUnit(evidence);
    const surveyByUnit = new Map(surveys.map((s) => [s.unit_code, s]));
    for (let i = 0; i < unitCodes.length; i += UNITS_PER_TURN) {
      if (i > 0) await nextTurn();
      const part = unitCodes.slice(i, i + UNITS_PER_TURN);
      const entriesByUnit = groupByUnit(await store.listEntries(campaign.id, part));
      for (const code of part) {
        const inputs = {
          unit: unitByCode.get(code)!,
          campaign,
          entries: entriesByUnit.get(code) ?? [],
          evidence: evidenceByUnit.get(code) ?? [],
          survey: surveyByUnit.get(code),
        };
        yield { unit: code, assessment: assembleAssessment(inputs) };
      }
    }
  }

  /**
   * Last year's published ranking of the same criteria family, for the change since last year:
   * of several (a pilot and the province's campaign), the one ranking most of these units.
   * rankUnits compares only blocks that are comparable.
   */
  private async previousRanking(store: Store, campaign: Row<"campaigns">, units: Set<string>): Promise<Ranking | undefined> {
    const earlier = (await store.listCampaigns()).filter(
      (c) => c.year === campaign.year - 1 && c.criteria_family === campaign.criteria_family && c.state === "published",
    );
    let best: { ranking: Ranking; common: number } | undefined;
    for (const candidate of earlier) {
      const row = await store.getCampaign(candidate.id);
      if (!row?.ranking) continue;
      const ranking = JSON.parse(row.ranking) as RankingView as Ranking;
      const common = ranking.blocks.reduce((n, block) => n + block.units.filter((u) => units.has(u.unit.code)).length, 0);
      if (!best || common > best.common) best = { ranking, common };
    }
    return best?.ranking;
  }
}

/** Rows grouped by unit in one pass (a campaign's rows are listed once, not filtered once per unit). */
export function groupByUnit<T extends { unit_code: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.unit_code);
    if (group) group.push(row);
    else groups.set(row.unit_code, [row]);
  }
  return groups;
}
