import type { Bilingual, Lang } from "../i18n/lang.js";

/** One step of a path inside a criteria file that a provincial officer recognises: an area, an item, a fact… */
export interface PathPlace {
  kind: Bilingual;
  code: string;
  /** The title written in the file, when it has one. */
  title?: Bilingual;
}

const KINDS = {
  area: { vi: "Lĩnh vực", en: "Area" },
  criterion: { vi: "Tiêu chí", en: "Criterion" },
  subCriterion: { vi: "Tiêu chí thành phần", en: "Sub-criterion" },
  bonus: { vi: "Điểm thưởng", en: "Bonus item" },
  penalty: { vi: "Điểm trừ", en: "Penalty item" },
  fact: { vi: "Số liệu", en: "Fact" },
  indicator: { vi: "Chỉ tiêu điều tra", en: "Survey indicator" },
  class: { vi: "Xếp loại", en: "Class" },
  block: { vi: "Khối", en: "Block" },
} as const satisfies Record<string, Bilingual>;

/** The fields a problem most often points at, by their name in the file. */
const FIELDS: Record<string, Bilingual> = {
  max: { vi: "điểm tối đa", en: "maximum points" },
  title: { vi: "tên", en: "title" },
  scoring: { vi: "cách chấm", en: "scoring" },
  code: { vi: "mã", en: "code" },
  type: { vi: "kiểu", en: "type" },
  notApplicable: { vi: "không phát sinh", en: "not applicable" },
  totalMax: { vi: "tổng điểm tối đa", en: "total maximum" },
  evidence: { vi: "tài liệu kiểm chứng", en: "evidence" },
  cap: { vi: "mức trần", en: "cap" },
  index: { vi: "khoảng chỉ số", en: "index range" },
  unitTypes: { vi: "loại đơn vị", en: "unit types" },
};

/**
 * Where a problem's JSON path (`areas[1].children[0].scoring.tiers`) points, in the words of the
 * criteria set itself: the area, criterion and sub-criterion it lies in, with their codes and
 * titles as written in the file (read from the raw upload, so it works for a set that does not
 * load), then the field. Parts of the path the file does not have are kept as written.
 */
export function locateCriteriaPath(json: unknown, path: string): { places: PathPlace[]; field: string } {
  const tokens = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
  const places: PathPlace[] = [];
  let node: unknown = json;
  let fieldFrom = 0;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    node = isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[token] : undefined;
    const container = [tokens[i - 2], tokens[i - 1]];
    const kind = placeKind(tokens[0], container, typeof token === "number", depth);
    if (!kind) continue;
    if (kind === KINDS.area || kind === KINDS.criterion || kind === KINDS.subCriterion) depth++;
    const code = isObject(node) && typeof node.code === "string" ? node.code : typeof token === "string" ? token : `#${token + 1}`;
    const title = isObject(node) ? bilingual(node.title) : undefined;
    places.push({ kind, code, ...(title ? { title } : {}) });
    fieldFrom = i + 1;
  }
  const field = tokens
    .slice(fieldFrom)
    .map((t, i) => (typeof t === "number" ? `[${t}]` : `${i > 0 ? "." : ""}${t}`))
    .join("");
  return { places, field };
}

/** The located path as one line: `Lĩnh vực 2 «Cải cách TTHC» › Tiêu chí 2.1 «…» › điểm tối đa (max)`. */
export function describeCriteriaPath(json: unknown, path: string, lang: Lang): string {
  const { places, field } = locateCriteriaPath(json, path === "(file)" ? "" : path);
  const parts = places.map((p) => `${p.kind[lang]} ${p.code}${p.title ? ` «${p.title[lang]}»` : ""}`);
  if (field !== "") {
    const name = FIELDS[field.split(/[.[]/)[0]!];
    parts.push(name ? `${name[lang]} (${field})` : field);
  }
  return parts.length > 0 ? parts.join(" › ") : lang === "vi" ? "cả tệp" : "the whole file";
}

function placeKind(section: unknown, [grand, parent]: unknown[], isIndex: boolean, depth: number): Bilingual | undefined {
  if (section === "areas" && isIndex && (parent === "areas" || parent === "children"))
    return depth === 0 ? KINDS.area : depth === 1 ? KINDS.criterion : KINDS.subCriterion;
  if ((section === "bonus" || section === "penalty") && isIndex && parent === "items") return KINDS[section];
  if (section === "facts" && parent === "facts" && !isIndex) return KINDS.fact;
  if (section === "survey" && grand === "survey" && parent === "indicators") return KINDS.indicator;
  if (section === "classes" && parent === "classes" && isIndex) return KINDS.class;
  if (section === "ranking" && parent === "blocks" && isIndex) return KINDS.block;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function bilingual(value: unknown): Bilingual | undefined {
  if (!isObject(value) || typeof value.vi !== "string") return undefined;
  return { vi: value.vi, en: typeof value.en === "string" ? value.en : value.vi };
}
