#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Lang, isLang } from "../index.js";
import { nearestName } from "../index.js";
import { CliError, EXIT, usageError } from "./cli-error.js";
import { demoCommand } from "./commands/demo.js";
import { diffCommand } from "./commands/diff.js";
import { explainCommand } from "./commands/explain.js";
import { rankCommand } from "./commands/rank.js";
import { reportCommand } from "./commands/report.js";
import { scoreCommand } from "./commands/score.js";
import { surveyGroup } from "./commands/survey.js";
import { validateCommand } from "./commands/validate.js";
import { whatIfCommand } from "./commands/what-if.js";
import { whyMovedCommand } from "./commands/why-moved.js";
import { type AnyCommand, type CommandGroup, GLOBAL_ARGS } from "./define-command.js";
import { type Io, formatFailures } from "./output.js";
import { parseCommandArgs, unknownOption } from "./parse-command-args.js";
import { renderGroupUsage, renderOverview, renderUsage } from "./render-usage.js";

const COMMANDS: Record<string, AnyCommand | CommandGroup> = {
  validate: validateCommand,
  score: scoreCommand,
  rank: rankCommand,
  report: reportCommand,
  "what-if": whatIfCommand,
  "why-moved": whyMovedCommand,
  explain: explainCommand,
  diff: diffCommand,
  demo: demoCommand,
  survey: surveyGroup,
};

const TITLE = { vi: "công cụ chấm điểm Chỉ số cải cách hành chính (Chỉ số CCHC)", en: "scoring engine of the PAR index (Chỉ số CCHC)" };

/**
 * Runs one command; returns the exit code, or a promise of it for a command that streams
 * (`par survey import`). Never throws and never rejects. The language is `--lang`, else the
 * PAR_LANG variable, else Vietnamese.
 */
export function runCli(argv: string[], io: Io, env: { PAR_LANG?: string | undefined } = {}): number | Promise<number> {
  const lang = chosenLang(argv, env.PAR_LANG);
  let label = "par";
  const fail = (error: unknown): number => {
    if (error instanceof CliError) {
      io.stderr(formatFailures(error.problems, lang));
      io.stderr(`${label}: ${error.messageIn(lang) ?? fallbackMessage(error)}\n`);
      if (error.exitCode === EXIT.usage) io.stderr(lang === "vi" ? `Xem hướng dẫn: ${label} --help\n` : `See: ${label} --help\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`${label}: ${lang === "vi" ? "lỗi nội bộ" : "internal error"}: ${detail}\n`);
    return EXIT.internal;
  };
  try {
    const at = argv.findIndex((_, i) => !isLangOption(argv, i) && !(i > 0 && argv[i - 1] === "--lang"));
    const name = at < 0 ? undefined : argv[at];
    const rest = at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + 1)];
    if (name === undefined || name === "--help" || name === "-h") {
      io.stdout(renderOverview(TITLE, COMMANDS, lang));
      return name ? EXIT.ok : EXIT.usage;
    }
    if (name === "help") return showHelp(positionalsOf(rest), io, lang);
    if (name.startsWith("-")) throw unknownOption(name.split("=")[0]!, Object.keys(GLOBAL_ARGS));
    if (Object.hasOwn(COMMANDS, name)) label = `par ${name}`;
    const found = resolveCommand([name, ...rest]);
    label = `par ${found.path.join(" ")}`;
    if (wantsHelp(found.rest)) {
      io.stdout(usageOf(found, lang));
      return EXIT.ok;
    }
    if ("subCommands" in found.command) throw unknownCommand(undefined, found.command.subCommands, found.path[0]!);
    const command = found.command;
    const code = command.run({ args: parseCommandArgs(command, found.rest), lang, io });
    return typeof code === "number" ? code : code.catch(fail);
  } catch (error) {
    return fail(error);
  }
}

/** `par help [command [subcommand]]`. */
function showHelp(words: string[], io: Io, lang: Lang): number {
  if (words.length === 0) {
    io.stdout(renderOverview(TITLE, COMMANDS, lang));
    return EXIT.ok;
  }
  io.stdout(usageOf(resolveCommand(words), lang));
  return EXIT.ok;
}

function usageOf(found: { command: AnyCommand | CommandGroup; path: string[] }, lang: Lang): string {
  return "subCommands" in found.command ? renderGroupUsage(found.path[0]!, found.command, lang) : renderUsage(found.command, lang);
}

/** The command a word (and, for a group, the next positional word) names; a misspelt one is a usage error with "did you mean". */
function resolveCommand(words: string[]): { command: AnyCommand | CommandGroup; path: string[]; rest: string[] } {
  const [name, ...rest] = words;
  const command = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command || name === undefined) throw unknownCommand(name, COMMANDS, undefined);
  if (!("subCommands" in command)) return { command, path: [name], rest };
  const at = rest.findIndex((word, i) => !word.startsWith("-") && !isOptionValue(rest, i));
  if (at < 0) return { command, path: [name], rest };
  const sub = rest[at]!;
  const subCommand = Object.hasOwn(command.subCommands, sub) ? command.subCommands[sub] : undefined;
  if (!subCommand) throw unknownCommand(sub, command.subCommands, name);
  return { command: subCommand, path: [name, sub], rest: [...rest.slice(0, at), ...rest.slice(at + 1)] };
}

function unknownCommand(name: string | undefined, commands: Record<string, unknown>, group: string | undefined): CliError {
  const names = Object.keys(commands);
  const near = name === undefined ? null : nearestName(name, names);
  const list = names.join(", ");
  const guess = { vi: near ? ` Có phải ý bạn là "${near}"?` : "", en: near ? ` Did you mean "${near}"?` : "" };
  if (name === undefined)
    return usageError({ vi: `Thiếu lệnh sau "par ${group}". Các lệnh: ${list}.`, en: `Give a command after "par ${group}". Expected one of: ${list}.` });
  const full = group ? `par ${group} ${name}` : name;
  return usageError({ vi: `Không có lệnh "${full}".${guess.vi} Các lệnh: ${list}.`, en: `Unknown command "${full}".${guess.en} Expected one of: ${list}.` });
}

function chosenLang(argv: string[], fromEnv: string | undefined): Lang {
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i]!.startsWith("--lang=") ? argv[i]!.slice(7) : undefined;
    if (isLang(value)) return value;
  }
  return isLang(fromEnv) ? fromEnv : "vi";
}

function isLangOption(argv: string[], i: number): boolean {
  return argv[i] === "--lang" || argv[i]!.startsWith("--lang=");
}

/** A word that follows an option taking a value (`--format table`). */
function isOptionValue(words: string[], i: number): boolean {
  const before = words[i - 1];
  return before !== undefined && before.startsWith("--") && !before.includes("=") && before !== "--help";
}

function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((token) => token === "--help" || token === "-h");
}

function positionalsOf(argv: string[]): string[] {
  return argv.filter((word, i) => !word.startsWith("-") && !isOptionValue(argv, i));
}

/** A closing line for an error given in English only, shown in Vietnamese. */
function fallbackMessage(error: CliError): string {
  if (error.exitCode !== EXIT.problems) return error.message;
  const files = error.problems.map((failure) => failure.file);
  return `dừng vì có lỗi trong ${files.length > 0 ? files.join(", ") : "dữ liệu đầu vào"} (xem ở trên)`;
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  void Promise.resolve(
    runCli(
      process.argv.slice(2),
      {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      },
      { PAR_LANG: process.env.PAR_LANG },
    ),
  ).then((code) => {
    process.exitCode = code;
  });
}
