import { checkSchema } from "../check-schema.js";
import { ASSESSMENT_LIMITS, checkJsonLimits } from "../criteria/check-limits.js";
import { indexCriteriaSet } from "../criteria/criteria-index.js";
import { factDomain, indicatorDomain } from "../criteria/fact-domain.js";
import type { CriteriaSet } from "../criteria/types.js";
import { isWholeUnits, toUnits } from "../points.js";
import { type Checked, type Problem, problem } from "../problem.js";
import { isCalendarDate } from "../rules/dates.js";
import { nearestName } from "../text/nearest-name.js";
import { fitsAssessmentSchema } from "./fits-assessment-schema.js";
import { APPRAISAL_ROUNDS, type Assessment, type FactInput, type FactValue, type ItemInput, ROUNDS } from "./types.js";

/**
 * A criteria set's input check, built once per set (like the compiled scorer): a rule per
 * declared fact, item and survey indicator, looked up by name. Checking walks the assessment once,
 * allocates nothing for an entry that is fine and words a problem only when there is one.
 */
export interface CompiledCheck {
  /** Every problem of one unit's assessment (`checkAssessment`). */
  assessment(json: unknown): Checked<Assessment>;
  /** One fact of a round checked alone: paths relative to it ("evidence[0]"; "" is the fact itself). */
  fact(name: string, input: FactInput, evidenceIds: ReadonlySet<string>): Problem[];
  /** One item of a round checked alone: paths relative to it ("points"; "" is the item itself). */
  item(code: string, input: ItemInput, evidenceIds: ReadonlySet<string>): Problem[];
}

/**
 * Checks one unit's assessment against its criteria set and collects every problem: wrong set
 * or year, rounds out of order, unknown codes and facts, points that are not allowed, facts of
 * the wrong type or out of bounds, evidence that is cited but not listed, survey values.
 */
export function checkAssessment(json: unknown, set: CriteriaSet): Checked<Assessment> {
  return compileCheck(set).assessment(json);
}

const cache = new WeakMap<CriteriaSet, CompiledCheck>();

/** The check of a checked criteria set, built once per set object. */
export function compileCheck(set: CriteriaSet): CompiledCheck {
  let check = cache.get(set);
  if (!check) {
    check = buildCheck(set);
    cache.set(set, check);
  }
  return check;
}

export function splitFact(input: FactInput): { value: FactValue; evidence?: string[] } {
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    return input.evidence ? { value: input.value, evidence: input.evidence } : { value: input.value };
  }
  return { value: input };
}

/** A declared fact: what it may hold, with the words of its problems prepared. */
interface FactRule {
  name: string;
  /** The counts a derived fact is computed from: it is never entered. */
  derivedFrom: string | null;
  type: "boolean" | "date" | "dates" | "number";
  integer: boolean;
  min: number;
  max: number;
  length: number | undefined;
}

/** An item of the set: whether it may be claimed not applicable, and the points it may take. */
interface ItemRule {
  code: string;
  notApplicable: boolean;
  /** Why points may not be entered (a computed item), in both languages; null for a manual item. */
  computed: { source: string; sourceVi: string } | null;
  max: number;
  maxUnits: number;
  allowed: readonly number[] | null;
  allowedUnits: ReadonlySet<number> | null;
}

/** Where an entry sits: the index of its round, or -1 for an entry checked alone (paths relative to it). */
type Path = (round: number, key: string) => string;
const factPath: Path = (round, name) => (round < 0 ? "" : `rounds[${round}].facts.${name}`);
const itemPath: Path = (round, code) => (round < 0 ? "" : `rounds[${round}].items["${code}"]`);

function buildCheck(set: CriteriaSet): CompiledCheck {
  const index = indexCriteriaSet(set);
  const factNames = Object.keys(set.facts);
  const facts = new Map<string, FactRule>(
    factNames.map((name) => {
      const declared = set.facts[name]!;
      const ratio = declared.derived?.ratio;
      const type = declared.type === "boolean" || declared.type === "date" || declared.type === "dates" ? declared.type : "number";
      return [
        name,
        {
          name,
          derivedFrom: ratio ? `${ratio.numerator} / ${ratio.denominator}` : null,
          type,
          integer: declared.type === "integer",
          ...factDomain(declared),
          length: declared.type === "dates" ? declared.length : undefined,
        },
      ];
    }),
  );
  const itemCodes = [...index.leaves.keys()];
  const items = new Map<string, ItemRule>(
    [...index.leaves.values()].map(({ leaf, reads }) => {
      const scoring = leaf.scoring;
      const listed = reads.length > 0 ? ` (${reads.join(", ")})` : "";
      const computed =
        scoring.kind === "manual"
          ? null
          : scoring.kind === "survey"
            ? { source: "the survey results", sourceVi: "kết quả điều tra xã hội học" }
            : { source: `the facts${listed}`, sourceVi: `các số liệu${listed}` };
      const allowed = scoring.kind === "manual" && scoring.allowed ? scoring.allowed : null;
      return [
        leaf.code,
        {
          code: leaf.code,
          notApplicable: Boolean(leaf.notApplicable),
          computed,
          max: leaf.max,
          maxUnits: toUnits(leaf.max),
          allowed,
          allowedUnits: allowed ? new Set(allowed.map(toUnits)) : null,
        },
      ];
    }),
  );
  const indicatorNames = Object.keys(set.survey?.indicators ?? {});
  const indicators = new Map(indicatorNames.map((name) => [name, indicatorDomain(set.survey!.indicators[name]!)]));
  const declaredIndicators = indicatorNames.join(", ") || "none";
  const scoredIndicators = indicatorNames.filter((name) =>
    [...index.leaves.values()].some(({ leaf }) => leaf.scoring.kind === "survey" && leaf.scoring.indicator === name),
  );
  const years = new Set(set.appliesTo.years);
  const unitTypes = new Set<string>(set.appliesTo.unitTypes);
  const blocks = new Set(set.ranking.blocks.map((b) => b.code));
  const blockList = set.ranking.blocks.map((b) => b.code).join(", ");
  const named = `${set.family} ${set.version}`;

  /** The problems of one fact, appended to `problems` (created on the first one); returns it. */
  const checkFact = (name: string, input: FactInput, round: number, evidenceIds: ReadonlySet<string>, problems: Problem[] | null): Problem[] | null => {
    const rule = facts.get(name);
    if (!rule) {
      const near = nearestName(name, factNames);
      return add(
        problems,
        problem(
          "unknown-fact",
          factPath(round, name),
          `fact "${name}" is not in the criteria set${near ? ` (did you mean "${near}"?)` : ""}`,
          `số liệu "${name}" không có trong bộ tiêu chí${near ? ` (có phải "${near}"?)` : ""}`,
        ),
      );
    }
    if (rule.derivedFrom !== null) {
      return add(
        problems,
        problem(
          "fact-invalid",
          factPath(round, name),
          `"${name}" is computed from ${rule.derivedFrom}: enter those instead`,
          `"${name}" được tính từ ${rule.derivedFrom}: hãy nhập hai số đó`,
        ),
      );
    }
    const wrapped = input !== null && typeof input === "object" && !Array.isArray(input);
    const value = wrapped ? input.value : input;
    if (value !== null && !fitsFact(rule, value)) problems = add(problems, factProblem(rule, value, factPath(round, name)));
    if (wrapped && input.evidence) problems = checkEvidence(input.evidence, factPath, round, name, evidenceIds, problems);
    return problems;
  };

  /** The problems of one item, appended to `problems` (created on the first one); returns it. */
  const checkItem = (code: string, item: ItemInput, round: number, evidenceIds: ReadonlySet<string>, problems: Problem[] | null): Problem[] | null => {
    const rule = items.get(code);
    if (!rule) {
      const near = nearestName(code, itemCodes);
      return add(
        problems,
        problem(
          "unknown-code",
          itemPath(round, code),
          `"${code}" is not an item of the criteria set${near ? ` (did you mean "${near}"?)` : ""}`,
          `"${code}" không phải tiêu chí trong bộ tiêu chí${near ? ` (có phải "${near}"?)` : ""}`,
        ),
      );
    }
    if (item.evidence) problems = checkEvidence(item.evidence, itemPath, round, code, evidenceIds, problems);
    if (item.notApplicable === true && !rule.notApplicable) {
      problems = add(
        problems,
        problem(
          "not-applicable-not-allowed",
          itemPath(round, code),
          `"${code}" cannot be declared not applicable under this criteria set`,
          `tiêu chí "${code}" không được phép khai báo "không phát sinh"`,
        ),
      );
    }
    const points = item.points;
    if (points === undefined) return problems;
    if (rule.computed) {
      return add(
        problems,
        problem(
          "points-on-computed-item",
          pathTo(itemPath(round, code), "points"),
          `points of "${code}" are computed from ${rule.computed.source}: enter or correct those instead`,
          `điểm của "${code}" được tính tự động từ ${rule.computed.sourceVi}: hãy nhập hoặc sửa dữ liệu đó`,
        ),
      );
    }
    if (!isWholeUnits(points) || points < 0 || toUnits(points) > rule.maxUnits) {
      return add(
        problems,
        problem(
          "points-out-of-range",
          pathTo(itemPath(round, code), "points"),
          `${points} is outside 0…${rule.max} for "${code}"`,
          `${points} nằm ngoài khoảng 0…${rule.max} của tiêu chí "${code}"`,
        ),
      );
    }
    if (rule.allowedUnits && !rule.allowedUnits.has(toUnits(points))) {
      const allowed = rule.allowed!.join(", ");
      return add(
        problems,
        problem(
          "points-not-allowed",
          pathTo(itemPath(round, code), "points"),
          `${points} is not allowed for "${code}". Expected one of: ${allowed}`,
          `${points} không hợp lệ cho "${code}". Chỉ được chấm: ${allowed}`,
        ),
      );
    }
    return problems;
  };

  const checkHeader = (assessment: Assessment, problems: Problem[] | null): Problem[] | null => {
    const { family, version } = assessment.criteria;
    if (family !== set.family || version !== set.version) {
      problems = add(
        problems,
        problem(
          "criteria-mismatch",
          "criteria",
          `the assessment is for ${family} ${version} but is being scored with ${named}`,
          `bản đánh giá dùng bộ tiêu chí ${family} ${version} nhưng đang được chấm theo ${named}`,
        ),
      );
    }
    if (!years.has(assessment.year)) {
      problems = add(
        problems,
        problem(
          "criteria-mismatch",
          "year",
          `${named} applies to ${set.appliesTo.years.join(", ")}, not ${assessment.year}`,
          `bộ tiêu chí ${set.version} áp dụng cho năm ${set.appliesTo.years.join(", ")}, không phải ${assessment.year}`,
        ),
      );
    }
    if (!unitTypes.has(assessment.unit.type)) {
      problems = add(
        problems,
        problem(
          "criteria-mismatch",
          "unit.type",
          `${named} is for ${set.appliesTo.unitTypes.join(", ")}, not "${assessment.unit.type}"`,
          `bộ tiêu chí áp dụng cho ${set.appliesTo.unitTypes.join(", ")}, không áp dụng cho loại "${assessment.unit.type}"`,
        ),
      );
    }
    const block = assessment.unit.block;
    if (block !== undefined && !blocks.has(block)) {
      problems = add(
        problems,
        problem("unknown-block", "unit.block", `block "${block}" is not one of: ${blockList}`, `khối "${block}" không có trong bộ tiêu chí (${blockList})`),
      );
    }
    return problems;
  };

  const checkRounds = (assessment: Assessment, problems: Problem[] | null): Problem[] | null => {
    const rounds = assessment.rounds;
    // A self round may be missing: historic tables publish appraised points only, so a self-assessment
    // never recorded is its own state (not 0). Then an appraisal round must be there.
    if (!rounds.some((round) => round.round === "self" || APPRAISAL_ROUNDS.includes(round.round))) {
      problems = add(
        problems,
        problem(
          "round-order",
          "rounds",
          "the assessment has neither a self round nor an appraisal round: enter the self-assessment, or the appraised points if only those were recorded",
          "bản đánh giá không có vòng tự chấm cũng không có vòng thẩm định: hãy nhập điểm tự chấm, hoặc điểm thẩm định nếu chỉ có điểm thẩm định được ghi nhận",
        ),
      );
    }
    const evidenceIds = new Set<string>();
    for (const document of assessment.evidence ?? []) evidenceIds.add(document.id);
    let previousRank = -1;
    for (let r = 0; r < rounds.length; r++) {
      const round = rounds[r]!;
      const rank = ROUNDS.indexOf(round.round);
      if (rank <= previousRank) {
        problems = add(
          problems,
          problem(
            "round-order",
            `rounds[${r}].round`,
            `round "${round.round}" is out of order: rounds go ${ROUNDS.join(" → ")}, each at most once`,
            `vòng "${round.round}" sai thứ tự: các vòng theo thứ tự tự chấm → thẩm định 1 → giải trình → thẩm định 2, mỗi vòng một lần`,
          ),
        );
      }
      previousRank = Math.max(previousRank, rank);
      const roundFacts = round.facts;
      if (roundFacts) for (const name in roundFacts) problems = checkFact(name, roundFacts[name]!, r, evidenceIds, problems);
      const roundItems = round.items;
      if (roundItems) for (const code in roundItems) problems = checkItem(code, roundItems[code]!, r, evidenceIds, problems);
    }
    return problems;
  };

  const checkSurvey = (assessment: Assessment, problems: Problem[] | null): Problem[] | null => {
    const values = assessment.survey?.indicators;
    if (!values) return problems;
    for (const name of Object.keys(values)) {
      const at = `survey.indicators.${name}`;
      const domain = indicators.get(name);
      const value = values[name]!;
      if (!domain) {
        problems = add(
          problems,
          problem(
            "unknown-indicator",
            at,
            `survey indicator "${name}" is not in the criteria set (declared: ${declaredIndicators})`,
            `chỉ số điều tra xã hội học "${name}" không có trong bộ tiêu chí`,
          ),
        );
      } else if (!Number.isFinite(value) || value < domain.min || value > domain.max) {
        problems = add(
          problems,
          problem("indicator-out-of-range", at, `${value} is outside ${domain.min}…${domain.max}`, `${value} nằm ngoài khoảng ${domain.min}…${domain.max}`),
        );
      }
    }
    for (const name of scoredIndicators) {
      if (!Object.hasOwn(values, name)) {
        problems = add(
          problems,
          problem(
            "unknown-indicator-value",
            "survey.indicators",
            `survey results lack indicator "${name}", which the criteria set scores`,
            `kết quả điều tra xã hội học thiếu chỉ số "${name}" mà bộ tiêu chí dùng để chấm điểm`,
          ),
        );
      }
    }
    return problems;
  };

  return {
    assessment(json) {
      if (!fitsAssessmentSchema(json, ASSESSMENT_LIMITS)) {
        const tooLarge = checkJsonLimits(json, ASSESSMENT_LIMITS);
        if (tooLarge.length > 0) return { ok: false, problems: tooLarge };
        const schemaProblems = checkSchema(json, "assessment");
        if (schemaProblems.length > 0) return { ok: false, problems: schemaProblems };
      }
      const assessment = json as Assessment;
      const problems = checkSurvey(assessment, checkRounds(assessment, checkHeader(assessment, null)));
      return problems === null ? { ok: true, value: assessment } : { ok: false, problems };
    },
    fact: (name, input, evidenceIds) => checkFact(name, input, -1, evidenceIds, null) ?? [],
    item: (code, input, evidenceIds) => checkItem(code, input, -1, evidenceIds, null) ?? [],
  };
}

function add(problems: Problem[] | null, found: Problem): Problem[] {
  if (problems === null) return [found];
  problems.push(found);
  return problems;
}

/** Whether a fact's value (not null) is of its type and within its bounds. */
function fitsFact(rule: FactRule, value: FactValue): boolean {
  switch (rule.type) {
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return typeof value === "string" && isCalendarDate(value);
    case "dates":
      return isDateList(value) && (rule.length === undefined || value.length === rule.length);
    default:
      return typeof value === "number" && Number.isFinite(value) && (!rule.integer || Number.isInteger(value)) && value >= rule.min && value <= rule.max;
  }
}

function isDateList(value: FactValue): value is (string | null)[] {
  if (!Array.isArray(value)) return false;
  for (const date of value) if (date !== null && !isCalendarDate(date)) return false;
  return true;
}

/** What is wrong with a value `fitsFact` refused. */
function factProblem(rule: FactRule, value: FactValue, path: string): Problem {
  const invalid = (expected: string, expectedVi: string) =>
    problem(
      "fact-invalid",
      path,
      `"${rule.name}" must be ${expected}, got ${JSON.stringify(value)}`,
      `"${rule.name}" phải là ${expectedVi}, nhận được ${JSON.stringify(value)}`,
    );
  switch (rule.type) {
    case "boolean":
      return invalid("true or false", "true (có) hoặc false (không)");
    case "date":
      return invalid("a date YYYY-MM-DD", "một ngày dạng YYYY-MM-DD");
    case "dates":
      return isDateList(value)
        ? invalid(`a list of exactly ${rule.length} dates`, `danh sách đúng ${rule.length} ngày`)
        : invalid("a list of dates YYYY-MM-DD (null for a missing one)", "danh sách ngày YYYY-MM-DD (null nếu chưa có)");
    default:
      return typeof value !== "number" || !Number.isFinite(value) || (rule.integer && !Number.isInteger(value))
        ? invalid(rule.integer ? "a whole number" : "a number", rule.integer ? "một số nguyên" : "một số")
        : invalid(`between ${rule.min} and ${rule.max}`, `trong khoảng ${rule.min} đến ${rule.max}`);
  }
}

/** Cited evidence that the unit's list lacks, each at `<entry>.evidence[i]`. */
function checkEvidence(
  ids: readonly string[],
  path: Path,
  round: number,
  key: string,
  evidenceIds: ReadonlySet<string>,
  problems: Problem[] | null,
): Problem[] | null {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (evidenceIds.has(id)) continue;
    problems = add(
      problems,
      problem(
        "unknown-evidence",
        `${pathTo(path(round, key), "evidence")}[${i}]`,
        `evidence "${id}" is cited but not listed in "evidence"`,
        `tài liệu kiểm chứng "${id}" được dẫn nhưng chưa có trong danh sách "evidence"`,
      ),
    );
  }
  return problems;
}

/** `at.key`, or `key` for an entry checked alone. */
function pathTo(at: string, key: string): string {
  return at === "" ? key : `${at}.${key}`;
}
