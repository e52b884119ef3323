import { ACCEPTED_FILE_TYPES } from "../services/file-types.js";
import { RESPONSE_SCHEMAS } from "./openapi-schemas.js";

/**
 * What the route definitions leave out of the OpenAPI document, added in one place so "Try it
 * out" in /doc can actually save: the precondition headers of every edit (the routes read them
 * with `expectedVersion`), the raw upload bodies, and the shape of the main responses.
 * Every PUT/POST route is listed here (a test checks), with `preconditions: null` where an edit
 * needs none (creating a campaign, unit, user or criteria set; importing a survey).
 */
export type Preconditions = "if-match" | "if-match-or-create" | null;

export interface OperationDetails {
  preconditions?: Preconditions;
  /** The component schema of the success response (`[name]` for an array of them). */
  response?: string | [string];
  requestBody?: Record<string, unknown>;
  parameters?: Record<string, unknown>[];
}

const reason = {
  name: "reason",
  in: "query",
  required: false,
  schema: { type: "string", maxLength: 2000 },
  description: "why the change was made (kept in the audit trail)",
};
const fileBody = {
  required: true,
  description: `the file's bytes as the body (no multipart); Content-Type one of ${ACCEPTED_FILE_TYPES.join(", ")}, and it must match the file's first bytes`,
  content: Object.fromEntries(ACCEPTED_FILE_TYPES.map((type) => [type, { schema: { type: "string", format: "binary", contentMediaType: type } }])),
};

export const OPERATIONS: Record<string, OperationDetails> = {
  "post /criteria": { preconditions: null },
  "post /units": { preconditions: null, response: "UnitView" },
  "put /units/{code}": { preconditions: "if-match", response: "UnitView" },
  "post /units/import": {
    preconditions: null,
    requestBody: {
      required: true,
      description: "the unit list's bytes as the body: CSV (text/csv) or XLSX",
      content: {
        "text/csv": { schema: { type: "string" } },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
      },
    },
  },
  "post /users": { preconditions: null, response: "NewUserToken" },
  "put /users/{id}/password": { preconditions: null },
  "post /users/{id}/token": { preconditions: null },
  "delete /users/{id}/token": { preconditions: null },
  "post /campaigns": { preconditions: null, response: "CampaignView" },
  "post /campaigns/{id}/publish": { preconditions: "if-match", response: "Publication" },
  "put /campaigns/{id}/survey": { preconditions: null, response: "SurveyImported", parameters: [reason] },
  "post /campaigns/{id}/units/{unit}/transitions/{action}": { preconditions: "if-match", response: "StateChange" },
  "put /campaigns/{id}/units/{unit}/rounds/{round}/items/{code}": { preconditions: "if-match", response: "Entry" },
  "put /campaigns/{id}/units/{unit}/rounds/{round}/facts/{code}": { preconditions: "if-match", response: "Entry" },
  "put /campaigns/{id}/units/{unit}/evidence/{evidence}": { preconditions: "if-match-or-create", response: "EvidenceDocument" },
  "put /campaigns/{id}/units/{unit}/evidence/{evidence}/file": { preconditions: "if-match", response: "EvidenceDocument", requestBody: fileBody },
  "get /units": { response: ["UnitView"] },
  "get /units/{code}": { response: "UnitView" },
  "get /campaigns": { response: ["CampaignView"] },
  "get /campaigns/{id}": { response: "CampaignView" },
  "get /campaigns/{id}/ranking": { response: "Ranking" },
  "get /campaigns/{id}/units/{unit}": { response: "AssessmentView" },
  "get /campaigns/{id}/units/{unit}/rounds/{round}/items/{code}": { response: "Entry" },
  "get /campaigns/{id}/units/{unit}/rounds/{round}/facts/{code}": { response: "Entry" },
  "get /campaigns/{id}/units/{unit}/evidence": { response: ["EvidenceDocument"] },
  "get /campaigns/{id}/units/{unit}/report": { response: "UnitReport" },
  "get /campaigns/{id}/units/{unit}/rounds": { response: "RoundHistory" },
  "get /campaigns/{id}/sheet": {},
  "put /campaigns/{id}/sheet": {
    preconditions: null,
    requestBody: {
      required: true,
      description: "the XLSX downloaded from GET /campaigns/{id}/sheet, filled in",
      content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } },
    },
  },
  "get /campaigns/{id}/units/{unit}/sheet": {},
  "put /campaigns/{id}/units/{unit}/sheet": {
    preconditions: null,
    requestBody: {
      required: true,
      description: "the XLSX downloaded from GET /campaigns/{id}/units/{unit}/sheet, filled in",
      content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } },
    },
  },
  "get /campaigns/{id}/worklist": { response: "Worklist" },
  "get /campaigns/{id}/robustness": { response: "CampaignRobustness" },
  "post /campaigns/{id}/finalise": { preconditions: null },
  "put /users/{id}/active": { preconditions: null },
  "put /users/{id}/unit": { preconditions: null },
  "put /campaigns/{id}/deadlines": { preconditions: "if-match", response: "CampaignView" },
  "put /campaigns/{id}/units/{unit}/deadlines/{round}": { preconditions: null },
  "delete /campaigns/{id}/units/{unit}/deadlines/{round}": { preconditions: null },
  "post /campaigns/{id}/survey/imports": {
    preconditions: null,
    response: "PendingSurveyImport",
    requestBody: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: {
              export: { type: "string", format: "binary", description: "the survey export: CSV (UTF-8, UTF-16 with BOM or Windows-1258) or XLSX" },
              mapping: { type: "string", example: "reference-sipas/2026.1", description: "a shipped mapping (GET /campaigns/{id}/survey/mappings)" },
              mappingFile: { type: "string", format: "binary", description: "or a mapping JSON (par-survey-mapping/1)" },
              units: { type: "string", format: "binary", description: "optional CSV unit,population: N per unit for the sample-size check" },
            },
            required: ["export"],
          },
        },
      },
    },
  },
  "get /campaigns/{id}/survey/imports/{import}": { response: "PendingSurveyImport" },
  "post /campaigns/{id}/survey/imports/{import}/apply": { preconditions: null, response: "SurveyImportApplied" },
};

const IF_MATCH = {
  name: "If-Match",
  in: "header",
  schema: { type: "string", example: '"0"' },
  description:
    'the ETag you read (e.g. "3"); "0" for a first entry. A stale one gets 412 with the current version and value; without it (or If-None-Match: *) 428.',
};
const IF_NONE_MATCH = {
  name: "If-None-Match",
  in: "header",
  schema: { type: "string", enum: ["*"] },
  description: "* to create: it must not exist yet (instead of If-Match)",
};
const ETAG = { ETag: { description: "the version to send back in If-Match", schema: { type: "string", example: '"1"' } } };

type Operation = {
  parameters?: Record<string, unknown>[];
  requestBody?: unknown;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: unknown }>;
};
type Document = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

/** The generated document with the details above added (a new object; the input is not changed). */
export function completeOpenApi<T extends object>(generated: T): T {
  const doc = structuredClone(generated) as Document;
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...RESPONSE_SCHEMAS } };
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const details = OPERATIONS[`${method} ${path}`];
      if (details) describeOperation(operation, details);
    }
  }
  return doc as T;
}

function describeOperation(operation: Operation, details: OperationDetails): void {
  const parameters = [...(operation.parameters ?? []), ...(details.parameters ?? [])];
  if (details.preconditions) {
    parameters.push({ ...IF_MATCH, required: details.preconditions === "if-match" });
    if (details.preconditions === "if-match-or-create") parameters.push(IF_NONE_MATCH);
  }
  operation.parameters = parameters;
  if (details.requestBody) operation.requestBody = details.requestBody;
  const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith("2"))?.[1];
  if (success && details.response) {
    const schema =
      typeof details.response === "string"
        ? { $ref: `#/components/schemas/${details.response}` }
        : { type: "array", items: { $ref: `#/components/schemas/${details.response[0]}` } };
    success.content = { ...success.content, "application/json": { ...success.content?.["application/json"], schema } };
  }
  if (success && (details.preconditions || /^(UnitView|CampaignView|Entry|AssessmentView)$/.test(String(details.response)))) success.headers = ETAG;
}
