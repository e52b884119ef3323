import type { Lang } from "../../../src/index.js";
import { CsrfField, FieldError, type FormError, hasError } from "../form-parts.js";

const TEXT = {
  vi: {
    summary: "Đính kèm ảnh chụp hoặc tệp mới",
    file: "Chọn ảnh hoặc tệp",
    title: "Tên tài liệu (không bắt buộc)",
    number: "Số văn bản (không bắt buộc)",
    send: "Tải lên và đính kèm",
    limit: (size: string) => `Ảnh JPEG, PNG hoặc HEIC (iPhone), PDF, Word (DOCX), Excel (XLSX); tối đa ${size} mỗi tệp.`,
  },
  en: {
    summary: "Attach a new photo or file",
    file: "Choose a photo or file",
    title: "Document title (optional)",
    number: "Document number (optional)",
    send: "Upload and attach",
    limit: (size: string) => `JPEG, PNG or HEIC (iPhone) photos, PDF, Word (DOCX), Excel (XLSX); at most ${size} per file.`,
  },
} as const;

/** What the file picker offers: photos (the phone's camera too), PDF and Office files. */
export const ACCEPT = "image/jpeg,image/png,image/heic,image/heif,.heic,.heif,application/pdf,.pdf,.docx,.xlsx";

/**
 * An upload form (multipart/form-data) that stores a new evidence document with its file and
 * cites it on `item`; the size limit and accepted kinds are stated before choosing a file.
 */
export function EvidenceUpload(props: {
  lang: Lang;
  csrf: string;
  action: string;
  item: string;
  back: string;
  maxBytes: number;
  errors?: FormError[] | undefined;
}) {
  const t = TEXT[props.lang];
  const id = (name: string) => uploadFieldId(name, props.item);
  const errors = props.errors ?? [];
  const size = formatBytes(props.maxBytes, props.lang);
  return (
    <details class="upload" open={hasError(errors, id("file"))}>
      <summary>{t.summary}</summary>
      <form method="post" action={props.action} enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="item" value={props.item} />
        <input type="hidden" name="back" value={props.back} />
        <div class={hasError(errors, id("file")) ? "field field-error" : "field"}>
          <label for={id("file")}>{t.file}</label>
          <span class="hint" id={id("file-hint")}>
            {t.limit(size)}
          </span>
          <FieldError id={id("file")} errors={errors} lang={props.lang} />
          <input
            type="file"
            id={id("file")}
            name="file"
            accept={ACCEPT}
            required
            data-max-bytes={String(props.maxBytes)}
            data-max-text={size}
            aria-describedby={`${id("file-hint")}${hasError(errors, id("file")) ? ` ${id("file")}-error` : ""}`}
          />
        </div>
        <div class="field">
          <label for={id("title")}>{t.title}</label>
          <input type="text" id={id("title")} name="title" maxlength={500} />
        </div>
        <div class="field">
          <label for={id("number")}>{t.number}</label>
          <input type="text" class="input-short" id={id("number")} name="number" maxlength={100} />
        </div>
        <button type="submit" class="button secondary">
          {t.send}
        </button>
      </form>
    </details>
  );
}

/** Ids of an item's upload fields (`up-file-1.1.2`), apart from the item's own form. */
export function uploadFieldId(name: string, item: string): string {
  return `up-${name}-${item}`;
}

/** A size limit as people say it: "10 MB", "2 KB", "1,5 MB" (decimal comma in Vietnamese). */
export function formatBytes(bytes: number, lang: Lang): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, "MB"] : [bytes / 1024, "KB"];
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${lang === "vi" ? text.replace(".", ",") : text} ${unit}`;
}
