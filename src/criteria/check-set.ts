import { roundUnitsTo, toUnits } from "../points.js";
import { type Problem, problem } from "../problem.js";
import { declaredFact, isReservedName } from "./declared.js";
import { NUMERIC_FACT_TYPES } from "./fact-domain.js";
import { checkCoverage, describeRange, isEmptyRange } from "./range.js";
import { isCalendarDate } from "../rules/dates.js";
import { type CriteriaSet, TIE_BREAKERS, isLeaf } from "./types.js";
import { listLeaves } from "./walk-criteria.js";

/** Set-level checks: fact declarations, survey, classes, blocks, tie-breakers, decisions. */
export function checkSet(set: CriteriaSet): Problem[] {
  return [...checkFacts(set), ...checkSurvey(set), ...checkClasses(set), ...checkBlocks(set), ...checkTies(set), ...checkDecisions(set), ...checkRounding(set)];
}

/** Rounding each item to the shown decimals needs maxima that are shown exactly, or a full item would round past its maximum. */
function checkRounding(set: CriteriaSet): Problem[] {
  if (set.display?.rounding !== "criterion") return [];
  const decimals = set.display.pointsDecimals;
  return listLeaves(set)
    .filter(({ node }) => roundUnitsTo(toUnits(node.max), decimals) !== toUnits(node.max))
    .map(({ node, path }) =>
      problem(
        "points-not-in-units",
        `${path}.max`,
        `"${node.code}" has a maximum of ${node.max}, finer than the ${decimals} decimals each item is rounded to (display.rounding "criterion"): round the maximum or show more decimals`,
        `"${node.code}" có điểm tối đa ${node.max}, lẻ hơn ${decimals} chữ số thập phân dùng để làm tròn từng tiêu chí (display.rounding "criterion"): làm tròn điểm tối đa hoặc tăng số chữ số thập phân`,
      ),
    );
}

function checkFacts(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  for (const [name, fact] of Object.entries(set.facts)) {
    const path = `facts.${name}`;
    if (isReservedName(name)) problems.push(reservedName(name, path));
    if (fact.min !== undefined && fact.max !== undefined && fact.min > fact.max) {
      problems.push(problem("range-invalid", path, `min ${fact.min} is greater than max ${fact.max}`, `min ${fact.min} lớn hơn max ${fact.max}`));
    }
    if ((fact.min !== undefined || fact.max !== undefined) && !NUMERIC_FACT_TYPES.has(fact.type)) {
      problems.push(
        problem(
          "range-invalid",
          path,
          `min/max apply only to numeric facts, not to a ${fact.type}`,
          `min/max chỉ dùng cho số liệu số, không dùng cho kiểu ${fact.type}`,
        ),
      );
    }
    if (fact.length !== undefined && fact.type !== "dates") {
      problems.push(problem("schema", `${path}.length`, "length applies only to a dates fact", "length chỉ dùng cho số liệu kiểu dates"));
    }
    if (!fact.derived) continue;
    if (fact.type !== "rate" && fact.type !== "number") {
      problems.push(
        problem(
          "fact-type-mismatch",
          `${path}.derived`,
          `a derived ratio must be a rate or a number, not a ${fact.type}`,
          `tỷ lệ tính từ hai số phải có kiểu rate hoặc number, không phải ${fact.type}`,
        ),
      );
    }
    for (const side of ["numerator", "denominator"] as const) {
      const source = fact.derived.ratio[side];
      const declared = declaredFact(set, source);
      if (!declared || declared.derived || !NUMERIC_FACT_TYPES.has(declared.type)) {
        problems.push(
          problem(
            "unknown-fact",
            `${path}.derived.ratio.${side}`,
            `the ${side} "${source}" must be a declared, entered (not derived) numeric fact`,
            `${side === "numerator" ? "tử số" : "mẫu số"} "${source}" phải là số liệu số đã khai báo và được nhập trực tiếp`,
          ),
        );
      }
    }
  }
  return problems;
}

function checkSurvey(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  for (const [name, indicator] of Object.entries(set.survey?.indicators ?? {})) {
    if (isReservedName(name)) problems.push(reservedName(name, `survey.indicators.${name}`));
    if (indicator.min !== undefined && indicator.max !== undefined && indicator.min >= indicator.max) {
      problems.push(problem("range-invalid", `survey.indicators.${name}`, "min must be less than max", "min phải nhỏ hơn max"));
    }
  }
  return problems;
}

function checkClasses(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  set.classes.forEach((band, i) => {
    if (isEmptyRange(band.index)) {
      problems.push(
        problem(
          "range-invalid",
          `classes[${i}].index`,
          `"${describeRange(band.index)}" contains no index`,
          `khoảng "${describeRange(band.index, "và")}" không chứa chỉ số nào`,
        ),
      );
    }
  });
  if (problems.length > 0) return problems;
  for (const issue of checkCoverage(
    set.classes.map((c) => c.index),
    { min: 0, max: 100 },
  )) {
    if (issue.kind === "overlap") {
      const [a, b] = [set.classes[issue.first]!, set.classes[issue.second]!];
      problems.push(
        problem(
          "bands-overlap",
          `classes[${issue.second}].index`,
          `classes "${a.code}" and "${b.code}" overlap at ${issue.at}: an index there would get two classes`,
          `xếp loại "${a.code}" và "${b.code}" chồng lấn tại ${issue.at}: một chỉ số ở đó sẽ có hai xếp loại`,
        ),
      );
    } else {
      problems.push(
        problem(
          "bands-gap",
          "classes",
          `no class covers an index ${issue.between.en}: every index from 0 to 100 needs exactly one class`,
          `không có xếp loại cho chỉ số ${issue.between.vi}: mỗi chỉ số từ 0 đến 100 cần đúng một xếp loại`,
        ),
      );
    }
  }
  return problems;
}

function checkBlocks(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  const codes = new Set<string>();
  set.ranking.blocks.forEach((block, i) => {
    if (codes.has(block.code)) {
      problems.push(problem("duplicate-code", `ranking.blocks[${i}].code`, `block code "${block.code}" is used twice`, `mã khối "${block.code}" bị trùng`));
    }
    codes.add(block.code);
    block.unitTypes.forEach((type, j) => {
      const path = `ranking.blocks[${i}].unitTypes[${j}]`;
      if (!set.appliesTo.unitTypes.includes(type)) {
        problems.push(
          problem("unknown-block", path, `unit type "${type}" is not in appliesTo.unitTypes`, `loại đơn vị "${type}" không có trong appliesTo.unitTypes`),
        );
      }
      const other = owner.get(type);
      if (other !== undefined) {
        problems.push(
          problem(
            "block-overlap",
            path,
            `unit type "${type}" is in both blocks "${other}" and "${block.code}": a unit must be ranked in one block`,
            `loại đơn vị "${type}" thuộc cả khối "${other}" và "${block.code}": mỗi đơn vị chỉ xếp hạng trong một khối`,
          ),
        );
      }
      owner.set(type, block.code);
    });
  });
  set.appliesTo.unitTypes.forEach((type, i) => {
    if (!owner.has(type)) {
      problems.push(
        problem(
          "unit-type-without-block",
          `appliesTo.unitTypes[${i}]`,
          `unit type "${type}" belongs to no ranking block: add it to one`,
          `loại đơn vị "${type}" chưa thuộc khối xếp hạng nào: hãy thêm vào một khối`,
        ),
      );
    }
  });
  return problems;
}

function checkTies(set: CriteriaSet): Problem[] {
  const areaCodes = new Set(set.areas.map((a) => a.code));
  const hasSurvey = listLeaves(set).some((v) => isLeaf(v.node) && v.node.scoring.kind === "survey");
  return set.ranking.ties.breakers.flatMap((breaker, i) => {
    const path = `ranking.ties.breakers[${i}]`;
    if (breaker.startsWith("area:")) {
      const code = breaker.slice(5);
      return areaCodes.has(code)
        ? []
        : [
            problem(
              "unknown-tie-breaker",
              path,
              `"${breaker}" names no area (areas: ${[...areaCodes].join(", ")})`,
              `"${breaker}" không ứng với lĩnh vực nào (các lĩnh vực: ${[...areaCodes].join(", ")})`,
            ),
          ];
    }
    if (!(TIE_BREAKERS as readonly string[]).includes(breaker)) {
      const allowed = [...TIE_BREAKERS, "area:<code>"].join(", ");
      return [
        problem(
          "unknown-tie-breaker",
          path,
          `unknown tie-breaker "${breaker}". Expected one of: ${allowed}`,
          `tiêu chí phân hạng "${breaker}" không hợp lệ. Chọn một trong: ${allowed}`,
        ),
      ];
    }
    if (breaker === "survey" && !hasSurvey) {
      return [
        problem(
          "unknown-tie-breaker",
          path,
          'tie-breaker "survey" needs survey leaves in the set',
          'tiêu chí phân hạng "survey" cần có tiêu chí khảo sát trong bộ',
        ),
      ];
    }
    return [];
  });
}

function checkDecisions(set: CriteriaSet): Problem[] {
  const problems = set.decisions.flatMap((decision, i) =>
    isCalendarDate(decision.date)
      ? []
      : [problem("schema", `decisions[${i}].date`, `${decision.date} is not a calendar date`, `${decision.date} không phải ngày hợp lệ`)],
  );
  if (set.supersedes !== undefined && compareVersions(set.supersedes, set.version) >= 0) {
    problems.push(
      problem(
        "schema",
        "supersedes",
        `version ${set.version} cannot supersede ${set.supersedes}: a new version must be later`,
        `phiên bản ${set.version} không thể thay thế ${set.supersedes}: phiên bản mới phải sau phiên bản cũ`,
      ),
    );
  }
  return problems;
}

function reservedName(name: string, path: string): Problem {
  return problem(
    "reserved-name",
    path,
    `"${name}" is a reserved word of JavaScript objects and cannot name a fact or indicator: rename it (e.g. "${name}_count")`,
    `"${name}" là từ dành riêng của đối tượng JavaScript, không dùng làm tên số liệu hay chỉ số: hãy đổi tên (ví dụ "${name}_count")`,
  );
}

/** Versions are YEAR.N: compare the year, then N. */
function compareVersions(a: string, b: string): number {
  const [ay = 0, an = 0] = a.split(".").map(Number);
  const [by = 0, bn = 0] = b.split(".").map(Number);
  return ay - by || an - bn;
}
