import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "./backends.js";
import { CRITERIA, type Fixture, openFixture } from "./api-fixture.js";

/** The reference set with its first leaf changed; every case is too deep or too large to check. */
function withFirstLeaf(change: (leaf: Record<string, unknown>) => void): unknown {
  const set = structuredClone(CRITERIA);
  let node = set.areas[0];
  while (node.children) node = node.children[0];
  change(node);
  return { ...set, family: "limits-commune" };
}

/** Turns the leaf into a chain of branches `depth` deep ending in a manual item. */
function nestUnder(leaf: Record<string, unknown>, depth: number): void {
  let node = leaf;
  delete node.scoring;
  for (let i = 0; i < depth; i++) {
    const child: Record<string, unknown> = { code: "9", title: { vi: "Mục" }, max: node.max };
    node.children = [child];
    node = child;
  }
  node.scoring = { kind: "manual" };
}

function nestedRule(depth: number): unknown {
  let rule: unknown = { var: "reform_initiatives" };
  for (let i = 0; i < depth; i++) rule = { min: [rule, 1] };
  return rule;
}

describe("POST /criteria bounds depth and size", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture(BACKENDS[0]!);
  });
  afterAll(async () => f?.close());

  it.each([
    { name: "JSON Logic nested 2,000 deep", set: () => withFirstLeaf((leaf) => (leaf.scoring = { kind: "logic", rule: nestedRule(2000) })) },
    { name: "a tree nested 1,500 deep", set: () => withFirstLeaf((leaf) => nestUnder(leaf, 1500)) },
    {
      name: "60,000 allowed values",
      set: () => withFirstLeaf((leaf) => (leaf.scoring = { kind: "manual", allowed: Array.from({ length: 60_000 }, (_, i) => i / 60_000) })),
    },
  ])("$name: 422 with a limit-exceeded problem, not a 500", async ({ set }) => {
    const response = await f.request("POST", "/criteria", { token: f.tokens.admin, body: set() });
    expect(response.status).toBe(422);
    expect(response.body.error.problems.map((p: { code?: string }) => p.code)).toContain("limit-exceeded");
  });
});
