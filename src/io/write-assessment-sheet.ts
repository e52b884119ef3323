import { type Assessment, type FactInput, type FactValue, type ItemInput, ROUNDS, type Round } from "../assessment/types.js";
import { compareCodes } from "../criteria/compare-codes.js";
import type { CriteriaSet } from "../criteria/types.js";
import { listLeaves } from "../criteria/walk-criteria.js";
import { type CsvCell, type Delimiter, toCsv } from "./csv.js";

export const SHEET_HEADER = ["unit", "unit_name", "unit_type", "block", "item", ...ROUNDS, "comment", "evidence"] as const;

/**
 * Writes assessments as the sheet `readAssessmentSheet` reads: per unit, one row per fact (in
 * the set's order) then one per item (in the set's order; codes the set lacks last, by code),
 * the unit's name, type and block on every row, and a row with no item for a unit with no
 * entries. With ";" as delimiter, decimals are written with a comma (Excel in Vietnamese).
 *
 * The sheet holds one comment and one evidence list per row: it keeps the comment (or KPS
 * reason) of the last round with a value, and the evidence ids of all rounds (which reading
 * puts on the first round). Comments of other rounds, null fact values, the assessment's
 * evidence documents and survey results are not written. Reading gives back equal assessments
 * when comments and evidence sit where reading puts them.
 */
export function writeAssessmentSheet(assessments: Assessment[], criteria: CriteriaSet, options: { delimiter?: Delimiter } = {}): string {
  const delimiter = options.delimiter ?? ",";
  const decimalComma = delimiter !== ",";
  const factOrder = Object.keys(criteria.facts);
  const itemOrder = listLeaves(criteria).map(({ node }) => node.code);
  const rows: CsvCell[][] = [[...SHEET_HEADER]];
  for (const assessment of assessments) {
    const { unit } = assessment;
    const unitCells = [unit.code, unit.name, unit.type, unit.block ?? ""];
    const facts = collect(assessment, (round) => round.facts);
    const items = collect(assessment, (round) => round.items);
    for (const name of ordered([...facts.keys()], factOrder)) {
      rows.push([...unitCells, name, ...factRow(facts.get(name) ?? new Map(), decimalComma)]);
    }
    for (const code of ordered([...items.keys()], itemOrder)) {
      rows.push([...unitCells, code, ...itemRow(items.get(code) ?? new Map(), decimalComma)]);
    }
    if (facts.size === 0 && items.size === 0) rows.push([...unitCells, "", ...ROUNDS.map(() => ""), "", ""]);
  }
  return toCsv(rows, delimiter);
}

/** Entries by name, then by round. */
export function collect<T>(assessment: Assessment, pick: (round: Assessment["rounds"][number]) => Record<string, T> | undefined): Map<string, Map<Round, T>> {
  const byName = new Map<string, Map<Round, T>>();
  for (const round of assessment.rounds) {
    for (const [name, value] of Object.entries(pick(round) ?? {})) {
      const rounds = byName.get(name) ?? new Map<Round, T>();
      rounds.set(round.round, value);
      byName.set(name, rounds);
    }
  }
  return byName;
}

/** Names in the set's order first, then the others in natural code order. */
function ordered(names: string[], order: string[]): string[] {
  const known = order.filter((name) => names.includes(name));
  const others = names.filter((name) => !order.includes(name)).sort(compareCodes);
  return [...known, ...others];
}

/** An item's round cells, then its comment and evidence. */
export function itemRow(byRound: Map<Round, ItemInput>, decimalComma: boolean): CsvCell[] {
  const cell = (input: ItemInput | undefined): string =>
    input?.notApplicable ? "KPS" : input?.points !== undefined ? formatNumber(input.points, decimalComma) : "";
  const entered = ROUNDS.filter((round) => cell(byRound.get(round)) !== "");
  const lastRound = entered[entered.length - 1] ?? ROUNDS.find((round) => byRound.has(round));
  const last = lastRound ? byRound.get(lastRound) : undefined;
  const comment = (last?.notApplicable ? last.reason : last?.comment) ?? "";
  return [...ROUNDS.map((round) => cell(byRound.get(round))), comment, allEvidence(byRound.values(), (input) => input.evidence)];
}

/** A fact's round cells, then its comment and evidence. */
export function factRow(byRound: Map<Round, FactInput>, decimalComma: boolean): CsvCell[] {
  const detail = (input: FactInput | undefined) => (input !== null && typeof input === "object" && !Array.isArray(input) ? input : undefined);
  const value = (input: FactInput | undefined): FactValue | undefined => {
    if (input === undefined) return undefined;
    const wrapped = detail(input);
    return wrapped ? wrapped.value : (input as FactValue);
  };
  const cell = (input: FactInput | undefined) => formatFactValue(value(input), decimalComma);
  const entered = ROUNDS.filter((round) => cell(byRound.get(round)) !== "");
  const lastRound = entered[entered.length - 1];
  const last = detail(lastRound ? byRound.get(lastRound) : undefined);
  const evidence = allEvidence(byRound.values(), (input) => detail(input)?.evidence);
  return [...ROUNDS.map((round) => cell(byRound.get(round))), last?.comment ?? "", evidence];
}

/** Evidence ids of every round, once each, in round order ("VB-1;VB-2"). */
function allEvidence<T>(inputs: Iterable<T>, pick: (input: T) => string[] | undefined): string {
  return [...new Set([...inputs].flatMap((input) => pick(input) ?? []))].join(";");
}

function formatFactValue(value: FactValue | undefined, decimalComma: boolean): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return formatNumber(value, decimalComma);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return value.map((date) => date ?? "").join(";");
  return value;
}

function formatNumber(value: number, decimalComma: boolean): string {
  const text = String(value);
  return decimalComma ? text.replace(".", ",") : text;
}
