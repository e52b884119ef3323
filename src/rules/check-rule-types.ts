import type { FactType } from "../criteria/types.js";
import { isCalendarDate } from "./dates.js";

/**
 * What a JSON Logic rule does with its facts, checked before it is ever applied. JSON Logic
 * itself coerces silently: a list of dates compared with a date becomes text ("2026-03-10,…" <
 * "2026-12-31" is true, so a late report scores), a date in a sum is NaN, a yes/no in `+` is NaN,
 * and `and`/`or` return true/false or one of their operands rather than points. Here a rule must
 * use numbers for arithmetic, compare dates only with dates, keep lists of dates out (no list
 * operator is allowed: a `deadline` rule scores them), and return points.
 */
export type ValueType = "number" | "boolean" | "date" | "dates" | "text" | "null" | "list";

/** The type of a value, or "any" where it cannot be told (an undeclared fact, reported elsewhere). */
type Inferred = ValueType | "any";

export interface TypeIssue {
  path: string;
  /** The fact whose use is wrong, if one is. */
  fact?: string;
  message: string;
  vi: string;
}

const ARITHMETIC = new Set(["+", "-", "*", "/", "%", "min", "max"]);
const ORDERING = new Set(["<", "<=", ">", ">="]);
const EQUALITY = new Set(["==", "===", "!=", "!=="]);

const FACT_VALUE: Record<FactType, ValueType> = { integer: "number", number: "number", rate: "number", boolean: "boolean", date: "date", dates: "dates" };

const NAMES: Record<Inferred, { en: string; vi: string }> = {
  number: { en: "a number", vi: "một số" },
  boolean: { en: "a yes/no value", vi: "giá trị có/không" },
  date: { en: "a date", vi: "một ngày" },
  dates: { en: "a list of dates", vi: "một danh sách ngày" },
  text: { en: "text", vi: "văn bản" },
  null: { en: "null", vi: "null" },
  list: { en: "a list", vi: "một danh sách" },
  any: { en: "a value", vi: "một giá trị" },
};

/**
 * Checks the types of a rule whose operators are already known to be allowed. `factType` gives
 * a declared fact's type (undefined for an undeclared one). Returns every misuse; a rule that
 * returns anything but points (true/false, a date, text) is one issue at its root.
 */
export function checkRuleTypes(rule: unknown, path: string, factType: (name: string) => FactType | undefined): TypeIssue[] {
  const issues: TypeIssue[] = [];
  const result = infer(rule, path, factType, issues);
  // A rule that can end without a value (null, an if without else) is told by ruleBounds, more precisely.
  if (issues.length === 0 && result !== "number" && result !== "any" && result !== "null") {
    issues.push(
      result === "boolean"
        ? {
            path,
            message: 'the rule returns true/false, not points (and, or, !, comparisons are for conditions): wrap the condition, e.g. {"if": [condition, 1, 0]}',
            vi: 'quy tắc trả về đúng/sai, không phải điểm (and, or, !, phép so sánh chỉ dùng làm điều kiện): hãy bọc điều kiện, ví dụ {"if": [điều kiện, 1, 0]}',
          }
        : {
            path,
            message: `the rule can return ${NAMES[result].en}, not points: every branch must give a number`,
            vi: `quy tắc có thể trả về ${NAMES[result].vi}, không phải điểm: mọi nhánh phải cho một số`,
          },
    );
  }
  return issues;
}

function infer(node: unknown, at: string, factType: (name: string) => FactType | undefined, issues: TypeIssue[]): Inferred {
  if (typeof node === "number") return "number";
  if (typeof node === "boolean") return "boolean";
  if (node === null) return "null";
  if (typeof node === "string") return isCalendarDate(node) ? "date" : "text";
  if (Array.isArray(node)) return "list";
  if (typeof node !== "object") return "any";
  const [operator] = Object.keys(node);
  if (operator === undefined) return "any";
  const raw = (node as Record<string, unknown>)[operator];
  const args = Array.isArray(raw) ? raw : [raw];
  const argsAt = `${at}["${operator}"]`;
  const argAt = (i: number) => (Array.isArray(raw) ? `${argsAt}[${i}]` : argsAt);

  if (operator === "var") {
    const name = args[0];
    const type = typeof name === "string" ? factType(name) : undefined;
    return type ? FACT_VALUE[type] : "any";
  }
  const types = args.map((arg, i) => infer(arg, argAt(i), factType, issues));
  const factOf = (i: number): string | undefined => {
    const arg = args[i];
    if (arg === null || typeof arg !== "object" || Array.isArray(arg) || !("var" in arg)) return undefined;
    const name = (arg as { var: unknown }).var;
    const literal = Array.isArray(name) ? name[0] : name;
    return typeof literal === "string" ? literal : undefined;
  };
  const misuse = (i: number, what: { en: string; vi: string }) => {
    const fact = factOf(i);
    const subject = fact
      ? { en: `fact "${fact}" is ${NAMES[types[i]!].en}`, vi: `số liệu "${fact}" là ${NAMES[types[i]!].vi}` }
      : { en: `this is ${NAMES[types[i]!].en}`, vi: `giá trị này là ${NAMES[types[i]!].vi}` };
    issues.push({ path: argAt(i), ...(fact ? { fact } : {}), message: `${subject.en}: ${what.en}`, vi: `${subject.vi}: ${what.vi}` });
  };
  const listFix = {
    en: `"${operator}" cannot use a list (JSON Logic would compare or add it as text). Score a list of dates with a deadline rule ({"kind": "deadline", "mode": "all"} for all-or-nothing, "each" per date)`,
    vi: `"${operator}" không dùng được với danh sách (JSON Logic sẽ coi nó là văn bản). Hãy chấm danh sách ngày bằng quy tắc deadline ({"kind": "deadline", "mode": "all"}: đủ cả mới có điểm, "each": từng ngày)`,
  };
  const condition = (i: number) => {
    const type = types[i]!;
    if (type === "boolean" || type === "number" || type === "any") return;
    if (type === "dates" || type === "list") misuse(i, listFix);
    else
      misuse(i, {
        en: `a condition must be true/false or a number: compare it, e.g. {"<=": [date, "2026-01-31"]}`,
        vi: `điều kiện phải là đúng/sai hoặc một số: hãy so sánh, ví dụ {"<=": [ngày, "2026-01-31"]}`,
      });
  };

  if (operator === "if" || operator === "?:") {
    const values: Inferred[] = [];
    args.forEach((_, i) => {
      if (i % 2 === 0 && i < args.length - 1) condition(i);
      else values.push(types[i]!);
    });
    return unite(values);
  }
  if (operator === "and" || operator === "or" || operator === "!" || operator === "!!") {
    args.forEach((_, i) => condition(i));
    return "boolean";
  }
  if (ARITHMETIC.has(operator)) {
    types.forEach((type, i) => {
      if (type === "number" || type === "any") return;
      if (type === "dates" || type === "list") misuse(i, listFix);
      else if (type === "date")
        misuse(i, {
          en: `"${operator}" needs numbers; a date can only be compared with another date (<, <=, >, >=, ==, !=), or score it with a deadline rule`,
          vi: `"${operator}" cần số; ngày chỉ được so sánh với ngày khác (<, <=, >, >=, ==, !=), hoặc chấm bằng quy tắc deadline`,
        });
      else if (type === "boolean")
        misuse(i, {
          en: `"${operator}" needs numbers (JSON Logic makes true/false NaN here): use {"if": [fact, points, 0]}`,
          vi: `"${operator}" cần số (JSON Logic biến đúng/sai thành NaN ở đây): hãy dùng {"if": [số liệu, điểm, 0]}`,
        });
      else misuse(i, { en: `"${operator}" needs numbers`, vi: `"${operator}" cần số` });
    });
    return "number";
  }
  if (ORDERING.has(operator) || EQUALITY.has(operator)) {
    const list = types.findIndex((t) => t === "dates" || t === "list");
    if (list >= 0) {
      misuse(list, listFix);
      return "boolean";
    }
    const known = types.map((type, i) => ({ type, i })).filter(({ type }) => type !== "any");
    const first = known[0];
    const allowed: ValueType[] = ORDERING.has(operator) ? ["number", "date"] : ["number", "date", "boolean"];
    for (const { type, i } of known) {
      if (!allowed.includes(type as ValueType)) {
        misuse(
          i,
          ORDERING.has(operator)
            ? { en: `"${operator}" compares numbers, or dates written "YYYY-MM-DD", only`, vi: `"${operator}" chỉ so sánh số, hoặc ngày ghi dạng "YYYY-MM-DD"` }
            : {
                en: `"${operator}" compares numbers, yes/no values, or dates written "YYYY-MM-DD", only`,
                vi: `"${operator}" chỉ so sánh số, giá trị có/không, hoặc ngày ghi dạng "YYYY-MM-DD"`,
              },
        );
        return "boolean";
      }
    }
    const other = known.find(({ type }) => first && type !== first.type);
    if (first && other) {
      const dated = first.type === "date" ? first : other.type === "date" ? other : null;
      if (dated) {
        const against = NAMES[(dated === first ? other : first).type];
        misuse(dated.i, {
          en: `"${operator}" compares it with ${against.en}; a date can only be compared with another date fact or a date written "YYYY-MM-DD"`,
          vi: `"${operator}" so sánh nó với ${against.vi}; ngày chỉ được so sánh với một số liệu ngày khác hoặc một ngày ghi dạng "YYYY-MM-DD"`,
        });
      } else {
        misuse(other.i, {
          en: `"${operator}" compares values of one type, ${NAMES[first.type].en} here`,
          vi: `"${operator}" chỉ so sánh các giá trị cùng kiểu, ở đây là ${NAMES[first.type].vi}`,
        });
      }
    }
    return "boolean";
  }
  return "any";
}

function unite(types: Inferred[]): Inferred {
  const known = [...new Set(types.filter((t) => t !== "any"))];
  if (known.length === 0) return "any";
  if (known.length === 1) return known[0]!;
  return known.find((t) => t !== "number") ?? "number";
}
