import { type Assessment, ROUNDS, type Round } from "../assessment/types.js";
import type { CriteriaSet, FactDeclaration, LeafNode } from "../criteria/types.js";
import { isLeaf } from "../criteria/types.js";
import { listNodes } from "../criteria/walk-criteria.js";
import { ROUND_NAMES } from "../i18n/glossary.js";
import type { CsvCell } from "./csv.js";
import type { SheetColumn, SheetInfoColumn } from "./sheet-columns.js";
import { collect, factRow, itemRow } from "./write-assessment-sheet.js";

export type ScoringSheetColumn = SheetColumn | SheetInfoColumn;

/**
 * The columns of the scoring sheet, in order, with their Vietnamese headers. Every header is one
 * of the names `readSheetHeader` accepts, so the downloaded sheet is read back as it is.
 */
export const SCORING_SHEET_COLUMNS: readonly { column: ScoringSheetColumn; header: string }[] = [
  { column: "unit", header: "Mã đơn vị" },
  { column: "unit_name", header: "Tên đơn vị" },
  { column: "unit_type", header: "Loại đơn vị" },
  { column: "block", header: "Khối" },
  { column: "item", header: "Mã tiêu chí" },
  { column: "title", header: "Nội dung" },
  { column: "max_points", header: "Điểm tối đa" },
  { column: "allowed", header: "Giá trị cho phép" },
  ...ROUNDS.map((round) => ({ column: round, header: ROUND_NAMES[round].vi })),
  { column: "comment", header: "Ghi chú" },
  { column: "evidence", header: "Tài liệu kiểm chứng" },
  { column: "version", header: "Phiên bản" },
];

/** The version cell of a unit's fact or item, e.g. "self:2;appraisal1:1" (see `formatEntryVersions`); "" when there is none to keep. */
export type EntryVersions = (unit: string, name: string) => string;

/** The stored version of each round's entry of one row, as the hidden version cell holds it. */
export function formatEntryVersions(versions: Partial<Record<Round, number>>): string {
  return ROUNDS.flatMap((round) => (versions[round] ? [`${round}:${versions[round]}`] : [])).join(";");
}

/** The versions a hidden version cell holds (a round not named is version 0: nothing was stored); null when the cell is not one. */
export function parseEntryVersions(text: string): Partial<Record<Round, number>> | null {
  const versions: Partial<Record<Round, number>> = {};
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const match = /^([a-z0-9]+):(\d{1,9})$/.exec(part);
    const round = ROUNDS.find((r) => r === match?.[1]);
    if (!match || !round) return null;
    versions[round] = Number(match[2]);
  }
  return versions;
}

/** An area or group (titles only), a criterion with its points per round, or a fact with its value per round. */
export type ScoringRowKind = "area" | "item" | "fact";

export interface ScoringSheetRow {
  kind: ScoringRowKind;
  /** One cell per column of SCORING_SHEET_COLUMNS; numbers as numbers. */
  cells: CsvCell[];
}

export interface ScoringSheet {
  header: string[];
  rows: ScoringSheetRow[];
}

/**
 * The scoring sheet (phiếu chấm điểm) of one or more units: per unit, a row per fact the unit
 * enters, then every area, group and criterion of the set in its order, each with its title,
 * maximum points, the values allowed, and what each round holds so far (as `writeAssessmentSheet`
 * writes it). Area rows carry no points; they are read back as nothing. Pure; no formulas.
 */
export function buildScoringSheet(assessments: Assessment[], criteria: CriteriaSet, versions: EntryVersions = () => ""): ScoringSheet {
  const rows: ScoringSheetRow[] = [];
  const nodes = listNodes(criteria);
  for (const assessment of assessments) {
    const { unit } = assessment;
    const unitCells: CsvCell[] = [unit.code, unit.name, unit.type, unit.block ?? ""];
    const facts = collect(assessment, (round) => round.facts);
    const items = collect(assessment, (round) => round.items);
    for (const [name, declaration] of Object.entries(criteria.facts)) {
      if (declaration.derived) continue;
      const values = numeric(factRow(facts.get(name) ?? new Map(), false));
      rows.push({
        kind: "fact",
        cells: [...unitCells, name, declaration.title.vi, declaration.max ?? "", factAllowed(declaration), ...values, versions(unit.code, name)],
      });
    }
    for (const { node } of nodes) {
      if (!isLeaf(node)) {
        rows.push({ kind: "area", cells: [...unitCells, node.code, node.title.vi, node.max, "", ...blankRounds(), ""] });
        continue;
      }
      const values = numeric(itemRow(items.get(node.code) ?? new Map(), false));
      rows.push({ kind: "item", cells: [...unitCells, node.code, node.title.vi, node.max, itemAllowed(node), ...values, versions(unit.code, node.code)] });
    }
  }
  return { header: SCORING_SHEET_COLUMNS.map(({ header }) => header), rows };
}

function blankRounds(): CsvCell[] {
  return [...ROUNDS.map(() => ""), "", ""];
}

/** Round cells written as plain decimals become numbers, so a spreadsheet shows and sums them as numbers. */
function numeric(cells: CsvCell[]): CsvCell[] {
  return cells.map((cell, index) => (index < ROUNDS.length && typeof cell === "string" && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell));
}

/** What may be entered for a criterion, in words a scorer reads (Vietnamese). */
export function itemAllowed(leaf: LeafNode): string {
  const kps = leaf.notApplicable ? "; KPS" : "";
  const { scoring } = leaf;
  if (scoring.kind === "manual") return `${scoring.allowed ? scoring.allowed.map(decimal).join("; ") : `0 – ${decimal(leaf.max)}`}${kps}`;
  if (scoring.kind === "boolean") return `${decimal(scoring.no)}; ${decimal(scoring.yes)}${kps}`;
  if (scoring.kind === "survey") return "tính từ khảo sát";
  return `tính từ số liệu (0 – ${decimal(leaf.max)})${kps}`;
}

function factAllowed(declaration: FactDeclaration): string {
  const range =
    declaration.min !== undefined || declaration.max !== undefined
      ? ` ${decimal(declaration.min ?? 0)} – ${declaration.max === undefined ? "…" : decimal(declaration.max)}`
      : "";
  const words: Record<FactDeclaration["type"], string> = {
    integer: `số nguyên${range}`,
    number: `số${range}`,
    rate: `tỷ lệ % ${decimal(declaration.min ?? 0)} – ${decimal(declaration.max ?? 100)}`,
    boolean: "có / không",
    date: "ngày (yyyy-mm-dd)",
    dates: `các ngày (yyyy-mm-dd), cách nhau bởi ;${declaration.length ? ` (${declaration.length} ngày)` : ""}`,
  };
  return words[declaration.type];
}

/** Decimals with the comma, as Vietnamese readers write them (these cells are never read back). */
function decimal(value: number): string {
  return String(value).replace(".", ",");
}
