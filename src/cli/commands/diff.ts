import { diffCriteriaSets } from "../../index.js";
import { EXIT, usageError } from "../cli-error.js";
import { formatDiff } from "../format-diff.js";
import { parseOptions } from "../options.js";
import { type Io, emit } from "../output.js";
import { readCriteriaSet } from "../read-inputs.js";

export const diffHelp = `par diff <older.json> <newer.json> [--format table|json] [--lang vi|en] [--out file]
  What changed between two criteria versions: items added, removed, moved, points and rules changed.`;

export function diff(args: string[], io: Io): number {
  const options = parseOptions(args, ["format", "lang", "out"], "table", ["table", "json"]);
  const [olderPath, newerPath, ...rest] = options.positionals;
  if (!olderPath || !newerPath || rest.length > 0) throw usageError("Give exactly two criteria files: par diff <older.json> <newer.json>");
  const changes = diffCriteriaSets(readCriteriaSet(olderPath), readCriteriaSet(newerPath));
  const text = options.format === "json" ? `${JSON.stringify(changes, null, 2)}\n` : formatDiff(changes, options.lang);
  emit(io, text, options.out, options.format);
  return EXIT.ok;
}
