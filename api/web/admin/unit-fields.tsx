import { type Lang, UNIT_TYPE_NAMES, nameIn } from "../../../src/index.js";
import { FieldError, type FormError, describedBy, hasError } from "../form-parts.js";
import { UNIT_FIELDS } from "./check-unit-form.js";

export interface UnitFormValues {
  code: string;
  name: string;
  type: string;
  block: string;
}

const TEXT = {
  vi: {
    code: "Mã đơn vị",
    codeHint: "Chữ không dấu, số, “_”, “.” hoặc “-”, ví dụ DV0012; không đổi được sau khi đăng ký.",
    name: "Tên đơn vị",
    type: "Loại đơn vị",
    choose: "Chọn…",
    block: "Khối xếp hạng (không bắt buộc)",
    blockHint: "Để trống: theo loại đơn vị, như bộ tiêu chí quy định.",
  },
  en: {
    code: "Unit code",
    codeHint: "Letters without diacritics, digits, “_”, “.” or “-”, e.g. DV0012; it cannot change once registered.",
    name: "Unit name",
    type: "Unit type",
    choose: "Choose…",
    block: "Ranking block (optional)",
    blockHint: "Leave empty: by unit type, as the criteria set says.",
  },
} as const;

/** The types offered: the four of the two-tier local government since 2025, and the unit's own if it is an older one. */
const CURRENT_TYPES = ["phuong", "xa", "dac-khu", "department"];

/** The fields of a unit (the code only when registering), each with its label, hint and error. */
export function UnitFields(props: { lang: Lang; values: UnitFormValues; errors: FormError[]; withCode: boolean }) {
  const t = TEXT[props.lang];
  const { errors, values } = props;
  const types = CURRENT_TYPES.includes(values.type) || values.type === "" ? CURRENT_TYPES : [...CURRENT_TYPES, values.type];
  const fieldClass = (id: string) => (hasError(errors, id) ? "field field-error" : "field");
  return (
    <>
      {props.withCode ? (
        <div class={fieldClass(UNIT_FIELDS.code)}>
          <label for={UNIT_FIELDS.code}>{t.code}</label>
          <span class="hint" id={`${UNIT_FIELDS.code}-hint`}>
            {t.codeHint}
          </span>
          <FieldError id={UNIT_FIELDS.code} errors={errors} lang={props.lang} />
          <input
            type="text"
            class="input-short"
            id={UNIT_FIELDS.code}
            name="code"
            value={values.code}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            aria-describedby={describedBy(UNIT_FIELDS.code, errors, true)}
          />
        </div>
      ) : null}
      <div class={fieldClass(UNIT_FIELDS.name)}>
        <label for={UNIT_FIELDS.name}>{t.name}</label>
        <FieldError id={UNIT_FIELDS.name} errors={errors} lang={props.lang} />
        <input type="text" id={UNIT_FIELDS.name} name="name" value={values.name} autocomplete="off" aria-describedby={describedBy(UNIT_FIELDS.name, errors)} />
      </div>
      <div class={fieldClass(UNIT_FIELDS.type)}>
        <label for={UNIT_FIELDS.type}>{t.type}</label>
        <FieldError id={UNIT_FIELDS.type} errors={errors} lang={props.lang} />
        <select id={UNIT_FIELDS.type} name="type" aria-describedby={describedBy(UNIT_FIELDS.type, errors)}>
          <option value="">{t.choose}</option>
          {types.map((type) => (
            <option value={type} selected={type === values.type}>
              {nameIn(UNIT_TYPE_NAMES, type, props.lang)}
            </option>
          ))}
        </select>
      </div>
      <div class={fieldClass(UNIT_FIELDS.block)}>
        <label for={UNIT_FIELDS.block}>{t.block}</label>
        <span class="hint" id={`${UNIT_FIELDS.block}-hint`}>
          {t.blockHint}
        </span>
        <FieldError id={UNIT_FIELDS.block} errors={errors} lang={props.lang} />
        <input
          type="text"
          class="input-short"
          id={UNIT_FIELDS.block}
          name="block"
          value={values.block}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={describedBy(UNIT_FIELDS.block, errors, true)}
        />
      </div>
    </>
  );
}
