import type { LeafNode, Round } from "../../../src/index.js";
import type { Actor } from "../../auth/actor.js";
import type { AssessmentState } from "../../domain.js";
import type { AppraisalRound } from "../../services/appraisal-service.js";
import type { Deadlines } from "../../services/campaign-service.js";
import { ROUND_RULES, TRANSITIONS, type TransitionName } from "../../services/workflow.js";
import type { Services } from "../../services/create-services.js";
import { type Section, type WardData, entersItem, entryOf, leavesOf, loadWardData } from "../ward/ward-data.js";

/**
 * What the scorer's pages show about one unit, read from the data the ward's pages load (the same
 * services and live report): which round is being appraised, its deadline, and per area how far
 * the appraisal has got. Nothing here scores: points come from the engine's report.
 */

/** The ward's data and the items appraisal round 1 marked down, by the service's one rule (not the live report's appraised < self). */
export interface AppraisalData extends WardData {
  markedDown: ReadonlySet<string>;
}

export async function loadAppraisalData(services: Services, actor: Actor, campaignId: string, unitCode: string): Promise<AppraisalData> {
  const [data, markedDown] = await Promise.all([loadWardData(services, actor, campaignId, unitCode), services.rounds.markedDown(actor, campaignId, unitCode)]);
  return { ...data, markedDown };
}

/** The appraisal round a scorer edits in this state (ROUND_RULES), if any. */
export function editedRound(state: AssessmentState): AppraisalRound | undefined {
  return (["appraisal1", "appraisal2"] as const).find((round) => ROUND_RULES[round].states.includes(state));
}

/** The deadline that matters now to the scorer: the round being appraised, or the ward's explanation (the unit's deadlines, with its extensions). */
export function appraisalDeadline(deadlines: Deadlines, state: AssessmentState): { round: Round; at: Date } | undefined {
  const round = editedRound(state) ?? (state === "explanation" ? "explanation" : undefined);
  return round ? { round, at: new Date(deadlines[round]) } : undefined;
}

/** The moves a scorer may make from this state (request an explanation, finalise), in the workflow's order. */
export function scorerActions(state: AssessmentState, actor: Actor): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => {
    const transition = TRANSITIONS[name];
    return transition.role === actor.role && (transition.from as readonly AssessmentState[]).includes(state);
  });
}

/** The items a scorer appraises in a section (survey items come from the survey). */
export function appraisedLeaves(section: Section): LeafNode[] {
  return leavesOf(section.nodes).filter(entersItem);
}

/** Whether an appraisal round holds an entry for the item (accepted or changed by a scorer). */
export function isAppraised(data: WardData, code: string): boolean {
  return entryOf(data, "appraisal1", "item", code) !== undefined || entryOf(data, "appraisal2", "item", code) !== undefined;
}

/** Per area: self and appraised points so far (the engine's), items appraised of all, items marked down. */
export function areaProgress(data: AppraisalData, section: Section) {
  const node = data.nodes.get(section.code);
  const leaves = appraisedLeaves(section);
  return {
    self: node?.self ?? null,
    appraised: node?.appraised ?? null,
    max: node?.max ?? section.max,
    appraisedItems: leaves.filter((leaf) => isAppraised(data, leaf.code)).length,
    items: leaves.length,
    markedDown: leaves.filter((leaf) => data.markedDown.has(leaf.code)).length,
  };
}

/**
 * The items still to look at in this round, in page order: in round 1 those not appraised yet; in
 * round 2 those round 1 marked down that the scorer has not appraised again.
 */
export function stillToAppraise(data: AppraisalData, leaves: LeafNode[], round: AppraisalRound | undefined): LeafNode[] {
  if (round === "appraisal2") return leaves.filter((leaf) => data.markedDown.has(leaf.code) && entryOf(data, "appraisal2", "item", leaf.code) === undefined);
  return round ? leaves.filter((leaf) => !isAppraised(data, leaf.code)) : [];
}

/** The sections a scorer appraises (an area scored only by the survey has nothing to appraise). */
export function appraisalSections(sections: Section[]): Section[] {
  return sections.filter((section) => appraisedLeaves(section).length > 0);
}
