import type { Round } from "../../../src/index.js";
import type { LeafNode } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { Actor } from "../../auth/actor.js";
import { ApiError } from "../../errors.js";
import type { EntryKind } from "../../domain.js";
import type { Services } from "../../services/create-services.js";
import type { FormError } from "../form-parts.js";
import { field, fields } from "../web-form.js";
import { parseFact } from "./parse-fact.js";
import { type WardData, enteredFacts, entryOf, factValue } from "./ward-data.js";

/** Someone else saved the entry after the page was read: nothing was overwritten. */
export interface Collision {
  field: string;
  kind: EntryKind;
  code: string;
  current: unknown;
  mine: unknown;
  by: string;
  at: string | null;
}

export type SaveResult = { ok: true; saved: number } | { ok: false; errors: FormError[]; collision?: Collision };

/** Field ids of an item's form (unique on the page: a fact read by two items appears in both forms). */
export const fieldId = {
  fact: (code: string, name: string) => `f-${code}-${name}`,
  points: (code: string) => `points-${code}`,
  na: (code: string) => `na-${code}`,
  reason: (code: string) => `reason-${code}`,
  evidence: (code: string) => `evidence-${code}`,
  comment: (code: string) => `comment-${code}`,
};

const TEXT = {
  vi: { reason: "Nêu lý do không phát sinh", points: "Chọn số điểm tự chấm" },
  en: { reason: "Give the reason it does not apply", points: "Choose the points" },
} as const;

/**
 * Saves one item's form of the self round (or of an appraisal round, the scorer's form): each fact
 * that changed, then the item's entry (points, not applicable with its reason, evidence; in an
 * appraisal round the scorer's comment, and always the entry, since saving it is the appraisal).
 * Each save goes through the assessment service with the version the page read, so a stale page
 * never overwrites: the first collision stops and is reported with the value now stored and who stored it.
 */
export async function saveItemForm(
  services: Services,
  actor: Actor,
  data: WardData,
  leaf: LeafNode,
  form: Record<string, unknown>,
  lang: Lang,
  round: Round = "self",
): Promise<SaveResult> {
  const code = leaf.code;
  const changes: { kind: EntryKind; code: string; field: string; value: unknown; version: number }[] = [];
  const errors: FormError[] = [];
  for (const { name, fact } of enteredFacts(data.set, leaf)) {
    const id = fieldId.fact(code, name);
    const parsed = parseFact(fact, fields(form, id), lang);
    if (!parsed.ok) {
      errors.push({ field: id, message: parsed.message });
      continue;
    }
    const entry = entryOf(data, round, "fact", name);
    // Unchanged from what the page showed (its hidden `o-` field): not saved, so a field the person left alone never collides.
    const shown = form[`o-fact-${name}`] === undefined ? JSON.stringify(factValue(entry)) : field(form, `o-fact-${name}`);
    if (JSON.stringify(parsed.value) === shown) continue;
    const stored = entry?.value;
    const keepsEvidence = stored !== null && typeof stored === "object" && !Array.isArray(stored) && "evidence" in stored;
    const value = keepsEvidence ? { ...(stored as object), value: parsed.value } : parsed.value;
    changes.push({ kind: "fact", code: name, field: id, value, version: versionField(form, `v-fact-${name}`) });
  }
  const item: Record<string, unknown> = {};
  if (leaf.scoring.kind === "manual") {
    const points = field(form, fieldId.points(code));
    if (points !== "") item.points = Number(points);
  }
  if (leaf.notApplicable && field(form, fieldId.na(code)) === "1") {
    item.notApplicable = true;
    const reason = field(form, fieldId.reason(code)).trim();
    if (reason === "") errors.push({ field: fieldId.reason(code), message: TEXT[lang].reason });
    else item.reason = reason;
    delete item.points;
  } else if (leaf.notApplicable && round !== "self") item.notApplicable = false; // the scorer overturns a claim by unticking it
  const evidence = [...new Set([...fields(form, fieldId.evidence(code)), field(form, `add-${code}`)].filter((id) => id !== ""))];
  if (evidence.length > 0) item.evidence = evidence;
  if (errors.length > 0) return { ok: false, errors };
  const current = entryOf(data, round, "item", code);
  if (round !== "self") {
    const comment = field(form, fieldId.comment(code)).trim();
    changes.push({
      kind: "item",
      code,
      field: fieldId.points(code),
      value: { ...item, ...(comment ? { comment } : {}) },
      version: versionField(form, "v-item"),
    });
    return applyChanges(services, actor, data, round, changes, lang);
  }
  const shownItem = form["o-item"] === undefined ? JSON.stringify(normaliseItem(current?.value)) : field(form, "o-item");
  if (shownItem !== JSON.stringify(normaliseItem(item))) {
    changes.push({ kind: "item", code, field: fieldId.points(code), value: { ...commentOf(current?.value), ...item }, version: versionField(form, "v-item") });
  }
  return applyChanges(services, actor, data, "self", changes, lang);
}

/** Saves the ward's reply to a marked-down item in the explanation round (a comment and evidence). */
export async function saveExplanation(
  services: Services,
  actor: Actor,
  data: WardData,
  code: string,
  form: Record<string, unknown>,
  lang: Lang,
): Promise<SaveResult> {
  const comment = field(form, fieldId.comment(code)).trim();
  const evidence = [...new Set([...fields(form, fieldId.evidence(code)), field(form, `add-${code}`)].filter((id) => id !== ""))];
  const value = { ...(comment ? { comment } : {}), ...(evidence.length > 0 ? { evidence } : {}) };
  return applyChanges(
    services,
    actor,
    data,
    "explanation",
    [{ kind: "item", code, field: fieldId.comment(code), value, version: versionField(form, "v-item") }],
    lang,
  );
}

async function applyChanges(
  services: Services,
  actor: Actor,
  data: WardData,
  round: Round,
  changes: { kind: EntryKind; code: string; field: string; value: unknown; version: number }[],
  lang: Lang,
): Promise<SaveResult> {
  const ref = (kind: EntryKind, code: string) => ({ campaignId: data.campaign.id, unitCode: data.unit.code, round, kind, code });
  for (const change of changes) {
    try {
      await services.assessments.saveEntry(actor, ref(change.kind, change.code), change.value, change.version);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === "version-mismatch") {
        const now = await services.assessments.getEntry(actor, ref(change.kind, change.code));
        const by = now.updatedBy ? await services.accounts.nameOf(now.updatedBy) : "–";
        const message =
          lang === "vi" ? "Mục này vừa được người khác lưu; thay đổi của bạn chưa được lưu" : "Someone else has just saved this; your change was not saved";
        return {
          ok: false,
          errors: [{ field: change.field, message }],
          collision: { field: change.field, kind: change.kind, code: change.code, current: now.value, mine: change.value, by, at: now.updatedAt },
        };
      }
      if (error.code === "invalid-input") {
        const problems = error.details.problems ?? [];
        return { ok: false, errors: problems.map((p) => ({ field: fieldFor(change, p.path), message: lang === "vi" ? (p.vi ?? p.message) : p.message })) };
      }
      throw error;
    }
  }
  return { ok: true, saved: changes.length };
}

function fieldFor(change: { kind: EntryKind; code: string; field: string }, path: string): string {
  if (change.kind === "fact") return change.field;
  if (path.startsWith("reason")) return fieldId.reason(change.code);
  if (path.startsWith("notApplicable")) return fieldId.na(change.code);
  if (path.startsWith("evidence")) return fieldId.evidence(change.code);
  return change.field;
}

function versionField(form: Record<string, unknown>, name: string): number {
  const version = Number(field(form, name));
  return Number.isInteger(version) && version >= 0 ? version : 0;
}

/** An item entry reduced to what its form edits, to tell whether the person changed it. */
export function normaliseItem(value: unknown) {
  const v = (value ?? {}) as Record<string, unknown>;
  return [v.points, v.notApplicable === true, v.reason ?? null, [...((v.evidence as string[] | undefined) ?? [])].sort()];
}

function commentOf(value: unknown): { comment?: string } {
  const comment = (value as { comment?: unknown } | null | undefined)?.comment;
  return typeof comment === "string" ? { comment } : {};
}
