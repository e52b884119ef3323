import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staleReason } from "../../scripts/run-built.mjs";

const root = mkdtempSync(join(tmpdir(), "par-run-built-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, time: number): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), "");
  utimesSync(join(root, path), time, time);
}

describe("staleReason: npm start builds only when dist/ is missing or older than the sources", () => {
  it.each([
    ["dist missing", [["api/server.ts", 1000]], /not built yet/],
    [
      "dist older than a source",
      [
        ["api/server.ts", 1000],
        ["src/score.ts", 3000],
        ["dist/api/server.js", 2000],
      ],
      /older than the sources/,
    ],
    [
      "dist newer than every source",
      [
        ["api/server.ts", 1000],
        ["src/score.ts", 1500],
        ["dist/api/server.js", 2000],
      ],
      null,
    ],
    [
      "a changed tsconfig",
      [
        ["api/server.ts", 1000],
        ["dist/api/server.js", 2000],
        ["tsconfig.json", 2500],
      ],
      /older than the sources/,
    ],
  ] as const)("%s", (name, files, expected) => {
    rmSync(root, { recursive: true, force: true });
    for (const [path, time] of files) file(path, time);
    const reason = staleReason(root, "dist/api/server.js");
    if (expected === null) expect(reason, name).toBeNull();
    else expect(reason, name).toMatch(expected);
  });
});
