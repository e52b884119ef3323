import { DEADLINE_NAMES, type Lang, SET_STATUS_NAMES, nameIn } from "../../../src/index.js";
import { DEADLINE_ROUNDS as ROUNDS } from "../../services/workflow.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";
import { dateTimeValue } from "../web-form.js";
import { DateTimeField, SelectField, TextArea, TextField } from "../form-fields.js";

const TEXT = {
  vi: {
    back: "Đợt đánh giá",
    title: "Mở đợt đánh giá mới",
    id: "Mã đợt",
    idHint: "Chữ, chữ số, dấu . _ -, ví dụ cchc-2026. Không đổi được sau khi mở.",
    year: "Năm đánh giá",
    name: "Tên đợt",
    nameHint: "Để trống: “Chỉ số CCHC năm …”.",
    criteria: "Bộ tiêu chí",
    include: "Chỉ những đơn vị này (không bắt buộc)",
    includeHint:
      "Để trống: mọi đơn vị thuộc phạm vi bộ tiêu chí. Ghi mã đơn vị, cách nhau bởi dấu phẩy hoặc xuống dòng, để mở đợt cho một số đơn vị (ví dụ đợt thí điểm).",
    exclude: "Đơn vị không tham gia",
    excludeHint: "Mặc định mọi đơn vị thuộc phạm vi bộ tiêu chí đều tham gia. Ghi mã các đơn vị cần loại ra, cách nhau bởi dấu phẩy hoặc xuống dòng.",
    deadlines: "Hạn chót từng vòng",
    open: "Mở đợt đánh giá",
  },
  en: {
    back: "Campaigns",
    title: "Open a new campaign",
    id: "Campaign id",
    idHint: "Letters, digits, . _ -, e.g. par-2026. It cannot change once opened.",
    year: "Year assessed",
    name: "Title",
    nameHint: "Empty: “PAR index …”.",
    criteria: "Criteria set",
    include: "Only these units (optional)",
    includeHint:
      "Empty: every unit the criteria set covers. List unit codes, separated by commas or new lines, to open the campaign for some units only (a pilot, say).",
    exclude: "Units not taking part",
    excludeHint: "By default every unit the criteria set covers takes part. List the codes of the units to leave out, separated by commas or new lines.",
    deadlines: "Deadline of each round",
    open: "Open the campaign",
  },
} as const;

export interface CriteriaChoice {
  family: string;
  version: string;
  status: string;
}

/** The form that opens a campaign: id, year, title, criteria version, the units left out, and the four deadlines in Vietnam time. */
export function CampaignNewPage(props: { lang: Lang; csrf: string; criteria: CriteriaChoice[]; values: Record<string, string>; errors: FormError[] }) {
  const { lang, errors } = props;
  const t = TEXT[lang];
  const v = (name: string) => props.values[name] ?? "";
  return (
    <>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="back-link">
        <a href="/admin/campaigns">← {t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <form method="post" action="/admin/campaigns/new" novalidate>
        <CsrfField token={props.csrf} />
        <TextField id="id" label={t.id} hint={t.idHint} value={v("id")} short autocomplete="off" errors={errors} lang={lang} />
        <TextField id="year" type="number" label={t.year} value={v("year")} short errors={errors} lang={lang} />
        <TextField id="title" label={t.name} hint={t.nameHint} value={v("title")} errors={errors} lang={lang} />
        <SelectField
          id="criteria"
          label={t.criteria}
          value={v("criteria")}
          options={props.criteria.map((c) => ({
            value: `${c.family}@${c.version}`,
            text: `${c.family} ${c.version} (${nameIn(SET_STATUS_NAMES, c.status, lang)})`,
          }))}
          errors={errors}
          lang={lang}
        />
        <TextArea id="include" label={t.include} hint={t.includeHint} value={v("include")} errors={errors} lang={lang} />
        <TextArea id="exclude" label={t.exclude} hint={t.excludeHint} value={v("exclude")} errors={errors} lang={lang} />
        <fieldset>
          <legend>{t.deadlines}</legend>
          {ROUNDS.map((round) => (
            <DateTimeField
              id={`deadline-${round}`}
              legend={nameIn(DEADLINE_NAMES, round, lang)}
              value={dateTimeValue(props.values, `deadline-${round}`)}
              errors={errors}
              lang={lang}
            />
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t.open}
        </button>
      </form>
    </>
  );
}
