import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** LibreOffice's command, or null when it is not installed. */
export const SOFFICE =
  ["soffice", "libreoffice"].find((command) => spawnSync(command, ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0) ?? null;

/**
 * Why the LibreOffice suite does not run, or null when it does: skipped without soffice on a
 * developer's machine; in CI (CI=true) a missing soffice is a failure, never a skip.
 */
export const OFFICE_SKIP =
  SOFFICE || process.env.CI === "true" ? null : "soffice is not installed (apt-get install libreoffice-calc-nogui); CI runs this suite";

/** CSV of every sheet, one file each (`<name>-<sheet>.csv`): comma, double quote, UTF-8, text cells quoted, numbers as stored. */
export const CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1";

/**
 * Converts files with LibreOffice in one headless call, as a user's LibreOffice would open and
 * save them: `soffice --headless --convert-to <to> --outdir <dir> files…` in a profile of its own
 * (parallel runs do not share a profile lock), killed after `timeoutMs`. Fails with soffice's
 * stdout and stderr when it fails or writes no file for an input. Returns the output directory.
 */
export async function convert(files: string[], to: string, timeoutMs = 120_000): Promise<string> {
  if (!SOFFICE) throw new Error("soffice is not installed: install libreoffice-calc-nogui (CI installs it in .ci/run)");
  const out = mkdtempSync(join(tmpdir(), "par-office-out-"));
  const profile = mkdtempSync(join(tmpdir(), "par-office-profile-"));
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", to, "--outdir", out, ...files];
  try {
    const { stdout, stderr, error } = await new Promise<{ stdout: string; stderr: string; error: Error | null }>((resolve) =>
      execFile(SOFFICE, args, { timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 10_000_000 }, (error, stdout, stderr) =>
        resolve({ stdout, stderr, error }),
      ),
    );
    const extension = to.split(":")[0]!;
    const missing = files.filter((file) => extension !== "csv" && !existsSync(join(out, `${basename(file, extname(file))}.${extension}`)));
    if (error || missing.length > 0) {
      const why = error
        ? `${error.message}${(error as { killed?: boolean }).killed ? ` (killed after ${timeoutMs} ms)` : ""}`
        : `no output for ${missing.join(", ")}`;
      throw new Error(`soffice ${args.join(" ")} failed: ${why}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
    }
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A PDF's pages as LibreOffice writes them (page objects uncompressed): each page's width and height in points, in file order. */
export function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const pages: { width: number; height: number }[] = [];
  for (const object of pdf.toString("latin1").split(/\bendobj\b/)) {
    if (!/\/Type\s*\/Page(?![a-zA-Z])/.test(object)) continue;
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(object);
    if (!box) throw new Error(`a PDF page without a MediaBox: ${object.slice(-300)}`);
    pages.push({ width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) });
  }
  return pages;
}
