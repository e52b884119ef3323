import { type Lang, STATE_NAMES, foldText, textIn } from "../../../src/index.js";
import type { WorklistUnit } from "../../services/worklist-service.js";

export const WORKLIST_COLUMNS = ["code", "name", "block", "state", "self", "appraised", "evidence", "disputed", "deadline"] as const;
export type WorklistColumn = (typeof WORKLIST_COLUMNS)[number];

export interface WorklistQuery {
  state: string;
  /** A block code. */
  block: string;
  q: string;
  sort: WorklistColumn;
  dir: "asc" | "desc";
}

/** The query from a page's search parameters; anything unknown falls back to the default (by code, ascending). */
export function readWorklistQuery(get: (name: string) => string | undefined): WorklistQuery {
  const sort = get("sort") ?? "";
  return {
    state: get("state") ?? "",
    block: get("block") ?? "",
    q: get("q") ?? "",
    sort: (WORKLIST_COLUMNS as readonly string[]).includes(sort) ? (sort as WorklistColumn) : "code",
    dir: get("dir") === "desc" ? "desc" : "asc",
  };
}

const STATE_ORDER = Object.keys(STATE_NAMES);

/** The value a column sorts by: text, or a number; null (nothing to show yet) always sorts last. */
function sortValue(unit: WorklistUnit, column: WorklistColumn, lang: Lang): string | number | null {
  switch (column) {
    case "code":
      return unit.code;
    case "name":
      return unit.name;
    case "block":
      return unit.block ? textIn(unit.block.title, lang) : null;
    case "state":
      return STATE_ORDER.indexOf(unit.state);
    case "self":
      return unit.selfTotal;
    case "appraised":
      return unit.items && unit.items.all > 0 ? unit.items.appraised / unit.items.all : null;
    case "evidence":
      return unit.missingEvidence;
    case "disputed":
      return unit.disputed;
    case "deadline":
      return unit.deadline?.secondsLeft ?? null;
  }
}

/** Folded for search: no diacritics, lower case, runs of spaces as one. */
function searchable(text: string): string {
  return foldText(text).replace(/\s+/g, " ");
}

/**
 * Filters by state and block, searches names without diacritics or extra spaces ("phuong tan"
 * finds "Phường Tân Lập") and sorts by any column, either way; ties (and units without a figure, always last) by code.
 */
export function selectWorklist(units: WorklistUnit[], query: WorklistQuery, lang: Lang): WorklistUnit[] {
  const needle = searchable(query.q);
  const sign = query.dir === "desc" ? -1 : 1;
  const compare = (a: WorklistUnit, b: WorklistUnit): number => {
    const x = sortValue(a, query.sort, lang);
    const y = sortValue(b, query.sort, lang);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi");
    return sign * order;
  };
  return units
    .filter(
      (u) => (!query.state || u.state === query.state) && (!query.block || u.block?.code === query.block) && (!needle || searchable(u.name).includes(needle)),
    )
    .sort((a, b) => compare(a, b) || a.code.localeCompare(b.code));
}
