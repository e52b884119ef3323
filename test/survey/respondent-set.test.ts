import { describe, expect, it } from "vitest";
import { createRespondentSet } from "../../src/survey/respondent-set.js";

describe("createRespondentSet", () => {
  it("keeps every distinct id once, across growth of the table", () => {
    const set = createRespondentSet(4);
    const ids = Array.from({ length: 50_000 }, (_, i) => `uuid-${i}`);
    expect(ids.every((id) => set.add(id))).toBe(true);
    expect(set.size).toBe(ids.length);
    expect(ids.some((id) => set.add(id))).toBe(false);
    expect(["", " ", "UUID-1", "uuid-1 ", "uuid-50000"].map((id) => set.add(id))).toEqual([true, true, true, true, true]);
    expect(set.size).toBe(ids.length + 5);
  });
});
