import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Assessment, type FactInput, type FactValue, type ItemInput, ROUNDS, type Round } from "../../src/assessment/types.js";
import { compareCodes } from "../../src/criteria/compare-codes.js";
import { UNIT_TYPES } from "../../src/criteria/types.js";
import type { Delimiter } from "../../src/io/csv.js";
import { readAssessmentSheet } from "../../src/io/read-assessment-sheet.js";
import { writeAssessmentSheet } from "../../src/io/write-assessment-sheet.js";
import { criteriaSet } from "./fixtures/criteria-set.js";

const set = criteriaSet();

function roundTrip(assessments: Assessment[], delimiter: Delimiter = ","): Assessment[] {
  const text = writeAssessmentSheet(assessments, set, { delimiter });
  const result = readAssessmentSheet(text, { fileName: "rt.csv", criteria: set, year: 2025 });
  if (!result.ok) throw new Error(`${text}\n${JSON.stringify(result.problems, null, 2)}`);
  return result.value;
}

const assessment = (unit: Partial<Assessment["unit"]>, rounds: Assessment["rounds"], evidence: string[] = []): Assessment => ({
  format: "par-assessment/1",
  unit: { code: "X01", name: "Xã Vĩnh Hòa", type: "xa", ...unit },
  year: 2025,
  criteria: { family: set.family, version: set.version },
  ...(evidence.length > 0 ? { evidence: evidence.map((id) => ({ id })) } : {}),
  rounds,
});

const examples: { name: string; assessments: Assessment[] }[] = [
  {
    name: "points, KPS with reason, comments and evidence over four rounds",
    assessments: [
      assessment(
        { block: "xa" },
        [
          {
            round: "self",
            items: { "1.9": { notApplicable: true, evidence: ["VB-1"] }, "2.2": { points: 2, evidence: ["VB-2", "VB-3"] }, T1: { points: 0.5 } },
          },
          { round: "appraisal1", items: { "1.9": { points: 0, comment: "Có phát sinh, thiếu báo cáo" }, "2.2": { points: 1.5 } } },
          { round: "appraisal2", items: { "2.2": { notApplicable: true, reason: 'Không có TTHC "mới"; đã xác minh' } } },
        ],
        ["VB-1", "VB-2", "VB-3"],
      ),
    ],
  },
  {
    name: "facts of every type, and a unit without entries",
    assessments: [
      assessment({ code: "P02", name: "Phường 2, Vĩnh Châu", type: "phuong" }, []),
      assessment(
        {},
        [
          {
            round: "self",
            facts: {
              plan_issued: true,
              plan_date: "2025-02-05",
              report_dates: [null, "2025-06-12", null, null],
              dossiers_settled: { value: 1234, evidence: ["HS-2025"] },
              online_payment_rate: 35.5,
              budget_ratio: -0.125,
            },
          },
          { round: "appraisal2", facts: { plan_issued: false, dossiers_settled: { value: 1200, comment: "đối chiếu sổ" } } },
        ],
        ["HS-2025"],
      ),
    ],
  },
];

describe("writeAssessmentSheet then readAssessmentSheet", () => {
  it.each(examples.flatMap((example) => ([",", ";", "\t"] as const).map((delimiter) => ({ ...example, delimiter }))))(
    "gives back $name (delimiter $delimiter)",
    ({ assessments, delimiter }) => {
      expect(roundTrip(assessments, delimiter)).toEqual(assessments);
    },
  );

  it("writes a header, the unit on every row, facts before items, and decimal commas with ;", () => {
    const example = examples[1]?.assessments ?? [];
    const text = writeAssessmentSheet(example, set, { delimiter: ";" });
    const rows = text.split("\n");
    expect(rows[0]).toBe("unit;unit_name;unit_type;block;item;self;appraisal1;explanation;appraisal2;comment;evidence");
    expect(rows[1]).toBe("P02;Phường 2, Vĩnh Châu;phuong;;;;;;;;");
    expect(rows[2]).toBe("X01;Xã Vĩnh Hòa;xa;;plan_issued;true;;;false;;");
    expect(rows).toContain('X01;Xã Vĩnh Hòa;xa;;report_dates;";2025-06-12;;";;;;;');
    expect(rows).toContain("X01;Xã Vĩnh Hòa;xa;;online_payment_rate;35,5;;;;;");
  });

  it("keeps the evidence of every round (read back on the first) and the last round's comment", () => {
    const written = assessment(
      {},
      [
        { round: "self", items: { "2.2": { points: 2, evidence: ["VB-1"], comment: "tự chấm" } } },
        { round: "appraisal2", items: { "2.2": { points: 2, evidence: ["VB-2", "VB-1"], comment: "bổ sung VB-2" } } },
      ],
      ["VB-1", "VB-2"],
    );
    expect(roundTrip([written])).toEqual([
      assessment(
        {},
        [
          { round: "self", items: { "2.2": { points: 2, evidence: ["VB-1", "VB-2"] } } },
          { round: "appraisal2", items: { "2.2": { points: 2, comment: "bổ sung VB-2" } } },
        ],
        ["VB-1", "VB-2"],
      ),
    ]);
  });

  it("orders item rows as the criteria set does", () => {
    const items = Object.fromEntries(["P1", "T1", "2.2", "1.10", "2.1.1", "1.9"].map((code) => [code, { points: 0 }]));
    const text = writeAssessmentSheet([assessment({}, [{ round: "self", items }])], set);
    const codes = text
      .trim()
      .split("\n")
      .slice(1)
      .map((row) => row.split(",")[4]);
    expect(codes).toEqual(["1.9", "1.10", "2.1.1", "2.2", "T1", "P1"]);
  });

  it("gives back generated assessments (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(unitModel, { selector: (u) => u.code, maxLength: 4 }), fc.constantFrom<Delimiter>(",", ";", "\t"), (units, delimiter) => {
        const assessments = units.map((model) => buildAssessment(withSelfRound(model)));
        expect(roundTrip(assessments, delimiter)).toEqual(assessments);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- generators: assessments the sheet can hold ----

const chars = ["a", "b", "ệ", "Đ", "ờ", "1", " ", ",", ";", "|", '"', "\t", "\n", "K", "P", "S"];
const text = (exclude: string[] = []) =>
  fc
    .array(fc.constantFrom(...chars.filter((c) => !exclude.includes(c))), { minLength: 1, maxLength: 10 })
    .map((parts) => parts.join("").trim())
    .filter((value) => value !== "");
const evidenceIds = fc.uniqueArray(text([";", "|", "\n", "\t"]), { minLength: 1, maxLength: 3 });

type Cell<T> = T | undefined;
interface RowModel<T> {
  cells: Cell<T>[];
  comment?: string;
  evidence?: string[];
}

const row = <T>(value: fc.Arbitrary<T>) =>
  fc.record(
    {
      // the explanation column (index 2) holds the unit's reply as text, never points or values
      cells: fc
        .array(fc.option(value, { nil: undefined }), { minLength: 4, maxLength: 4 })
        .map((cells) => cells.map((cell, i) => (i === 2 ? undefined : cell))),
      comment: text(),
      evidence: evidenceIds,
    },
    { requiredKeys: ["cells"] },
  );

const points = fc.integer({ min: 0, max: 40 }).map((n) => n / 4);
const itemCell = fc.oneof(points, fc.constant("KPS" as const));
const date = fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const factValues: Record<string, fc.Arbitrary<FactValue>> = {
  plan_issued: fc.boolean(),
  plan_date: date,
  report_dates: fc.array(fc.option(date, { nil: null }), { minLength: 1, maxLength: 4 }).filter((d) => d.length > 1 || d[0] !== null),
  dossiers_settled: fc.integer({ min: 0, max: 100_000 }),
  online_payment_rate: fc.double({ min: 0, max: 100, noNaN: true }).filter((x) => !Object.is(x, -0)),
  budget_ratio: fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((x) => !Object.is(x, -0)),
};
const itemCodes = ["1.9", "1.10", "2.1.1", "2.2", "T1", "P1"];

const unitModel = fc.record(
  {
    code: text(["\n"]),
    name: text(),
    type: fc.constantFrom(...UNIT_TYPES),
    block: text(),
    items: fc.dictionary(fc.constantFrom(...itemCodes), row(itemCell), { maxKeys: 4 }),
    facts: fc.record(Object.fromEntries(Object.entries(factValues).map(([name, value]) => [name, row(value)])), { requiredKeys: [] }),
  },
  { requiredKeys: ["code", "name", "type", "items", "facts"] },
);

type UnitModel = typeof unitModel extends fc.Arbitrary<infer U> ? U : never;

/** Rounds start with the self-assessment: give a unit with only later rounds a self value. */
function withSelfRound(model: UnitModel): UnitModel {
  const rounds = buildAssessment(model).rounds;
  if (rounds.length === 0 || rounds[0]?.round === "self") return model;
  return { ...model, facts: { ...model.facts, plan_issued: { cells: [true, undefined, undefined, undefined] } } };
}

/** The assessment the sheet rows stand for: comment on the last round entered, evidence on the first. */
function buildAssessment(model: UnitModel): Assessment {
  const rounds = new Map<Round, { facts: Record<string, FactInput>; items: Record<string, ItemInput> }>();
  const place = (round: Round) => {
    const entry = rounds.get(round) ?? { facts: {}, items: {} };
    rounds.set(round, entry);
    return entry;
  };
  for (const [code, item] of Object.entries(model.items) as [string, RowModel<number | "KPS">][]) {
    const entered = ROUNDS.flatMap((round, i) => (item.cells[i] === undefined ? [] : [{ round, cell: item.cells[i] }]));
    const inputs = entered.map(({ round, cell }) => ({ round, input: (cell === "KPS" ? { notApplicable: true } : { points: cell }) as ItemInput }));
    if (inputs.length === 0 && (item.comment !== undefined || item.evidence !== undefined)) inputs.push({ round: "self", input: {} });
    const first = inputs[0];
    const last = inputs[inputs.length - 1];
    if (first && item.evidence) first.input.evidence = item.evidence;
    if (last && item.comment !== undefined) {
      if (last.input.notApplicable) last.input.reason = item.comment;
      else last.input.comment = item.comment;
    }
    for (const { round, input } of inputs) place(round).items[code] = input;
  }
  for (const [name, fact] of Object.entries(model.facts) as [string, RowModel<FactValue>][]) {
    const entered = ROUNDS.flatMap((round, i) => (fact.cells[i] === undefined ? [] : [{ round, value: fact.cells[i] as FactValue }]));
    if (entered.length === 0) continue;
    entered.forEach(({ round, value }, i) => {
      const evidence = i === 0 && fact.evidence ? { evidence: fact.evidence } : {};
      const comment = i === entered.length - 1 && fact.comment !== undefined ? { comment: fact.comment } : {};
      place(round).facts[name] = "evidence" in evidence || "comment" in comment ? { value, ...evidence, ...comment } : value;
    });
  }
  const cited = new Set(
    [...rounds.values()].flatMap(({ facts, items }) => [
      ...Object.values(items).flatMap((input) => input.evidence ?? []),
      ...Object.values(facts).flatMap((input) => (input !== null && typeof input === "object" && !Array.isArray(input) ? (input.evidence ?? []) : [])),
    ]),
  );
  return {
    format: "par-assessment/1",
    unit: { code: model.code, name: model.name, type: model.type, ...(model.block !== undefined ? { block: model.block } : {}) },
    year: 2025,
    criteria: { family: set.family, version: set.version },
    ...(cited.size > 0 ? { evidence: [...cited].sort(compareCodes).map((id) => ({ id })) } : {}),
    rounds: ROUNDS.flatMap((round) => {
      const entry = rounds.get(round);
      if (!entry) return [];
      const facts = Object.keys(entry.facts).length > 0 ? { facts: entry.facts } : {};
      const items = Object.keys(entry.items).length > 0 ? { items: entry.items } : {};
      return Object.keys(facts).length + Object.keys(items).length > 0 ? [{ round, ...facts, ...items }] : [];
    }),
  };
}
