import { APPRAISAL_ROUNDS, type Assessment } from "./types.js";

/**
 * A unit finalised by the scorers has been appraised even where the appraisal changed nothing:
 * its report must show the appraised stage with appraised points equal to the self-assessment,
 * not "self-assessed" (a published table would say it was never appraised). Adds an empty
 * appraisal round 1 after the self round when no appraisal round exists; otherwise unchanged.
 */
export function markAppraised(assessment: Assessment): Assessment {
  if (assessment.rounds.some((round) => APPRAISAL_ROUNDS.includes(round.round))) return assessment;
  const rounds = [...assessment.rounds];
  const self = rounds.findIndex((round) => round.round === "self");
  rounds.splice(self + 1, 0, { round: "appraisal1" });
  return { ...assessment, rounds };
}
