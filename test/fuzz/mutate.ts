import type { Random } from "../../src/synthetic/random.js";
import { unicodeText, windows1258 } from "../io/fixtures/saved-by-excel.js";

/**
 * Mutants of an input file, drawn from a seeded random source so every run makes the same
 * ones. `detectable` says whether the damage can be told from the file itself: a file cut,
 * re-encoded, with a cell deleted, duplicated or shifted, a stray quote, an unbroken line,
 * a NUL; a deleted line or a flipped byte may be an edit like any other, so for those only
 * "no crash, no hang" is asked.
 */
export interface Mutant {
  kind: string;
  bytes: Uint8Array;
  detectable: boolean;
}

const utf8 = (text: string) => Buffer.from(text, "utf8");

function dataLine(lines: string[], random: Random): number {
  const filled = lines.map((line, i) => (i > 0 && line.trim() !== "" ? i : -1)).filter((i) => i !== -1);
  return filled.length > 0 ? random.pick(filled) : 0;
}

function withLine(text: string, random: Random, change: (line: string, delimiter: string) => string | null): string | null {
  const lines = text.split("\n");
  const i = dataLine(lines, random);
  const delimiter = [";", "\t", ","].find((d) => (lines[0] ?? "").includes(d)) ?? ",";
  const changed = change(lines[i] ?? "", delimiter);
  if (changed === null) return null;
  lines[i] = changed;
  return lines.join("\n");
}

function cellsOf(line: string, delimiter: string): string[] {
  return line.split(delimiter);
}

/** The text mutators of a CSV table. */
export const CSV_MUTATORS: Record<string, { detectable: boolean; mutate: (text: string, random: Random) => Uint8Array | null }> = {
  truncate: {
    detectable: true,
    // a cut right after a line break is covered by its own test (the short last unit); here the cut is inside a line
    mutate: (text, random) => {
      let at = random.int(1, text.length - 2);
      while (at > 1 && (text[at - 1] === "\n" || text[at - 1] === "\r")) at -= 1;
      return utf8(text.slice(0, at));
    },
  },
  "windows-1258": { detectable: true, mutate: (text) => windows1258(text.replace(/^\uFEFF/, "")) },
  "unicode-text": { detectable: true, mutate: (text) => unicodeText(text.replace(/^\uFEFF/, "")) },
  bom: { detectable: true, mutate: (text) => utf8(`\uFEFF${text.replace(/^\uFEFF/, "")}`) },
  "delete-cell": {
    detectable: true,
    mutate: (text, random) => {
      const out = withLine(text, random, (line, d) => {
        const cells = cellsOf(line, d);
        if (cells.length < 2) return null;
        cells.splice(random.int(0, cells.length - 1), 1);
        return cells.join(d);
      });
      return out === null ? null : utf8(out);
    },
  },
  "duplicate-cell": {
    detectable: true,
    mutate: (text, random) => {
      const out = withLine(text, random, (line, d) => {
        const cells = cellsOf(line, d);
        const i = random.int(0, cells.length - 1);
        cells.splice(i, 0, cells[i] ?? "");
        return cells.join(d);
      });
      return out === null ? null : utf8(out);
    },
  },
  "stray-quote": {
    detectable: true,
    mutate: (text, random) => {
      const out = withLine(text, random, (line, d) => {
        const cells = cellsOf(line, d);
        const i = random.int(0, cells.length - 1);
        if ((cells[i] ?? "").includes('"')) return null;
        cells[i] = `"${cells[i] ?? ""}`;
        return cells.join(d);
      });
      return out === null ? null : utf8(out);
    },
  },
  "decimal-comma": {
    detectable: true,
    mutate: (text, random) => {
      const header = text.split("\n")[0] ?? "";
      if (header.includes(";") || header.includes("\t")) return null; // a decimal comma only shifts cells in a comma-separated file
      const out = withLine(text, random, (line) => (/\d\.\d/.test(line) ? line.replace(/(\d)\.(\d)/, "$1,$2") : null));
      return out === null ? null : utf8(out);
    },
  },
  "duplicate-line": {
    detectable: true,
    mutate: (text, random) => {
      const out = withLine(text, random, (line) => `${line}\n${line}`);
      return out === null ? null : utf8(out);
    },
  },
  "unbroken-line": { detectable: true, mutate: (text, random) => utf8(`${text}${"9,".repeat(random.int(100_000, 300_000))}\n`) },
  nul: {
    detectable: true,
    mutate: (text, random) => {
      const at = random.int(0, text.length - 1);
      return utf8(`${text.slice(0, at)}\u0000${text.slice(at)}`);
    },
  },
  "delete-line": {
    detectable: false,
    mutate: (text, random) => {
      const lines = text.split("\n");
      lines.splice(dataLine(lines, random), 1);
      return utf8(lines.join("\n"));
    },
  },
  "flip-byte": {
    detectable: false,
    mutate: (text, random) => {
      const bytes = Buffer.from(utf8(text));
      const at = random.int(0, bytes.length - 1);
      bytes[at] = (bytes[at] ?? 0) ^ (1 << random.int(0, 7));
      return bytes;
    },
  },
};

/** A JSON value with one place changed: every path through objects and arrays, then one drawn. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) paths(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(root);
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const next = change(node[last]);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = next;
  return copy;
}

function nest(value: unknown, depth: number): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = i % 2 === 0 ? [out] : { x: out };
  return out;
}

const REPLACEMENTS: unknown[] = ["", "x", "1", -1, 0, 1e9, 0.1, null, true, [], {}, [1, "a"], { a: 1 }, "2026-13-45", "1/10/2026"];

/** The JSON mutators of a criteria set (or any JSON input). */
export const JSON_MUTATORS: Record<string, (json: unknown, text: string, random: Random) => Uint8Array> = {
  truncate: (_, text, random) => utf8(text.slice(0, random.int(0, text.length - 1))),
  "change-type": (json, _, random) => utf8(JSON.stringify(setAt(json, random.pick(paths(json)), () => random.pick(REPLACEMENTS)))),
  "delete-key": (json, _, random) => utf8(JSON.stringify(setAt(json, random.pick(paths(json).filter((p) => p.length > 0)), () => undefined))),
  "deep-nesting": (json, _, random) => utf8(JSON.stringify(setAt(json, random.pick(paths(json)), (v) => nest(v, random.pick([20, 60, 200, 5000]))))),
  "huge-array": (json, _, random) => {
    const arrays = paths(json).filter((p) => Array.isArray(p.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], json)));
    if (arrays.length === 0) return utf8(JSON.stringify(json));
    return utf8(
      JSON.stringify(
        setAt(json, random.pick(arrays), (v) =>
          Array.from({ length: random.pick([1000, 5000]) }, (_, i) => (v as unknown[])[i % Math.max((v as unknown[]).length, 1)] ?? i),
        ),
      ),
    );
  },
  "windows-1258": (_, text) => windows1258(text),
  "unicode-text": (_, text) => unicodeText(text),
  "flip-byte": (_, text, random) => {
    const bytes = Buffer.from(utf8(text));
    const at = random.int(0, bytes.length - 1);
    bytes[at] = (bytes[at] ?? 0) ^ (1 << random.int(0, 7));
    return bytes;
  },
};

/** Mutators of a binary file (an XLSX workbook). */
export const BINARY_MUTATORS: Record<string, (bytes: Uint8Array, random: Random) => Uint8Array> = {
  truncate: (bytes, random) => bytes.subarray(0, random.int(0, bytes.length - 1)),
  "flip-byte": (bytes, random) => {
    const copy = Buffer.from(bytes);
    const at = random.int(0, copy.length - 1);
    copy[at] = (copy[at] ?? 0) ^ (1 << random.int(0, 7));
    return copy;
  },
  "zero-run": (bytes, random) => {
    const copy = Buffer.from(bytes);
    const at = random.int(0, copy.length - 1);
    copy.fill(0, at, Math.min(copy.length, at + random.int(1, 64)));
    return copy;
  },
  "random-bytes": (bytes, random) => Uint8Array.from({ length: random.int(0, bytes.length) }, () => random.int(0, 255)),
};
