import { type Problem, problem } from "../problem.js";

/**
 * Size and depth bounds, checked before anything else reads a file: the JSON Schema check and
 * the recursive checks after it are only safe, and fast, on input of a sane shape. Real sets are
 * far inside them (the reference commune set: about 2,600 JSON values, 16 levels deep, rules 4
 * operators deep, trees 3 levels deep).
 */
export interface JsonLimits {
  /** Nesting of JSON objects and arrays anywhere in a file. */
  jsonDepth: number;
  /** JSON values (objects, arrays, numbers, strings…) in a whole file. */
  values: number;
  /** Elements of any one array. */
  arrayLength: number;
}

/** A criteria set: no list in it (children, tiers, allowed points, due dates) needs 1,000 entries. */
export const CRITERIA_LIMITS: JsonLimits = { jsonDepth: 128, values: 100_000, arrayLength: 1_000 };
/** An assessment: a unit may cite thousands of documents, but facts and items are few. */
export const ASSESSMENT_LIMITS: JsonLimits = { jsonDepth: 32, values: 200_000, arrayLength: 10_000 };
/** Levels of the criteria tree (area → criterion → sub-criterion → …). */
export const MAX_TREE_DEPTH = 8;
/** Values in a manual item's `allowed` list. */
export const MAX_ALLOWED_POINTS = 100;

interface Pending {
  value: unknown;
  path: string;
  depth: number;
}

/**
 * Walks a parsed JSON value without recursion and reports the first place it is too deep, too
 * large, or has too long an array. Nothing else should look at a value that fails this check.
 */
export function checkJsonLimits(json: unknown, limits: JsonLimits): Problem[] {
  const stack: Pending[] = [{ value: json, path: "", depth: 0 }];
  let count = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    count += 1;
    if (count > limits.values) {
      return [
        problem(
          "limit-exceeded",
          "(file)",
          `the file holds more than ${limits.values.toLocaleString("en")} values: split it or remove what is not needed`,
          `tệp có hơn ${limits.values.toLocaleString("vi")} giá trị: hãy tách tệp hoặc bỏ phần không cần thiết`,
        ),
      ];
    }
    if (value === null || typeof value !== "object") continue;
    const at = path || "(file)";
    if (depth >= limits.jsonDepth) {
      return [
        problem(
          "limit-exceeded",
          at,
          `nested more than ${limits.jsonDepth} levels deep: flatten the structure (a rule or tree this deep cannot be read or checked)`,
          `lồng nhau quá ${limits.jsonDepth} cấp: hãy giảm độ sâu (quy tắc hoặc cây tiêu chí sâu như vậy không thể đọc hay kiểm tra)`,
        ),
      ];
    }
    if (Array.isArray(value)) {
      if (value.length > limits.arrayLength) {
        return [
          problem(
            "limit-exceeded",
            at,
            `a list of ${value.length.toLocaleString("en")} elements, more than the ${limits.arrayLength.toLocaleString("en")} allowed`,
            `danh sách có ${value.length.toLocaleString("vi")} phần tử, vượt quá ${limits.arrayLength.toLocaleString("vi")} phần tử cho phép`,
          ),
        ];
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: (value as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return [];
}
