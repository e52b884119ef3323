import { compileRule } from "./compile-rule.js";

/**
 * The one place JSON Logic is used. Rules are inspected before use (operator allowlist,
 * literal `var` names only, one operator per object) and applied, compiled once
 * (`compile-rule.ts`), to a map that holds only declared facts, so `var` cannot reach
 * `constructor` or undeclared data.
 */
export const ALLOWED_OPERATORS = new Set([
  "var",
  "if",
  "?:",
  "==",
  "===",
  "!=",
  "!==",
  "<",
  "<=",
  ">",
  ">=",
  "!",
  "!!",
  "and",
  "or",
  "+",
  "-",
  "*",
  "/",
  "%",
  "min",
  "max",
]);

const COMPARISONS = new Set(["==", "===", "!=", "!==", "<", "<=", ">", ">=", "!", "!!"]);

export type RuleIssue =
  | { kind: "operator-not-allowed"; path: string; operator: string }
  | { kind: "rule-invalid" | "limit-exceeded"; path: string; detail: string; vi: string };

export interface RuleInspection {
  issues: RuleIssue[];
  /** Fact names read by `var`, in order of first use. */
  reads: string[];
}

/** Operators nested in one rule; the reference sets need 4. */
export const MAX_RULE_DEPTH = 32;

export function inspectRule(rule: unknown, path: string): RuleInspection {
  const issues: RuleIssue[] = [];
  const reads: string[] = [];
  const visit = (node: unknown, at: string, depth: number): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${at}[${i}]`, depth));
      return;
    }
    if (node === null || typeof node !== "object") return;
    if (depth >= MAX_RULE_DEPTH) {
      issues.push({
        kind: "limit-exceeded",
        path: at,
        detail: `operators nested more than ${MAX_RULE_DEPTH} deep: split the rule (use a tiers rule or a derived fact)`,
        vi: `các phép toán lồng nhau quá ${MAX_RULE_DEPTH} cấp: hãy tách quy tắc (dùng quy tắc tiers hoặc số liệu tính toán)`,
      });
      return;
    }
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      issues.push({
        kind: "rule-invalid",
        path: at,
        detail: `an operation must have exactly one operator, found ${keys.length} keys (${keys.join(", ")})`,
        vi: `mỗi phép toán phải có đúng một toán tử, tìm thấy ${keys.length} khoá (${keys.join(", ")})`,
      });
      return;
    }
    const operator = keys[0] as string;
    const args = (node as Record<string, unknown>)[operator];
    const argsPath = `${at}["${operator}"]`;
    if (!ALLOWED_OPERATORS.has(operator)) {
      issues.push({ kind: "operator-not-allowed", path: argsPath, operator });
      return;
    }
    if (operator === "var") {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name !== "string" || name === "") {
        issues.push({
          kind: "rule-invalid",
          path: argsPath,
          detail: "var must name a fact with a literal string",
          vi: "var phải ghi tên số liệu bằng một chuỗi cố định",
        });
      } else if (!reads.includes(name)) {
        reads.push(name);
      }
      if (Array.isArray(args) && args.length > 1) {
        issues.push({
          kind: "rule-invalid",
          path: argsPath,
          detail: "var defaults are not allowed: declare the fact and enter its value",
          vi: "không dùng giá trị mặc định trong var: hãy khai báo số liệu và nhập giá trị",
        });
      }
      return;
    }
    visit(args, argsPath, depth + 1);
  };
  visit(rule, path, 0);
  return { issues, reads };
}

export type RuleBounds = { min: number; max: number } | "boolean" | "no-value" | "unknown";

/**
 * What a rule can return, by interval arithmetic over the facts' declared bounds. "unknown"
 * when that cannot be told statically (unbounded facts, a division by a range containing 0).
 */
export function ruleBounds(rule: unknown, factBounds: (name: string) => { min: number; max: number } | null): RuleBounds {
  if (typeof rule === "number") return { min: rule, max: rule };
  if (typeof rule === "boolean") return "boolean";
  if (rule === null) return "no-value";
  if (typeof rule !== "object" || Array.isArray(rule)) return "unknown";
  const [operator] = Object.keys(rule);
  if (operator === undefined) return "unknown";
  const raw = (rule as Record<string, unknown>)[operator];
  const args = Array.isArray(raw) ? raw : [raw];
  const sub = (value: unknown): RuleBounds => ruleBounds(value, factBounds);
  if (operator === "var") {
    const name = args[0];
    return typeof name === "string" ? (factBounds(name) ?? "unknown") : "unknown";
  }
  if (COMPARISONS.has(operator)) return "boolean";
  if (operator === "if" || operator === "?:") {
    const branches = args.filter((_, i) => i % 2 === 1 || i === args.length - 1);
    if (args.length % 2 === 0) return "no-value";
    return union(branches.map(sub));
  }
  if (operator === "and" || operator === "or") return union(args.map(sub));
  const numeric = args.map(sub);
  if (numeric.some((b) => typeof b === "string")) {
    return numeric.includes("no-value") ? "no-value" : "unknown";
  }
  const ranges = numeric as { min: number; max: number }[];
  switch (operator) {
    case "+":
      return ranges.reduce((a, b) => ({ min: a.min + b.min, max: a.max + b.max }), { min: 0, max: 0 });
    case "-":
      if (ranges.length === 1) return { min: -ranges[0]!.max, max: -ranges[0]!.min };
      return ranges.length === 2 ? { min: ranges[0]!.min - ranges[1]!.max, max: ranges[0]!.max - ranges[1]!.min } : "unknown";
    case "*":
      return ranges.reduce(multiply, { min: 1, max: 1 });
    case "/": {
      const [a, b] = ranges;
      if (!a || !b || ranges.length !== 2 || (b.min <= 0 && b.max >= 0)) return "unknown";
      return multiply(a, { min: 1 / b.max, max: 1 / b.min });
    }
    case "%": {
      const [a, b] = ranges;
      if (!a || !b || a.min < 0 || b.min <= 0) return "unknown";
      return { min: 0, max: Math.min(a.max, b.max) };
    }
    case "min":
    case "max": {
      if (ranges.length === 0) return "unknown";
      const pick = operator === "min" ? Math.min : Math.max;
      return { min: pick(...ranges.map((r) => r.min)), max: pick(...ranges.map((r) => r.max)) };
    }
    default:
      return "unknown";
  }
}

function multiply(a: { min: number; max: number }, b: { min: number; max: number }) {
  const corners = [a.min * b.min, a.min * b.max, a.max * b.min, a.max * b.max].map((v) => (Number.isNaN(v) ? 0 : v));
  return { min: Math.min(...corners), max: Math.max(...corners) };
}

function union(bounds: RuleBounds[]): RuleBounds {
  if (bounds.includes("no-value")) return "no-value";
  if (bounds.includes("unknown")) return "unknown";
  if (bounds.includes("boolean")) return bounds.every((b) => b === "boolean") ? "boolean" : "unknown";
  const ranges = bounds as { min: number; max: number }[];
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}

/**
 * The facts a rule needs but lacks on the path it takes with these facts: an `if` reads its
 * conditions in turn and only the branch taken, `and`/`or` stop where JSON Logic stops. A fact
 * read only by a branch not taken is not needed. Where a condition itself lacks a fact, the path
 * cannot be told, so that condition's missing facts are the answer. `facts` holds entered ones only.
 */
export function missingOnPath(rule: unknown, facts: Record<string, unknown>): string[] {
  return compileRule(rule).missing(new Map(Object.entries(facts)));
}

/** Applies an inspected rule to declared facts only (compiled once per rule). Throws only on a malformed rule. */
export function applyRule(rule: unknown, facts: Record<string, unknown>): unknown {
  return compileRule(rule).apply(new Map(Object.entries(facts)));
}
