import { type Assessment, ASSESSMENT_FORMAT, type EvidenceDocument, type RoundInput, ROUNDS, type SurveyResults, type Unit } from "../../src/index.js";
import type { EvidenceSummary, Row } from "../storage/store.js";

export interface StoredInputs {
  unit: Row<"units">;
  campaign: Pick<Row<"campaigns">, "year" | "criteria_family" | "criteria_version">;
  entries: Row<"entries">[];
  evidence: EvidenceSummary[];
  survey: Row<"surveys"> | undefined;
}

/**
 * The engine's Assessment from the stored rows: one round per round with entries (the self round
 * always, first), facts and items as entered, the evidence documents, the imported survey.
 * Scores are never stored; they are recomputed from this.
 */
export function assembleAssessment(inputs: StoredInputs): Assessment {
  const rounds: RoundInput[] = ROUNDS.flatMap((round) => {
    const mine = inputs.entries.filter((e) => e.round === round);
    if (mine.length === 0 && round !== "self") return [];
    const facts = Object.fromEntries(mine.filter((e) => e.kind === "fact").map((e) => [e.code, JSON.parse(e.value)]));
    const items = Object.fromEntries(mine.filter((e) => e.kind === "item").map((e) => [e.code, JSON.parse(e.value)]));
    return [{ round, ...(Object.keys(facts).length > 0 ? { facts } : {}), ...(Object.keys(items).length > 0 ? { items } : {}) }];
  });
  const survey: SurveyResults | undefined = inputs.survey ? JSON.parse(inputs.survey.content) : undefined;
  return {
    format: ASSESSMENT_FORMAT,
    unit: toUnit(inputs.unit),
    year: inputs.campaign.year,
    criteria: { family: inputs.campaign.criteria_family, version: inputs.campaign.criteria_version },
    evidence: inputs.evidence.map(toEvidenceDocument),
    rounds,
    ...(survey ? { survey } : {}),
  };
}

export function toUnit(row: Row<"units">): Unit {
  return { code: row.code, name: row.name, type: row.type, ...(row.block ? { block: row.block } : {}) };
}

function toEvidenceDocument(row: EvidenceSummary): EvidenceDocument {
  const document: EvidenceDocument = { id: row.id };
  if (row.title) document.title = row.title;
  if (row.number) document.number = row.number;
  if (row.date) document.date = row.date;
  if (row.issuer) document.issuer = row.issuer;
  if (row.link) document.link = row.link;
  return document;
}
