import type { EvidenceDocument, FactInput, ItemInput, RoundInput, Unit } from "../assessment/types.js";
import type { CriteriaSet, LeafNode } from "../criteria/types.js";
import { listLeaves } from "../criteria/walk-criteria.js";
import { toUnits } from "../points.js";
import type { FactUse } from "./collect-fact-uses.js";
import { correctFact } from "./correct-fact.js";
import { draftEvidence } from "./draft-evidence.js";
import type { GeneratedFacts } from "./generate-facts.js";
import { type UnitProfile, lean } from "./unit-profile.js";
import { listPointOptions } from "./list-point-options.js";
import { listRatios } from "./list-ratios.js";

const LOWERED = [
  "Tài liệu kiểm chứng chưa đầy đủ",
  "Nội dung chưa đáp ứng yêu cầu theo hướng dẫn",
  "Chưa có văn bản chứng minh kết quả thực hiện",
  "Báo cáo thiếu số liệu theo mẫu",
];
const EXPLAINED = [
  "Đơn vị bổ sung tài liệu kiểm chứng",
  "Đơn vị giải trình: văn bản đã ban hành đúng thời hạn, gửi kèm bản chụp",
  "Bổ sung báo cáo kết quả thực hiện",
];

/**
 * What the scorers do with a self-assessment: for most units an appraisal that lowers a few
 * manual points, rejects a not-applicable claim or corrects a fact; sometimes the unit's
 * explanation with added evidence and a second appraisal that restores part of the points.
 */
export function generateReviewRounds(
  set: CriteriaSet,
  uses: ReadonlyMap<string, FactUse>,
  unit: Unit,
  self: RoundInput,
  facts: GeneratedFacts,
  profile: UnitProfile,
): { rounds: RoundInput[]; evidence: EvidenceDocument[] } {
  const { random, quality, year } = profile;
  if (!random.chance(0.85)) return { rounds: [], evidence: [] };
  const leaves = listLeaves(set);
  const claimed = self.items ?? {};
  const items: Record<string, ItemInput> = {};
  const lowered = new Map<string, number>();

  const lowerThanClaimed = (leaf: LeafNode) => listPointOptions(leaf).filter((p) => toUnits(p) < toUnits(claimed[leaf.code]?.points ?? 0));
  const manualClaims = leaves.filter(({ node, section }) => node.scoring.kind === "manual" && section !== "penalty" && lowerThanClaimed(node).length > 0);
  for (const { node, section } of random.sample(manualClaims, random.int(0, 1 + Math.round(3 * (1 - quality))))) {
    const own = claimed[node.code]!.points!;
    const lower = lowerThanClaimed(node);
    const points = section === "bonus" || random.chance(0.3) ? lower[0]! : lower.at(-1)!;
    items[node.code] = { points, comment: section === "bonus" ? "Sáng kiến chưa được cấp có thẩm quyền công nhận" : random.pick(LOWERED) };
    lowered.set(node.code, own);
  }
  for (const { node } of leaves.filter(({ node }) => claimed[node.code]?.notApplicable === true)) {
    if (!random.chance(0.3)) continue;
    const options = listPointOptions(node);
    items[node.code] = {
      notApplicable: false,
      comment: "Không chấp nhận không phát sinh: đơn vị có phát sinh nhiệm vụ trong năm",
      ...(node.scoring.kind === "manual" ? { points: options[Math.floor(lean(profile) * (options.length - 1))]! } : {}),
    };
  }
  const penalties = leaves.filter(({ node, section }) => section === "penalty" && node.scoring.kind === "manual" && claimed[node.code] === undefined);
  if (penalties.length > 0 && random.chance(0.25 * (1 - quality))) {
    const { node } = random.pick(penalties);
    items[node.code] = { points: listPointOptions(node).find((p) => p > 0) ?? node.max, comment: "Có cán bộ, công chức bị xử lý kỷ luật trong năm" };
  }
  const factEntries: Record<string, FactInput> = {};
  if (random.chance(0.35 + 0.3 * (1 - quality))) {
    const ratios = listRatios(set);
    for (const name of random.sample(correctableFacts(set, uses, facts), 5)) {
      const value = correctFact(set, uses, ratios, facts, name, random);
      if (value === undefined) continue;
      factEntries[name] = { value, comment: "Điều chỉnh theo số liệu thẩm định" };
      break;
    }
  }
  const appraisal1: RoundInput = { round: "appraisal1", ...nonEmpty("facts", factEntries), ...nonEmpty("items", items) };
  if (lowered.size === 0 || !random.chance(0.45)) return { rounds: [appraisal1], evidence: [] };

  const evidence: EvidenceDocument[] = [];
  const explanation: Record<string, ItemInput> = {};
  const explained = random.sample([...lowered.keys()], random.int(1, lowered.size));
  for (const code of explained) {
    const doc = draftEvidence(`BS-${code}`, `Tài liệu bổ sung giải trình tiêu chí ${code}`, unit, year, random);
    evidence.push(doc);
    explanation[code] = { comment: random.pick(EXPLAINED), evidence: [doc.id] };
  }
  const rounds: RoundInput[] = [appraisal1, { round: "explanation", items: explanation }];
  if (random.chance(0.85)) {
    const decided: Record<string, ItemInput> = {};
    for (const code of explained) {
      decided[code] = random.chance(0.55)
        ? { points: lowered.get(code)!, comment: "Chấp nhận giải trình, điều chỉnh điểm" }
        : { comment: "Giữ nguyên kết quả thẩm định lần 1" };
    }
    rounds.push({ round: "appraisal2", items: decided });
  }
  return { rounds, evidence };
}

function nonEmpty<K extends string, V>(key: K, record: Record<string, V>): { [P in K]?: Record<string, V> } {
  return (Object.keys(record).length > 0 ? { [key]: record } : {}) as { [P in K]?: Record<string, V> };
}

/** Facts an appraiser may correct without breaking a ratio: not denominators, not due-date bases. */
function correctableFacts(set: CriteriaSet, uses: ReadonlyMap<string, FactUse>, facts: GeneratedFacts): string[] {
  const denominators = new Set(listRatios(set).map((r) => r.denominator));
  return Object.keys(facts.values).filter((name) => !denominators.has(name) && !uses.get(name)?.dueBase && (uses.get(name)?.readers.length ?? 0) > 0);
}
