import { declaredFact, declaredIndicator } from "../criteria/declared.js";
import { withIndicatorUnit } from "../criteria/fact-domain.js";
import { describeRange } from "../criteria/range.js";
import type { CriteriaSet, LeafNode, LocalizedText, Range, Tier } from "../criteria/types.js";
import { fromUnits, toUnits } from "../points.js";
import type { ResolvedFact } from "./evaluate-leaf.js";
import type { LeafStatus } from "./report.js";

export interface GapContext {
  status: LeafStatus;
  units: number;
  available: number;
  facts: ReadonlyMap<string, ResolvedFact>;
  survey: Readonly<Record<string, number>> | null;
}

/** What would earn the points a leaf still misses, e.g. "raise online_payment_rate from 28 to 35: +0.5". */
export function describeGap(set: CriteriaSet, leaf: LeafNode, context: GapContext): LocalizedText {
  const upTo = fromUnits(context.available);
  const factTitle = (name: string) => declaredFact(set, name)?.title ?? declaredIndicator(set, name)?.title ?? { vi: name, en: name };
  const scoring = leaf.scoring;
  if (context.status === "missing-facts" || context.status === "not-entered") {
    const what = scoring.kind === "manual" ? null : "fact" in scoring ? scoring.fact : scoring.kind === "survey" ? scoring.indicator : null;
    return what
      ? {
          vi: `nhập "${factTitle(what).vi}" (${what}) kèm tài liệu kiểm chứng: tối đa +${upTo}`,
          en: `enter "${factTitle(what).en ?? what}" (${what}) with evidence: up to +${upTo}`,
        }
      : {
          vi: `tự chấm và đính kèm tài liệu kiểm chứng${evidenceText(leaf, "vi")}: tối đa +${upTo}`,
          en: `enter points with evidence${evidenceText(leaf, "en")}: up to +${upTo}`,
        };
  }
  if (context.status === "survey-absent") {
    return { vi: `tổ chức điều tra xã hội học về sự hài lòng: tối đa +${upTo}`, en: `run the satisfaction survey: up to +${upTo}` };
  }
  switch (scoring.kind) {
    case "manual":
      return {
        vi: `bổ sung kết quả và tài liệu${evidenceText(leaf, "vi")}: tối đa +${upTo}`,
        en: `improve the result and its evidence${evidenceText(leaf, "en")}: up to +${upTo}`,
      };
    case "boolean":
      return { vi: `hoàn thành "${factTitle(scoring.fact).vi}": +${upTo}`, en: `complete "${factTitle(scoring.fact).en ?? scoring.fact}": +${upTo}` };
    case "tiers":
      return tierHint(scoring.fact, scoring.tiers, context.facts.get(scoring.fact), context.units, upTo);
    case "survey": {
      const value = context.survey?.[scoring.indicator];
      if ("tiers" in scoring) return tierHint(scoring.indicator, scoring.tiers, value, context.units, upTo);
      const measured = (v: number) => withIndicatorUnit(declaredIndicator(set, scoring.indicator), v);
      return {
        vi: `nâng ${scoring.indicator}${value === undefined ? "" : ` từ ${measured(value)}`} lên ${measured(scoring.linear.fullAt)}: +${upTo}`,
        en: `raise ${scoring.indicator}${value === undefined ? "" : ` from ${measured(value)}`} to ${measured(scoring.linear.fullAt)}: +${upTo}`,
      };
    }
    case "deadline":
      return {
        vi: `thực hiện đúng hạn "${factTitle(scoring.fact).vi}": +${upTo}`,
        en: `meet the deadline for "${factTitle(scoring.fact).en ?? scoring.fact}": +${upTo}`,
      };
    case "logic":
      return { vi: `cải thiện kết quả theo công thức của tiêu chí: tối đa +${upTo}`, en: `improve the facts this rule reads: up to +${upTo}` };
  }
}

function tierHint(name: string, tiers: Tier[], value: ResolvedFact | undefined, current: number, upTo: number): LocalizedText {
  const better = tiers.filter((t) => toUnits(t.points) > current);
  if (typeof value !== "number" || better.length === 0) {
    return { vi: `đạt mức cao hơn: tối đa +${upTo}`, en: `reach a higher tier: up to +${upTo}` };
  }
  const nearest = better
    .map((tier) => ({ tier, distance: distanceTo(tier.when, value) }))
    .sort((a, b) => a.distance - b.distance || b.tier.points - a.tier.points)[0]!;
  const gain = fromUnits(toUnits(nearest.tier.points) - current);
  const shown = Math.round(value * 100) / 100;
  const target = describeRange(nearest.tier.when);
  const lower = (nearest.tier.when.lt ?? nearest.tier.when.lte ?? Infinity) < value;
  return lower
    ? { vi: `giảm ${name} từ ${shown} xuống ${describeRange(nearest.tier.when, "và")}: +${gain}`, en: `lower ${name} from ${shown} to ${target}: +${gain}` }
    : { vi: `nâng ${name} từ ${shown} lên ${describeRange(nearest.tier.when, "và")}: +${gain}`, en: `raise ${name} from ${shown} to ${target}: +${gain}` };
}

function distanceTo(range: Range, value: number): number {
  const lo = range.gte ?? range.gt ?? -Infinity;
  const hi = range.lte ?? range.lt ?? Infinity;
  return value < lo ? lo - value : value > hi ? value - hi : 0;
}

function evidenceText(leaf: LeafNode, lang: "vi" | "en"): string {
  const text = lang === "vi" ? leaf.evidence?.vi : (leaf.evidence?.en ?? leaf.evidence?.vi);
  return text ? ` (${text})` : "";
}
