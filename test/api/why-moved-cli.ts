import { runCli } from "../../src/cli/main.js";

export const DEMO = "criteria/examples/demo-province";

/** `par why-moved` on the demo province's CSVs: what the API must give for a finalised unit. */
export async function cliWhyMoved(unit: string) {
  let stdout = "";
  const code = await runCli(
    [
      "why-moved",
      "--criteria-old",
      "criteria/reference-commune/2025.1.json",
      "--criteria-new",
      "criteria/reference-commune/2026.1.json",
      `${DEMO}/assessments-2025.csv`,
      `${DEMO}/assessments-2026.csv`,
      "--survey-old",
      `${DEMO}/survey-2025.csv`,
      "--survey-new",
      `${DEMO}/survey-2026.csv`,
      "--unit",
      unit,
      "--format",
      "json",
    ],
    { stdout: (t) => (stdout += t), stderr: () => {} },
  );
  if (code !== 0) throw new Error(`par why-moved exited ${code}`);
  return JSON.parse(stdout) as any;
}

/** The figures a reader sees: per item its code, the older code, points before and after, and the change, in order. */
export const figures = (change: {
  items: { code: string; change: number; older: { code: string; points: number } | null; newer: { points: number } | null }[];
}) => change.items.map((i) => [i.code, i.older?.code ?? null, i.older?.points ?? null, i.newer?.points ?? null, i.change]);
