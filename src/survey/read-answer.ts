import { normaliseText } from "./normalise-text.js";
import type { Scale, SelectManyQuestion } from "./types.js";

export const EXCLUDED = "excluded";
/** A scale answer: its value, null when empty, EXCLUDED ("không biết"), undefined when it is on no scale. */
export type ScaleAnswer = number | null | typeof EXCLUDED | undefined;

/** Reads cells of one scale: exact text first (the fast path), then NFC/case/space-folded. */
export function compileScale(scale: Scale): (cell: string) => ScaleAnswer {
  const lookup = new Map<string, number | typeof EXCLUDED>();
  const add = (word: string, meaning: number | typeof EXCLUDED) => {
    lookup.set(word, meaning);
    lookup.set(normaliseText(word), meaning);
  };
  for (const answer of scale.answers) for (const word of answer.match) add(word, answer.value);
  for (const word of scale.excluded) add(word, EXCLUDED);
  // ASCII answers of one or two characters ("4", "99") are read from a table: no string hashing
  const short: (number | typeof EXCLUDED | undefined)[] = new Array(128 + 128 * 128).fill(undefined);
  for (const [word, meaning] of lookup) {
    const key = shortKey(word);
    if (key !== -1) short[key] = meaning;
  }
  const seen = new Map<string, ScaleAnswer>();
  return (cell) => {
    const key = shortKey(cell);
    if (key !== -1) {
      const fast = short[key];
      if (fast !== undefined) return fast;
    }
    const exact = lookup.get(cell);
    if (exact !== undefined) return exact;
    let answer = seen.get(cell);
    if (answer === undefined && !seen.has(cell)) {
      const key = normaliseText(cell);
      answer = key === "" ? null : lookup.get(key);
      remember(seen, cell, answer);
    }
    return answer;
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
