import { it } from "vitest";
import { miniSet } from "../fixtures/mini-set.js";
import { generateAssessments } from "../../src/synthetic/generate-assessments.js";
import { scoreAssessment } from "../../src/scoring/score-assessment.js";
import { rankUnits } from "../../src/ranking/rank-units.js";
it("try", () => {
  const set = miniSet();
  const as = generateAssessments(set, { count: 300, seed: 1 });
  console.log(JSON.stringify(as[0], null, 1).slice(0, 3000));
  const reports = [];
  let bad = 0;
  for (const a of as) { const r = scoreAssessment(set, a); if (!r.ok) { bad++; if (bad < 3) console.log(JSON.stringify(r.problems)); } else reports.push(r.value); }
  console.log("bad", bad);
  const idx = reports.map(r => r.totals.index).sort((a,b)=>a-b);
  console.log("min", idx[0], "p10", idx[30], "median", idx[150], "p90", idx[270], "max", idx.at(-1), "distinct", new Set(idx).size);
  const classes: Record<string, number> = {};
  for (const r of reports) classes[r.totals.class?.code ?? "null"] = (classes[r.totals.class?.code ?? "null"] ?? 0) + 1;
  console.log(classes);
  const rk = rankUnits(set, reports);
  console.log(rk.ok, rk.ok && rk.value.blocks.map(b => [b.code, b.units.length]));
  console.log(as.slice(0,15).map(a => a.unit.code + " " + a.unit.name + " " + a.rounds.map(r=>r.round).join(">")).join("\n"));
});
