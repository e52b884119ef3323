import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Assessment, ENGINE, markAppraised, readAssessmentSheet, readSurveyResults, scoreAssessment, type SurveyResults } from "../src/index.js";
import { hashPassword } from "./auth/passwords.js";
import { SYSTEM } from "./load-criteria-directory.js";
import { createAdministrator } from "./services/create-administrator.js";
import type { Services } from "./services/create-services.js";
import type { AssessmentState } from "./services/workflow.js";
import type { Store } from "./storage/store.js";

const DAY = 86_400_000;
/** The demo 2026 campaign shows every state: unit n gets STATES_BY_UNIT[n % 8]. */
const STATES_BY_UNIT: AssessmentState[] = ["draft", "draft", "submitted", "appraisal1", "explanation", "appraisal2", "finalised", "finalised"];
const ROUNDS_BY_STATE: Record<string, number> = { draft: 1, submitted: 1, appraisal1: 2, explanation: 2, appraisal2: 3, finalised: 4 };

/**
 * The demo province from criteria/examples/demo-province: its 40 units; campaign demo-2025
 * finalised and published; campaign demo-2026 open (deadlines a month and more ahead of `now`)
 * with units in every state. Demo users' tokens go to `tokensFile` (a shell file to source).
 */
export async function seedDemo(services: Services, root: string, now: Date, tokensFile: string, log: (line: string) => void): Promise<void> {
  const { store } = services;
  const years = [
    { id: "demo-2025", year: 2025, version: "2025.1", offset: -365 },
    { id: "demo-2026", year: 2026, version: "2026.1", offset: 0 },
  ];
  for (const { id, year, version, offset } of years) {
    const set = await services.criteria.get("reference-commune", version);
    const dir = join(root, "criteria/examples/demo-province");
    const sheet = readAssessmentSheet(readFileSync(join(dir, `assessments-${year}.csv`), "utf8"), { fileName: `assessments-${year}.csv`, criteria: set, year });
    const survey = readSurveyResults(readFileSync(join(dir, `survey-${year}.csv`), "utf8"), { fileName: `survey-${year}.csv`, criteria: set });
    if (!sheet.ok || !survey.ok) throw new Error(`the demo province sheets for ${year} do not load`);
    const at = (days: number) => new Date(now.getTime() + (offset + days) * DAY).toISOString();
    if (offset === 0 || (await store.listUnits()).length === 0) {
      for (const a of sheet.value) {
        if (await store.getUnit(a.unit.code)) continue;
        await store.insertUnit({
          code: a.unit.code,
          name: a.unit.name,
          type: a.unit.type,
          block: a.unit.block ?? null,
          province: "Tỉnh Demo",
          version: 1,
          updated_at: now.toISOString(),
        });
      }
    }
    const deadlines = { self: at(30), appraisal1: at(45), explanation: at(60), appraisal2: at(75) };
    await services.campaigns.create(SYSTEM, {
      id,
      year,
      title: `Chỉ số CCHC ${year} (demo)`,
      criteria: { family: "reference-commune", version },
      deadlines,
      units: sheet.value.map((a) => a.unit.code),
    });
    await store.transaction(async (tx) => {
      for (const [n, assessment] of sheet.value.entries()) {
        const state = offset < 0 ? "finalised" : STATES_BY_UNIT[n % STATES_BY_UNIT.length]!;
        await seedAssessment(tx, id, assessment, survey.value.get(assessment.unit.code), state, now);
        if (state === "finalised") {
          const report = scoreAssessment(set, {
            ...markAppraised(assessment),
            ...(survey.value.get(assessment.unit.code) ? { survey: survey.value.get(assessment.unit.code) } : {}),
          });
          if (!report.ok) throw new Error(`demo unit ${assessment.unit.code} does not score: ${report.problems[0]?.message}`);
          await tx.insertSnapshot({
            campaign_id: id,
            unit_code: assessment.unit.code,
            report: JSON.stringify(report.value),
            criteria_family: set.family,
            criteria_version: set.version,
            engine_version: ENGINE.version,
            created_by: "system",
            created_at: now.toISOString(),
          });
        }
      }
    });
    if (offset < 0) await services.publication.publish(SYSTEM, id, 1, "demo data");
    log(`demo campaign ${id}: ${sheet.value.length} units${offset < 0 ? ", published" : ", open (units in every state)"}`);
  }
  const users = [
    { key: "ADMIN", login: "admin", ...(await createAdministrator(store, now, "Demo administrator")) },
    { key: "SCORER", login: "scorer", ...(await createAdministrator(store, now, "Demo scorer", "scorer")) },
    { key: "WARD", login: "dv0002", ...(await createAdministrator(store, now, "Demo ward DV0002 (Phường 15)", "unit", "DV0002")) },
  ];
  const lines: string[] = [];
  for (const user of users) {
    // Demo only: a fresh random password per demo database, printed once and kept in the tokens file.
    const password = `demo-${randomBytes(5).toString("hex")}`;
    await store.setUserPassword(user.id, user.login, await hashPassword(password), now.toISOString());
    lines.push(`export PAR_${user.key}=${user.token}`, `export PAR_${user.key}_LOGIN=${user.login}`, `export PAR_${user.key}_PASSWORD=${password}`);
    log(`demo sign-in (demo only): ${user.login} / ${password}`);
  }
  writeFileSync(tokensFile, lines.map((line) => `${line}\n`).join(""), { mode: 0o600 });
  log(`demo users' tokens, login names and passwords written to ${tokensFile} (source it: . ${tokensFile})`);
}

export async function seedAssessment(
  store: Store,
  campaignId: string,
  assessment: Assessment,
  survey: SurveyResults | undefined,
  state: AssessmentState,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const rounds = assessment.rounds.slice(0, ROUNDS_BY_STATE[state] ?? 4);
  for (const doc of assessment.evidence ?? []) {
    await store.putEvidence(
      {
        campaign_id: campaignId,
        unit_code: assessment.unit.code,
        id: doc.id,
        title: doc.title ?? null,
        number: doc.number ?? null,
        date: doc.date ?? null,
        issuer: doc.issuer ?? null,
        link: doc.link ?? null,
        file_name: null,
        file_type: null,
        file_size: null,
        file_data: null,
        version: 1,
        updated_by: "system",
        updated_at: at,
      },
      0,
    );
  }
  for (const round of rounds) {
    for (const [kind, entries] of [
      ["fact", round.facts ?? {}],
      ["item", round.items ?? {}],
    ] as const) {
      for (const [code, value] of Object.entries(entries)) {
        await store.putEntry(
          {
            campaign_id: campaignId,
            unit_code: assessment.unit.code,
            round: round.round,
            kind,
            code,
            value: JSON.stringify(value),
            version: 1,
            updated_by: "system",
            updated_at: at,
          },
          0,
        );
      }
    }
  }
  if (survey) await store.putSurvey({ campaign_id: campaignId, unit_code: assessment.unit.code, content: JSON.stringify(survey), updated_at: at });
  if (state !== "draft") await store.setAssessmentState(campaignId, assessment.unit.code, 1, state, at);
}
