/**
 * The engine as the web pages of sign-in and the ward's self-assessment use it: one module to
 * import it from. Once the engine's door (src/index.ts) is on this branch, these re-exports come
 * from the door (which then also exports `indexCriteriaSet`: which facts each item's rule reads)
 * and nothing else here changes.
 */
export { indexCriteriaSet } from "../../src/criteria/criteria-index.js";
export type { FactValue, Round } from "../../src/assessment/types.js";
export { type CriteriaNode, type CriteriaSet, type FactDeclaration, type FactType, type LeafNode, isLeaf } from "../../src/criteria/types.js";
export { formatDate, formatDecimal, formatInstant, formatTimeLeft } from "../../src/i18n/format-locale.js";
export { ROLE_NAMES, STATE_NAMES, nameIn } from "../../src/i18n/glossary.js";
export type { Lang } from "../../src/i18n/lang.js";
export type { NodeReport, ScoreReport } from "../../src/scoring/report.js";
