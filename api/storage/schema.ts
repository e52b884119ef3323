import type { Generated } from "kysely";
import type { CriteriaSet, Round, UnitType } from "../../src/index.js";
import type { AssessmentState, CampaignState, EntryKind, Role } from "../domain.js";

/**
 * The tables, as Kysely sees them. JSON is stored as text, times as ISO 8601 text (UTC). Columns that
 * hold one of the domain's words are typed with its union; the services write nothing else.
 */
export interface Schema {
  criteria_sets: CriteriaSetTable;
  units: UnitTable;
  users: UserTable;
  campaigns: CampaignTable;
  assessments: AssessmentTable;
  entries: EntryTable;
  evidence: EvidenceTable;
  surveys: SurveyTable;
  snapshots: SnapshotTable;
  audit: AuditTable;
  sessions: SessionTable;
  deadline_extensions: DeadlineExtensionTable;
  survey_imports: SurveyImportTable;
}

export interface CriteriaSetTable {
  family: string;
  version: string;
  status: CriteriaSet["status"];
  /** sha256 of `content`: the cache key of the loaded set. */
  hash: string;
  content: string;
  created_at: string;
}

export interface UnitTable {
  code: string;
  name: string;
  type: UnitType;
  block: string | null;
  province: string | null;
  version: number;
  updated_at: string;
}

export interface UserTable {
  id: string;
  name: string;
  role: Role;
  unit_code: string | null;
  token_hash: string;
  created_at: string;
  /** Sign-in name for the web pages (unique); null until the administrator sets a password. */
  login: string | null;
  /** `scrypt$N$r$p$salt$hash` (base64url), never the password itself. */
  password_hash: string | null;
  password_changed_at: string | null;
  /** ISO time after which the token is refused; a rotation issues a new token and a new time. */
  token_expires_at: string | null;
  /** Set when the token is revoked; cleared by a rotation. */
  token_revoked_at: string | null;
  /** Set while the administrator has deactivated the user: no sign-in, no token, no session. */
  deactivated_at: string | null;
}

export interface CampaignTable {
  id: string;
  year: number;
  title: string;
  criteria_family: string;
  criteria_version: string;
  /** JSON: { self, appraisal1, explanation, appraisal2 } ISO date-times. */
  deadlines: string;
  state: CampaignState;
  version: number;
  published_at: string | null;
  /** JSON of the published ranking (with its extras); set once, at publication. */
  ranking: string | null;
  created_at: string;
}

export interface AssessmentTable {
  campaign_id: string;
  unit_code: string;
  state: AssessmentState;
  version: number;
  updated_at: string;
}

/** One fact or item entered in one round: the engine's `rounds[].facts` / `rounds[].items` entries. */
export interface EntryTable {
  campaign_id: string;
  unit_code: string;
  round: Round;
  kind: EntryKind;
  code: string;
  value: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface EvidenceTable {
  campaign_id: string;
  unit_code: string;
  id: string;
  title: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  link: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_data: Uint8Array | null;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface SurveyTable {
  campaign_id: string;
  unit_code: string;
  content: string;
  updated_at: string;
}

export interface SnapshotTable {
  campaign_id: string;
  unit_code: string;
  report: string;
  criteria_family: string;
  criteria_version: string;
  engine_version: string;
  created_by: string;
  created_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  /** The actor's role; "system" for the bootstrap command. */
  role: Role | "public" | "system";
  action: string;
  campaign_id: string | null;
  unit_code: string | null;
  code: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** A signed-in browser: the sha256 of the cookie's random id, never the id itself. */
export interface SessionTable {
  id_hash: string;
  user_id: string;
  /** The session's CSRF token, sent back in every form's hidden `csrf` field. */
  csrf: string;
  created_at: string;
  expires_at: string;
}

/** One round's deadline moved later for one unit (the campaign's deadline stays for the others). */
export interface DeadlineExtensionTable {
  campaign_id: string;
  unit_code: string;
  round: "self" | "appraisal1" | "explanation" | "appraisal2";
  /** ISO instant (UTC) the round stays open until for this unit. */
  until: string;
  reason: string;
  created_by: string;
  created_at: string;
}

/** A checked survey export awaiting the administrator's "apply": its results and quality report (JSON), until `expires_at`. */
export interface SurveyImportTable {
  id: string;
  campaign_id: string;
  file_name: string;
  /** JSON: the engine's SurveyImportResult (`par-survey-results/1`). */
  result: string;
  created_by: string;
  created_at: string;
  expires_at: string;
}
