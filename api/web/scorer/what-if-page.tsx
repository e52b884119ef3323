import {
  type Lang,
  POLICY_CHOICE_NAMES,
  capitaliseFirst,
  POLICY_NAMES,
  type RankChange,
  describePolicy,
  formatDecimal,
  formatEdges,
  formatRankChange,
  textIn,
} from "../../../src/index.js";
import type { CampaignWhatIf, WhatIfPolicyInput } from "../../services/what-if-service.js";
import { RankingBlock } from "../components/ranking-block.js";
import { NO_CLASS, classStyle } from "../components/class-style.js";
import { TableWrap } from "../components/table-wrap.js";
import { SelectField, TextField } from "../form-fields.js";
import { ErrorSummary, type FormError } from "../form-parts.js";

const TEXT = {
  vi: {
    title: "Xếp hạng thử theo chính sách khác",
    worklist: "Danh sách đơn vị",
    lead: "Chấm lại và xếp hạng lại cùng các bản đánh giá của đợt này theo một chính sách khác, để thấy thứ hạng và xếp loại của từng đơn vị sẽ thay đổi thế nào. Bảng xếp hạng thật không thay đổi.",
    live: "Đợt đánh giá đang mở: so với bảng xếp hạng tạm tính từ điểm hiện có.",
    published: "So với bảng xếp hạng đã công bố.",
    unscored: (codes: string) => `Chưa tính được điểm, không đưa vào: ${codes}.`,
    form: "Chính sách thử",
    keep: "Giữ như hiện tại",
    now: "Hiện tại",
    mixed: "mỗi tiêu chí một cách",
    points: "điểm",
    surveyHint: (now: string) => `Tổng điểm tối đa của các tiêu chí khảo sát; mỗi tiêu chí giữ tỷ trọng của mình. Hiện tại: ${now}.`,
    edgesHint: (now: string, n: number) => `${n} ngưỡng dưới, từ xếp loại cao xuống, cách nhau bởi dấu chấm phẩy. Hiện tại: ${now}.`,
    run: "Xếp hạng thử",
    nothingAsked: "Chọn ít nhất một thay đổi rồi bấm “Xếp hạng thử”.",
    summary: (moved: number, reclassed: number, total: number) =>
      `Theo chính sách thử, ${moved}/${total} đơn vị đổi thứ hạng, ${reclassed}/${total} đơn vị đổi xếp loại.`,
    asked: "Chính sách thử",
    units: "đơn vị",
    table: (block: string) => `Thứ hạng hiện tại và theo chính sách thử, ${block}`,
    unit: "Đơn vị",
    rankNow: "Hạng hiện tại",
    rankThen: "Hạng thử",
    change: "Thay đổi",
    indexNow: "Chỉ số hiện tại (%)",
    indexThen: "Chỉ số thử (%)",
    classNow: "Xếp loại hiện tại",
    classThen: "Xếp loại thử",
    noClass: "chưa xếp loại",
    classChanged: "đổi xếp loại",
  },
  en: {
    title: "What if the policy changed?",
    worklist: "Units to appraise",
    lead: "The same assessments of this campaign scored and ranked again under a changed policy, to see how each unit's rank and class would move. The real ranking does not change.",
    live: "The campaign is open: compared with the live ranking from the points entered so far.",
    published: "Compared with the published ranking.",
    unscored: (codes: string) => `Cannot be scored yet, left out: ${codes}.`,
    form: "Policy to try",
    keep: "Keep as now",
    now: "Now",
    mixed: "differs per item",
    points: "points",
    surveyHint: (now: string) => `Total maximum of the survey items; each keeps its share. Now: ${now}.`,
    edgesHint: (now: string, n: number) => `${n} lower edges, from the top class down, separated by semicolons. Now: ${now}.`,
    run: "Try it",
    nothingAsked: "Choose at least one change, then “Try it”.",
    summary: (moved: number, reclassed: number, total: number) =>
      `Under the policy tried, ${moved} of ${total} units change rank and ${reclassed} of ${total} change class.`,
    asked: "Policy tried",
    units: "units",
    table: (block: string) => `Rank now and under the policy tried, ${block}`,
    unit: "Unit",
    rankNow: "Rank now",
    rankThen: "Rank tried",
    change: "Change",
    indexNow: "Index now (%)",
    indexThen: "Index tried (%)",
    classNow: "Class now",
    classThen: "Class tried",
    noClass: "no class",
    classChanged: "class changed",
  },
} as const;

export interface WhatIfPageProps {
  lang: Lang;
  campaignId: string;
  /** The policy as typed, shown back in the form. */
  input: WhatIfPolicyInput;
  errors: FormError[];
  result?: CampaignWhatIf | undefined;
}

/**
 * `/analysis/{campaign}/what-if`: the campaign re-ranked under a changed policy, for scorers. A GET
 * form (survey weight, missing survey, not-applicable items, class edges; each empty keeps the
 * set's rule, shown as "now"), then per block each unit's rank, index and class now and tried.
 * Every figure comes from the what-if service; the page formats.
 */
export function WhatIfPage(props: WhatIfPageProps) {
  const { lang, result } = props;
  const t = TEXT[lang];
  const changes = result?.changes ?? [];
  return (
    <>
      <nav aria-label={lang === "vi" ? "Vị trí" : "Breadcrumb"} class="breadcrumb">
        <a href={`/work/${encodeURIComponent(props.campaignId)}`}>{t.worklist}</a> <span aria-hidden="true">›</span> {t.title}
      </nav>
      <h1>
        {t.title}
        {result ? `: ${result.campaign.title}` : ""}
      </h1>
      <ErrorSummary lang={lang} errors={props.errors} />
      <p class="lead">{t.lead}</p>
      {result ? (
        <>
          <p>{result.source === "live" ? t.live : t.published}</p>
          {result.unscored.length > 0 ? <p class="notice warn">{t.unscored(result.unscored.join(", "))}</p> : null}
        </>
      ) : null}
      <PolicyForm {...props} />
      {result && changes.length > 0 ? (
        <>
          <p class="notice" role="status">
            <strong>{t.asked}:</strong> {describePolicy(result.policy, lang)}.{" "}
            {t.summary(changes.filter((c) => c.rankChange !== 0).length, changes.filter((c) => c.classChanged).length, changes.length)}
          </p>
          {result.blocks.map((block) => (
            <BlockTable {...props} result={result} block={block} rows={changes.filter((c) => c.block === block.code)} />
          ))}
        </>
      ) : result && props.errors.length === 0 ? (
        <p>{t.nothingAsked}</p>
      ) : null}
    </>
  );
}

function PolicyForm(props: WhatIfPageProps) {
  const { lang, errors, input, result } = props;
  const t = TEXT[lang];
  const current = result?.current;
  const choice = (id: "missingSurvey" | "notApplicable", options: readonly ("rescale" | "zero" | "exclude" | "full")[]) => {
    const now = current?.[id];
    return (
      <SelectField
        id={id}
        label={capitaliseFirst(POLICY_NAMES[id][lang])}
        hint={`${t.now}: ${now ? POLICY_CHOICE_NAMES[now][lang] : t.mixed}.`}
        value={input[id] ?? ""}
        options={[{ value: "", text: t.keep }, ...options.map((option) => ({ value: option, text: POLICY_CHOICE_NAMES[option][lang] }))]}
        errors={errors}
        lang={lang}
      />
    );
  };
  return (
    <form method="get" class="what-if-form" aria-label={t.form}>
      <TextField
        id="surveyWeight"
        label={capitaliseFirst(POLICY_NAMES.surveyWeight[lang])}
        hint={t.surveyHint(current?.surveyWeight !== undefined ? `${formatDecimal(current.surveyWeight, 2, lang)} ${t.points}` : "–")}
        value={input.surveyWeight ?? ""}
        short={true}
        inputmode="decimal"
        errors={errors}
        lang={lang}
      />
      {choice("missingSurvey", ["rescale", "zero"])}
      {choice("notApplicable", ["exclude", "full"])}
      <TextField
        id="classEdges"
        label={capitaliseFirst(POLICY_NAMES.classEdges[lang])}
        hint={t.edgesHint(current?.classEdges ? formatEdges(current.classEdges, lang) : "–", (result?.classes.length ?? 1) - 1)}
        value={input.classEdges ?? ""}
        short={true}
        errors={errors}
        lang={lang}
      />
      <button class="button" type="submit">
        {t.run}
      </button>
    </form>
  );
}

function BlockTable(props: WhatIfPageProps & { result: CampaignWhatIf; block: CampaignWhatIf["blocks"][number]; rows: RankChange[] }) {
  const { lang, result, block, rows } = props;
  const t = TEXT[lang];
  if (rows.length === 0) return null;
  const title = textIn(block.title, lang);
  const position = new Map(result.classes.map((c, i) => [c.code, i]));
  const classTag = (cls: RankChange["before"]["class"] | undefined) => (
    <span class={`tag ${(cls ? classStyle(position.get(cls.code) ?? 0) : NO_CLASS).tag}`}>{cls ? textIn(cls.title, lang) : t.noClass}</span>
  );
  const index = (value: number | undefined) => (value === undefined ? "–" : formatDecimal(value, result.indexDecimals, lang));
  return (
    <RankingBlock code={block.code} title={title} units={rows.length} unitsWord={t.units}>
      <TableWrap label={t.table(title)}>
        <table class="results-table cards-on-phone">
          <caption>{t.table(title)}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t.rankNow}
              </th>
              <th scope="col">{t.unit}</th>
              <th scope="col" class="num">
                {t.rankThen}
              </th>
              <th scope="col">{t.change}</th>
              <th scope="col" class="num">
                {t.indexNow}
              </th>
              <th scope="col" class="num">
                {t.indexThen}
              </th>
              <th scope="col">{t.classNow}</th>
              <th scope="col">{t.classThen}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr class={row.classChanged ? "row-flagged" : undefined}>
                <td class="num" data-label={t.rankNow}>
                  {row.before.rank}
                </td>
                <th scope="row">
                  {row.name} <span class="code">({row.code})</span>
                </th>
                <td class="num" data-label={t.rankThen}>
                  {row.after?.rank ?? "–"}
                </td>
                <td data-label={t.change}>{row.rankChange === null ? "–" : formatRankChange(row.rankChange, lang)}</td>
                <td class="num" data-label={t.indexNow}>
                  {index(row.before.index)}
                </td>
                <td class="num" data-label={t.indexThen}>
                  {index(row.after?.index)}
                </td>
                <td data-label={t.classNow}>{classTag(row.before.class)}</td>
                <td data-label={t.classThen}>
                  {row.after ? classTag(row.after.class) : "–"}
                  {row.classChanged ? <span class="visually-hidden"> ({t.classChanged})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </RankingBlock>
  );
}
