import { AreaPager } from "../components/area-pager.js";
import { textIn } from "../../../src/index.js";
import { type LeafNode, STATE_NAMES, factLabels, isLeaf, nameIn } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import type { AppraisalRound } from "../../services/appraisal-service.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";
import type { Collision } from "../ward/save-item.js";
import { type Section, entryOf, leavesOf } from "../ward/ward-data.js";
import { formatPoints } from "../ward/ward-format.js";
import { type AppraisalData, appraisedLeaves, areaProgress, isAppraised, stillToAppraise } from "./appraisal-data.js";
import { AppraisalItem } from "./appraisal-item.js";

const TEXT = {
  vi: {
    back: "Tổng quan thẩm định",
    area: "Lĩnh vực",
    self: "Tự chấm",
    appraised: "Thẩm định",
    of: "trên",
    items: "Tiêu chí đã thẩm định",
    down: "Tiêu chí bị trừ điểm",
    readOnly: "Hồ sơ không ở vòng thẩm định nên chỉ xem được.",
    saved: (code: string) => `Đã lưu thẩm định tiêu chí ${code}.`,
    accepted: (n: string) => `Đã chấp nhận điểm tự chấm của ${n} tiêu chí.`,
    acceptAll: (n: number) => `Chấp nhận điểm tự chấm cho ${n} tiêu chí chưa thẩm định`,
    acceptAllHint: "Các tiêu chí đã thẩm định (kể cả tiêu chí bạn vừa trừ điểm) giữ nguyên.",
  },
  en: {
    back: "Appraisal overview",
    area: "Area",
    self: "Self-assessed",
    appraised: "Appraised",
    of: "of",
    items: "Items appraised",
    down: "Items marked down",
    readOnly: "The assessment is not in an appraisal round, so this page is read only.",
    saved: (code: string) => `Appraisal of item ${code} saved.`,
    accepted: (n: string) => `Self-assessment accepted for ${n} item(s).`,
    acceptAll: (n: number) => `Accept the self-assessment for the ${n} item(s) not yet appraised`,
    acceptAllHint: "Items already appraised (including those you just marked down) stay as they are.",
  },
} as const;

export interface AppraisalAreaProps {
  lang: Lang;
  data: AppraisalData;
  section: Section;
  neighbours: { prev?: Section | undefined; next?: Section | undefined };
  /** The round the scorer edits (none: read only). */
  round: AppraisalRound | undefined;
  csrf: string;
  base: string;
  errors: FormError[];
  errorItem?: string | undefined;
  collision?: Collision | undefined;
  notice?: { saved?: string | undefined; accepted?: string | undefined };
}

/** One area as the scorer appraises it: every item with the unit's entries and the appraisal form, then "accept all". */
export function AppraisalAreaPage(props: AppraisalAreaProps) {
  const { lang, data, section, round } = props;
  const t = TEXT[lang];
  const progress = areaProgress(data, section);
  const labels = factLabels(data.set, lang);
  const leaves = appraisedLeaves(section);
  const remaining = stillToAppraise(data, leaves, round);
  const focus = props.errorItem ?? remaining[0]?.code;
  const open = leaves.filter((leaf) => !isAppraised(data, leaf.code));
  const last = remaining.length === 1 ? remaining[0]!.code : undefined;
  const notice = props.notice?.saved ? (
    <div class="notice" role="status">
      <p>{t.saved(props.notice.saved)}</p>
    </div>
  ) : null;
  const card = (leaf: LeafNode, heading: 2 | 3) => (
    <AppraisalItem
      lang={lang}
      data={data}
      leaf={leaf}
      heading={heading}
      round={round}
      labels={labels}
      markedDown={data.markedDown.has(leaf.code)}
      focus={focus === leaf.code}
      last={last === leaf.code && props.neighbours.next !== undefined}
      csrf={props.csrf}
      base={props.base}
      errors={props.errorItem === leaf.code ? props.errors : []}
      collision={props.errorItem === leaf.code ? props.collision : undefined}
      notice={focus === leaf.code ? notice : null}
    />
  );
  return (
    <>
      <p class="back-link">
        <a href={props.base}>← {t.back}</a>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <h1>
        {/^\d/.test(section.code) ? `${t.area} ${section.code}. ` : ""}
        {section.title}
      </h1>
      <p class="muted">
        {data.unit.name} ({data.unit.code}) · {data.campaign.title} · {nameIn(STATE_NAMES, data.assessment.state, lang)}
      </p>
      <dl class="summary figures">
        <dt>{t.self}</dt>
        <dd>{progress.self === null ? "–" : `${formatPoints(progress.self, lang)} ${t.of} ${formatPoints(progress.max, lang)}`}</dd>
        <dt>{t.appraised}</dt>
        <dd>{progress.appraised === null ? "–" : `${formatPoints(progress.appraised, lang)} ${t.of} ${formatPoints(progress.max, lang)}`}</dd>
        <dt>{t.items}</dt>
        <dd>
          {progress.appraisedItems} {t.of} {progress.items}
        </dd>
        <dt>{t.down}</dt>
        <dd>{progress.markedDown}</dd>
      </dl>
      {focus === undefined ? notice : null}
      {props.notice?.accepted ? (
        <div class="notice" role="status">
          <p>{t.accepted(props.notice.accepted)}</p>
        </div>
      ) : null}
      {round ? null : <p class="panel">{t.readOnly}</p>}
      {section.nodes.map((child) =>
        isLeaf(child) ? (
          child.scoring.kind === "survey" ? null : (
            card(child, 2)
          )
        ) : (
          <section aria-labelledby={`branch-${child.code}`}>
            <h2 id={`branch-${child.code}`}>
              {child.code}. {textIn(child.title, lang)}
            </h2>
            {leavesOf(child.children)
              .filter((leaf) => leaf.scoring.kind !== "survey")
              .map((leaf) => card(leaf, 3))}
          </section>
        ),
      )}
      {round && open.length > 0 ? (
        <form method="post" action={`${props.base}/area/${encodeURIComponent(section.code)}/accept`} class="panel">
          <CsrfField token={props.csrf} />
          {open.map((leaf) => (
            <input type="hidden" name="item" value={`${leaf.code}:${entryOf(data, round, "item", leaf.code)?.version ?? 0}`} />
          ))}
          <p class="hint" id="accept-all-hint">
            {t.acceptAllHint}
          </p>
          <button type="submit" class="button secondary" aria-describedby="accept-all-hint">
            {t.acceptAll(open.length)}
          </button>
        </form>
      ) : null}
      <AreaPager lang={lang} neighbours={props.neighbours} href={(code) => `${props.base}/area/${encodeURIComponent(code)}`} />
    </>
  );
}
