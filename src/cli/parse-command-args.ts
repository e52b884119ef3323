import { existsSync } from "node:fs";
import type { Bilingual, Lang } from "../index.js";
import { nearestName } from "../index.js";
import { usageError } from "./cli-error.js";
import { type AnyCommand, type ArgDef, GLOBAL_ARGS } from "./define-command.js";

/**
 * Reads a command's argv against its definition: `--name value`, `--name=value`, `-h`, and
 * positionals (everything after `--` is positional). Every misuse is a usage error in both
 * languages that names the fix, with "did you mean" for a misspelt option or value.
 */
// biome-ignore lint/suspicious/noExplicitAny: the values match the command's own definition, which its run() is typed against
export function parseCommandArgs(command: AnyCommand, argv: string[]): any {
  const defs: Record<string, ArgDef> = { ...command.args, ...GLOBAL_ARGS };
  const options = Object.entries(defs).filter(([, def]) => def.type !== "positional");
  const aliases = new Map(options.flatMap(([name, def]) => ("alias" in def && def.alias ? [[def.alias, name] as const] : [])));
  const raw = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith("-") || token === "-" || /^-\d/.test(token)) {
      positionals.push(token);
      continue;
    }
    const [given, inline] = splitOnce(token.replace(/^--?/, ""));
    const name = token.startsWith("--") ? given : aliases.get(given);
    const def = name === undefined ? undefined : defs[name];
    if (name === undefined || def === undefined || def.type === "positional")
      throw unknownOption(
        token.split("=")[0]!,
        options.map(([n]) => n),
      );
    if (raw.has(name)) throw usageError({ vi: `Tùy chọn --${name} được cho hai lần.`, en: `Option --${name} is given twice.` });
    if (def.type === "boolean") {
      if (inline !== undefined) throw usageError({ vi: `Tùy chọn --${name} không nhận giá trị.`, en: `Option --${name} takes no value.` });
      raw.set(name, true);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) {
      const hint = valueHint(def, "vi");
      throw usageError({ vi: `Tùy chọn --${name} cần một giá trị (${hint}).`, en: `Option --${name} needs a value (${valueHint(def, "en")}).` });
    }
    if (inline === undefined) i++;
    raw.set(name, value);
  }
  const values: Record<string, unknown> = {};
  const given = options.filter(([name]) => raw.has(name));
  for (const [name, def] of [...given, ...options.filter(([name]) => !raw.has(name))]) values[name] = optionValue(name, def, raw.get(name));
  Object.assign(values, distributePositionals(command, positionals));
  return values;
}

function optionValue(name: string, def: ArgDef, value: string | true | undefined): unknown {
  if (def.type === "boolean") return value === true;
  if (value === undefined || value === true) {
    if (def.type === "enum") return def.default;
    if ("required" in def && def.required) {
      throw usageError({
        vi: `Thiếu --${name} ${valueHint(def, "vi")}: ${def.description.vi}.`,
        en: `Give --${name} ${valueHint(def, "en")}: ${def.description.en}.`,
      });
    }
    return undefined;
  }
  if (def.type === "enum" && !def.options.includes(value)) {
    const near = nearestName(value, [...def.options]);
    const list = def.options.join(", ");
    throw usageError({
      vi: `Giá trị không hợp lệ cho --${name} (${value}).${near ? ` Có phải ý bạn là ${near}?` : ""} Chọn một trong: ${list}.`,
      en: `Invalid value for --${name} (${value}).${near ? ` Did you mean ${near}?` : ""} Expected one of: ${list}.`,
    });
  }
  if (def.type === "integer") {
    if (!/^-?\d+$/.test(value)) {
      throw usageError({
        vi: `Giá trị không hợp lệ cho --${name} (${value}): cần một số nguyên (--${name} <${def.valueHint.vi}>).`,
        en: `Invalid value for --${name} (${value}). Expected a whole number (--${name} <${def.valueHint.en}>).`,
      });
    }
    return Number(value);
  }
  if ("mustExist" in def && def.mustExist) requireFile(value);
  return value;
}

/** Positionals in their declared order; a variadic one (the last) takes the rest. */
function distributePositionals(command: AnyCommand, positionals: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const rest = [...positionals];
  for (const [name, def] of Object.entries(command.args as Record<string, ArgDef>)) {
    if (def.type !== "positional") continue;
    const taken = def.variadic ? rest.splice(0) : rest.splice(0, 1);
    if (def.required && taken.length === 0) {
      throw usageError({
        vi: `Thiếu ${def.name.vi}: ${def.description.vi}. Ví dụ: ${command.meta.example}`,
        en: `Missing ${def.name.en}: ${def.description.en}. Example: ${command.meta.example}`,
      });
    }
    if (def.mustExist) taken.forEach(requireFile);
    values[name] = def.variadic ? taken : taken[0];
  }
  if (rest.length > 0) {
    throw usageError({
      vi: `Thừa đối số: ${rest.join(" ")}. Ví dụ: ${command.meta.example}`,
      en: `Unexpected argument: ${rest.join(" ")}. Example: ${command.meta.example}`,
    });
  }
  return values;
}

export function unknownOption(token: string, names: string[]): Error {
  const near = nearestName(token.replace(/^--?/, ""), names);
  const list = names.map((n) => `--${n}`).join(", ");
  return usageError({
    vi: `Không có tùy chọn ${token}.${near ? ` Có phải ý bạn là --${near}?` : ""} Các tùy chọn: ${list}.`,
    en: `Unknown option ${token}.${near ? ` Did you mean --${near}?` : ""} Expected one of: ${list}.`,
  });
}

function requireFile(path: string): void {
  if (!existsSync(path)) throw usageError({ vi: `Không tìm thấy tệp: ${path}`, en: `File not found: ${path}` });
}

/** What an option's value looks like in help and messages: `<set.json>`, `vi|en`. */
export function valueHint(def: ArgDef, lang: Lang): string {
  if (def.type === "enum") return def.options.join("|");
  if (def.type === "string" || def.type === "integer") return `<${(def.valueHint as Bilingual)[lang]}>`;
  return "";
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf("=");
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
