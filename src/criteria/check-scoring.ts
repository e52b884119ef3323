import { toUnits } from "../points.js";
import { type Problem, problem } from "../problem.js";
import { checkRuleTypes } from "../rules/check-rule-types.js";
import { ALLOWED_OPERATORS, inspectRule, ruleBounds } from "../rules/json-logic.js";
import { nearestName } from "../text/nearest-name.js";
import { isCalendarDate } from "../rules/dates.js";
import { MAX_ALLOWED_POINTS } from "./check-limits.js";
import { checkPointsValue } from "./check-tree.js";
import { declaredFact, declaredIndicator } from "./declared.js";
import { leafFacts } from "./leaf-facts.js";
import { NUMERIC_FACT_TYPES, factDomain, indicatorDomain } from "./fact-domain.js";
import { checkCoverage, describeRange, isEmptyRange } from "./range.js";
import type { CriteriaSet, DueDate, FactType, LeafNode, Tier } from "./types.js";
import { listLeaves } from "./walk-criteria.js";

/** How each leaf earns points: facts and indicators declared, rules safe, tiers complete, bounds kept. */
export function checkScoring(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  for (const { node: leaf, path } of listLeaves(set)) {
    problems.push(...checkLeaf(set, leaf, `${path}.scoring`));
    problems.push(...checkNotApplicableFacts(set, leaf, path));
  }
  return problems;
}

function checkLeaf(set: CriteriaSet, leaf: LeafNode, path: string): Problem[] {
  const problems: Problem[] = [];
  const scoring = leaf.scoring;
  const max = toUnits(leaf.max);
  const pointsWithin = (points: number, at: string) => {
    problems.push(...checkPointsValue(points, at));
    if (toUnits(points) > max) {
      problems.push(
        problem(
          "rule-out-of-range",
          at,
          `${points} points exceed the item's maximum of ${leaf.max}`,
          `${points} điểm vượt điểm tối đa ${leaf.max} của tiêu chí`,
        ),
      );
    }
  };
  const best = (points: number, at: string) => {
    if (toUnits(points) < max) {
      problems.push(
        problem(
          "rule-out-of-range",
          at,
          `the best outcome earns ${points} but the maximum of "${leaf.code}" is ${leaf.max}: the maximum could never be reached`,
          `kết quả tốt nhất chỉ đạt ${points} trong khi điểm tối đa của "${leaf.code}" là ${leaf.max}: không bao giờ đạt tối đa`,
        ),
      );
    }
  };
  const needFact = (name: string, at: string, types: FactType[]): boolean => {
    const fact = declaredFact(set, name);
    if (!fact) {
      problems.push(unknownFact(name, at, set));
      return false;
    }
    if (!types.includes(fact.type)) {
      problems.push(
        problem(
          "fact-type-mismatch",
          at,
          `fact "${name}" is a ${fact.type}, but this rule needs a ${types.join(" or ")}`,
          `số liệu "${name}" có kiểu ${fact.type}, nhưng quy tắc này cần kiểu ${types.join(" hoặc ")}`,
        ),
      );
      return false;
    }
    return true;
  };

  switch (scoring.kind) {
    case "manual":
      if (scoring.allowed && scoring.allowed.length > MAX_ALLOWED_POINTS) {
        problems.push(
          problem(
            "limit-exceeded",
            `${path}.allowed`,
            `${scoring.allowed.length} allowed values, more than ${MAX_ALLOWED_POINTS}: list the few scores the decision permits, or leave "allowed" out to accept any value from 0 to the maximum`,
            `${scoring.allowed.length} mức điểm được phép, quá ${MAX_ALLOWED_POINTS}: chỉ liệt kê các mức quyết định cho phép, hoặc bỏ "allowed" để nhận mọi điểm từ 0 đến tối đa`,
          ),
        );
        break;
      }
      scoring.allowed?.forEach((points, i) => pointsWithin(points, `${path}.allowed[${i}]`));
      if (scoring.allowed) best(Math.max(...scoring.allowed), `${path}.allowed`);
      break;
    case "boolean":
      needFact(scoring.fact, `${path}.fact`, ["boolean"]);
      pointsWithin(scoring.yes, `${path}.yes`);
      pointsWithin(scoring.no, `${path}.no`);
      best(Math.max(scoring.yes, scoring.no), path);
      break;
    case "tiers":
      if (needFact(scoring.fact, `${path}.fact`, ["integer", "number", "rate"])) {
        const fact = declaredFact(set, scoring.fact)!;
        problems.push(
          ...checkTiers(scoring.tiers, `${path}.tiers`, factDomain(fact), fact.type === "integer", {
            en: `fact "${scoring.fact}"`,
            vi: `số liệu "${scoring.fact}"`,
          }),
        );
      }
      scoring.tiers.forEach((tier, i) => pointsWithin(tier.points, `${path}.tiers[${i}].points`));
      best(Math.max(...scoring.tiers.map((t) => t.points)), `${path}.tiers`);
      break;
    case "deadline": {
      const dues = Array.isArray(scoring.due) ? scoring.due : [scoring.due];
      const wantsList = Array.isArray(scoring.due);
      if (needFact(scoring.fact, `${path}.fact`, [wantsList ? "dates" : "date"])) {
        const length = declaredFact(set, scoring.fact)!.length;
        if (wantsList && length !== undefined && length !== dues.length) {
          problems.push(
            problem(
              "rule-invalid",
              `${path}.due`,
              `fact "${scoring.fact}" holds ${length} dates but ${dues.length} due dates are given`,
              `số liệu "${scoring.fact}" có ${length} ngày nhưng có ${dues.length} hạn`,
            ),
          );
        }
      }
      dues.forEach((due, i) => problems.push(...checkDue(set, due, wantsList ? `${path}.due[${i}]` : `${path}.due`)));
      for (const outcome of ["onTime", "late", "missing"] as const) problems.push(...checkPointsValue(scoring.points[outcome], `${path}.points.${outcome}`));
      if (scoring.mode !== undefined && !wantsList) {
        problems.push(
          problem(
            "rule-invalid",
            `${path}.mode`,
            'mode applies to a list of due dates (a "dates" fact): remove it, or give "due" as a list',
            'mode chỉ dùng khi có danh sách hạn (số liệu kiểu "dates"): hãy bỏ mode, hoặc ghi "due" dạng danh sách',
          ),
        );
      }
      const bestEach = Math.max(scoring.points.onTime, scoring.points.late, scoring.points.missing);
      const times = scoring.mode === "all" ? 1 : dues.length;
      pointsWithin((toUnits(bestEach) * times) / 10_000, `${path}.points`);
      best((toUnits(bestEach) * times) / 10_000, `${path}.points`);
      break;
    }
    case "logic": {
      const inspection = inspectRule(scoring.rule, `${path}.rule`);
      for (const issue of inspection.issues) {
        problems.push(
          issue.kind === "operator-not-allowed"
            ? problem(
                "operator-not-allowed",
                issue.path,
                `operator "${issue.operator}" is not allowed. Expected one of: ${[...ALLOWED_OPERATORS].join(", ")}`,
                `phép toán "${issue.operator}" không được phép. Chỉ dùng: ${[...ALLOWED_OPERATORS].join(", ")}`,
              )
            : problem(issue.kind, issue.path, issue.detail, issue.vi),
        );
      }
      const declared = inspection.reads.filter((name) => {
        if (declaredFact(set, name)) return true;
        problems.push(unknownFact(name, `${path}.rule`, set));
        return false;
      });
      if (inspection.issues.length > 0) break;
      const typeIssues = checkRuleTypes(scoring.rule, `${path}.rule`, (name) => declaredFact(set, name)?.type);
      for (const issue of typeIssues) problems.push(problem(issue.fact ? "fact-type-mismatch" : "rule-invalid", issue.path, issue.message, issue.vi));
      if (typeIssues.length === 0 && declared.length === inspection.reads.length) {
        problems.push(...checkRuleBounds(set, leaf, `${path}.rule`));
      }
      break;
    }
    case "survey": {
      const indicator = declaredIndicator(set, scoring.indicator);
      if (!indicator) {
        const known = Object.keys(set.survey?.indicators ?? {});
        problems.push(
          problem(
            "unknown-indicator",
            `${path}.indicator`,
            `survey indicator "${scoring.indicator}" is not declared in survey.indicators${known.length ? ` (declared: ${known.join(", ")})` : ""}`,
            `chỉ số điều tra xã hội học "${scoring.indicator}" chưa được khai báo trong survey.indicators${known.length ? ` (đã khai báo: ${known.join(", ")})` : ""}`,
          ),
        );
      } else if ("tiers" in scoring) {
        problems.push(
          ...checkTiers(scoring.tiers, `${path}.tiers`, indicatorDomain(indicator), false, {
            en: `indicator "${scoring.indicator}"`,
            vi: `chỉ số "${scoring.indicator}"`,
          }),
        );
        scoring.tiers.forEach((tier, i) => pointsWithin(tier.points, `${path}.tiers[${i}].points`));
        best(Math.max(...scoring.tiers.map((t) => t.points)), `${path}.tiers`);
      } else if (scoring.linear.zeroAt === scoring.linear.fullAt) {
        problems.push(problem("rule-invalid", `${path}.linear`, "zeroAt and fullAt must differ", "zeroAt và fullAt phải khác nhau"));
      }
      break;
    }
  }
  return problems;
}

export function checkTiers(tiers: Tier[], path: string, domain: { min: number; max: number }, integers: boolean, what: { en: string; vi: string }): Problem[] {
  const problems: Problem[] = [];
  tiers.forEach((tier, i) => {
    if (isEmptyRange(tier.when)) {
      problems.push(
        problem(
          "range-invalid",
          `${path}[${i}].when`,
          `"${describeRange(tier.when)}" contains no value`,
          `khoảng "${describeRange(tier.when, "và")}" không chứa giá trị nào`,
        ),
      );
    }
  });
  if (problems.length > 0) return problems;
  for (const issue of checkCoverage(
    tiers.map((t) => t.when),
    domain,
    integers,
  )) {
    if (issue.kind === "overlap") {
      problems.push(
        problem(
          "tiers-overlap",
          `${path}[${issue.second}].when`,
          `tiers ${issue.first + 1} and ${issue.second + 1} overlap at ${issue.at}: a value there would match both; make one edge exclusive (gt/lt)`,
          `mức ${issue.first + 1} và mức ${issue.second + 1} chồng lấn tại ${issue.at}: hãy để một cận là không bao gồm (gt/lt)`,
        ),
      );
    } else {
      problems.push(
        problem(
          "tiers-gap",
          path,
          `no tier covers ${what.en} ${issue.between.en} (domain ${domain.min}…${domain.max}): add a tier or widen an edge`,
          `không có mức nào cho ${what.vi} ${issue.between.vi} (miền ${domain.min}…${domain.max}): thêm mức hoặc mở rộng cận`,
        ),
      );
    }
  }
  return problems;
}

function checkDue(set: CriteriaSet, due: DueDate, path: string): Problem[] {
  if (typeof due === "string") {
    return isCalendarDate(due) ? [] : [problem("rule-invalid", path, `${due} is not a calendar date`, `${due} không phải ngày hợp lệ`)];
  }
  const fact = declaredFact(set, due.fact);
  if (!fact) return [unknownFact(due.fact, `${path}.fact`, set)];
  if (fact.type !== "date") {
    return [
      problem(
        "fact-type-mismatch",
        `${path}.fact`,
        `a due date can be relative only to a date fact; "${due.fact}" is a ${fact.type}`,
        `hạn chỉ có thể tính từ một số liệu ngày; "${due.fact}" có kiểu ${fact.type}`,
      ),
    ];
  }
  return [];
}

function checkRuleBounds(set: CriteriaSet, leaf: LeafNode, path: string): Problem[] {
  const scoring = leaf.scoring as { rule: unknown };
  const bounds = ruleBounds(scoring.rule, (name) => {
    const fact = declaredFact(set, name);
    if (!fact) return null;
    if (fact.type === "boolean") return { min: 0, max: 1 };
    if (!NUMERIC_FACT_TYPES.has(fact.type)) return null;
    const domain = factDomain(fact);
    return Number.isFinite(domain.min) && Number.isFinite(domain.max) ? domain : null;
  });
  if (bounds === "boolean") {
    return [
      problem(
        "rule-invalid",
        path,
        'the rule returns true/false, not points: wrap the condition, e.g. {"if": [condition, 1, 0]}',
        'quy tắc trả về đúng/sai, không phải điểm: hãy bọc điều kiện, ví dụ {"if": [điều kiện, 1, 0]}',
      ),
    ];
  }
  if (bounds === "no-value") {
    return [
      problem(
        "rule-invalid",
        path,
        "the rule can end without a value (an if without a final else branch, or null): give every branch points",
        "quy tắc có thể không trả về giá trị (if thiếu nhánh else cuối, hoặc null): mọi nhánh phải cho điểm",
      ),
    ];
  }
  if (bounds === "unknown") return [];
  if (bounds.min < 0 || bounds.max > leaf.max + 1e-9) {
    return [
      problem(
        "rule-out-of-range",
        path,
        `the rule can give ${round(bounds.min)} to ${round(bounds.max)} points for facts within their declared bounds, outside 0…${leaf.max}: cap it with min/max`,
        `quy tắc có thể cho từ ${round(bounds.min)} đến ${round(bounds.max)} điểm với số liệu trong giới hạn khai báo, ngoài khoảng 0…${leaf.max}: hãy chặn bằng min/max`,
      ),
    ];
  }
  return [];
}

function checkNotApplicableFacts(set: CriteriaSet, leaf: LeafNode, path: string): Problem[] {
  if (leaf.notApplicable) return [];
  const naFacts = leafFacts(leaf).filter((name) => declaredFact(set, name)?.derived?.whenZero === "not-applicable");
  if (naFacts.length === 0) return [];
  return [
    problem(
      "not-applicable-without-policy",
      path,
      `"${leaf.code}" reads ${naFacts.join(", ")}, which is not applicable when nothing arose, but declares no notApplicable policy: add {"policy": "exclude"} or {"policy": "full"}`,
      `"${leaf.code}" dùng ${naFacts.join(", ")} (không phát sinh khi mẫu số bằng 0) nhưng chưa khai báo notApplicable: thêm {"policy": "exclude"} hoặc {"policy": "full"}`,
    ),
  ];
}

function unknownFact(name: string, path: string, set: CriteriaSet): Problem {
  const near = nearestName(name, Object.keys(set.facts));
  const hint = near ? ` (did you mean "${near}"?)` : "";
  const hintVi = near ? ` (có phải "${near}"?)` : "";
  return problem("unknown-fact", path, `fact "${name}" is not declared in "facts"${hint}`, `số liệu "${name}" chưa được khai báo trong "facts"${hintVi}`);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
