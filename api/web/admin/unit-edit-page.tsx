import { type Lang, UNIT_TYPE_NAMES, formatInstant, nameIn } from "../../../src/index.js";
import type { Row } from "../../storage/store.js";
import { CsrfField, ErrorSummary, type FormError } from "../form-parts.js";
import { type UnitFormValues, UnitFields } from "./unit-fields.js";

const TEXT = {
  vi: {
    back: "Tất cả đơn vị",
    version: (v: number, at: string) => `Phiên bản ${v}, lưu lúc ${at}.`,
    stale: "Đơn vị này vừa được người khác sửa",
    staleLead: (v: number) =>
      `Trong lúc bạn sửa, đơn vị đã được lưu thành phiên bản ${v}. Giá trị đang lưu ở dưới; thay đổi của bạn vẫn còn trong biểu mẫu. Kiểm tra rồi bấm Lưu để ghi đè, hoặc tải lại trang để bỏ thay đổi.`,
    storedName: "Tên đang lưu",
    storedType: "Loại đang lưu",
    storedBlock: "Khối đang lưu",
    byType: "theo loại",
    reason: "Lý do thay đổi (không bắt buộc)",
    reasonHint: "Được ghi vào nhật ký thay đổi.",
    save: "Lưu",
  },
  en: {
    back: "All units",
    version: (v: number, at: string) => `Version ${v}, saved ${at}.`,
    stale: "Someone else has just changed this unit",
    staleLead: (v: number) =>
      `While you were editing, the unit was saved as version ${v}. The stored values are below; your change is still in the form. Check, then select Save to overwrite, or reload the page to drop your change.`,
    storedName: "Stored name",
    storedType: "Stored type",
    storedBlock: "Stored block",
    byType: "by type",
    reason: "Reason for the change (optional)",
    reasonHint: "Kept in the audit trail.",
    save: "Save",
  },
} as const;

/**
 * Editing one unit. The form carries the version it was read at; a save over a newer one is
 * refused and the page shows what is stored, with the person's change kept in the form.
 */
export function UnitEditPage(props: {
  lang: Lang;
  csrf: string;
  unit: Row<"units">;
  values: UnitFormValues;
  reason: string;
  errors: FormError[];
  /** The stored unit when the save was refused as stale. */
  stored?: Row<"units"> | undefined;
}) {
  const t = TEXT[props.lang];
  const { unit, stored } = props;
  return (
    <>
      <ErrorSummary lang={props.lang} errors={props.errors} />
      <p class="back-link">
        <a href="/admin/units">{t.back}</a>
      </p>
      <h1>
        {unit.code} · {unit.name}
      </h1>
      <p class="muted">{t.version(unit.version, formatInstant(new Date(unit.updated_at), props.lang))}</p>
      {stored ? (
        <div class="notice warn" role="alert">
          <h2>{t.stale}</h2>
          <p>{t.staleLead(stored.version)}</p>
          <dl class="summary">
            <dt>{t.storedName}</dt>
            <dd>{stored.name}</dd>
            <dt>{t.storedType}</dt>
            <dd>{nameIn(UNIT_TYPE_NAMES, stored.type, props.lang)}</dd>
            <dt>{t.storedBlock}</dt>
            <dd>{stored.block ?? t.byType}</dd>
          </dl>
        </div>
      ) : null}
      <form method="post" action={`/admin/units/${encodeURIComponent(unit.code)}`} novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="version" value={String((stored ?? unit).version)} />
        <UnitFields lang={props.lang} values={props.values} errors={props.errors} withCode={false} />
        <div class="field">
          <label for="unit-reason">{t.reason}</label>
          <span class="hint" id="unit-reason-hint">
            {t.reasonHint}
          </span>
          <input type="text" id="unit-reason" name="reason" value={props.reason} maxlength={2000} aria-describedby="unit-reason-hint" />
        </div>
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
    </>
  );
}
