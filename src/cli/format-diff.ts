import type { CriteriaDiff } from "../index.js";
import type { Lang } from "../index.js";
import { describeScoringChange, textIn } from "../index.js";
import { formatNumberIn } from "../io/format-number.js";

/** `par diff` as lines a person reads top to bottom: one change a line, grouped by kind. */
export function formatDiff(diff: CriteriaDiff, lang: Lang): string {
  const vi = lang === "vi";
  const num = (value: number) => formatNumberIn(value, lang);
  const lines: string[] = [`${diff.older.family} ${diff.older.version} → ${diff.newer.family} ${diff.newer.version}`];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push("", `${title} (${items.length})`, ...items.map((item) => `  ${item}`));
  };
  section(
    vi ? "Thêm mới" : "Added",
    diff.added.map((n) => `+ ${n.code}  ${textIn(n.title, lang)}  [${num(n.max)}]`),
  );
  section(
    vi ? "Bãi bỏ" : "Removed",
    diff.removed.map((n) => `- ${n.code}  ${textIn(n.title, lang)}  [${num(n.max)}]`),
  );
  section(
    vi ? "Di chuyển / đổi mã" : "Moved or renumbered",
    diff.moved.map((m) => `~ ${m.olderCode} → ${m.code}  (${m.olderParent ?? "—"} → ${m.newerParent ?? "—"})`),
  );
  section(
    vi ? "Đổi điểm tối đa" : "Points changed",
    diff.pointsChanged.map((p) => `${p.code}: ${num(p.oldMax)} → ${num(p.newMax)}`),
  );
  section(
    vi ? "Đổi cách chấm" : "Scoring changed",
    diff.scoringChanged.map((s) => `${s.code}: ${describeScoringChange(s)}`),
  );
  section(
    vi ? "Đổi chính sách không phát sinh" : "Not-applicable policy changed",
    diff.notApplicableChanged.map((c) => `${c.code}: ${c.older ?? "—"} → ${c.newer ?? "—"}`),
  );
  section(
    vi ? "Đổi tên" : "Titles changed",
    diff.titleChanged.map((t) => `${t.code}: "${textIn(t.older, lang)}" → "${textIn(t.newer, lang)}"`),
  );
  section(vi ? "Số liệu thêm" : "Facts added", diff.factsAdded);
  section(vi ? "Số liệu bỏ" : "Facts removed", diff.factsRemoved);
  section(
    vi ? "Số liệu thay đổi" : "Facts changed",
    diff.factsChanged.map((f) => f.name),
  );
  section(
    vi ? "Thay đổi chung" : "Set-level changes",
    diff.setChanged.map((c) => `${c.field}: ${JSON.stringify(c.older)} → ${JSON.stringify(c.newer)}`),
  );
  if (lines.length === 1) lines.push(vi ? "Không có thay đổi." : "No changes.");
  return `${lines.join("\n")}\n`;
}
