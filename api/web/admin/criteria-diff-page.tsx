import { type CriteriaDiff, type Lang, describeScoringChange, textIn } from "../../../src/index.js";
import type { CriteriaOverview } from "../../services/criteria-service.js";
import { ErrorSummary, type FormError } from "../form-parts.js";
import { formatPoints } from "./admin-format.js";

const TEXT = {
  vi: {
    back: "Tất cả bộ tiêu chí",
    title: "So sánh hai phiên bản bộ tiêu chí",
    lead: "Cùng kết quả với lệnh par diff: tiêu chí thêm, bãi bỏ, di chuyển hoặc đổi mã; điểm, cách chấm, tên, số liệu và các thiết lập chung thay đổi.",
    from: "Phiên bản cũ",
    to: "Phiên bản mới",
    choose: "Chọn…",
    compare: "So sánh",
    none: "Không có thay đổi.",
    added: "Thêm mới",
    removed: "Bãi bỏ",
    moved: "Di chuyển / đổi mã",
    points: "Đổi điểm tối đa",
    scoring: "Đổi cách chấm",
    notApplicable: "Đổi chính sách không phát sinh",
    titles: "Đổi tên",
    factsAdded: "Số liệu thêm",
    factsRemoved: "Số liệu bỏ",
    factsChanged: "Số liệu thay đổi",
    set: "Thay đổi chung",
    max: (points: string) => `tối đa ${points} điểm`,
  },
  en: {
    back: "All criteria sets",
    title: "Compare two criteria versions",
    lead: "The same result as par diff: items added, removed, moved or renumbered; points, scoring, titles, facts and set-level fields changed.",
    from: "Older version",
    to: "Newer version",
    choose: "Choose…",
    compare: "Compare",
    none: "No changes.",
    added: "Added",
    removed: "Removed",
    moved: "Moved or renumbered",
    points: "Points changed",
    scoring: "Scoring changed",
    notApplicable: "Not-applicable policy changed",
    titles: "Titles changed",
    factsAdded: "Facts added",
    factsRemoved: "Facts removed",
    factsChanged: "Facts changed",
    set: "Set-level changes",
    max: (points: string) => `at most ${points} points`,
  },
} as const;

/** The key of a set in the compare form: `family@version`. */
export const setKey = (s: { family: string; version: string }) => `${s.family}@${s.version}`;

/** `par diff` as a page: a form choosing two stored versions, then every change grouped by kind. */
export function CriteriaDiffPage(props: {
  lang: Lang;
  sets: CriteriaOverview[];
  from: string;
  to: string;
  diff?: CriteriaDiff | undefined;
  errors: FormError[];
}) {
  const { lang } = props;
  const t = TEXT[lang];
  const select = (id: "from" | "to", chosen: string) => (
    <div class="field">
      <label for={`diff-${id}`}>{t[id]}</label>
      <select id={`diff-${id}`} name={id}>
        <option value="">{t.choose}</option>
        {props.sets.map((s) => (
          <option value={setKey(s)} selected={setKey(s) === chosen}>
            {s.family} {s.version}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <ErrorSummary lang={lang} errors={props.errors} />
      <p class="back-link">
        <a href="/admin/criteria">{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.lead}</p>
      <form method="get" action="/admin/criteria/diff" class="worklist-filter">
        {select("from", props.from)}
        {select("to", props.to)}
        <button type="submit" class="button">
          {t.compare}
        </button>
      </form>
      {props.diff ? <DiffSections lang={lang} diff={props.diff} /> : null}
    </>
  );
}

function DiffSections(props: { lang: Lang; diff: CriteriaDiff }) {
  const { lang, diff } = props;
  const t = TEXT[lang];
  const num = (value: number) => formatPoints(value, lang);
  const sections: [string, string[]][] = [
    [t.added, diff.added.map((n) => `+ ${n.code} ${textIn(n.title, lang)} (${t.max(num(n.max))})`)],
    [t.removed, diff.removed.map((n) => `− ${n.code} ${textIn(n.title, lang)} (${t.max(num(n.max))})`)],
    [t.moved, diff.moved.map((m) => `${m.olderCode} → ${m.code} (${m.olderParent ?? "—"} → ${m.newerParent ?? "—"})`)],
    [t.points, diff.pointsChanged.map((p) => `${p.code}: ${num(p.oldMax)} → ${num(p.newMax)}`)],
    [t.scoring, diff.scoringChanged.map((s) => `${s.code}: ${describeScoringChange(s)}`)],
    [t.notApplicable, diff.notApplicableChanged.map((c) => `${c.code}: ${c.older ?? "—"} → ${c.newer ?? "—"}`)],
    [t.titles, diff.titleChanged.map((c) => `${c.code}: «${textIn(c.older, lang)}» → «${textIn(c.newer, lang)}»`)],
    [t.factsAdded, diff.factsAdded],
    [t.factsRemoved, diff.factsRemoved],
    [t.factsChanged, diff.factsChanged.map((f) => f.name)],
    [t.set, diff.setChanged.map((c) => `${c.field}: ${JSON.stringify(c.older)} → ${JSON.stringify(c.newer)}`)],
  ];
  const shown = sections.filter(([, lines]) => lines.length > 0);
  return (
    <section aria-labelledby="diff-result">
      <h2 id="diff-result">
        {diff.older.family} {diff.older.version} → {diff.newer.family} {diff.newer.version}
      </h2>
      {shown.length === 0 ? <p>{t.none}</p> : null}
      {shown.map(([title, lines]) => (
        <>
          <h3>
            {title} ({lines.length})
          </h3>
          <ul class="diff-list">
            {lines.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}
