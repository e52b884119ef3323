import type { FactDeclaration, SurveyIndicator } from "./types.js";

export const NUMERIC_FACT_TYPES = new Set(["integer", "number", "rate"]);

/** The values a numeric fact may take: declared bounds, rates 0–100 unless narrowed. */
export function factDomain(fact: FactDeclaration): { min: number; max: number } {
  const isRate = fact.type === "rate";
  return { min: fact.min ?? (isRate ? 0 : -Infinity), max: fact.max ?? (isRate ? 100 : Infinity) };
}

/** An indicator value with its unit: "87.5%", "32.83 điểm". */
export function withIndicatorUnit(indicator: SurveyIndicator | undefined, value: number | string): string {
  const unit = indicator?.unit ?? "%";
  return unit === "%" ? `${value}%` : `${value} ${unit}`;
}

export function indicatorDomain(indicator: SurveyIndicator): { min: number; max: number } {
  return { min: indicator.min ?? 0, max: indicator.max ?? 100 };
}
