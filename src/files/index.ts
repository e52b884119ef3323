/**
 * The file-system adapter shared by the CLI and the API (`par-index/files`): where the package and
 * its shipped criteria live, and survey exports streamed from disk into the engine.
 */
export { packageRoot, shippedCriteriaPath } from "./package-root.js";
export { type ImportProgress, importSurveyFile } from "./import-survey-file.js";
export { cellText } from "./stream-xlsx-records.js";
export { importSurveyBytes } from "./import-survey-bytes.js";
export { type ShippedSurveyMapping, listShippedSurveyMappings } from "./shipped-survey-mappings.js";
