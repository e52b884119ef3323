import { type ScoringSheet, buildScoringSheet, toCsv, writeScoringSheetXlsx } from "../../src/index.js";
import type { Actor } from "../auth/actor.js";
import { requireRole, requireUnitAccess } from "../auth/authenticate.js";
import { notFound } from "../errors.js";
import type { Row } from "../storage/store.js";
import { assembleAssessment } from "./assemble-assessment.js";
import type { CriteriaService } from "./criteria-service.js";
import type { RankingFile } from "./ranking-formats.js";
import type { ServiceDeps } from "./service-deps.js";

export type SheetFormat = "csv" | "xlsx";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const UTF8 = new TextEncoder();

/**
 * Scoring sheets to download: a campaign's appraisal sheet (staff: the units submitted, since a
 * draft is neither appraised nor scored) and one unit's scoring sheet
 * (staff, or the unit's own user), as XLSX or CSV, from the stored entries. Both are the layout
 * `par score` and `par rank` read. The columns left open in the XLSX are the rounds the reader enters.
 */
export class SheetService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly criteria: CriteriaService,
  ) {}

  async campaignSheet(actor: Actor, campaignId: string, format: SheetFormat): Promise<RankingFile> {
    requireRole(actor, "admin", "scorer");
    const campaign = await this.campaign(campaignId);
    const codes = (await this.deps.store.listAssessments(campaignId)).filter((row) => row.state !== "draft").map((row) => row.unit_code);
    return this.encode(await this.build(campaign, codes), format, actor, `phieu-tham-dinh-${campaignId}`, `Phiếu thẩm định — ${campaign.title ?? campaignId}`);
  }

  async unitSheet(actor: Actor, campaignId: string, unitCode: string, format: SheetFormat): Promise<RankingFile> {
    requireUnitAccess(actor, unitCode);
    const campaign = await this.campaign(campaignId);
    if (!(await this.deps.store.getAssessment(campaignId, unitCode))) throw notFound({ en: `unit ${unitCode} in campaign ${campaignId}`, vi: `đơn vị ${unitCode} trong đợt ${campaignId}` });
    return this.encode(await this.build(campaign, [unitCode]), format, actor, `phieu-cham-diem-${campaignId}-${unitCode}`, `Phiếu chấm điểm — ${unitCode}`);
  }

  private async campaign(campaignId: string): Promise<Row<"campaigns">> {
    const campaign = await this.deps.store.getCampaign(campaignId);
    if (!campaign) throw notFound({ en: `campaign ${campaignId}`, vi: `đợt đánh giá ${campaignId}` });
    return campaign;
  }

  private async build(campaign: Row<"campaigns">, codes: string[]): Promise<ScoringSheet> {
    const { store } = this.deps;
    const set = await this.criteria.forCampaign(campaign);
    const only = codes.length === 1 ? codes[0] : undefined;
    const [units, entries, evidence] = await Promise.all([store.listUnits(), store.listEntries(campaign.id, only), store.listEvidence(campaign.id, only)]);
    const unitByCode = new Map(units.map((unit) => [unit.code, unit]));
    const assessments = codes.flatMap((code) => {
      const unit = unitByCode.get(code);
      if (!unit) return [];
      const mine = { unit, campaign, entries: entries.filter((e) => e.unit_code === code), evidence: evidence.filter((e) => e.unit_code === code), survey: undefined };
      return [assembleAssessment(mine)];
    });
    return buildScoringSheet(assessments, set);
  }

  private async encode(sheet: ScoringSheet, format: SheetFormat, actor: Actor, name: string, title: string): Promise<RankingFile> {
    if (format === "csv") {
      const csv = `\uFEFF${toCsv([sheet.header, ...sheet.rows.map((row) => row.cells)])}`;
      return { body: UTF8.encode(csv), contentType: "text/csv; charset=utf-8", fileName: `${name}.csv` };
    }
    const editable = actor.role === "unit" ? (["self", "explanation", "comment", "evidence"] as const) : (["appraisal1", "appraisal2", "comment"] as const);
    return { body: new Uint8Array(await writeScoringSheetXlsx(sheet, { title, editable })), contentType: XLSX, fileName: `${name}.xlsx` };
  }
}
