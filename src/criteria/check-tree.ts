import { isWholeUnits, toUnits, fromUnits } from "../points.js";
import { type Problem, problem } from "../problem.js";
import { MAX_TREE_DEPTH } from "./check-limits.js";
import { type CriteriaSet, isLeaf } from "./types.js";
import { listNodes } from "./walk-criteria.js";

const TREE_CODE = /^\d+(\.\d+)*$/;
const ADJUSTMENT_CODE = /^[A-Z][A-Z0-9]*(\.\d+)*$/;

/** Codes (unique, dotted, nested under their parent) and points (sums, ten-thousandths). */
export function checkTree(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  const firstPath = new Map<string, string>();
  for (const { node, path, parent, section, depth } of listNodes(set)) {
    if (depth === MAX_TREE_DEPTH) {
      problems.push(
        problem(
          "limit-exceeded",
          path,
          `the tree is more than ${MAX_TREE_DEPTH} levels deep here: areas, criteria and sub-criteria need far fewer`,
          `cây tiêu chí sâu quá ${MAX_TREE_DEPTH} cấp tại đây: lĩnh vực, tiêu chí và tiêu chí thành phần không cần nhiều cấp như vậy`,
        ),
      );
    }
    const codePath = `${path}.code`;
    const pattern = section === "areas" ? TREE_CODE : ADJUSTMENT_CODE;
    if (!pattern.test(node.code)) {
      const form = section === "areas" ? 'dotted numbers such as "3.2.1"' : 'a capital letter and digits such as "T1" or "P2"';
      const formVi = section === "areas" ? 'các số cách nhau bởi dấu chấm, ví dụ "3.2.1"' : 'chữ in hoa và số, ví dụ "T1" hoặc "P2"';
      problems.push(problem("malformed-code", codePath, `code "${node.code}" must be ${form}`, `mã "${node.code}" phải gồm ${formVi}`));
    } else if (section === "areas") {
      const expectedDepth = parent ? parent.code.split(".").length + 1 : 1;
      if (parent ? !node.code.startsWith(`${parent.code}.`) || node.code.split(".").length !== expectedDepth : node.code.includes(".")) {
        const expected = parent ? `"${parent.code}.N"` : 'a single number such as "3"';
        problems.push(
          problem(
            "code-outside-parent",
            codePath,
            `code "${node.code}" does not sit under its parent${parent ? ` "${parent.code}"` : ""}: expected ${expected}`,
            `mã "${node.code}" không nằm dưới mã cha${parent ? ` "${parent.code}"` : ""}: cần dạng ${expected}`,
          ),
        );
      }
    }
    const earlier = firstPath.get(node.code);
    if (earlier !== undefined) {
      problems.push(
        problem("duplicate-code", codePath, `code "${node.code}" is used twice (first at ${earlier})`, `mã "${node.code}" bị trùng (đã dùng tại ${earlier})`),
      );
    } else {
      firstPath.set(node.code, path);
    }
    // A maximum that is missing or not a number is a schema problem already: no sum or decimals to check with it.
    if (!Number.isFinite(node.max)) continue;
    problems.push(...checkPointsValue(node.max, `${path}.max`));
    if (!isLeaf(node) && node.children.every((child) => Number.isFinite(child.max))) {
      const sum = node.children.reduce((total, child) => total + toUnits(child.max), 0);
      if (sum !== toUnits(node.max)) {
        problems.push(sumMismatch(`${path}.max`, `"${node.code}"`, node.max, fromUnits(sum)));
      }
    }
  }
  const areasSum = set.areas.reduce((total, area) => total + toUnits(area.max), 0);
  if (set.areas.every((area) => Number.isFinite(area.max)) && areasSum !== toUnits(set.totalMax))
    problems.push(sumMismatch("totalMax", "the set", set.totalMax, fromUnits(areasSum)));
  for (const section of ["bonus", "penalty"] as const) {
    const adjustment = set[section];
    if (adjustment) problems.push(...checkPointsValue(adjustment.cap, `${section}.cap`));
  }
  return problems;
}

export function checkPointsValue(points: number, path: string): Problem[] {
  if (isWholeUnits(points)) return [];
  return [
    problem(
      "points-not-in-units",
      path,
      `${points} has more than 4 decimals: points are kept to 0.0001`,
      `${points} có quá 4 chữ số thập phân: điểm được tính chính xác đến 0,0001`,
    ),
  ];
}

function sumMismatch(path: string, what: string, declared: number, sum: number): Problem {
  return problem(
    "sum-mismatch",
    path,
    `maximum of ${what} is ${declared} but its parts add up to ${sum}: make them equal`,
    `điểm tối đa của ${what === "the set" ? "bộ tiêu chí" : what} là ${declared} nhưng tổng các phần là ${sum}: cần bằng nhau`,
  );
}
