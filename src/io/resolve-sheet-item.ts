import { listNodes } from "../criteria/walk-criteria.js";
import { type CriteriaSet, type FactDeclaration, isLeaf } from "../criteria/types.js";
import { nearestName } from "../text/nearest-name.js";
import { type Problem, problem } from "../problem.js";

/** What the `item` cell of a sheet row names. */
export type SheetItem =
  | { kind: "item"; code: string }
  | { kind: "fact"; name: string; declaration: FactDeclaration }
  | { kind: "branch"; code: string; children: string[] }
  | { kind: "indicator"; name: string }
  | { kind: "unknown"; text: string; suggestion: string | null };

export type SheetItemResolver = (text: string) => SheetItem;

/**
 * A resolver for the item cell against a criteria set: leaf, bonus and penalty codes, fact
 * names, branch codes (not enterable) and survey indicators (imported elsewhere). An exact
 * match wins; otherwise a match ignoring case, when only one name matches.
 */
export function resolveSheetItem(criteria: CriteriaSet): SheetItemResolver {
  const targets = new Map<string, SheetItem>();
  for (const { node } of listNodes(criteria)) {
    const target: SheetItem = isLeaf(node)
      ? { kind: "item", code: node.code }
      : { kind: "branch", code: node.code, children: node.children.map((child) => child.code) };
    if (!targets.has(node.code)) targets.set(node.code, target);
  }
  for (const [name, declaration] of Object.entries(criteria.facts)) {
    if (!targets.has(name)) targets.set(name, { kind: "fact", name, declaration });
  }
  for (const name of Object.keys(criteria.survey?.indicators ?? {})) {
    if (!targets.has(name)) targets.set(name, { kind: "indicator", name });
  }
  const byLowerCase = new Map<string, SheetItem[]>();
  for (const [name, target] of targets) {
    const key = name.toLowerCase();
    byLowerCase.set(key, [...(byLowerCase.get(key) ?? []), target]);
  }
  const enterable = [...targets].filter(([, t]) => t.kind === "item" || t.kind === "fact").map(([name]) => name);
  return (text) => {
    const exact = targets.get(text);
    if (exact) return exact;
    const folded = byLowerCase.get(text.toLowerCase());
    if (folded?.length === 1 && folded[0]) return folded[0];
    return { kind: "unknown", text, suggestion: nearestName(text, enterable) };
  };
}

/**
 * Why a row's item cannot take values: a criterion made of sub-criteria (its points are their
 * sum), a computed fact, a survey indicator (imported from the survey file) or an unknown name.
 */
export function refuseSheetItem(item: Exclude<SheetItem, { kind: "item" }>, path: string): Problem {
  switch (item.kind) {
    case "branch":
      return problem(
        "points-on-computed-item",
        path,
        `"${item.code}" is made of sub-criteria (${item.children.join(", ")}) and its points are their sum: enter points on those rows and leave this row empty or delete it`,
        `"${item.code}" gồm các tiêu chí thành phần (${item.children.join(", ")}) và điểm là tổng của chúng: hãy chấm điểm ở các dòng đó, để trống hoặc xóa dòng này`,
      );
    case "fact": {
      const { numerator, denominator } = item.declaration.derived?.ratio ?? { numerator: "?", denominator: "?" };
      return problem(
        "fact-invalid",
        path,
        `"${item.name}" is computed from ${numerator} / ${denominator}: enter rows for ${numerator} and ${denominator} instead and delete this one`,
        `"${item.name}" được tính từ ${numerator} / ${denominator}: hãy nhập các dòng ${numerator} và ${denominator} thay cho dòng này`,
      );
    }
    case "indicator":
      return problem(
        "unknown-code",
        path,
        `"${item.name}" is a survey indicator: survey results are imported from the survey file, not from this sheet; delete the row`,
        `"${item.name}" là chỉ số điều tra xã hội học: kết quả điều tra được nhập từ tệp điều tra, không nhập ở bảng này; hãy xóa dòng này`,
      );
    case "unknown": {
      const hint = item.suggestion ? ` (did you mean "${item.suggestion}"?)` : "";
      const hintVi = item.suggestion ? ` (có phải là "${item.suggestion}"?)` : "";
      return problem(
        "unknown-code",
        path,
        `unknown item "${item.text}"${hint}: write a criterion, bonus or penalty code of the criteria set, or one of its fact names`,
        `không có tiêu chí "${item.text}"${hintVi}: hãy ghi mã tiêu chí, điểm thưởng, điểm trừ của bộ tiêu chí, hoặc tên một số liệu của bộ tiêu chí`,
      );
    }
  }
}
