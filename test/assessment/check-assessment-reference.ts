import { checkSchema } from "../../src/check-schema.js";
import { isCalendarDate } from "../../src/rules/dates.js";
import { ASSESSMENT_LIMITS, checkJsonLimits } from "../../src/criteria/check-limits.js";
import { indexCriteriaSet } from "../../src/criteria/criteria-index.js";
import { declaredFact, declaredIndicator } from "../../src/criteria/declared.js";
import { factDomain, indicatorDomain } from "../../src/criteria/fact-domain.js";
import type { CriteriaSet, FactDeclaration } from "../../src/criteria/types.js";
import { nearestName } from "../../src/text/nearest-name.js";
import { isWholeUnits, toUnits } from "../../src/points.js";
import { type Checked, type Problem, problem } from "../../src/problem.js";
import { APPRAISAL_ROUNDS, type Assessment, type FactInput, type FactValue, type ItemInput, ROUNDS } from "../../src/assessment/types.js";

/**
 * Checks one unit's assessment against its criteria set and collects every problem: wrong set
 * or year, rounds out of order, unknown codes and facts, points that are not allowed, facts of
 * the wrong type or out of bounds, evidence that is cited but not listed, survey values.
 */
export function checkAssessmentReference(json: unknown, set: CriteriaSet): Checked<Assessment> {
  const tooLarge = checkJsonLimits(json, ASSESSMENT_LIMITS);
  if (tooLarge.length > 0) return { ok: false, problems: tooLarge };
  const schemaProblems = checkSchema(json, "assessment");
  if (schemaProblems.length > 0) return { ok: false, problems: schemaProblems };
  const assessment = json as Assessment;
  const problems: Problem[] = [];
  const { family, version } = assessment.criteria;
  if (family !== set.family || version !== set.version) {
    problems.push(
      problem(
        "criteria-mismatch",
        "criteria",
        `the assessment is for ${family} ${version} but is being scored with ${set.family} ${set.version}`,
        `bản đánh giá dùng bộ tiêu chí ${family} ${version} nhưng đang được chấm theo ${set.family} ${set.version}`,
      ),
    );
  }
  if (!set.appliesTo.years.includes(assessment.year)) {
    problems.push(
      problem(
        "criteria-mismatch",
        "year",
        `${set.family} ${set.version} applies to ${set.appliesTo.years.join(", ")}, not ${assessment.year}`,
        `bộ tiêu chí ${set.version} áp dụng cho năm ${set.appliesTo.years.join(", ")}, không phải ${assessment.year}`,
      ),
    );
  }
  if (!set.appliesTo.unitTypes.includes(assessment.unit.type)) {
    problems.push(
      problem(
        "criteria-mismatch",
        "unit.type",
        `${set.family} ${set.version} is for ${set.appliesTo.unitTypes.join(", ")}, not "${assessment.unit.type}"`,
        `bộ tiêu chí áp dụng cho ${set.appliesTo.unitTypes.join(", ")}, không áp dụng cho loại "${assessment.unit.type}"`,
      ),
    );
  }
  if (assessment.unit.block !== undefined && !set.ranking.blocks.some((b) => b.code === assessment.unit.block)) {
    problems.push(
      problem(
        "unknown-block",
        "unit.block",
        `block "${assessment.unit.block}" is not one of: ${set.ranking.blocks.map((b) => b.code).join(", ")}`,
        `khối "${assessment.unit.block}" không có trong bộ tiêu chí (${set.ranking.blocks.map((b) => b.code).join(", ")})`,
      ),
    );
  }

  const evidenceIds = new Set((assessment.evidence ?? []).map((e) => e.id));

  // A self round may be missing: historic tables publish appraised points only, so a self-assessment
  // never recorded is its own state (not 0). Then an appraisal round must be there.
  if (!assessment.rounds.some((round) => round.round === "self" || APPRAISAL_ROUNDS.includes(round.round))) {
    problems.push(
      problem(
        "round-order",
        "rounds",
        "the assessment has neither a self round nor an appraisal round: enter the self-assessment, or the appraised points if only those were recorded",
        "bản đánh giá không có vòng tự chấm cũng không có vòng thẩm định: hãy nhập điểm tự chấm, hoặc điểm thẩm định nếu chỉ có điểm thẩm định được ghi nhận",
      ),
    );
  }
  let previousRank = -1;
  assessment.rounds.forEach((round, r) => {
    const path = `rounds[${r}]`;
    const rank = ROUNDS.indexOf(round.round);
    if (rank <= previousRank) {
      problems.push(
        problem(
          "round-order",
          `${path}.round`,
          `round "${round.round}" is out of order: rounds go ${ROUNDS.join(" → ")}, each at most once`,
          `vòng "${round.round}" sai thứ tự: các vòng theo thứ tự tự chấm → thẩm định 1 → giải trình → thẩm định 2, mỗi vòng một lần`,
        ),
      );
    }
    previousRank = Math.max(previousRank, rank);

    for (const [name, input] of Object.entries(round.facts ?? {})) problems.push(...checkFactInput(set, name, input, `${path}.facts.${name}`, evidenceIds));
    for (const [code, item] of Object.entries(round.items ?? {})) problems.push(...checkItemInput(set, code, item, `${path}.items["${code}"]`, evidenceIds));
  });

  if (assessment.survey) {
    const declared = set.survey?.indicators ?? {};
    for (const [name, value] of Object.entries(assessment.survey.indicators)) {
      const at = `survey.indicators.${name}`;
      const indicator = declaredIndicator(set, name);
      if (!indicator) {
        problems.push(
          problem(
            "unknown-indicator",
            at,
            `survey indicator "${name}" is not in the criteria set (declared: ${Object.keys(declared).join(", ") || "none"})`,
            `chỉ số điều tra xã hội học "${name}" không có trong bộ tiêu chí`,
          ),
        );
        continue;
      }
      const { min, max } = indicatorDomain(indicator);
      if (!Number.isFinite(value) || value < min || value > max) {
        problems.push(problem("indicator-out-of-range", at, `${value} is outside ${min}…${max}`, `${value} nằm ngoài khoảng ${min}…${max}`));
      }
    }
    for (const name of Object.keys(declared)) {
      if (usesIndicator(set, name) && !Object.hasOwn(assessment.survey.indicators, name)) {
        problems.push(
          problem(
            "unknown-indicator-value",
            "survey.indicators",
            `survey results lack indicator "${name}", which the criteria set scores`,
            `kết quả điều tra xã hội học thiếu chỉ số "${name}" mà bộ tiêu chí dùng để chấm điểm`,
          ),
        );
      }
    }
  }
  return problems.length === 0 ? { ok: true, value: assessment } : { ok: false, problems };
}

/**
 * One fact of a round checked against the set: declared, entered (not derived), of its type and
 * within bounds, citing listed evidence. `at` is the fact's path ("" when checked alone).
 */
function checkFactInput(set: CriteriaSet, name: string, input: FactInput, at: string, evidenceIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const declared = declaredFact(set, name);
  if (!declared) {
    const near = nearestName(name, Object.keys(set.facts));
    problems.push(
      problem(
        "unknown-fact",
        at,
        `fact "${name}" is not in the criteria set${near ? ` (did you mean "${near}"?)` : ""}`,
        `số liệu "${name}" không có trong bộ tiêu chí${near ? ` (có phải "${near}"?)` : ""}`,
      ),
    );
    return problems;
  }
  if (declared.derived) {
    problems.push(
      problem(
        "fact-invalid",
        at,
        `"${name}" is computed from ${declared.derived.ratio.numerator} / ${declared.derived.ratio.denominator}: enter those instead`,
        `"${name}" được tính từ ${declared.derived.ratio.numerator} / ${declared.derived.ratio.denominator}: hãy nhập hai số đó`,
      ),
    );
    return problems;
  }
  const { value, evidence } = splitFact(input);
  problems.push(...checkFactValue(name, declared, value, at));
  problems.push(...checkEvidence(evidence, pathTo(at, "evidence"), evidenceIds));
  return problems;
}

/**
 * One item of a round checked against the set: an item of the set, not applicable only where
 * allowed, points only on manual items and only allowed values, citing listed evidence.
 */
function checkItemInput(set: CriteriaSet, code: string, item: ItemInput, at: string, evidenceIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const indexed = indexCriteriaSet(set).leaves.get(code);
  if (!indexed) {
    const near = nearestName(code, [...indexCriteriaSet(set).leaves.keys()]);
    problems.push(
      problem(
        "unknown-code",
        at,
        `"${code}" is not an item of the criteria set${near ? ` (did you mean "${near}"?)` : ""}`,
        `"${code}" không phải tiêu chí trong bộ tiêu chí${near ? ` (có phải "${near}"?)` : ""}`,
      ),
    );
    return problems;
  }
  const { leaf } = indexed;
  problems.push(...checkEvidence(item.evidence, pathTo(at, "evidence"), evidenceIds));
  if (item.notApplicable === true && !leaf.notApplicable) {
    problems.push(
      problem(
        "not-applicable-not-allowed",
        at,
        `"${code}" cannot be declared not applicable under this criteria set`,
        `tiêu chí "${code}" không được phép khai báo "không phát sinh"`,
      ),
    );
  }
  if (item.points === undefined) return problems;
  if (leaf.scoring.kind !== "manual") {
    const reads = indexed.reads.length > 0 ? ` (${indexed.reads.join(", ")})` : "";
    const source = leaf.scoring.kind === "survey" ? "the survey results" : `the facts${reads}`;
    const sourceVi = leaf.scoring.kind === "survey" ? "kết quả điều tra xã hội học" : `các số liệu${reads}`;
    problems.push(
      problem(
        "points-on-computed-item",
        pathTo(at, "points"),
        `points of "${code}" are computed from ${source}: enter or correct those instead`,
        `điểm của "${code}" được tính tự động từ ${sourceVi}: hãy nhập hoặc sửa dữ liệu đó`,
      ),
    );
    return problems;
  }
  if (!isWholeUnits(item.points) || item.points < 0 || toUnits(item.points) > toUnits(leaf.max)) {
    problems.push(
      problem(
        "points-out-of-range",
        pathTo(at, "points"),
        `${item.points} is outside 0…${leaf.max} for "${code}"`,
        `${item.points} nằm ngoài khoảng 0…${leaf.max} của tiêu chí "${code}"`,
      ),
    );
  } else if (leaf.scoring.allowed && !leaf.scoring.allowed.some((p) => toUnits(p) === toUnits(item.points!))) {
    problems.push(
      problem(
        "points-not-allowed",
        pathTo(at, "points"),
        `${item.points} is not allowed for "${code}". Expected one of: ${leaf.scoring.allowed.join(", ")}`,
        `${item.points} không hợp lệ cho "${code}". Chỉ được chấm: ${leaf.scoring.allowed.join(", ")}`,
      ),
    );
  }
  return problems;
}

function checkEvidence(ids: string[] | undefined, path: string, evidenceIds: ReadonlySet<string>): Problem[] {
  return (ids ?? []).flatMap((id, i) =>
    evidenceIds.has(id)
      ? []
      : [
          problem(
            "unknown-evidence",
            `${path}[${i}]`,
            `evidence "${id}" is cited but not listed in "evidence"`,
            `tài liệu kiểm chứng "${id}" được dẫn nhưng chưa có trong danh sách "evidence"`,
          ),
        ],
  );
}

/** `at.key`, or `key` for an entry checked alone. */
function pathTo(at: string, key: string): string {
  return at === "" ? key : `${at}.${key}`;
}

function splitFact(input: FactInput): { value: FactValue; evidence?: string[] } {
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    return input.evidence ? { value: input.value, evidence: input.evidence } : { value: input.value };
  }
  return { value: input };
}

function usesIndicator(set: CriteriaSet, name: string): boolean {
  for (const { leaf } of indexCriteriaSet(set).leaves.values()) {
    if (leaf.scoring.kind === "survey" && leaf.scoring.indicator === name) return true;
  }
  return false;
}

function checkFactValue(name: string, fact: FactDeclaration, value: FactValue, path: string): Problem[] {
  if (value === null) return [];
  const invalid = (expected: string, expectedVi: string) => [
    problem(
      "fact-invalid",
      path,
      `"${name}" must be ${expected}, got ${JSON.stringify(value)}`,
      `"${name}" phải là ${expectedVi}, nhận được ${JSON.stringify(value)}`,
    ),
  ];
  switch (fact.type) {
    case "boolean":
      return typeof value === "boolean" ? [] : invalid("true or false", "true (có) hoặc false (không)");
    case "date":
      return typeof value === "string" && isCalendarDate(value) ? [] : invalid("a date YYYY-MM-DD", "một ngày dạng YYYY-MM-DD");
    case "dates": {
      const ok = Array.isArray(value) && value.every((d) => d === null || isCalendarDate(d));
      if (!ok) return invalid("a list of dates YYYY-MM-DD (null for a missing one)", "danh sách ngày YYYY-MM-DD (null nếu chưa có)");
      if (fact.length !== undefined && value.length !== fact.length) {
        return invalid(`a list of exactly ${fact.length} dates`, `danh sách đúng ${fact.length} ngày`);
      }
      return [];
    }
    default: {
      const { min, max } = factDomain(fact);
      if (typeof value !== "number" || !Number.isFinite(value) || (fact.type === "integer" && !Number.isInteger(value))) {
        return invalid(fact.type === "integer" ? "a whole number" : "a number", fact.type === "integer" ? "một số nguyên" : "một số");
      }
      if (value < min || value > max) return invalid(`between ${min} and ${max}`, `trong khoảng ${min} đến ${max}`);
      return [];
    }
  }
}
