import type { Policy } from "../analysis/derive-policy-set.js";
import { formatDecimal } from "./format-locale.js";
import { POLICY_CHOICE_NAMES, POLICY_NAMES } from "./glossary.js";
import type { Lang } from "./lang.js";

/** A what-if policy in words: "tổng điểm khảo sát 20,00; đơn vị thiếu khảo sát: phần khảo sát tính 0 điểm". */
export function describePolicy(policy: Policy, lang: Lang): string {
  const parts: string[] = [];
  if (policy.surveyWeight !== undefined) parts.push(`${POLICY_NAMES.surveyWeight[lang]} ${formatDecimal(policy.surveyWeight, 2, lang)}`);
  if (policy.missingSurvey) parts.push(`${POLICY_NAMES.missingSurvey[lang]}: ${POLICY_CHOICE_NAMES[policy.missingSurvey][lang]}`);
  if (policy.notApplicable) parts.push(`${POLICY_NAMES.notApplicable[lang]}: ${POLICY_CHOICE_NAMES[policy.notApplicable][lang]}`);
  if (policy.classEdges) parts.push(`${POLICY_NAMES.classEdges[lang]} ${formatEdges(policy.classEdges, lang)}`);
  return parts.join("; ");
}

/** Class edges as a form shows and takes them: "90,00; 80,00; 70,00; 50,00". */
export function formatEdges(edges: readonly number[], lang: Lang): string {
  return edges.map((edge) => formatDecimal(edge, 2, lang)).join("; ");
}
