import type { Problem } from "../index.js";

/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

/** Stops a command: a usage error (exit 2) or input problems to list (exit 1). */
export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly problems: { file: string; problems: Problem[] }[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}

export function usageError(message: string): CliError {
  return new CliError(EXIT.usage, message);
}

export function problemsError(message: string, file: string, problems: Problem[]): CliError {
  return new CliError(EXIT.problems, message, [{ file, problems }]);
}
