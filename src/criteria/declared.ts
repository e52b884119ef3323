import type { CriteriaSet, FactDeclaration, SurveyIndicator } from "./types.js";

/**
 * Lookups of declared names, own properties only: a name typed by a person ("constructor",
 * "toString") must never find something on Object.prototype and pass as declared.
 */
export function declaredFact(set: CriteriaSet, name: string): FactDeclaration | undefined {
  return Object.hasOwn(set.facts, name) ? set.facts[name] : undefined;
}

export function declaredIndicator(set: CriteriaSet, name: string): SurveyIndicator | undefined {
  const indicators = set.survey?.indicators;
  return indicators && Object.hasOwn(indicators, name) ? indicators[name] : undefined;
}

/** Names a fact or indicator may not take: those of Object.prototype, and `prototype`. */
export function isReservedName(name: string): boolean {
  return name === "prototype" || name === "__proto__" || name in Object.prototype;
}
