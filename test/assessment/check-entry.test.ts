import { describe, expect, it } from "vitest";
import { type Entry, checkAssessment, checkEntry } from "../../src/index.js";
import { miniAssessment, miniSet } from "../fixtures/mini-set.js";

const set = miniSet();
const EVIDENCE = new Set(["KH-01"]);

describe("checkEntry", () => {
  it.each<[string, Entry, { code: string; path: string }[]]>([
    ["a fact of its type", { kind: "fact", code: "inspected", value: true }, []],
    ["a fact with listed evidence", { kind: "fact", code: "plan_issued_on", value: { value: "2026-01-20", evidence: ["KH-01"] } }, []],
    ["a fact of the wrong type", { kind: "fact", code: "inspected", value: 3 }, [{ code: "fact-invalid", path: "" }]],
    ["an undeclared fact", { kind: "fact", code: "inspectd", value: true }, [{ code: "unknown-fact", path: "" }]],
    ["a fact named like an Object property", { kind: "fact", code: "constructor", value: 1 }, [{ code: "unknown-fact", path: "" }]],
    ["a derived fact", { kind: "fact", code: "on_time_rate", value: 80 }, [{ code: "fact-invalid", path: "" }]],
    [
      "a fact citing unlisted evidence",
      { kind: "fact", code: "inspected", value: { value: true, evidence: ["KH-01", "BC-9"] } },
      [{ code: "unknown-evidence", path: "evidence[1]" }],
    ],
    ["allowed points", { kind: "item", code: "2.2", value: { points: 0.5, evidence: ["KH-01"] } }, []],
    ["points not allowed", { kind: "item", code: "2.2", value: { points: 0.7 } }, [{ code: "points-not-allowed", path: "points" }]],
    ["points above the maximum", { kind: "item", code: "T1", value: { points: 2 } }, [{ code: "points-out-of-range", path: "points" }]],
    ["points on a computed item", { kind: "item", code: "1.4", value: { points: 1 } }, [{ code: "points-on-computed-item", path: "points" }]],
    ["not applicable where not allowed", { kind: "item", code: "2.2", value: { notApplicable: true } }, [{ code: "not-applicable-not-allowed", path: "" }]],
    ["an unknown item", { kind: "item", code: "9.9", value: { points: 1 } }, [{ code: "unknown-code", path: "" }]],
    ["points that are not a number", { kind: "item", code: "2.2", value: { points: "1" } }, [{ code: "schema", path: "points" }]],
    ["an item field the format lacks", { kind: "item", code: "2.2", value: { point: 1 } }, [{ code: "schema", path: "point" }]],
    ["an item that is not an object", { kind: "item", code: "2.2", value: 1 }, [{ code: "schema", path: "" }]],
  ])("%s", (_, entry, expected) => {
    const problems = checkEntry(set, entry, EVIDENCE);
    expect(problems.map(({ code, path }) => ({ code, path }))).toEqual(expected);
    for (const p of problems) expect(p.vi.length).toBeGreaterThan(0);
  });

  it("finds what checkAssessment finds for the same entry inside a whole assessment", () => {
    const entries: Entry[] = [
      { kind: "fact", code: "inspected", value: { value: "yes", evidence: ["nope"] } },
      { kind: "item", code: "2.2", value: { points: 0.7, evidence: ["KH-01", "nope"] } },
      { kind: "item", code: "1.4", value: { points: 1, notApplicable: true } },
      { kind: "fact", code: "inspected", value: { value: true, note: "x" } },
    ];
    for (const entry of entries) {
      const assessment = miniAssessment("X01", "xa", { p22: 1, p23: 1, overall: 80, feedback: 80 });
      assessment.evidence = [{ id: "KH-01" }];
      assessment.rounds = [{ round: "self", [entry.kind === "fact" ? "facts" : "items"]: { [entry.code]: entry.value } }];
      const whole = checkAssessment(assessment, set);
      const prefix = entry.kind === "fact" ? `rounds[0].facts.${entry.code}` : `rounds[0].items["${entry.code}"]`;
      const inside = whole.ok ? [] : whole.problems.map((p) => ({ ...p, path: p.path === prefix ? "" : p.path.slice(prefix.length + 1) }));
      expect(checkEntry(set, entry, EVIDENCE)).toEqual(inside);
      expect(inside.length).toBeGreaterThan(0);
    }
  });
});
