import { loadCriteriaSet } from "../../criteria/load-criteria-set.js";
import { listLeaves } from "../../criteria/walk-criteria.js";
import type { Problem } from "../../problem.js";
import { CliError, EXIT, usageError } from "../cli-error.js";
import { parseOptions } from "../options.js";
import { type Io, emit, formatProblems } from "../output.js";
import { readJson } from "../read-inputs.js";

export const validateHelp = `par validate <criteria.json…> [--format table|json] [--lang vi|en]
  Checks criteria files and lists every problem with its JSON path. Exit 0 if all are valid, 1 if not.`;

export function validate(args: string[], io: Io): number {
  const options = parseOptions(args, ["format", "lang", "out"], "table", ["table", "json"]);
  if (options.positionals.length === 0) throw usageError("Give at least one criteria file: par validate criteria/*/20*.json");
  const results = options.positionals.map((file) => {
    let problems: Problem[];
    let summary = "";
    try {
      const loaded = loadCriteriaSet(readJson(file));
      problems = loaded.ok ? [] : loaded.problems;
      if (loaded.ok) {
        const set = loaded.value;
        summary = `${set.family} ${set.version} (${set.status}): ${set.areas.length} areas, ${listLeaves(set).length} items, ${set.totalMax} points`;
      }
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems = error.problems.flatMap((p) => p.problems);
      if (problems.length === 0) throw error;
    }
    return { file, ok: problems.length === 0, summary, problems };
  });
  const text =
    options.format === "json"
      ? `${JSON.stringify(results, null, 2)}\n`
      : results.map((r) => (r.ok ? `✓ ${r.file}: ${r.summary}\n` : formatProblems(r.file, r.problems, options.lang))).join("");
  emit(io, text, options.out, options.format);
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.problems;
}
