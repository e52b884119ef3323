/**
 * A JSON Logic rule built once into closures, answering exactly as json-logic-js's `apply` does
 * (same loose comparisons, `parseFloat` sums, truthiness, short-circuits, literal arrays and
 * objects), which evaluated the reference set's rules 27× slower by walking the rule each time.
 * `rule-equivalence.test.ts` checks every shipped rule and random rules against json-logic-js.
 * The allowlist and declared-facts checks stay in `inspectRule`: this only evaluates.
 */
/** Facts by name: a Map, or any table that answers `get` like one. */
export type Facts = Pick<ReadonlyMap<string, unknown>, "get">;
type Evaluate = (data: Facts) => unknown;

export interface CompiledRule {
  /** The rule's value for these facts (a fact absent or null reads as null, as in JSON Logic). */
  apply: Evaluate;
  /** The facts missing on the path the rule takes with these facts (see `missingOnPath`). */
  missing: (data: Facts) => string[];
}

const cache = new WeakMap<object, CompiledRule>();

/** Compiles a rule, once per rule object. */
export function compileRule(rule: unknown): CompiledRule {
  if (rule === null || typeof rule !== "object") return { apply: () => rule, missing: () => [] };
  let compiled = cache.get(rule);
  if (!compiled) {
    compiled = { apply: build(rule), missing: buildMissing(rule) };
    cache.set(rule, compiled);
  }
  return compiled;
}

export function truthy(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0 ? false : !!value;
}

function isLogic(node: unknown): node is Record<string, unknown> {
  return typeof node === "object" && node !== null && !Array.isArray(node) && Object.keys(node).length === 1;
}

/** json-logic-js's `parseFloat(x, 10)`, without the round trip through text for numbers (only -0 becomes 0). */
function toFloat(value: unknown): number {
  return typeof value === "number" ? (value === 0 ? 0 : value) : Number.parseFloat(value as string);
}

function operands(node: Record<string, unknown>): { operator: string; args: unknown[] } {
  const operator = Object.keys(node)[0] as string;
  const raw = node[operator];
  return { operator, args: Array.isArray(raw) ? raw : [raw] };
}

function build(node: unknown): Evaluate {
  if (Array.isArray(node)) {
    const items = node.map(build);
    return (data) => items.map((item) => item(data));
  }
  if (!isLogic(node)) return () => node;
  const { operator, args } = operands(node);
  if (operator === "var") return buildVar(args);
  const parts = args.map(build);
  if (operator === "if" || operator === "?:") {
    return (data) => {
      let i = 0;
      for (; i < parts.length - 1; i += 2) if (truthy(parts[i]!(data))) return parts[i + 1]!(data);
      return parts.length === i + 1 ? parts[i]!(data) : null;
    };
  }
  if (operator === "and" || operator === "or") {
    const stopOn = operator === "or";
    return (data) => {
      let current: unknown;
      for (const part of parts) {
        current = part(data);
        if (truthy(current) === stopOn) return current;
      }
      return current;
    };
  }
  const operation = Object.hasOwn(OPERATIONS, operator) ? OPERATIONS[operator] : undefined;
  if (operation === undefined) {
    return (data) => {
      for (const part of parts) part(data);
      throw new Error(`Unrecognized operation ${operator}`);
    };
  }
  const [a, b, c] = parts;
  if (parts.length === 1) return (data) => operation(a!(data));
  if (parts.length === 2) return (data) => operation(a!(data), b!(data));
  if (parts.length === 3) return (data) => operation(a!(data), b!(data), c!(data));
  return (data) => operation(...parts.map((part) => part(data)));
}

function buildVar(args: unknown[]): Evaluate {
  const [literal] = args;
  if (typeof literal === "string" && literal !== "" && !literal.includes(".") && args[1] === undefined) {
    return (data) => data.get(literal) ?? null;
  }
  const build0 = build(args[0]);
  const fallback = args[1] === undefined ? () => null : build(args[1]);
  return (data) => {
    const name = build0(data);
    const notFound = fallback(data) ?? null;
    if (name === undefined || name === "" || name === null) return data;
    const [first, ...rest] = String(name).split(".");
    let value: unknown = data.get(first!);
    if (value === undefined) return notFound;
    for (const key of rest) {
      if (value === null || value === undefined) return notFound;
      value = (value as Record<string, unknown>)[key];
      if (value === undefined) return notFound;
    }
    return value;
  };
}

type Operation = (...values: unknown[]) => unknown;

// The operations of json-logic-js for the operators `inspectRule` allows, written as it writes them.
const OPERATIONS: Record<string, Operation> = {
  // biome-ignore lint/suspicious/noDoubleEquals: JSON Logic's == is JavaScript's loose equality
  "==": (a, b) => a == b,
  "===": (a, b) => a === b,
  // biome-ignore lint/suspicious/noDoubleEquals: JSON Logic's != is JavaScript's loose inequality
  "!=": (a, b) => a != b,
  "!==": (a, b) => a !== b,
  ">": (a, b) => (a as number) > (b as number),
  ">=": (a, b) => (a as number) >= (b as number),
  "<": (a, b, c) => (c === undefined ? (a as number) < (b as number) : (a as number) < (b as number) && (b as number) < (c as number)),
  "<=": (a, b, c) => (c === undefined ? (a as number) <= (b as number) : (a as number) <= (b as number) && (b as number) <= (c as number)),
  "!!": (a) => truthy(a),
  "!": (a) => !truthy(a),
  "%": (a, b) => (a as number) % (b as number),
  "+": (...values) => values.reduce((sum: number, value) => toFloat(sum) + toFloat(value), 0),
  "*": (...values) => {
    if (values.length === 0) throw new TypeError("Reduce of empty array with no initial value");
    return values.reduce((product, value) => toFloat(product) * toFloat(value));
  },
  "-": (a, b) => (b === undefined ? -(a as number) : (a as number) - (b as number)),
  "/": (a, b) => (a as number) / (b as number),
  min: (...values) => Math.min(...(values as number[])),
  max: (...values) => Math.max(...(values as number[])),
};

/**
 * `missingOnPath` built once: an `if` needs its conditions in turn and only the branch taken,
 * `and`/`or` stop where JSON Logic stops; a condition that itself lacks a fact is the answer.
 */
function buildMissing(node: unknown): (data: Facts) => string[] {
  if (Array.isArray(node)) {
    const items = node.map(buildMissing);
    return (data) => unique(items.flatMap((item) => item(data)));
  }
  if (node === null || typeof node !== "object") return () => [];
  const [operator] = Object.keys(node);
  if (operator === undefined) return () => [];
  const raw = (node as Record<string, unknown>)[operator];
  const args = Array.isArray(raw) ? raw : [raw];
  if (operator === "var") {
    const name = args[0];
    return typeof name === "string" ? (data) => (data.get(name) === undefined || data.get(name) === null ? [name] : []) : () => [];
  }
  if (operator === "if" || operator === "?:") {
    const needs = args.map(buildMissing);
    const holds = args.map((arg) => build(arg));
    return (data) => {
      for (let i = 0; i + 1 < args.length; i += 2) {
        const lacking = needs[i]!(data);
        if (lacking.length > 0) return lacking;
        if (truthy(holds[i]!(data))) return needs[i + 1]!(data);
      }
      return args.length % 2 === 1 ? needs[args.length - 1]!(data) : [];
    };
  }
  if (operator === "and" || operator === "or") {
    const needs = args.map(buildMissing);
    const holds = args.map((arg) => build(arg));
    return (data) => {
      for (let i = 0; i < args.length; i++) {
        const lacking = needs[i]!(data);
        if (lacking.length > 0) return lacking;
        if (truthy(holds[i]!(data)) === (operator === "or")) return [];
      }
      return [];
    };
  }
  return buildMissing(args);
}

function unique(names: string[]): string[] {
  return names.length < 2 ? names : [...new Set(names)];
}
