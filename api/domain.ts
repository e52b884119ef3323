/**
 * The service's vocabulary, at the bottom of api/ (as kysely keeps its dialect types): roles, the
 * states of a campaign and of one unit's assessment, the kinds of entry. The storage types its
 * rows with them; auth and the services re-export them where they are used. Imports nothing.
 */
export const ROLES = ["admin", "scorer", "unit"] as const;
export type Role = (typeof ROLES)[number];

/**
 * One unit's assessment moves through these states (§4 of the domain brief). Each state says
 * which round is open; `published` is set for every unit when the campaign is published.
 */
export const STATES = ["draft", "submitted", "appraisal1", "explanation", "appraisal2", "finalised", "published"] as const;
export type AssessmentState = (typeof STATES)[number];

export const CAMPAIGN_STATES = ["open", "published"] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** An entry of a round is a fact (read by the rules) or an item (points, not applicable, comments). */
export const ENTRY_KINDS = ["fact", "item"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
