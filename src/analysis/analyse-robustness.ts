import type { CriteriaSet } from "../criteria/types.js";
import type { Checked } from "../problem.js";
import { orderBlock, rankUnits } from "../ranking/rank-units.js";
import type { CompiledLeaf } from "../scoring/compile-leaf.js";
import { compileScorer } from "../scoring/compile-scorer.js";
import { type ScoreReport, type ScoreSummary, summariseReport } from "../scoring/report.js";
import { type Random, createRandom, deriveSeed } from "../synthetic/random.js";
import { drawSurveyValue } from "./draw-survey-value.js";
import { type Variation, listVariation } from "./list-variation.js";
import type { BlockRobustness, RobustnessOptions, RobustnessReport, UnitRobustness, UnsettledPair } from "./robustness-types.js";
import { type ReportShift, shiftReport } from "./shift-report.js";

const NO_FACTS = new Map<string, never>();

/**
 * How sure a ranking is (the uncertainty step of composite-index practice, OECD/JRC handbook):
 * `replicates` times, each unit's survey indicators are drawn from their sampling uncertainty
 * (and, if asked, each disputed item anywhere between its two stages' points), the survey items
 * are re-scored by the set's compiled leaves (`compileScorer`), the totals of each unit's summary
 * shifted exactly and the units re-ordered by the ranking's own rule (`orderBlock`, which
 * `rankUnits` uses). Drawn indicator values are kept to 0.01 (a survey share is not published
 * finer). Replicate r draws from its own seeded stream, so the first N replicates do not depend
 * on how many follow. Nothing is re-scored that cannot change.
 */
export function analyseRobustness(set: CriteriaSet, reports: ScoreReport[], options: RobustnessOptions): Checked<RobustnessReport> {
  return analyseVariations(
    set,
    reports.map((report) => ({ summary: summariseReport(report), variation: listVariation(set, report, true) })),
    options,
  );
}

/** One unit as the analysis reads it: its summary and what may vary in it (`listVariation` with disputes, from its full report). */
export interface VariedUnit {
  summary: ScoreSummary;
  variation: Variation;
}

/**
 * `analyseRobustness` from each unit's summary and variation, kept instead of the full reports
 * (a live campaign keeps these per unit); the same figures.
 */
export function analyseVariations(set: CriteriaSet, units: readonly VariedUnit[], options: RobustnessOptions): Checked<RobustnessReport> {
  const { replicates, seed } = options;
  const reports = units.map((u) => u.summary);
  if (!Number.isInteger(replicates) || replicates < 1 || replicates > 100_000)
    throw new RangeError(`replicates must be a whole number in 1…100000, got ${replicates}`);
  const threshold = options.threshold ?? 0.05;
  const published = rankUnits(set, reports);
  if (!published.ok) return published;

  const position = new Map(reports.map((r, i) => [r.unit.code, i]));
  const variations = units.map(({ variation }) => (options.disputes === true ? variation : { ...variation, disputed: [] }));
  const blockMembers = set.ranking.blocks.map((block) => reports.flatMap((r, i) => (r.unit.block === block.code ? [i] : [])));
  const ranks = new Int32Array(replicates * reports.length);
  const classes = reports.map(() => new Map<string | null, number>());
  const leaves = compileScorer(set).leaves;
  const scales = new Map(Object.entries(set.survey?.indicators ?? {}).map(([name, declared]) => [name, { min: declared.min ?? 0, max: declared.max ?? 100 }]));
  for (let r = 0; r < replicates; r++) {
    const random = createRandom(deriveSeed(seed >>> 0, r));
    const shifted = reports.map((summary, i) => shiftReplicate(set, summary, variations[i]!, scales, random, leaves));
    for (const members of blockMembers) {
      for (const { report, rank } of orderBlock(
        members.map((m) => shifted[m]!),
        set.ranking.ties.breakers,
      )) {
        const i = position.get(report.unit.code)!;
        ranks[r * reports.length + i] = rank;
        const tally = classes[i]!;
        const code = report.totals.class?.code ?? null;
        tally.set(code, (tally.get(code) ?? 0) + 1);
      }
    }
  }

  const blocks: BlockRobustness[] = published.value.blocks.map((block) => {
    const members = block.units.map((u) => position.get(u.unit.code)!);
    const units = block.units.map((ranked, k): UnitRobustness => {
      const i = members[k]!;
      const own = Int32Array.from({ length: replicates }, (_, r) => ranks[r * reports.length + i]!).sort();
      const at = (q: number) => own[Math.max(0, Math.ceil(q * replicates) - 1)]!;
      const variation = variations[i]!;
      return {
        code: ranked.unit.code,
        name: ranked.unit.name,
        rank: ranked.rank,
        median: at(0.5),
        low: at(0.05),
        high: at(0.95),
        class: ranked.class?.code ?? null,
        classes: [...classes[i]!]
          .map(([code, count]) => ({ code, title: set.classes.find((c) => c.code === code)?.title ?? null, share: count / replicates }))
          .sort((a, b) => b.share - a.share || classOrder(set, a.code) - classOrder(set, b.code)),
        drawn: {
          indicators: variation.respondents ? Object.keys(variation.indicators).length : 0,
          respondents: variation.respondents ?? null,
          disputed: variation.disputed.length,
        },
      };
    });
    return {
      code: block.code,
      title: block.title,
      units,
      unsettled: unsettledPairs(
        members,
        block.units.map((u) => u.unit.code),
        ranks,
        reports.length,
        replicates,
        threshold,
      ),
    };
  });
  return {
    ok: true,
    value: { criteria: published.value.criteria, year: published.value.year, replicates, seed, disputes: options.disputes === true, threshold, blocks },
  };
}

/** One unit's report in one replicate: its survey indicators and disputed items drawn from the replicate's stream. */
function shiftReplicate(
  set: CriteriaSet,
  report: ScoreSummary,
  variation: Variation,
  scales: Map<string, { min: number; max: number }>,
  random: Random,
  leaves: ReadonlyMap<string, CompiledLeaf>,
): ScoreSummary {
  const surveyed = variation.respondents !== undefined && variation.survey.length > 0;
  if (variation.disputed.length === 0 && !surveyed) return report;
  const shift: ReportShift = { areas: new Map(), survey: new Map() };
  const add = (map: Map<number, number>, area: number, delta: number) => map.set(area, (map.get(area) ?? 0) + delta);
  if (surveyed) {
    const drawn: Record<string, number> = {};
    for (const indicator in variation.indicators) {
      const scale = scales.get(indicator) ?? { min: 0, max: 100 };
      drawn[indicator] = Math.round(drawSurveyValue(variation.indicators[indicator]!, variation.respondents, scale, random) * 100) / 100;
    }
    for (const item of variation.survey) {
      const delta = surveyUnits(leaves.get(item.leaf.code)!, drawn, item.indicator) - item.units;
      add(shift.areas, item.area, delta);
      add(shift.survey, item.area, delta);
    }
  }
  for (const item of variation.disputed) add(shift.areas, item.area, random.int(item.low, item.high) - item.units);
  return shiftReport(set, report, shift);
}

/** A survey item's points for a drawn value, by its compiled leaf (rounded per criterion where the set says so, as a full score would). */
function surveyUnits(leaf: CompiledLeaf, drawn: Record<string, number>, indicator: string): number {
  const units = leaf.evaluate(NO_FACTS, undefined, drawn);
  if (Number.isNaN(units)) throw new Error(`survey item ${leaf.code} cannot score ${indicator} = ${drawn[indicator]}`);
  return units;
}

/** Pairs of one block whose published order is reversed in more than `threshold` of the replicates (a stable sort keeps published order among equals). */
function unsettledPairs(members: number[], codes: string[], ranks: Int32Array, width: number, replicates: number, threshold: number): UnsettledPair[] {
  const pairs: UnsettledPair[] = [];
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const i = members[a]!;
      const j = members[b]!;
      let reversed = 0;
      for (let r = 0, offset = 0; r < replicates; r++, offset += width) if (ranks[offset + j]! < ranks[offset + i]!) reversed++;
      if (reversed / replicates > threshold) pairs.push({ above: codes[a]!, below: codes[b]!, reversed: reversed / replicates });
    }
  }
  return pairs.sort((x, y) => y.reversed - x.reversed);
}

function classOrder(set: CriteriaSet, code: string | null): number {
  const index = set.classes.findIndex((c) => c.code === code);
  return index < 0 ? set.classes.length : index;
}
