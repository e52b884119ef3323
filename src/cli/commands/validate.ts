import { type CriteriaSet, listLeaves, loadCriteriaSet, loadSurveyMapping, type Problem, SURVEY_MAPPING_FORMAT, type SurveyMapping } from "../../index.js";
import { CliError, EXIT, usageError } from "../cli-error.js";
import { parseOptions } from "../options.js";
import { type Io, emit, formatProblems } from "../output.js";
import { shippedCriteriaPath } from "../../files/package-root.js";
import { readCriteriaSet, readJson } from "../read-inputs.js";

export const validateHelp = `par validate <file.json…> [--criteria <set.json>] [--format table|json] [--lang vi|en]
  Checks criteria sets and survey instrument mappings (format "${SURVEY_MAPPING_FORMAT}") and lists
  every problem with its JSON path. A mapping is also checked against the criteria set it names:
  --criteria, or else the shipped criteria/<family>/<version>.json. Exit 0 if all are valid, 1 if not.`;

interface Checked {
  kind: "criteria" | "survey-mapping";
  problems: Problem[];
  summary: string;
}

export function validate(args: string[], io: Io): number {
  const options = parseOptions(args, ["format", "lang", "out", "criteria"], "table", ["table", "json"]);
  if (options.positionals.length === 0) throw usageError("Give at least one criteria set or survey mapping: par validate criteria/*/20*.json criteria/survey/*/*.json");
  const criteria = options.criteria ? readCriteriaSet(options.criteria) : undefined;
  const results = options.positionals.map((file) => {
    let checked: Checked;
    try {
      const json = readJson(file);
      checked = isSurveyMapping(json) ? checkSurveyMapping(json, criteria) : checkCriteriaSet(json);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      const problems = error.problems.flatMap((p) => p.problems);
      if (problems.length === 0) throw error;
      checked = { kind: "criteria", problems, summary: "" };
    }
    return { file, kind: checked.kind, ok: checked.problems.length === 0, summary: checked.summary, problems: checked.problems };
  });
  const text =
    options.format === "json"
      ? `${JSON.stringify(results, null, 2)}\n`
      : results.map((r) => (r.ok ? `✓ ${r.file}: ${r.summary}\n` : formatProblems(r.file, r.problems, options.lang))).join("");
  emit(io, text, options.out, options.format);
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.problems;
}

function checkCriteriaSet(json: unknown): Checked {
  const loaded = loadCriteriaSet(json);
  if (!loaded.ok) return { kind: "criteria", problems: loaded.problems, summary: "" };
  const set = loaded.value;
  return { kind: "criteria", problems: [], summary: `${set.family} ${set.version} (${set.status}): ${set.areas.length} areas, ${listLeaves(set).length} items, ${set.totalMax} points` };
}

/** A mapping is checked against `--criteria`, or the shipped set it names; without either its indicators are left unchecked (said in the summary). */
function checkSurveyMapping(json: { criteria?: unknown }, given: CriteriaSet | undefined): Checked {
  const named = json.criteria as { family?: unknown; version?: unknown } | undefined;
  const shipped = given ? null : shippedCriteriaPath(named);
  const criteria = given ?? (shipped ? readCriteriaSet(shipped) : undefined);
  const loaded = loadSurveyMapping(json, criteria);
  if (!loaded.ok) return { kind: "survey-mapping", problems: loaded.problems, summary: "" };
  const mapping: SurveyMapping = loaded.value;
  const target = `${mapping.criteria.family} ${mapping.criteria.version}`;
  const against = criteria ? `feeds ${target}` : `indicators not checked: ${target} is not shipped (give --criteria <set.json>)`;
  return {
    kind: "survey-mapping",
    problems: [],
    summary: `survey mapping ${mapping.id} ${mapping.version} (${mapping.status}): ${mapping.questions.length} questions in ${Object.keys(mapping.groups).length} groups, ${Object.keys(mapping.indicators).length} indicators; ${against}`,
  };
}

/** Any `format` starting "par-survey-mapping" is read as a mapping, so a wrong version is reported by the mapping's schema. */
function isSurveyMapping(json: unknown): json is { format: string; criteria?: unknown } {
  return json !== null && typeof json === "object" && typeof (json as { format?: unknown }).format === "string" && (json as { format: string }).format.startsWith("par-survey-mapping");
}
