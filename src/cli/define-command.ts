import type { Bilingual, Lang } from "../index.js";
import type { Io } from "./output.js";

/**
 * One definition per command drives both its parsing and its help (citty's shape): what the
 * command is for, one example, its arguments with their descriptions in both languages, and
 * the function that runs it. `parseCommandArgs` reads argv against it, `renderUsage` prints it.
 */
export type ArgDef =
  | { type: "positional"; name: Bilingual; description: Bilingual; required?: boolean; variadic?: boolean; mustExist?: boolean }
  | { type: "string"; valueHint: Bilingual; description: Bilingual; required?: boolean; mustExist?: boolean; alias?: string }
  | { type: "enum"; options: readonly string[]; description: Bilingual; default?: string; alias?: string }
  | { type: "integer"; valueHint: Bilingual; description: Bilingual; alias?: string }
  | { type: "boolean"; description: Bilingual; alias?: string };

export type ArgDefs = Record<string, ArgDef>;

/** The value each argument parses to, by its kind. */
export type ParsedArgs<T extends ArgDefs> = {
  [K in keyof T]: T[K] extends { type: "boolean" }
    ? boolean
    : T[K] extends { type: "integer" }
      ? number | undefined
      : T[K] extends { type: "positional"; variadic: true }
        ? string[]
        : T[K] extends { type: "enum"; default: string }
          ? string
          : T[K] extends { required: true }
            ? string
            : string | undefined;
};

export interface CommandMeta {
  name: string;
  description: Bilingual;
  /** One command line a person can copy, run from the project's folder. */
  example: string;
}

export interface RunContext<T extends ArgDefs> {
  args: ParsedArgs<T>;
  lang: Lang;
  io: Io;
}

export interface CommandDef<T extends ArgDefs = ArgDefs> {
  meta: CommandMeta;
  args: T;
  run: (context: RunContext<T>) => number | Promise<number>;
}

/** A command with subcommands (`par survey import`): its own help lists them. */
export interface CommandGroup {
  meta: Omit<CommandMeta, "example">;
  subCommands: Record<string, AnyCommand>;
}

// biome-ignore lint/suspicious/noExplicitAny: the table of commands holds definitions of every argument shape
export type AnyCommand = CommandDef<any>;

export function defineCommand<const T extends ArgDefs>(def: CommandDef<T>): CommandDef<T> {
  return def;
}

/** The options every command takes besides its own. */
export const GLOBAL_ARGS = {
  lang: {
    type: "enum",
    options: ["vi", "en"],
    default: "vi",
    description: {
      vi: "ngôn ngữ của thông báo và bảng; đặt sẵn được bằng biến môi trường PAR_LANG",
      en: "language of messages and tables; the PAR_LANG variable sets it too",
    },
  },
  help: { type: "boolean", alias: "h", description: { vi: "xem hướng dẫn của lệnh", en: "show this help" } },
} as const satisfies ArgDefs;
