import type { EvidenceDocument, FactInput, ItemInput, RoundInput, Unit } from "../assessment/types.js";
import type { CriteriaSet, LeafNode } from "../criteria/types.js";
import { listLeaves } from "../criteria/walk-criteria.js";
import { draftEvidence } from "./draft-evidence.js";
import type { GeneratedFacts } from "./generate-facts.js";
import { type UnitProfile, lean } from "./unit-profile.js";
import { listPointOptions } from "./list-point-options.js";

const NOT_APPLICABLE_REASONS = [
  (task: string) => `Trong năm không phát sinh nội dung "${task}"`,
  (task: string) => `Đơn vị không được giao nhiệm vụ "${task}" trong năm`,
  (task: string) => `Không phát sinh: "${task}" không thuộc thẩm quyền của đơn vị`,
];

const SYSTEM_REPORT = "Báo cáo số liệu từ Hệ thống thông tin giải quyết TTHC tỉnh";

/**
 * The unit's self-assessment: every entered fact, points for manual items, some items claimed
 * not applicable (with a reason), bonus and penalty claims, and the evidence it cites.
 */
export function generateSelfRound(
  set: CriteriaSet,
  unit: Unit,
  facts: GeneratedFacts,
  profile: UnitProfile,
): { round: RoundInput; evidence: EvidenceDocument[] } {
  const { random, quality, year } = profile;
  const evidence: EvidenceDocument[] = [];
  const items: Record<string, ItemInput> = {};
  const cite = (leaf: LeafNode, item: ItemInput) => {
    if (!leaf.evidence || !random.chance(0.7 + 0.28 * quality)) return;
    const fact = "fact" in leaf.scoring ? facts.values[leaf.scoring.fact] : undefined;
    const doc = draftEvidence(`TL-${leaf.code}`, leaf.evidence.vi, unit, year, random, typeof fact === "string" ? fact : undefined);
    evidence.push(doc);
    item.evidence = [doc.id];
  };

  for (const { node: leaf, section } of listLeaves(set)) {
    const item: ItemInput = {};
    const manual = leaf.scoring.kind === "manual";
    const options = manual ? listPointOptions(leaf) : [];
    if (section === "areas") {
      if (leaf.notApplicable && random.chance(0.03 + 0.07 * (1 - quality))) {
        item.notApplicable = true;
        item.reason = random.pick(NOT_APPLICABLE_REASONS)(leaf.title.vi);
      } else {
        if (manual) item.points = options[Math.min(options.length - 1, Math.floor(lean(profile) * options.length))]!;
        cite(leaf, item);
      }
    } else if (manual && random.chance(section === "bonus" ? 0.03 + 0.15 * quality : 0.05 * (1 - quality))) {
      const positive = options.filter((p) => p > 0);
      item.points = section === "bonus" ? positive[Math.floor(random.next() * positive.length)]! : positive[0]!;
      cite(leaf, item);
    }
    if (Object.keys(item).length > 0) items[leaf.code] = item;
  }

  const counts = new Set(Object.values(set.facts).flatMap((f) => (f.derived ? [f.derived.ratio.numerator, f.derived.ratio.denominator] : [])));
  const withReport = counts.size > 0 && random.chance(0.5);
  if (withReport) evidence.push(draftEvidence("TL-HTTT", SYSTEM_REPORT, unit, year, random, `${year}-12-20`));
  const enteredFacts: Record<string, FactInput> = {};
  for (const [name, value] of Object.entries(facts.values)) {
    enteredFacts[name] = withReport && counts.has(name) ? { value, evidence: ["TL-HTTT"] } : value;
  }
  return { round: { round: "self", facts: enteredFacts, items }, evidence };
}
