#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CliError, EXIT } from "./cli-error.js";
import { demo, demoHelp } from "./commands/demo.js";
import { diff, diffHelp } from "./commands/diff.js";
import { explain, explainHelp } from "./commands/explain.js";
import { rank, rankHelp } from "./commands/rank.js";
import { score, scoreHelp } from "./commands/score.js";
import { validate, validateHelp } from "./commands/validate.js";
import { type Io, formatProblems } from "./output.js";

const COMMANDS: Record<string, { run: (args: string[], io: Io) => number; help: string }> = {
  validate: { run: validate, help: validateHelp },
  score: { run: score, help: scoreHelp },
  rank: { run: rank, help: rankHelp },
  explain: { run: explain, help: explainHelp },
  diff: { run: diff, help: diffHelp },
  demo: { run: demo, help: demoHelp },
};

const USAGE = `par — PAR index (Chỉ số CCHC) scoring engine

${Object.values(COMMANDS)
  .map((c) => c.help)
  .join("\n\n")}

Exit codes: 0 done, 1 input problems (listed on stderr), 2 usage error, 3 internal error.`;

/** Runs one command; returns the exit code. Never throws. */
export function runCli(argv: string[], io: Io): number {
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
  try {
    return command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      for (const failure of error.problems) io.stderr(formatProblems(failure.file, failure.problems, lang));
      io.stderr(`par ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`par ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.internal;
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
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
