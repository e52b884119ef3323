import { AreaPager } from "../components/area-pager.js";
import { textIn } from "../../../src/index.js";
import { type LeafNode, isLeaf } from "../../../src/index.js";
import type { Lang } from "../../../src/index.js";
import { ErrorSummary, type FormError } from "../form-parts.js";
import { DocumentList, ItemCard } from "./item-card.js";
import type { Collision } from "./save-item.js";
import { type Section, type WardData, leavesOf } from "./ward-data.js";
import { formatChange, formatIndex, formatPoints } from "./ward-format.js";

const TEXT = {
  vi: {
    back: "Tổng quan tự chấm",
    area: "Lĩnh vực",
    index: "Chỉ số tạm tính",
    areaPoints: "Điểm lĩnh vực này",
    of: "trên",
    saved: (code: string) => `Đã lưu tiêu chí ${code}.`,
    change: "Chỉ số tạm tính",
    unchanged: "Không có gì thay đổi.",
    locked: "Hồ sơ không ở bước tự chấm nên không thể sửa ở đây.",
    survey: "Lĩnh vực này do Sở Nội vụ chấm qua điều tra xã hội học; đơn vị không cần nhập.",
  },
  en: {
    back: "Self-assessment overview",
    area: "Area",
    index: "Live index",
    areaPoints: "Points in this area",
    of: "of",
    saved: (code: string) => `Item ${code} saved.`,
    change: "Live index",
    unchanged: "Nothing changed.",
    locked: "The assessment is not at the self-assessment step, so nothing can be changed here.",
    survey: "This area is scored by the Department's satisfaction survey; nothing to enter.",
  },
} as const;

export interface AreaPageProps {
  lang: Lang;
  data: WardData;
  section: Section;
  neighbours: { prev?: Section | undefined; next?: Section | undefined };
  csrf: string;
  editable: boolean;
  errors: FormError[];
  errorItem?: string | undefined;
  collision?: Collision | undefined;
  notice?: { code: string; before: number; after: number; saved: number } | undefined;
  base: string;
  maxFileBytes: number;
}

/** One area of the criteria set: every item with its facts, points, evidence and form. */
export function WardAreaPage(props: AreaPageProps) {
  const { lang, data, section } = props;
  const t = TEXT[lang];
  const decimals = data.set.display.indexDecimals;
  const node = data.nodes.get(section.code);
  const back = `${props.base}/areas/${encodeURIComponent(section.code)}`;
  const onlySurvey = leavesOf(section.nodes).every((leaf) => leaf.scoring.kind === "survey");
  const notice = props.notice ? (
    <div class="notice" role="status">
      <p>
        {props.notice.saved > 0 ? t.saved(props.notice.code) : t.unchanged} {t.change}: {formatIndex(props.notice.before, decimals, lang)} →{" "}
        <strong>{formatIndex(props.notice.after, decimals, lang)}</strong> ({formatChange(props.notice.before, props.notice.after, decimals, lang)})
      </p>
    </div>
  ) : null;
  const card = (leaf: LeafNode, heading: 2 | 3) => (
    <ItemCard
      lang={lang}
      data={data}
      leaf={leaf}
      heading={heading}
      csrf={props.csrf}
      editable={props.editable && !onlySurvey}
      errors={props.errorItem === leaf.code ? props.errors : []}
      collision={props.collision && props.errorItem === leaf.code ? props.collision : undefined}
      notice={props.notice?.code === leaf.code ? notice : null}
      base={props.base}
      back={`${back}#item-${leaf.code}`}
      maxFileBytes={props.maxFileBytes}
    />
  );
  return (
    <>
      <p class="back-link">
        <a href={props.base}>← {t.back}</a>
      </p>
      <ErrorSummary lang={lang} errors={props.errors} />
      <h1>
        {section.code.match(/^\d/) ? `${t.area} ${section.code}. ` : ""}
        {section.title}
      </h1>
      <p class="muted">
        {data.unit.name} · {data.campaign.title}
      </p>
      <dl class="summary figures">
        <dt>{t.index}</dt>
        <dd>
          <strong>{formatIndex(data.report.totals.index, decimals, lang)}</strong>
        </dd>
        {node ? (
          <>
            <dt>{t.areaPoints}</dt>
            <dd>
              {formatPoints(node.self ?? 0, lang)} {t.of} {formatPoints(node.max, lang)}
            </dd>
          </>
        ) : null}
      </dl>
      {onlySurvey ? <p class="panel">{t.survey}</p> : !props.editable ? <p class="panel">{t.locked}</p> : null}
      {section.nodes.map((child) =>
        isLeaf(child) ? (
          card(child, 2)
        ) : (
          <section aria-labelledby={`branch-${child.code}`}>
            <h2 id={`branch-${child.code}`}>
              {child.code}. {textIn(child.title, lang)}
            </h2>
            {leavesOf(child.children).map((leaf) => card(leaf, 3))}
          </section>
        ),
      )}
      {props.editable ? <DocumentList docs={data.assessment.evidence} /> : null}
      <AreaPager lang={lang} neighbours={props.neighbours} href={(code) => `${props.base}/areas/${encodeURIComponent(code)}`} />
    </>
  );
}
