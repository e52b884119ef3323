import { DEADLINE_NAMES } from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole } from "../auth/authenticate.js";
import { ApiError, type ApiProblem, notFound } from "../errors.js";
import type { Row } from "../storage/store.js";
import { recordAudit } from "./audit.js";
import type { CriteriaService } from "./criteria-service.js";
import type { ServiceDeps } from "./service-deps.js";
import { alreadyExists } from "./unit-service.js";
import { DEADLINE_ROUNDS, type Deadlines } from "./workflow.js";

export type { Deadlines } from "./workflow.js";

export interface CampaignInput {
  id: string;
  year: number;
  title?: string | undefined;
  criteria: { family: string; version: string };
  deadlines: Deadlines;
  /** Unit codes taking part; default every unit whose type the criteria set covers. */
  units?: string[] | undefined;
}

export interface CampaignView {
  id: string;
  year: number;
  title: string;
  criteria: { family: string; version: string };
  deadlines: Deadlines;
  state: string;
  version: number;
  publishedAt: string | null;
}

export function toCampaignView(row: Omit<Row<"campaigns">, "ranking">): CampaignView {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    criteria: { family: row.criteria_family, version: row.criteria_version },
    deadlines: JSON.parse(row.deadlines),
    state: row.state,
    version: row.version,
    publishedAt: row.published_at,
  };
}

/** A campaign is one year's assessment under one criteria version, with deadlines per round. */
export class CampaignService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
  ) {}

  async list(actor: Actor): Promise<CampaignView[]> {
    const rows = await this.deps.store.listCampaigns();
    return rows.filter((r) => actor.role !== "public" || r.state === "published").map(toCampaignView);
  }

  async get(actor: Actor, id: string): Promise<CampaignView> {
    const row = await this.deps.store.getCampaign(id);
    if (!row || (actor.role === "public" && row.state !== "published")) throw notFound({ en: `campaign ${id}`, vi: `đợt đánh giá ${id}` });
    return toCampaignView(row);
  }

  /**
   * Opens the campaign and a draft assessment per unit. The criteria version is read under a
   * shared lock, so a replacement of that version (allowed while no campaign uses it) waits.
   */
  async create(actor: Actor, input: CampaignInput): Promise<CampaignView> {
    requireRole(actor, "admin");
    const now = this.deps.now().toISOString();
    return this.deps.store.transaction(async (store) => {
      const existing = await store.getCampaign(input.id);
      if (existing) throw this.exists(existing);
      await store.lockCriteriaSet(input.criteria.family, input.criteria.version, "share");
      const set = await this.criteria.get(input.criteria.family, input.criteria.version, store);
      const problems: ApiProblem[] = [];
      if (!set.appliesTo.years.includes(input.year))
        problems.push({
          code: "criteria-mismatch",
          path: "year",
          message: `${set.family} ${set.version} applies to ${set.appliesTo.years.join(", ")}, not ${input.year}`,
          vi: `bộ tiêu chí ${set.family} ${set.version} áp dụng cho năm ${set.appliesTo.years.join(", ")}, không phải ${input.year}`,
        });
      problems.push(...deadlineProblems(input.deadlines));
      const all = await store.listUnits();
      const known = new Map(all.map((u) => [u.code, u]));
      const codes = input.units ?? all.filter((u) => set.appliesTo.unitTypes.includes(u.type as never)).map((u) => u.code);
      codes.forEach((code, i) => {
        const unit = known.get(code);
        if (!unit) problems.push({ code: "unknown-unit", path: `units[${i}]`, message: `unit ${code} does not exist`, vi: `đơn vị ${code} không tồn tại` });
        else if (!set.appliesTo.unitTypes.includes(unit.type as never))
          problems.push({
            code: "criteria-mismatch",
            path: `units[${i}]`,
            message: `unit ${code} is a ${unit.type}; ${set.family} ${set.version} covers ${set.appliesTo.unitTypes.join(", ")}`,
            vi: `đơn vị ${code} thuộc loại ${unit.type}; bộ tiêu chí ${set.family} ${set.version} áp dụng cho ${set.appliesTo.unitTypes.join(", ")}`,
          });
      });
      if (codes.length === 0)
        problems.push({
          code: "no-units",
          path: "units",
          message: "no unit takes part: register units first or list them here",
          vi: "chưa có đơn vị nào tham gia: hãy đăng ký đơn vị trước hoặc liệt kê chúng ở đây",
        });
      if (problems.length > 0)
        throw new ApiError(
          "invalid-input",
          { en: `the campaign has ${problems.length} problem(s)`, vi: `đợt đánh giá có ${problems.length} lỗi` },
          { problems },
        );
      const row: Row<"campaigns"> = {
        id: input.id,
        year: input.year,
        title: input.title ?? `PAR index ${input.year}`,
        criteria_family: set.family,
        criteria_version: set.version,
        deadlines: JSON.stringify(input.deadlines),
        state: "open",
        version: 1,
        published_at: null,
        ranking: null,
        created_at: now,
      };
      if (!(await store.insertCampaign(row))) throw this.exists((await store.getCampaign(input.id))!);
      for (const code of new Set(codes)) await store.insertAssessment({ campaign_id: input.id, unit_code: code, state: "draft", version: 1, updated_at: now });
      await recordAudit(store, actor, this.deps.now(), { action: "campaign.create", campaignId: input.id, after: { ...toCampaignView(row), units: codes } });
      return toCampaignView(row);
    });
  }

  /** The administrator's list: every campaign with how many units are in each state. */
  async summaries(actor: Actor): Promise<(CampaignView & { states: Record<string, number>; units: number })[]> {
    requireRole(actor, "admin");
    const rows = await this.deps.store.listCampaigns();
    const out = [];
    for (const row of rows) {
      const assessments = await this.deps.store.listAssessments(row.id);
      out.push({ ...toCampaignView(row), states: countStates(assessments), units: assessments.length });
    }
    return out;
  }

  /** The administrator's view of one campaign: its units with names and states, the counts per state, the extensions. */
  async overview(actor: Actor, id: string) {
    requireRole(actor, "admin");
    const { store } = this.deps;
    const row = await store.getCampaign(id);
    if (!row) throw notFound({ en: `campaign ${id}`, vi: `đợt đánh giá ${id}` });
    const [assessments, units, extensions] = await Promise.all([store.listAssessments(id), store.listUnits(), store.listDeadlineExtensions(id)]);
    const names = new Map(units.map((u) => [u.code, u.name]));
    return {
      campaign: toCampaignView(row),
      states: countStates(assessments),
      units: assessments.map((a) => ({ code: a.unit_code, name: names.get(a.unit_code) ?? a.unit_code, state: a.state })),
      extensions: extensions.map((e) => ({ unitCode: e.unit_code, round: e.round, until: e.until, reason: e.reason, createdAt: e.created_at })),
    };
  }

  private exists(row: Row<"campaigns">): ApiError {
    return alreadyExists(
      { en: `campaign ${row.id}`, vi: `đợt đánh giá ${row.id}` },
      { en: "open the new campaign under another id", vi: "hãy mở đợt mới với mã khác" },
      row.version,
      toCampaignView(row),
    );
  }

  /** The campaign, or 404; while `open` unless `allowPublished`. */
  async requireOpen(id: string, store = this.deps.store): Promise<Row<"campaigns">> {
    const row = await store.getCampaign(id);
    if (!row) throw notFound({ en: `campaign ${id}`, vi: `đợt đánh giá ${id}` });
    if (row.state !== "open")
      throw new ApiError("wrong-state", {
        en: `campaign ${id} is ${row.state}: nothing in it can change`,
        vi: `đợt đánh giá ${id} đang ở trạng thái ${row.state}: không thể thay đổi gì trong đợt`,
      });
    return row;
  }
}

/** The deadlines must follow the rounds' order: self, appraisal 1, explanation, appraisal 2. */
export function deadlineProblems(deadlines: Deadlines): ApiProblem[] {
  return DEADLINE_ROUNDS.slice(1).flatMap((name, i) => {
    const before = DEADLINE_ROUNDS[i]!;
    if (Date.parse(deadlines[name]) >= Date.parse(deadlines[before])) return [];
    return [
      {
        code: "deadline-order",
        path: `deadlines.${name}`,
        message: `"${DEADLINE_NAMES[name].en}" comes before "${DEADLINE_NAMES[before].en}": the rounds' deadlines follow their order`,
        vi: `"${DEADLINE_NAMES[name].vi}" đứng trước "${DEADLINE_NAMES[before].vi}": hạn các vòng phải theo đúng thứ tự`,
      },
    ];
  });
}

function countStates(assessments: { state: string }[]): Record<string, number> {
  const states: Record<string, number> = {};
  for (const a of assessments) states[a.state] = (states[a.state] ?? 0) + 1;
  return states;
}
