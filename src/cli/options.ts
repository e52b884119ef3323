import { parseArgs } from "node:util";
import { usageError } from "./cli-error.js";

export type Format = "table" | "json" | "csv";
export type Lang = "vi" | "en";

const COMMON = {
  format: { type: "string" },
  out: { type: "string" },
  lang: { type: "string" },
  criteria: { type: "string" },
  year: { type: "string" },
  previous: { type: "string" },
  unit: { type: "string" },
  survey: { type: "string" },
  mapping: { type: "string" },
  units: { type: "string" },
  report: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export interface Options {
  positionals: string[];
  format: Format;
  out: string | undefined;
  lang: Lang;
  criteria: string | undefined;
  year: number | undefined;
  previous: string | undefined;
  unit: string | undefined;
  survey: string | undefined;
  mapping: string | undefined;
  units: string | undefined;
  report: string | undefined;
  help: boolean;
}

/** Parses a command's arguments; every misuse is a usage error that names the fix. */
export function parseOptions(args: string[], allowed: (keyof typeof COMMON)[], defaultFormat: Format, formats: Format[]): Options {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof COMMON; allowPositionals: true; strict: true; args: string[] }>>;
  try {
    parsed = parseArgs({ args, options: COMMON, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message.replace(/^(TypeError|Error) \[\w+\]: /, "") : String(error));
  }
  const given = Object.keys(parsed.values) as (keyof typeof COMMON)[];
  const stray = given.find((name) => name !== "help" && !allowed.includes(name));
  if (stray) throw usageError(`Option --${stray} does not apply here. Expected one of: ${allowed.map((a) => `--${a}`).join(", ")}.`);
  const values = parsed.values;
  const format = (values.format ?? defaultFormat) as Format;
  if (!formats.includes(format)) throw usageError(`Invalid value for --format (${values.format}). Expected one of: ${formats.join(", ")}.`);
  const lang = (values.lang ?? "vi") as Lang;
  if (lang !== "vi" && lang !== "en") throw usageError(`Invalid value for --lang (${values.lang}). Expected one of: vi, en.`);
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!Number.isInteger(year)) throw usageError(`Invalid value for --year (${values.year}). Expected a year such as 2026.`);
  }
  return {
    positionals: parsed.positionals,
    format,
    out: values.out,
    lang,
    criteria: values.criteria,
    year,
    previous: values.previous,
    unit: values.unit,
    survey: values.survey,
    mapping: values.mapping,
    units: values.units,
    report: values.report,
    help: values.help ?? false,
  };
}

export function requireCriteria(options: Options): string {
  if (!options.criteria) throw usageError("Give the criteria set with --criteria <file.json>.");
  return options.criteria;
}
