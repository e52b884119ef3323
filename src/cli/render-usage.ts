import type { Lang } from "../index.js";
import { textWidth } from "../io/render-table.js";
import { type AnyCommand, type ArgDef, type CommandGroup, GLOBAL_ARGS } from "./define-command.js";
import { valueHint } from "./parse-command-args.js";

/** The words of the help screens. */
const WORDS = {
  vi: {
    usage: "Cách dùng",
    arguments: "Đối số",
    options: "Tùy chọn",
    commands: "Lệnh",
    example: "Ví dụ",
    required: "bắt buộc",
    default: "mặc định",
    more: "nhiều tệp",
    optionsWord: "tùy chọn",
    command: "lệnh",
    commandHelp: (name: string) => `Hướng dẫn của một lệnh: ${name} <lệnh> --help (hoặc ${name} help <lệnh>).`,
    exits: "Mã thoát: 0 xong; 1 dữ liệu đầu vào có lỗi (liệt kê ở stderr); 2 dùng sai lệnh; 3 lỗi nội bộ.",
  },
  en: {
    usage: "Usage",
    arguments: "Arguments",
    options: "Options",
    commands: "Commands",
    example: "Example",
    required: "required",
    default: "default",
    more: "one or more",
    optionsWord: "options",
    command: "command",
    commandHelp: (name: string) => `Help on one command: ${name} <command> --help (or ${name} help <command>).`,
    exits: "Exit codes: 0 done; 1 input problems (listed on stderr); 2 usage error; 3 internal error.",
  },
};

/** `par <command> --help`: what it does, how to call it, every argument and option, one example. */
export function renderUsage(command: AnyCommand, lang: Lang): string {
  const w = WORDS[lang];
  const args: [string, ArgDef][] = Object.entries(command.args);
  const positionals = args.filter(([, def]) => def.type === "positional");
  const options = [...args.filter(([, def]) => def.type !== "positional"), ...Object.entries(GLOBAL_ARGS)];
  const required = options.filter(([, def]) => "required" in def && def.required);
  const synopsis = [
    `par ${command.meta.name}`,
    ...positionals.map(([, def]) => positionalHint(def, lang)),
    ...required.map(([name, def]) => `--${name} ${valueHint(def, lang)}`),
    `[${w.optionsWord}]`,
  ].join(" ");
  const lines = [`par ${command.meta.name} — ${command.meta.description[lang]}`, "", `${w.usage}: ${synopsis}`];
  if (positionals.length > 0) {
    lines.push("", `${w.arguments}:`, ...twoColumns(positionals.map(([, def]) => [positionalHint(def, lang), describe(def, lang)])));
  }
  lines.push("", `${w.options}:`, ...twoColumns(options.map(([name, def]) => [optionHint(name, def, lang), describe(def, lang)])));
  lines.push("", `${w.example}:`, `  $ ${command.meta.example}`);
  return `${lines.join("\n")}\n`;
}

/** `par --help`: every command with what it does and one example, then the common options. */
export function renderOverview(title: Record<Lang, string>, commands: Record<string, AnyCommand | CommandGroup>, lang: Lang): string {
  const w = WORDS[lang];
  const rows = listCommands(commands).flatMap((command): [string, string][] => [
    [command.meta.name, command.meta.description[lang]],
    ["", `$ ${command.meta.example}`],
  ]);
  const options = Object.entries(GLOBAL_ARGS).map(([name, def]): [string, string] => [optionHint(name, def, lang), describe(def, lang)]);
  return [
    `par — ${title[lang]}`,
    "",
    `${w.usage}: par <${w.command}> [${w.optionsWord}]`,
    "",
    `${w.commands}:`,
    ...twoColumns(rows),
    "",
    `${w.options}:`,
    ...twoColumns(options),
    "",
    w.commandHelp("par"),
    w.exits,
    "",
  ].join("\n");
}

/** `par survey --help`: the subcommands of a group. */
export function renderGroupUsage(name: string, group: CommandGroup, lang: Lang): string {
  const w = WORDS[lang];
  const rows = listCommands(group.subCommands).flatMap((command): [string, string][] => [
    [command.meta.name, command.meta.description[lang]],
    ["", `$ ${command.meta.example}`],
  ]);
  return [
    `par ${name} — ${group.meta.description[lang]}`,
    "",
    `${w.usage}: par ${name} <${w.command}> [${w.optionsWord}]`,
    "",
    `${w.commands}:`,
    ...twoColumns(rows),
    "",
  ].join("\n");
}

/** Commands in their listed order, a group's subcommands in its place. */
export function listCommands(commands: Record<string, AnyCommand | CommandGroup>): AnyCommand[] {
  return Object.values(commands).flatMap((command) => ("subCommands" in command ? listCommands(command.subCommands) : [command]));
}

function positionalHint(def: ArgDef, lang: Lang): string {
  if (def.type !== "positional") return "";
  const text = `<${def.name[lang]}${def.variadic ? "…" : ""}>`;
  return def.required ? text : `[${text}]`;
}

function optionHint(name: string, def: ArgDef, lang: Lang): string {
  const alias = "alias" in def && def.alias ? `-${def.alias}, ` : "";
  const hint = valueHint(def, lang);
  return `${alias}--${name}${hint ? ` ${hint}` : ""}`;
}

function describe(def: ArgDef, lang: Lang): string {
  const w = WORDS[lang];
  const notes = [
    "required" in def && def.required ? w.required : "",
    def.type === "positional" && def.variadic ? w.more : "",
    def.type === "enum" && def.default ? `${w.default}: ${def.default}` : "",
  ].filter(Boolean);
  return `${def.description[lang]}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`;
}

/** Left column padded to its widest entry (at most 32 columns; a longer one takes its own line). */
function twoColumns(rows: [string, string][]): string[] {
  const width = Math.min(32, Math.max(...rows.map(([left]) => textWidth(left))));
  return rows.flatMap(([left, right]) => {
    const pad = width - textWidth(left);
    return pad >= 0 ? [`  ${left}${" ".repeat(pad)}  ${right}`] : [`  ${left}`, `  ${" ".repeat(width)}  ${right}`];
  });
}
