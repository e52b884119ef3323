/**
 * The one door to the engine: what the CLI, the API and other programs may use (`import { scoreAssessment } from "par-index"`).
 * Everything here is pure: no file system, network, clock, environment or console. File readers are in `par-index/files`.
 */

// Problems as data, exact points, the engine's name and version
export { type Checked, type Problem, type ProblemCode, problem } from "./problem.js";
export { ENGINE } from "./version.js";

// Criteria sets: the format, loading with every check, walking, diffing
export {
  type Adjustment,
  type BranchNode,
  type ClassBand,
  CRITERIA_FORMAT,
  type CriteriaNode,
  type CriteriaSet,
  type FactDeclaration,
  type FactType,
  type LeafNode,
  type LocalizedText,
  type Scoring,
  type ScoringKind,
  type TieBreaker,
  UNIT_TYPES,
  type UnitType,
  isLeaf,
} from "./criteria/types.js";
export { loadCriteriaSet } from "./criteria/load-criteria-set.js";
export { listLeaves, listNodes, type Section } from "./criteria/walk-criteria.js";
export { type CriteriaIndex, indexCriteriaSet } from "./criteria/criteria-index.js";
export { blockOf } from "./criteria/block-of.js";
export { isSurveyArea } from "./criteria/survey-area.js";
export { type PathPlace, describeCriteriaPath, locateCriteriaPath } from "./criteria/describe-criteria-path.js";
export { type CriteriaDiff, type ScoringChange, diffCriteriaSets, hasChanges } from "./criteria/diff-criteria-sets.js";
export { describeScoringChange } from "./criteria/describe-scoring-change.js";

// Assessments: the format and its checks against a set
export {
  ASSESSMENT_FORMAT,
  type Assessment,
  type EvidenceDocument,
  type FactInput,
  type FactValue,
  type ItemInput,
  ROUNDS,
  type Round,
  type RoundInput,
  type SurveyResults,
  type Unit,
} from "./assessment/types.js";
export { checkAssessment } from "./assessment/check-assessment.js";
export { markAppraised } from "./assessment/mark-appraised.js";
export { type Entry, checkEntry } from "./assessment/check-entry.js";

// Scoring and ranking
export { scoreAssessment } from "./scoring/score-assessment.js";
export { type CompiledScorer, compileScorer } from "./scoring/compile-scorer.js";
export {
  type AreaSummary,
  type GapItem,
  type LeafExplanation,
  type LeafStatus,
  type NodeReport,
  type ScoreReport,
  type ScoreSummary,
  type Totals,
  reportLeaves,
  summariseReport,
} from "./scoring/report.js";
export { rankUnits } from "./ranking/rank-units.js";
export { type BlockSummary, summariseBlock } from "./ranking/summarise-block.js";
export type { BlockRanking, RankedArea, RankedUnit, Ranking } from "./ranking/types.js";

// Surveys: instrument mappings and the streaming import engine
export { SURVEY_MAPPING_FORMAT, type SurveyMapping, type SurveyUnit } from "./survey/types.js";
export { loadSurveyMapping } from "./survey/load-survey-mapping.js";
export { wilsonInterval } from "./survey/wilson-interval.js";
export { type SurveyImport, type SurveyImportOptions, createSurveyImport } from "./survey/create-survey-import.js";
export { SURVEY_RESULTS_FORMAT, type SurveyImportResult } from "./survey/result-types.js";

// Synthetic assessments (demo data, tests, benchmarks)
export { type GenerateOptions, generateAssessments } from "./synthetic/generate-assessments.js";
export { type DemoYear, generateDemoProvince } from "./synthetic/generate-demo-province.js";

// One glossary and locale formatting for the CLI, the API and the pages (Vietnamese first)
export { type Bilingual, DEFAULT_LANG, LANGS, isLang } from "./i18n/lang.js";
export {
  ANNEX_COLUMN_NAMES,
  CAMPAIGN_STATE_NAMES,
  CRITERIA_CHANGE_NAMES,
  DEADLINE_NAMES,
  GLOSSARY,
  ITEM_STATUS_NAMES,
  POLICY_CHOICE_NAMES,
  POLICY_NAMES,
  ROLE_NAMES,
  ROUND_NAMES,
  SET_STATUS_NAMES,
  STATE_NAMES,
  type Term,
  UNIT_TYPE_NAMES,
  capitaliseFirst,
  nameIn,
  term,
} from "./i18n/glossary.js";
export { describePolicy, formatEdges } from "./i18n/describe-policy.js";
export { factLabels } from "./i18n/fact-labels.js";
export { localiseExplanation } from "./i18n/localise-explanation.js";
export { nearestName } from "./text/nearest-name.js";
export { foldText } from "./text/fold-text.js";
export { formatDate, formatDecimal, formatInstant, formatInteger, formatRankChange, formatTimeLeft } from "./i18n/format-locale.js";
export { type DateTimeParts, type ParsedDateTime, parseDateTimeParts, toDateTimeParts } from "./i18n/vietnam-date-time.js";

// Text in and out: localised text, CSV sheets, survey results, tables and CSV rows for reports and rankings
export { type Lang, textIn } from "./text/text-in.js";
export { type CsvCell, type Delimiter, firstLine, sniffDelimiter, toCsv } from "./io/csv.js";
export { readAssessmentSheet, readSheetRecords } from "./io/read-assessment-sheet.js";
export { writeAssessmentSheet } from "./io/write-assessment-sheet.js";
export { readSurveyResults, writeSurveyResults } from "./io/read-survey-results.js";
export { readSurveyReport } from "./io/read-survey-report.js";
export { readSurveyUnits } from "./io/survey/read-survey-units.js";
export type { SurveyQuality, UnitSurveyResult } from "./survey/result-types.js";
export { UNIT_LIST_COLUMNS, type UnitListRow, readUnitListRecords, readUnitListText } from "./io/read-unit-list.js";
export { REPORT_CSV_HEADER, formatReportTable, reportToCsvRows } from "./io/format-report.js";
export { formatRankingTable } from "./io/format-ranking.js";
export { writeXlsx } from "./io/xlsx/write-xlsx.js";
export { type Annex, type AnnexBlock, type AnnexColumn, type AnnexValue, buildAnnex } from "./io/annex/build-annex.js";
export { annexToCsvRows, annexToDataCsvRows } from "./io/annex/annex-csv.js";
export { writeAnnexXlsx } from "./io/xlsx/write-annex-xlsx.js";
export { type UnitReport, type UnitReportLine, buildUnitReport } from "./io/annex/build-unit-report.js";
export { writeUnitReportXlsx } from "./io/xlsx/write-unit-report-xlsx.js";
export { UnitReportView } from "./io/html/unit-report-view.js";
export { writeUnitReportHtml } from "./io/html/unit-report-html.js";
export {
  SCORING_SHEET_COLUMNS,
  type ScoringSheet,
  type ScoringSheetRow,
  buildScoringSheet,
  formatEntryVersions,
  parseEntryVersions,
} from "./io/build-scoring-sheet.js";
export { readSheetHeader } from "./io/sheet-columns.js";
export { writeScoringSheetXlsx } from "./io/xlsx/write-scoring-sheet-xlsx.js";
export { isoDatesInFact } from "./io/date-order.js";

// How sure a ranking is, what-if policies and why a score moved
export { type VariedUnit, analyseRobustness, analyseVariations } from "./analysis/analyse-robustness.js";
export { type Variation, listVariation } from "./analysis/list-variation.js";
export type { BlockRobustness, RobustnessOptions, RobustnessReport, UnitRobustness, UnsettledPair } from "./analysis/robustness-types.js";
export { formatRobustnessTable, robustnessToCsvRows } from "./io/format-robustness.js";
export { type Policy, currentPolicy, derivePolicySet } from "./analysis/derive-policy-set.js";
export { type RankChange, compareRankings } from "./analysis/compare-rankings.js";
export { formatRankChanges, rankChangesToCsvRows } from "./io/format-rank-changes.js";
export { type ItemChange, type ItemSide, type ScoreChange, explainScoreChange } from "./analysis/explain-score-change.js";
export { formatScoreChange } from "./io/format-score-change.js";
