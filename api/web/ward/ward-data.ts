import { textIn } from "../../../src/index.js";
import type { Round } from "../../../src/index.js";
import { indexCriteriaSet } from "../../../src/index.js";
import { type CriteriaNode, type CriteriaSet, type FactDeclaration, type LeafNode, isLeaf } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { NodeReport, ScoreReport } from "../../../src/index.js";
import type { Actor } from "../../auth/actor.js";
import type { EntryView } from "../../services/assessment-service.js";
import type { CampaignView, Deadlines } from "../../services/campaign-service.js";
import type { Services } from "../../services/create-services.js";

/**
 * Everything a ward's pages show, read through the services the JSON API uses (the same access
 * checks, the engine's live report): the campaign, the assessment with its entries and evidence,
 * the criteria set and the report. Nothing here scores or decides anything itself.
 */
export interface WardData {
  campaign: CampaignView;
  unit: { code: string; name: string };
  assessment: Awaited<ReturnType<Services["assessments"]["get"]>>;
  set: CriteriaSet;
  report: ScoreReport;
  /** Report nodes by code (areas, their branches and leaves, bonus and penalty items). */
  nodes: Map<string, NodeReport>;
  now: Date;
}

export async function loadWardData(services: Services, actor: Actor, campaignId: string, unitCode: string): Promise<WardData> {
  const assessment = await services.assessments.get(actor, campaignId, unitCode);
  const [campaign, unit, { report }] = await Promise.all([
    services.campaigns.get(actor, campaignId),
    services.units.get(unitCode),
    services.reports.report(actor, campaignId, unitCode),
  ]);
  const set = await services.criteria.get(campaign.criteria.family, campaign.criteria.version);
  const nodes = new Map<string, NodeReport>();
  const add = (node: NodeReport) => {
    nodes.set(node.code, node);
    node.children?.forEach(add);
  };
  report.areas.forEach(add);
  report.bonus?.items.forEach(add);
  report.penalty?.items.forEach(add);
  return { campaign, unit: { code: unit.code, name: unit.name }, assessment, set, report, nodes, now: services.deps.now() };
}

/** A page of items: an area of the set, or the bonus or penalty items. */
export interface Section {
  code: string;
  title: string;
  max: number;
  nodes: CriteriaNode[];
}

export function sections(set: CriteriaSet, lang: Lang): Section[] {
  const text = (t: { vi: string; en?: string }) => textIn(t, lang);
  return [
    ...set.areas.map((area) => ({ code: area.code, title: text(area.title), max: area.max, nodes: isLeaf(area) ? [area] : area.children })),
    ...(set.bonus ? [{ code: "bonus", title: lang === "vi" ? "Điểm thưởng" : "Bonus points", max: set.bonus.cap, nodes: set.bonus.items }] : []),
    ...(set.penalty ? [{ code: "penalty", title: lang === "vi" ? "Điểm trừ" : "Penalty points", max: set.penalty.cap, nodes: set.penalty.items }] : []),
  ];
}

export function leavesOf(nodes: CriteriaNode[]): LeafNode[] {
  return nodes.flatMap((node) => (isLeaf(node) ? [node] : leavesOf(node.children)));
}

/** Whether the ward enters anything for this item (survey items come from the Department's survey). */
export function entersItem(leaf: LeafNode): boolean {
  return leaf.scoring.kind !== "survey";
}

/** The facts a ward enters for an item: those it reads, derived rates replaced by their counts. */
export function enteredFacts(set: CriteriaSet, leaf: LeafNode): { name: string; fact: FactDeclaration }[] {
  const reads = indexCriteriaSet(set).leaves.get(leaf.code)?.reads ?? [];
  return [...new Set(reads)].flatMap((name) => {
    const fact = set.facts[name];
    return fact && !fact.derived ? [{ name, fact }] : [];
  });
}

export function entryOf(data: WardData, round: Round, kind: "fact" | "item", code: string): EntryView | undefined {
  return (data.assessment.rounds[round] as EntryView[] | undefined)?.find((e) => e.kind === kind && e.code === code);
}

/** A fact's stored value (facts may be stored bare or as `{ value, evidence }`). */
export function factValue(entry: EntryView | undefined): unknown {
  const value = entry?.value;
  return value !== null && typeof value === "object" && !Array.isArray(value) && "value" in value ? (value as { value: unknown }).value : (value ?? null);
}

/** Progress of the self-assessment: items entered of those the ward enters, and what is missing. */
export function progress(data: WardData) {
  const leaves = leavesOf(sections(data.set, "vi").flatMap((s) => s.nodes)).filter(entersItem);
  const notEntered = leaves.filter((leaf) => !isEntered(data, leaf));
  return {
    entered: leaves.length - notEntered.length,
    total: leaves.length,
    notEntered,
    missingFacts: data.report.missingFacts,
    missingEvidence: data.report.missingEvidence,
  };
}

/**
 * Whether the ward has entered an item: claimed not applicable, points chosen (hand-entered
 * items), or every fact it reads given a value. (The engine scores a missing date as "not done",
 * which is a score, not an entry.)
 */
export function isEntered(data: WardData, leaf: LeafNode): boolean {
  const item = entryOf(data, "self", "item", leaf.code)?.value as { points?: unknown; notApplicable?: unknown } | undefined;
  if (item?.notApplicable === true) return true;
  if (leaf.scoring.kind === "manual") return typeof item?.points === "number";
  const facts = enteredFacts(data.set, leaf);
  if (facts.length > 0) return facts.every(({ name }) => factValue(entryOf(data, "self", "fact", name)) !== null);
  const status = data.nodes.get(leaf.code)?.leaf?.self?.status;
  return status !== undefined && status !== "not-entered" && status !== "missing-facts";
}

/** The section (page) an item is on. */
export function sectionOf(set: CriteriaSet, code: string): string | undefined {
  const indexed = indexCriteriaSet(set).leaves.get(code);
  return indexed ? (indexed.section === "areas" ? indexed.area : indexed.section) : undefined;
}

/**
 * The deadline that matters now for the ward: the self round while draft or submitted, the explanation round while explaining;
 * `deadlines` are the unit's own (the campaign's, moved by an extension for the unit).
 */
export function currentDeadline(deadlines: Deadlines, state: string): { round: "self" | "explanation"; at: Date } | undefined {
  if (state === "draft" || state === "submitted") return { round: "self", at: new Date(deadlines.self) };
  if (state === "explanation") return { round: "explanation", at: new Date(deadlines.explanation) };
  return undefined;
}

/**
 * The engine's explanations and gap hints in a commune official's words: fact and indicator names
 * replaced by their titles from the set (the engine's text names them for the CLI's readers), and
 * in Vietnamese dates as dd/mm/yyyy and the decimal comma.
 */
export function plainText(set: CriteriaSet, hint: string, lang: Lang): string {
  const titles: Record<string, { vi: string; en?: string }> = {
    ...Object.fromEntries(Object.entries(set.facts).map(([k, f]) => [k, f.title])),
    ...Object.fromEntries(Object.entries(set.survey?.indicators ?? {}).map(([k, i]) => [k, i.title])),
  };
  const named = hint
    .replace(/ \(([a-z][a-z0-9_]*)\)/g, (whole, name: string) => (titles[name] ? "" : whole))
    .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (name) =>
      titles[name] ? `“${lang === "vi" ? titles[name]!.vi : (titles[name]!.en ?? titles[name]!.vi)}”` : name,
    );
  return lang === "vi" ? named.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, "$3/$2/$1").replace(/(\d)\.(\d)/g, "$1,$2") : named;
}
