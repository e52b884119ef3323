/**
 * The shapes of the main responses, as JSON Schema for the OpenAPI document, so "Try it out"
 * shows what comes back. They describe what the services return (api/services/*-service.ts);
 * the score report and ranking list their main fields (the engine's types hold every field).
 */
const text = { type: "string" };
const nullableText = { type: ["string", "null"] };
const int = { type: "integer" };
const num = { type: "number" };
const nullableNum = { type: ["number", "null"] };
const localized = { type: "object", properties: { vi: text, en: text }, required: ["vi"] };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "object",
  properties,
  required: Object.keys(properties),
  ...extra,
});
const roundPoints = {
  type: "object",
  properties: { self: num, appraisal1: num, appraisal2: num },
  description: "points after each scored round reached (the explanation round gives none)",
};
const stageTotals = object({
  total: num,
  applicableMax: num,
  index: num,
  indexText: text,
  class: { oneOf: [object({ code: text, title: localized }), { type: "null" }] },
});
const version = { type: "integer", description: "the version to send back in If-Match (also the ETag header)" };

const RankedUnit = object({
  rank: int,
  unit: object({ code: text, name: text, type: text }),
  areas: {
    type: "object",
    additionalProperties: object({ points: nullableNum, subIndex: nullableNum, self: num, appraised: nullableNum, gap: nullableNum }),
    description: "per area code",
  },
  surveyPoints: nullableNum,
  self: num,
  appraised: nullableNum,
  selfGap: nullableNum,
  bonus: num,
  penalty: num,
  total: num,
  applicableMax: num,
  index: num,
  indexText: text,
  class: { oneOf: [object({ code: text, title: localized }), { type: "null" }] },
  tieBrokenBy: nullableText,
  previous: { oneOf: [object({ rank: int, index: num, indexChange: num, rankChange: int }), { type: "null" }] },
});

const share = object({ code: text, title: localized, count: int, share: num, shareText: text });

export const RESPONSE_SCHEMAS: Record<string, unknown> = {
  CampaignView: object({
    id: text,
    year: int,
    title: text,
    criteria: object({ family: text, version: text }),
    deadlines: object({ self: text, appraisal1: text, explanation: text, appraisal2: text }),
    state: { type: "string", enum: ["open", "published"] },
    version,
    publishedAt: nullableText,
  }),
  UnitView: object({ code: text, name: text, type: text, block: nullableText, province: nullableText, version, updatedAt: text }),
  Entry: object({
    round: text,
    kind: { type: "string", enum: ["item", "fact"] },
    code: text,
    value: { description: "the entry as saved (null before a first entry)" },
    version,
    updatedBy: nullableText,
    updatedAt: nullableText,
  }),
  EvidenceDocument: object({
    id: text,
    title: nullableText,
    number: nullableText,
    date: nullableText,
    issuer: nullableText,
    link: nullableText,
    file: { oneOf: [object({ name: text, type: text, size: int }), { type: "null" }] },
    version,
    updatedBy: nullableText,
    updatedAt: nullableText,
  }),
  StateChange: object({ campaignId: text, unitCode: text, state: text, version, updatedAt: text }),
  Publication: object({ id: text, state: { const: "published" }, version, publishedAt: text }),
  AssessmentView: object({
    campaignId: text,
    unitCode: text,
    state: text,
    version,
    updatedAt: text,
    rounds: { type: "object", description: "per round: its facts and items as entered" },
    evidence: { type: "array", items: ref("EvidenceDocument") },
  }),
  NewUserToken: object({ id: text, token: { type: "string", description: "shown once; send as Authorization: Bearer …" } }),
  SurveyImported: object({ units: int }),
  PendingSurveyImport: object({
    id: text,
    campaignId: text,
    fileName: text,
    createdBy: text,
    createdAt: text,
    expiresAt: text,
    result: {
      type: "object",
      description:
        "the engine's survey import (par-survey-results/1): quality (rows, used, duplicates, excluded, out of scale, issues with file:row:column, units below the sample) and per unit its results and points",
    },
    blocked: {
      type: "array",
      items: object({ code: text, path: text, message: text, vi: text }),
      description: "units already finalised: applying is refused while any is listed",
    },
  }),
  SurveyImportApplied: object({ units: int, fileName: text }),
  Ranking: object({
    campaign: text,
    source: { type: "string", enum: ["published", "live"] },
    criteria: object({ family: text, version: text }),
    display: object({ indexDecimals: int, pointsDecimals: int }),
    year: int,
    blocks: {
      type: "array",
      items: object({
        code: text,
        title: localized,
        units: { type: "array", items: RankedUnit },
        classCounts: { type: "array", items: object({ code: text, title: localized, count: int }) },
        summary: object(
          { units: int, mean: nullableNum, meanText: nullableText, classes: { type: "array", items: share } },
          { description: "mean index of the block and share of units per class, rounded half-up like the index" },
        ),
      }),
    },
    unscored: { type: "array", items: object({ unit: text, problems: { type: "array", items: { type: "object" } } }) },
  }),
  Worklist: object({
    campaign: ref("CampaignView"),
    now: { type: "string", description: "when the figures were read (time left counts from it)" },
    blocks: { type: "array", items: object({ code: text, title: localized }) },
    units: {
      type: "array",
      items: object({
        code: text,
        name: text,
        block: { oneOf: [object({ code: text, title: localized }), { type: "null" }] },
        state: text,
        selfTotal: nullableNum,
        items: {
          oneOf: [object({ appraised: int, all: int }), { type: "null" }],
          description: "items an appraisal round holds an entry for (changed or accepted), of all a scorer appraises",
        },
        missingEvidence: { type: ["integer", "null"] },
        disputed: { type: ["integer", "null"], description: "items whose appraised points differ from the self-assessed ones" },
        deadline: {
          oneOf: [object({ round: text, at: text, secondsLeft: { type: "integer", description: "negative once overdue" } }), { type: "null" }],
        },
        problems: { type: "integer", description: "problems that keep the unit from being scored yet (its figures are then null)" },
      }),
    },
  }),
  CampaignRobustness: object({
    campaign: ref("CampaignView"),
    source: { type: "string", enum: ["published", "live"] },
    unscored: { type: "array", items: text },
    classes: { type: "array", items: object({ code: text, title: localized }) },
    robustness: object({
      criteria: object({ family: text, version: text }),
      year: int,
      replicates: int,
      seed: int,
      disputes: { type: "boolean" },
      threshold: num,
      blocks: {
        type: "array",
        items: object({
          code: text,
          title: localized,
          units: {
            type: "array",
            items: object({
              code: text,
              name: text,
              rank: int,
              median: int,
              low: { type: "integer", description: "5th percentile rank" },
              high: { type: "integer", description: "95th percentile rank" },
              class: nullableText,
              classes: { type: "array", items: object({ code: nullableText, title: { oneOf: [localized, { type: "null" }] }, share: num }) },
              drawn: object({ indicators: int, respondents: { type: ["integer", "null"] }, disputed: int }),
            }),
          },
          unsettled: { type: "array", items: object({ above: text, below: text, reversed: num }) },
        }),
      },
    }),
  }),
  UnitReport: object(
    {
      source: { type: "string", enum: ["snapshot", "live"] },
      report: object({
        unit: object({ code: text, name: text, type: text, block: text }),
        year: int,
        stage: { type: "string", enum: ["self-assessed", "appraised"] },
        survey: { type: "object", properties: { included: { type: "boolean" }, respondents: int, source: text }, required: ["included"] },
        totals: object({
          max: num,
          applicableMax: num,
          self: num,
          appraised: nullableNum,
          points: num,
          bonus: num,
          penalty: num,
          total: num,
          index: num,
          indexText: text,
          surveyPoints: num,
        }),
        areas: {
          type: "array",
          items: {
            type: "object",
            description: "per area: code, title, max, applicableMax, self, appraised, final, subIndex, children (down to each item's explanation)",
          },
        },
        gaps: { type: "array", items: object({ code: text, title: localized, available: num, hint: localized }) },
      }),
    },
    { required: ["source", "report"] },
  ),
  RoundHistory: object(
    {
      campaignId: text,
      unit: object({ code: text, name: text, type: text, block: text }),
      state: text,
      rounds: {
        type: "array",
        items: { type: "string", enum: ["self", "appraisal1", "explanation", "appraisal2"] },
        description: "the rounds reached, in order",
      },
      sections: {
        type: "array",
        items: object({
          code: text,
          title: localized,
          kind: { type: "string", enum: ["area", "bonus", "penalty"] },
          max: num,
          points: roundPoints,
          final: num,
          rows: {
            type: "array",
            items: object(
              {
                code: text,
                title: localized,
                depth: int,
                max: num,
                points: roundPoints,
                final: num,
                entries: { type: "object", description: "items only: per round, what it entered (points, notApplicable, reason, comment, evidence)" },
                markedDown: { type: "boolean", description: "items only: appraisal round 1 gave fewer points than the self-assessment (a penalty item: more)" },
              },
              { required: ["code", "title", "depth", "max", "points", "final"] },
            ),
          },
        }),
      },
      totals: { type: "object", additionalProperties: stageTotals, description: "per scored round (self, appraisal1, appraisal2)" },
      final: object({ ...stageTotals.properties, source: { type: "string", enum: ["snapshot", "live"] } }),
    },
    { required: ["campaignId", "unit", "state", "rounds", "sections", "totals", "final"] },
  ),
};
