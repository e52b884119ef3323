import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NodeReport } from "../../src/scoring/report.js";
import { setsUnderTest } from "../fixtures/shipped-sets.js";
import { assessmentArb, scoreOrThrow, units } from "./arbitraries.js";

/** Every node of the areas' trees, parents before children. */
function listReportNodes(nodes: readonly NodeReport[]): NodeReport[] {
  return nodes.flatMap((node) => [node, ...listReportNodes(node.children ?? [])]);
}

describe.each(setsUnderTest())("score report sums on $name", ({ set }) => {
  it("keeps every leaf's points within [0, applicable maximum] and the applicable maximum within [0, maximum]", () => {
    fc.assert(
      fc.property(assessmentArb(set), (assessment) => {
        const report = scoreOrThrow(set, assessment);
        for (const leaf of listReportNodes(report.areas).filter((n) => !n.children)) {
          const [final, applicable, max] = [units(leaf.final), units(leaf.applicableMax), units(leaf.max)];
          expect({ code: leaf.code, ok: final >= 0 && final <= applicable && applicable >= 0 && applicable <= max }).toEqual({ code: leaf.code, ok: true });
          expect(units(leaf.self!) >= 0 && units(leaf.self!) <= max, `self of ${leaf.code}`).toBe(true);
          if (leaf.appraised !== null) expect(units(leaf.appraised) >= 0 && units(leaf.appraised) <= max, `appraised of ${leaf.code}`).toBe(true);
        }
        for (const item of [...(report.bonus?.items ?? []), ...(report.penalty?.items ?? [])]) {
          expect(units(item.final) >= 0 && units(item.final) <= units(item.max), `final of ${item.code}`).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("makes every parent's maximum, applicable maximum, self, appraised and final points the exact sum of its children's", () => {
    fc.assert(
      fc.property(assessmentArb(set), (assessment) => {
        const report = scoreOrThrow(set, assessment);
        for (const parent of listReportNodes(report.areas).filter((n) => n.children)) {
          const children = parent.children!;
          const sum = (pick: (n: NodeReport) => number) => children.reduce((total, child) => total + units(pick(child)), 0);
          expect({
            code: parent.code,
            max: units(parent.max),
            applicableMax: units(parent.applicableMax),
            self: units(parent.self!),
            final: units(parent.final),
          }).toEqual({
            code: parent.code,
            max: sum((n) => n.max),
            applicableMax: sum((n) => n.applicableMax),
            self: sum((n) => n.self!),
            final: sum((n) => n.final),
          });
          const appraised = children.every((c) => c.appraised !== null) ? sum((n) => n.appraised!) : null;
          expect(parent.appraised === null ? null : units(parent.appraised)).toBe(appraised);
        }
        const areaSum = (pick: (n: NodeReport) => number) => report.areas.reduce((total, area) => total + units(pick(area)), 0);
        expect(units(report.totals.applicableMax)).toBe(areaSum((n) => n.applicableMax));
        expect(units(report.totals.self!)).toBe(areaSum((n) => n.self!));
        expect(units(report.totals.max)).toBe(areaSum((n) => n.max));
      }),
      { numRuns: 50 },
    );
  });
});
