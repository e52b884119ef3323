import { normaliseText } from "../text/normalise-text.js";
import type { Scale, SelectManyQuestion } from "./types.js";

/** What a scale cell holds, as an integer (one type on the hot path): an answer's index (≥ 0) into `CompiledScale.values`, or one of these. */
export const EMPTY = -1;
/** "không biết" / "không áp dụng": the question is left out for this respondent. */
export const EXCLUDED = -2;
/** A text on no scale: left out and reported. */
export const OFF_SCALE = -3;

export interface CompiledScale {
  /** The cell's answer index, or EMPTY, EXCLUDED or OFF_SCALE. */
  read(cell: string): number;
  /** By char code below 128: the answer of a one-character cell, or OFF_SCALE when `read` must look (the hot path reads this table inline). */
  single: Int32Array;
  /** Per answer index: its value, and 1 if it is satisfied (value ≥ satisfiedFrom) else 0. */
  values: Float64Array;
  satisfied: Uint8Array;
}

/** Reads cells of one scale: one- and two-character ASCII cells from a table, then exact text, then NFC/case/space-folded. */
export function compileScale(scale: Scale): CompiledScale {
  const lookup = new Map<string, number>();
  const add = (word: string, code: number) => {
    lookup.set(word, code);
    lookup.set(normaliseText(word), code);
  };
  scale.answers.forEach((answer, i) => {
    for (const word of answer.match) add(word, i);
  });
  for (const word of scale.excluded) add(word, EXCLUDED);
  // ASCII answers of one or two characters ("4", "99") are read from a table: no string hashing
  const short = new Int32Array(128 + 128 * 128).fill(OFF_SCALE);
  for (const [word, code] of lookup) {
    const key = shortKey(word);
    if (key !== -1) short[key] = code;
  }
  const seen = new Map<string, number>();
  const whenEmpty = lookup.get("") ?? EMPTY;
  return {
    single: short.subarray(0, 128),
    values: Float64Array.from(scale.answers, (answer) => answer.value),
    satisfied: Uint8Array.from(scale.answers, (answer) => (answer.value >= scale.satisfiedFrom ? 1 : 0)),
    read(cell) {
      if (cell.length === 0) return whenEmpty;
      const key = shortKey(cell);
      if (key !== -1) {
        const fast = short[key]!;
        if (fast !== OFF_SCALE) return fast;
      }
      const exact = lookup.get(cell);
      if (exact !== undefined) return exact;
      const known = seen.get(cell);
      if (known !== undefined) return known;
      const folded = normaliseText(cell);
      return remember(seen, cell, folded === "" ? EMPTY : (lookup.get(folded) ?? OFF_SCALE));
    },
  };
}

function shortKey(word: string): number {
  if (word.length === 1) {
    const c = word.charCodeAt(0);
    return c < 128 ? c : -1;
  }
  if (word.length === 2) {
    const a = word.charCodeAt(0);
    const b = word.charCodeAt(1);
    return a < 128 && b < 128 ? 128 + a * 128 + b : -1;
  }
  return -1;
}

/** Exports repeat a few distinct texts millions of times: remember the first 4,096 readings. */
export function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size < 4096) memo.set(key, value);
  return value;
}

const CHOSEN = new Set(["1", "y", "yes", "true", "x", "có", "co"]);
const NOT_CHOSEN = new Set(["0", "n", "no", "false", "không", "khong", ""]);

/**
 * Reads a select-many answer: option codes separated by spaces (KoboToolbox, ODK), or option
 * codes or labels separated by "," or ";" (Google Forms, spreadsheets). Gives the chosen
 * option indexes, null when empty, or the first text that is no option.
 */
export function compileSelectMany(question: SelectManyQuestion): {
  readCell: (cell: string) => number[] | null | { unknown: string };
  readFlag: (cell: string) => boolean | null;
} {
  const lookup = new Map<string, number>();
  question.select.options.forEach((option, i) => {
    for (const word of [option.code, ...(option.match ?? [])]) lookup.set(normaliseText(word), i);
  });
  const seen = new Map<string, number[] | null | { unknown: string }>();
  const readParts = (parts: string[]): number[] | { unknown: string } => {
    const chosen = new Set<number>();
    for (const part of parts) {
      const index = lookup.get(normaliseText(part));
      if (index === undefined) return { unknown: part.trim() };
      chosen.add(index);
    }
    return [...chosen].sort((a, b) => a - b);
  };
  return {
    readCell(cell) {
      const known = seen.get(cell);
      return known !== undefined ? known : remember(seen, cell, readCell(cell));
    },
    readFlag(cell) {
      const key = normaliseText(cell);
      if (CHOSEN.has(key)) return true;
      return NOT_CHOSEN.has(key) ? false : null;
    },
  };

  function readCell(cell: string): number[] | null | { unknown: string } {
    const whole = lookup.get(normaliseText(cell));
    if (whole !== undefined) return [whole];
    if (cell.trim() === "") return null;
    const bySpace = readParts(cell.trim().split(/\s+/));
    if (Array.isArray(bySpace) || !/[,;]/.test(cell)) return bySpace;
    return readParts(cell.split(/[,;]/).filter((part) => part.trim() !== ""));
  }
}
