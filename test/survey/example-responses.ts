/**
 * The responses behind the example exports in criteria/examples/survey/: the same 32 answers
 * sheets written in each tool's format, plus rows each export must exclude (duplicates,
 * incomplete, rejected). Every export therefore imports to the same unit results.
 * Regenerate the files with `UPDATE_SURVEY_EXAMPLES=1 npx vitest run test/survey`.
 */
import mapping from "../../criteria/survey/reference-sipas/2026.1.json" with { type: "json" };

export const GROUPS = ["access", "procedure", "civil_servant", "result", "feedback"] as const;
export const SCALE_QUESTIONS = mapping.questions.filter((q) => "scale" in q).map((q) => ({ code: q.code, group: q.group, headers: q.headers }));
export const CHANNELS = ["online", "counter", "media", "other"] as const;

/** An answer: 1–5, "na" (don't know / not applicable), or "oos" (a value on no scale). */
export type Answer = 1 | 2 | 3 | 4 | 5 | "na" | "oos";

export interface Response {
  id: string;
  unit: string;
  /** Per group, the answer given to each of its questions, unless `overrides` says otherwise. */
  groups: [Answer, Answer, Answer, Answer, Answer];
  overrides?: Record<string, Answer>;
  channels: (typeof CHANNELS)[number][];
}

const DV0001: [Response["groups"], Record<string, Answer>?][] = [
  [[5, 5, 5, 5, 5]],
  [[4, 4, 5, 4, 4]],
  [[5, 4, 4, 4, 3], { a4: 2 }],
  [[3, 4, 4, 5, 4]],
  [[4, 5, 5, 4, 2]],
  [[5, 5, 4, 4, 4]],
  [[2, 3, 4, 4, "na"]],
  [[4, 4, 4, 4, 4]],
  [[5, 5, 5, 5, 5]],
  [[4, 2, 3, 4, 4], { c1: "oos" }],
];

/** Answers mostly satisfied, as in real surveys. */
const PATTERN: Answer[] = [5, 4, 4, 3, 5, 4, 2, 5, 4, 4, 5];

/** DV0001 is worked out by hand in the tests; DV0002 and DV0003 follow a fixed pattern. */
export function exampleResponses(): Response[] {
  const out: Response[] = DV0001.map(([groups, overrides], i) => ({
    id: `kb-0001-${String(i + 1).padStart(2, "0")}`,
    unit: "DV0001",
    groups,
    ...(overrides ? { overrides } : {}),
    channels: i === 0 ? ["online", "counter"] : i === 4 ? ["media", "other"] : ["counter"],
  }));
  for (const [unit, count, shift] of [
    ["DV0002", 10, 1],
    ["DV0003", 12, 3],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const groups = GROUPS.map((_, g) => PATTERN[(i * 3 + g * 2 + shift) % PATTERN.length]!) as Response["groups"];
      const overrides: Record<string, Answer> = i % 4 === 1 ? { p3: "na", r2: 5 } : {};
      out.push({
        id: `kb-${unit.slice(2)}-${String(i + 1).padStart(2, "0")}`,
        unit,
        groups,
        overrides,
        channels: i % 3 === 0 ? ["online"] : ["counter", "media"],
      });
    }
  }
  return out;
}

export function answerOf(response: Response, question: { code: string; group: string }): Answer {
  return response.overrides?.[question.code] ?? response.groups[GROUPS.indexOf(question.group as (typeof GROUPS)[number])]!;
}
