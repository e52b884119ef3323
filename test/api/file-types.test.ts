import { describe, expect, it } from "vitest";
import { ACCEPTED_FILE_TYPES, matchesFileType } from "../../api/services/file-types.js";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("evidence file types", () => {
  it.each([
    ["image/heic", bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0]), true],
    ["image/heic", bytes([0, 0, 0, 0x1c], "ftypmif1"), true],
    ["image/heic", bytes([0, 0, 0, 0x1c], "ftypisom"), false],
    ["image/heic", bytes([0xff, 0xd8, 0xff, 0xe0]), false],
    ["image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe0]), true],
    ["image/png", bytes("not a png"), false],
  ])("%s %j → %s", (type, content, matches) => {
    expect(ACCEPTED_FILE_TYPES).toContain(type);
    expect(matchesFileType(type, content)).toBe(matches);
  });
});
