import type { Bilingual, Lang } from "../index.js";
import type { Problem } from "../index.js";

/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;

/**
 * Stops a command: a usage error (exit 2) or input problems to list (exit 1). The message is
 * given in both languages; a plain string is English only and is then shown as it is.
 */
export class CliError extends Error {
  readonly text: Bilingual | null;

  constructor(
    readonly exitCode: number,
    message: string | Bilingual,
    readonly problems: { file: string; problems: Problem[] }[] = [],
  ) {
    super(typeof message === "string" ? message : message.en);
    this.name = "CliError";
    this.text = typeof message === "string" ? null : message;
  }

  /** The message in `lang`, or null when it was only given in English and `lang` is Vietnamese. */
  messageIn(lang: Lang): string | null {
    if (this.text) return this.text[lang];
    return lang === "en" ? this.message : null;
  }
}

export function usageError(message: string | Bilingual): CliError {
  return new CliError(EXIT.usage, message);
}

export function problemsError(message: string | Bilingual, file: string, problems: Problem[]): CliError {
  return new CliError(EXIT.problems, message, [{ file, problems }]);
}
