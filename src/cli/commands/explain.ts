import { formatReportTable } from "../../io/format-report.js";
import { EXIT, usageError } from "../cli-error.js";
import { parseOptions, requireCriteria } from "../options.js";
import { type Io, emit, formatWarnings } from "../output.js";
import { readCriteriaSet, readUnitInputs } from "../read-inputs.js";
import { scoreInputs } from "../score-inputs.js";

export const explainHelp = `par explain --criteria <set.json> <assessment.json|sheet.csv> [--unit CODE] [--survey results.csv|report.json] [--year 2026] [--lang vi|en] [--out file]
  One unit's score report as a readable table: every item's points and why, the gap list.`;

export async function explain(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, ["criteria", "year", "unit", "lang", "out", "survey"], "table", ["table"]);
  const set = readCriteriaSet(requireCriteria(options));
  const inputs = await readUnitInputs(options.positionals, set, options.year, options.survey, (file, warnings) => io.stderr(formatWarnings(file, warnings, options.lang)));
  const codes = inputs.map((input) => unitCode(input.value));
  const chosen = options.unit ? inputs.filter((_, i) => codes[i] === options.unit) : inputs;
  if (chosen.length !== 1) {
    throw usageError(
      options.unit
        ? `Unit ${options.unit} is not in the input. Units found: ${codes.join(", ")}.`
        : `The input holds ${inputs.length} units; choose one with --unit (${codes.slice(0, 10).join(", ")}${codes.length > 10 ? ", …" : ""}).`,
    );
  }
  const [report] = scoreInputs(set, chosen);
  emit(io, formatReportTable(report!, options.lang), options.out, "table");
  return EXIT.ok;
}

function unitCode(value: unknown): string {
  const unit = (value as { unit?: { code?: unknown } } | null)?.unit;
  return typeof unit?.code === "string" ? unit.code : "?";
}
