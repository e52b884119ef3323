import type { Round } from "../../src/index.js";
import type { AssessmentState, Role } from "../domain.js";

export type { AssessmentState } from "../domain.js";

export type DeadlineName = "self" | "appraisal1" | "explanation" | "appraisal2";

export interface Transition {
  from: readonly AssessmentState[];
  to: AssessmentState;
  role: Role;
  /** The action must happen before this campaign deadline (per state it starts from, where that differs). */
  deadline?: DeadlineName | Partial<Record<AssessmentState, DeadlineName>>;
}

export const TRANSITIONS = {
  submit: { from: ["draft"], to: "submitted", role: "unit", deadline: "self" },
  withdraw: { from: ["submitted"], to: "draft", role: "unit", deadline: "self" },
  "request-explanation": { from: ["appraisal1"], to: "explanation", role: "scorer", deadline: "appraisal1" },
  "submit-explanation": { from: ["explanation"], to: "appraisal2", role: "unit", deadline: "explanation" },
  finalise: { from: ["appraisal1", "appraisal2"], to: "finalised", role: "scorer", deadline: { appraisal1: "appraisal1", appraisal2: "appraisal2" } },
} as const satisfies Record<string, Transition>;
export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** The deadline a transition must meet when taken from `state`, if any. */
export function transitionDeadline(transition: Transition, state: AssessmentState): DeadlineName | undefined {
  return typeof transition.deadline === "object" ? transition.deadline[state] : transition.deadline;
}

export interface RoundRule {
  /** States in which the round may be edited. */
  states: readonly AssessmentState[];
  role: Role;
  deadline?: DeadlineName;
  /** A save in this state first moves the assessment on (a scorer starting round 1). */
  starts?: { from: AssessmentState; to: AssessmentState };
}

/** Who edits which round, and when. */
export const ROUND_RULES: Record<Round, RoundRule> = {
  self: { states: ["draft"], role: "unit", deadline: "self" },
  appraisal1: { states: ["submitted", "appraisal1"], role: "scorer", deadline: "appraisal1", starts: { from: "submitted", to: "appraisal1" } },
  explanation: { states: ["explanation"], role: "unit", deadline: "explanation" },
  appraisal2: { states: ["appraisal2"], role: "scorer", deadline: "appraisal2" },
};

/** Evidence documents are added by the unit while its self-assessment or explanation is open. */
export const EVIDENCE_RULE: { states: Partial<Record<AssessmentState, DeadlineName>>; role: Role } = {
  states: { draft: "self", explanation: "explanation" },
  role: "unit",
};

export type Deadlines = Record<DeadlineName, string>;
export const DEADLINE_ROUNDS: readonly DeadlineName[] = ["self", "appraisal1", "explanation", "appraisal2"];

/** One unit's extension of one round's deadline, with the reason the administrator gave. */
export interface DeadlineExtension {
  round: DeadlineName;
  until: string;
  reason: string;
}

/**
 * The deadlines that bind one unit: the campaign's, each moved later by the unit's extension of
 * that round, if any (an extension never shortens a deadline). Every deadline check of the services
 * and every deadline a page shows for a unit comes from here.
 */
export function unitDeadlines(campaign: Deadlines, extensions: readonly DeadlineExtension[]): Deadlines {
  const out = { ...campaign };
  for (const e of extensions) if (Date.parse(e.until) > Date.parse(out[e.round])) out[e.round] = e.until;
  return out;
}
