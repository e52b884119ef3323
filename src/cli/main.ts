#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CliError, EXIT } from "./cli-error.js";
import { demo, demoHelp } from "./commands/demo.js";
import { diff, diffHelp } from "./commands/diff.js";
import { explain, explainHelp } from "./commands/explain.js";
import { rank, rankHelp } from "./commands/rank.js";
import { score, scoreHelp } from "./commands/score.js";
import { survey, surveyHelp } from "./commands/survey.js";
import { validate, validateHelp } from "./commands/validate.js";
import { type Io, formatProblems } from "./output.js";

const COMMANDS: Record<string, { run: (args: string[], io: Io) => number | Promise<number>; help: string }> = {
  validate: { run: validate, help: validateHelp },
  score: { run: score, help: scoreHelp },
  rank: { run: rank, help: rankHelp },
  explain: { run: explain, help: explainHelp },
  diff: { run: diff, help: diffHelp },
  demo: { run: demo, help: demoHelp },
  survey: { run: survey, help: surveyHelp },
};

const USAGE = `par — PAR index (Chỉ số CCHC) scoring engine

${Object.values(COMMANDS)
  .map((c) => c.help)
  .join("\n\n")}

Exit codes: 0 done, 1 input problems (listed on stderr), 2 usage error, 3 internal error.`;

/**
 * Runs one command; returns the exit code, or a promise of it for a command that streams
 * (`par survey import`). Never throws and never rejects.
 */
export function runCli(argv: string[], io: Io): number | Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(`${USAGE}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`Unknown command "${name}". Expected one of: ${Object.keys(COMMANDS).join(", ")}.\n`);
    return EXIT.usage;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  const lang = args.includes("en") && args[args.indexOf("en") - 1] === "--lang" ? "en" : "vi";
  const fail = (error: unknown): number => {
    if (error instanceof CliError) {
      for (const failure of error.problems) io.stderr(formatProblems(failure.file, failure.problems, lang));
      io.stderr(`par ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`par ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
  };
  try {
    const code = command.run(args, io);
    return typeof code === "number" ? code : code.catch(fail);
  } catch (error) {
    return fail(error);
  }
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
    runCli(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    }),
  ).then((code) => {
    process.exitCode = code;
  });
}
