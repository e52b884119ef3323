import type { ScoringChange } from "./diff-criteria-sets.js";

/** "deadline → tiers", or for the same kind the fields that changed: `due: "2025-01-31" → "2026-01-31"`. */
export function describeScoringChange(change: ScoringChange): string {
  if (!change.older || !change.newer || change.oldKind !== change.newKind) return `${change.oldKind ?? "—"} → ${change.newKind ?? "—"}`;
  const older = change.older as unknown as Record<string, unknown>;
  const newer = change.newer as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(older), ...Object.keys(newer)])].filter((key) => JSON.stringify(older[key]) !== JSON.stringify(newer[key]));
  const shown = (value: unknown) => {
    const text = value === undefined ? "—" : JSON.stringify(value);
    return text.length > 160 ? `${text.slice(0, 159)}…` : text;
  };
  return `${change.newKind}: ${keys.map((key) => `${key} ${shown(older[key])} → ${shown(newer[key])}`).join("; ")}`;
}
