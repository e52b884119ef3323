import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { NodeReport, ScoreReport } from "../src/scoring/report.js";
import { factLabels } from "../src/i18n/fact-labels.js";
import { localiseExplanation } from "../src/i18n/localise-explanation.js";
import { scoreAssessment } from "../src/scoring/score-assessment.js";
import { loadShippedSet } from "./fixtures/shipped-sets.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

function find(nodes: NodeReport[], code: string): NodeReport | undefined {
  for (const node of nodes) {
    if (node.code === code) return node;
    const inner = node.children && find(node.children, code);
    if (inner) return inner;
  }
  return undefined;
}

describe("README", () => {
  it("its assessment example scores against the reference set as the text says", () => {
    const block = /### Assessments \(JSON\)[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const set = loadShippedSet("reference-commune/2026.1.json");
    const result = scoreAssessment(set, JSON.parse(block!));
    expect(result.ok, JSON.stringify(result.ok ? null : result.problems)).toBe(true);
    const report = (result as { value: ScoreReport }).value;
    expect(find(report.areas, "1.1.2")).toMatchObject({ self: 1, appraised: 1, leaf: { decidedBy: "appraisal2", evidence: ["KH-01", "BC-Q2"] } });
    expect(find(report.areas, "2.2.2")).toMatchObject({ final: 1, leaf: { status: "not-applicable" } });
    const hint = report.gaps.find((g) => g.code === "6.2.2")?.hint;
    expect(readme).toContain(`(\`${hint?.en}\`)`);
    expect(readme).toContain(`(\`${localiseExplanation(hint!.vi, "vi", factLabels(set, "vi"))}\`)`);
  });

  it("names the two commands and the scripts it mentions exist", () => {
    const scripts = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm test ");
    for (const [, name] of readme.matchAll(/`npm run ([\w:]+)/g)) expect(Object.keys(scripts)).toContain(name);
  });
});
