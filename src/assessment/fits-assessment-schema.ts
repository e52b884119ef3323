import assessmentSchema from "../../criteria/schema/assessment.schema.json" with { type: "json" };
import type { JsonLimits } from "../criteria/check-limits.js";
import { ASSESSMENT_FORMAT, type Assessment } from "./types.js";

const UNIT_TYPES: ReadonlySet<unknown> = new Set(assessmentSchema.properties.unit.properties.type.enum);
const ROUND_NAMES: ReadonlySet<unknown> = new Set(assessmentSchema.properties.rounds.items.properties.round.enum);

/**
 * The fast path of the input check: true only when the assessment certainly passes both the size
 * limits (`checkJsonLimits`) and the JSON Schema (`checkSchema`), found in one walk that builds
 * nothing. False means "not certain": the two full checks then run and word the problems, so this
 * may refuse more than they do but never accepts what they refuse (a test compares them on
 * damaged input). A schema-valid assessment is at most 6 levels deep, so only the number of values
 * and the length of each list are counted.
 */
export function fitsAssessmentSchema(json: unknown, limits: JsonLimits): json is Assessment {
  const values = countAssessment(json, limits.arrayLength);
  return values >= 0 && values <= limits.values;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isText(value: unknown): boolean {
  return typeof value === "string" && value.length > 0;
}

function isNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

/** JSON values in a schema-valid assessment, or -1 as soon as a part is not certainly valid. */
function countAssessment(json: unknown, maxList: number): number {
  if (!isObject(json)) return -1;
  let values = 1;
  let required = 0;
  for (const key in json) {
    const value = json[key];
    let count = 1;
    switch (key) {
      case "$schema":
        if (typeof value !== "string") return -1;
        break;
      case "format":
        if (value !== ASSESSMENT_FORMAT) return -1;
        break;
      case "year":
        if (!Number.isInteger(value) || (value as number) < 2000 || (value as number) > 2100) return -1;
        required++;
        break;
      case "unit":
        count = countUnit(value);
        required++;
        break;
      case "criteria":
        count = countCriteria(value);
        required++;
        break;
      case "rounds":
        count = countRounds(value, maxList);
        required++;
        break;
      case "evidence":
        count = countEvidence(value, maxList);
        break;
      case "survey":
        count = countSurvey(value);
        break;
      default:
        return -1;
    }
    if (count < 0) return -1;
    values += count;
  }
  return required === 4 ? values : -1;
}

function countUnit(unit: unknown): number {
  if (!isObject(unit)) return -1;
  let values = 1;
  let required = 0;
  for (const key in unit) {
    const value = unit[key];
    if (key === "code" || key === "name") {
      if (!isText(value)) return -1;
      required++;
    } else if (key === "type") {
      if (!UNIT_TYPES.has(value)) return -1;
      required++;
    } else if (key !== "block" || !isText(value)) return -1;
    values++;
  }
  return required === 3 ? values : -1;
}

function countCriteria(criteria: unknown): number {
  if (!isObject(criteria)) return -1;
  let values = 1;
  for (const key in criteria) {
    if ((key !== "family" && key !== "version") || typeof criteria[key] !== "string") return -1;
    values++;
  }
  return values === 3 ? values : -1;
}

const EVIDENCE_FIELDS = new Set(["title", "number", "date", "issuer", "link"]);

function countEvidence(evidence: unknown, maxList: number): number {
  if (!Array.isArray(evidence) || evidence.length > maxList) return -1;
  let values = 1;
  for (const document of evidence) {
    if (!isObject(document) || !isText(document.id)) return -1;
    values++;
    for (const key in document) {
      if (key !== "id" && (!EVIDENCE_FIELDS.has(key) || typeof document[key] !== "string")) return -1;
      values++;
    }
  }
  return values;
}

function countRounds(rounds: unknown, maxList: number): number {
  if (!Array.isArray(rounds) || rounds.length > maxList) return -1;
  let values = 1;
  for (const round of rounds) {
    if (!isObject(round) || !ROUND_NAMES.has(round.round)) return -1;
    values += 2;
    for (const key in round) {
      if (key === "round") continue;
      const entries = round[key];
      if ((key !== "facts" && key !== "items") || !isObject(entries)) return -1;
      values++;
      for (const code in entries) {
        const count = key === "facts" ? countFact(entries[code], maxList) : countItem(entries[code], maxList);
        if (count < 0) return -1;
        values += count;
      }
    }
  }
  return values;
}

/** A fact's value (`$defs/factValue`), or the value with its evidence and comment. */
function countFact(input: unknown, maxList: number): number {
  if (!isObject(input)) return countFactValue(input, maxList);
  let values = 1;
  let valued = false;
  for (const key in input) {
    const value = input[key];
    const count =
      key === "value"
        ? countFactValue(value, maxList)
        : key === "evidence"
          ? countIds(value, maxList)
          : key === "comment" && typeof value === "string"
            ? 1
            : -1;
    if (count < 0) return -1;
    if (key === "value") valued = true;
    values += count;
  }
  return valued ? values : -1;
}

function countFactValue(value: unknown, maxList: number): number {
  if (value === null || typeof value === "boolean" || typeof value === "string" || isNumber(value)) return 1;
  if (!Array.isArray(value) || value.length > maxList) return -1;
  for (const date of value) if (date !== null && typeof date !== "string") return -1;
  return 1 + value.length;
}

function countItem(item: unknown, maxList: number): number {
  if (!isObject(item)) return -1;
  let values = 1;
  for (const key in item) {
    const value = item[key];
    let count = 1;
    if (key === "points") {
      if (!isNumber(value)) return -1;
    } else if (key === "notApplicable") {
      if (typeof value !== "boolean") return -1;
    } else if (key === "reason" || key === "comment") {
      if (typeof value !== "string") return -1;
    } else if (key === "evidence") count = countIds(value, maxList);
    else return -1;
    if (count < 0) return -1;
    values += count;
  }
  return values;
}

function countIds(ids: unknown, maxList: number): number {
  if (!Array.isArray(ids) || ids.length > maxList) return -1;
  for (const id of ids) if (!isText(id)) return -1;
  return 1 + ids.length;
}

function countSurvey(survey: unknown): number {
  if (!isObject(survey)) return -1;
  let values = 1;
  let indicated = false;
  for (const key in survey) {
    const value = survey[key];
    if (key === "indicators") {
      if (!isObject(value)) return -1;
      for (const name in value) {
        if (!isNumber(value[name])) return -1;
        values++;
      }
      indicated = true;
    } else if (key === "respondents") {
      if (!Number.isInteger(value) || (value as number) < 0) return -1;
    } else if (key !== "source" || typeof value !== "string") return -1;
    values++;
  }
  return indicated ? values : -1;
}
